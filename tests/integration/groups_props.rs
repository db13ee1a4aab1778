//! Property tests of the group solver: every plan is a partition of exactly the people
//! present with the sizes asked, hard pairs hold, the seed decides, balance holds when it can.

use proptest::prelude::*;
use regie::groups::{
    Budget, Meeting, Person, Plan, Problem, Sizing, group_sizes, solve, solve_watched,
    solve_with_budget,
};
use std::collections::{BTreeMap, BTreeSet};

/// A small budget: the properties hold for any plan, not just good ones.
pub(crate) const QUICK: Budget = Budget {
    evaluations: 20_000,
    stagnation: 100,
    perturbations: 2,
    patience: 5_000,
    construction: true,
};

fn name(i: usize) -> String {
    format!("P{i}")
}

/// A random problem: 2-20 people with a department, some absent from a history, some pairs.
pub(crate) fn problems() -> impl Strategy<Value = Problem> {
    (
        2usize..=20,
        2usize..=6,
        1usize..=4,
        any::<bool>(),
        0usize..=3,
    )
        .prop_flat_map(|(n, s, rounds, by_count, depts)| {
            let pair = (0..n, 0..n);
            (
                Just((n, s, rounds, by_count, depts)),
                prop::collection::vec(pair.clone(), 0..3),
                prop::collection::vec(pair.clone(), 0..3),
                prop::collection::vec((pair, 1u32..5), 0..20),
                prop::collection::vec((0..n, 1usize..=6), 0..3),
            )
        })
        .prop_map(
            |((n, s, rounds, by_count, depts), apart, together, history, pins)| {
                let sizing = if by_count {
                    Sizing::Groups(n.div_ceil(s).clamp(1, n / 2))
                } else {
                    Sizing::Size(s)
                };
                let groups = group_sizes(n, sizing).map_or(1, |g| g.len());
                let people = (0..n)
                    .map(|i| Person {
                        name: name(i),
                        attributes: if depts > 0 {
                            [("afdeling".to_string(), format!("d{}", i % depts))].into()
                        } else {
                            BTreeMap::new()
                        },
                    })
                    .collect();
                // Keep only pairs that are always satisfiable: distinct people, a chain of at most
                // two, and keep-apart only when there are enough groups and outside chains.
                let together: Vec<(usize, usize)> = together
                    .into_iter()
                    .filter(|(a, b)| a != b && n >= 4 && s >= 3)
                    .take(1)
                    .collect();
                let in_chain = |x: usize| together.iter().any(|&(a, b)| a == x || b == x);
                let apart = apart
                    .into_iter()
                    .filter(|&(a, b)| a != b && groups >= 3 && !in_chain(a) && !in_chain(b))
                    .take(1)
                    .collect::<Vec<_>>();
                // Pins: people outside chains and apart pairs, each to a group of their own.
                let mut pinned: Vec<(usize, usize)> = Vec::new();
                for (x, g) in pins {
                    let free = !in_chain(x) && !apart.iter().any(|&(a, b)| a == x || b == x);
                    let taken = pinned.iter().any(|&(y, h)| y == x || h == g);
                    if free && !taken && g <= groups {
                        pinned.push((x, g));
                    }
                }
                Problem {
                    people,
                    sizing,
                    rounds,
                    keep_apart: apart.iter().map(|&(a, b)| (name(a), name(b))).collect(),
                    keep_together: together.iter().map(|&(a, b)| (name(a), name(b))).collect(),
                    history: history
                        .into_iter()
                        .filter(|((a, b), _)| a != b)
                        .map(|((a, b), rounds_ago)| Meeting {
                            a: name(a),
                            b: name(b),
                            rounds_ago,
                        })
                        .collect(),
                    balance: if depts > 0 {
                        vec!["afdeling".into()]
                    } else {
                        vec![]
                    },
                    pins: pinned.iter().map(|&(x, g)| (name(x), g)).collect(),
                }
            },
        )
}

