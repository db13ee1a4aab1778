//! Developed plans through the solver: 32 in 4s over 9 rounds with a keep-apart and a
//! keep-together pair at the tie's own repeats, 60 in 6s over 8 rounds without a repeat.

use proptest::prelude::*;
use regie::groups::{Budget, Person, Problem, Sizing, solve_with_budget};
use std::collections::BTreeMap;

fn name(i: usize) -> String {
    format!("P{i}")
}

fn problem(
    n: usize,
    size: usize,
    rounds: usize,
    apart: &[(usize, usize)],
    together: &[(usize, usize)],
) -> Problem {
    let named = |pairs: &[(usize, usize)]| pairs.iter().map(|&(a, b)| (name(a), name(b))).collect();
    Problem {
        people: (0..n)
            .map(|i| Person {
                name: name(i),
                attributes: BTreeMap::new(),
            })
            .collect(),
        sizing: Sizing::Size(size),
        rounds,
        keep_apart: named(apart),
        keep_together: named(together),
        history: vec![],
        balance: vec![],
        pins: Vec::new(),
    }
}

/// Meetings per pair of names over the plan, and whether every round seats everyone once in
/// groups of `size`.
fn meetings(rounds: &[Vec<Vec<String>>], n: usize, size: usize) -> BTreeMap<(String, String), u32> {
    let mut met = BTreeMap::new();
    for round in rounds {
        let mut all: Vec<&String> = round.iter().flatten().collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "everyone once a round");
        assert!(round.iter().all(|g| g.len() == size));
        for group in round {
            for a in group {
                for b in group {
                    if a < b {
                        *met.entry((a.clone(), b.clone())).or_insert(0) += 1;
                    }
                }
            }
        }
    }
    met
}

/// The command's default budget without its clock: the developed start needs no search.
const BUDGET: Budget = Budget {
    evaluations: 2_000_000,
    ..Budget::BREAKOUT
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn a_tied_pair_in_32_fours_over_9_rounds_repeats_only_itself(
        seed in 0u64..1_000_000,
        people in Just((0..32).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let (a, b, c, d) = (people[0], people[1], people[2], people[3]);
        let solved = solve_with_budget(&problem(32, 4, 9, &[(a, b)], &[(c, d)]), seed, BUDGET)
            .expect("solvable");
        let met = meetings(&solved.plan.rounds, 32, 4);
        let key = |x: usize, y: usize| (name(x).min(name(y)), name(x).max(name(y)));
        prop_assert_eq!(met.get(&key(a, b)), None, "keep-apart holds");
        prop_assert_eq!(met.get(&key(c, d)), Some(&9), "keep-together holds");
        let others = met.iter().filter(|(k, _)| **k != key(c, d)).map(|(_, &m)| m).max();
        prop_assert_eq!(others, Some(1), "nobody else meets twice");
        prop_assert_eq!(solved.plan.score.repeated_pairs, 8);
        prop_assert_eq!(solved.fewest_repeats, 8);
        prop_assert!(solved.optimal);
    }
}

#[test]
fn sixty_in_sixes_over_eight_rounds_meet_nobody_twice() {
    for seed in 1..=3 {
        let solved =
            solve_with_budget(&problem(60, 6, 8, &[], &[]), seed, BUDGET).expect("solvable");
        let met = meetings(&solved.plan.rounds, 60, 6);
        assert_eq!(met.values().max(), Some(&1));
        assert_eq!(solved.plan.score.repeated_pairs, 0);
        assert!(solved.optimal && solved.constructed);
    }
}

#[test]
fn a_tied_pair_in_kirkman_shows_the_six_repeats_it_forces_on_the_others() {
    let solved =
        solve_with_budget(&problem(15, 3, 7, &[], &[(0, 1)]), 1, BUDGET).expect("solvable");
    assert_eq!(solved.fewest_repeats, 12);
    assert!(solved.plan.score.repeated_pairs >= 12);
}