fn check_plan(problem: &Problem, plan: &Plan) {
    let sizes = group_sizes(problem.people.len(), problem.sizing).expect("valid sizing");
    let everyone: BTreeSet<&str> = problem.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(plan.rounds.len(), problem.rounds);
    for round in &plan.rounds {
        let mut got: Vec<usize> = round.iter().map(Vec::len).collect();
        got.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(got, sizes, "sizes differ by at most one, nobody alone");
        let seen: Vec<&str> = round.iter().flatten().map(String::as_str).collect();
        let distinct: BTreeSet<&str> = seen.iter().copied().collect();
        assert_eq!(seen.len(), distinct.len(), "someone placed twice");
        assert_eq!(distinct, everyone, "exactly the people present");
        for group in round {
            let has = |n: &String| group.contains(n);
            for (a, b) in &problem.keep_apart {
                assert!(!(has(a) && has(b)), "{a} and {b} together: {group:?}");
            }
            for (a, b) in &problem.keep_together {
                assert_eq!(has(a), has(b), "{a} and {b} apart: {round:?}");
            }
        }
        for (name, group) in &problem.pins {
            assert!(
                round[group - 1].contains(name),
                "{name} not in group {group}: {round:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_plan_partitions_the_people_present_and_keeps_hard_pairs(
        problem in problems(),
        seed in any::<u64>(),
    ) {
        let solved = solve_with_budget(&problem, seed, QUICK).expect("satisfiable by construction");
        check_plan(&problem, &solved.plan);
    }

    #[test]
    fn a_plan_cut_short_by_a_time_limit_is_as_valid_as_one_without(
        problem in problems(),
        seed in any::<u64>(),
        calls in 1u32..3,
    ) {
        // The watch ends the search at its first or second look, whatever the budget.
        let mut seen = 0;
        let mut watch = |_: &regie::groups::Progress| {
            seen += 1;
            seen < calls
        };
        let cut = solve_watched(&problem, seed, Budget::default(), &mut watch)
            .expect("satisfiable by construction");
        check_plan(&problem, &cut.plan);
        let full = solve_with_budget(&problem, seed, QUICK).expect("satisfiable");
        check_plan(&problem, &full.plan);
        prop_assert!(!full.stopped);
    }

    #[test]
    fn the_same_seed_gives_the_same_plan(problem in problems(), seed in any::<u64>()) {
        let a = solve_with_budget(&problem, seed, QUICK).expect("satisfiable");
        let b = solve_with_budget(&problem, seed, QUICK).expect("satisfiable");
        prop_assert_eq!(a, b);
    }

    #[test]
    fn absent_people_are_simply_left_out(problem in problems(), seed in any::<u64>(), gone in 0usize..20) {
        let mut problem = problem;
        if problem.people.len() > 2 {
            let at = gone % problem.people.len();
            problem.people.remove(at);
            problem.forget_absent();
        }
        if let Ok(solved) = solve_with_budget(&problem, seed, QUICK) {
            check_plan(&problem, &solved.plan);
        }
    }
}

/// 12 people, 4 in each of three departments, in 4 groups of 3: one of each in every group,
/// every round (and no one meets twice: mutually orthogonal Latin squares of order 4 exist).
#[test]
fn balance_puts_one_of_each_department_in_every_group_when_it_can() {
    for seed in 0..20 {
        let problem = Problem {
            people: (0..12)
                .map(|i| Person {
                    name: name(i),
                    attributes: [("afdeling".to_string(), format!("d{}", i / 4))].into(),
                })
                .collect(),
            sizing: Sizing::Size(3),
            rounds: 3,
            keep_apart: vec![],
            keep_together: vec![],
            history: vec![],
            balance: vec!["afdeling".into()],
            pins: Vec::new(),
        };
        let plan = solve(&problem, seed).expect("solvable");
        assert!(plan.score.imbalance.abs() < 1e-9, "seed {seed}: {plan:?}");
        assert_eq!(plan.score.repeated_pairs, 0, "seed {seed}: {plan:?}");
        for group in plan.rounds.iter().flatten() {
            let depts: BTreeSet<usize> = group
                .iter()
                .map(|n| n[1..].parse::<usize>().expect("numbered") / 4)
                .collect();
            assert_eq!(depts.len(), 3, "seed {seed}: {group:?}");
        }
    }
}

/// Two attributes: 16 people, department (4 x 4) and profile (2 x 8), groups of 4: every
/// group one of each department and two of each profile.
#[test]
fn two_attributes_balance_together_when_they_can() {
    for seed in 0..10 {
        let problem = Problem {
            people: (0..16)
                .map(|i| Person {
                    name: name(i),
                    attributes: [
                        ("afdeling".to_string(), format!("d{}", i / 4)),
                        ("profiel".to_string(), format!("p{}", i % 2)),
                    ]
                    .into(),
                })
                .collect(),
            sizing: Sizing::Size(4),
            rounds: 2,
            keep_apart: vec![],
            keep_together: vec![],
            history: vec![],
            balance: vec!["afdeling".into(), "profiel".into()],
            pins: Vec::new(),
        };
        let plan = solve(&problem, seed).expect("solvable");
        assert!(plan.score.imbalance.abs() < 1e-9, "seed {seed}: {plan:?}");
    }
}
