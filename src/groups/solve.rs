//! The solver's entry points: check the problem, search with a seed and a move budget,
//! and turn the best plan back into names with its score.

use super::bounds::{BoundSource, lower_bound};
use super::dice::Dice;
use super::error::GroupsError;
use super::exact::{self, exact_round};
use super::model::Model;
use super::problem::{Plan, Problem};
use super::score::score;
use super::state::State;
use super::tabu::{Budget, Progress, search};
use std::collections::BTreeSet;

/// Moves the tabu search may spend on a problem the exact search then finishes (one round of
/// a small room): enough for a plan at or near the optimum, which prunes most splits.
const EXACT_START: u64 = 200_000;
/// Moves the exact search may spend at most (about a second): past that the tabu search's plan,
/// or a better one found on the way, is used unproven.
const EXACT_MOVES: u64 = 10_000_000;

/// A plan with what the search knows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Solved {
    pub plan: Plan,
    /// No plan has fewer or fairer repeats or a better balance (the cost met its lower bound).
    pub optimal: bool,
    /// Moves the search evaluated (the budget's unit).
    pub evaluations: u64,
    /// The plan is the repeat-free construction, not found by the search.
    pub constructed: bool,
    /// Fewest repeated meetings any plan of this problem can have (a proven lower bound).
    pub fewest_repeats: u32,
    /// The argument that gives `fewest_repeats`.
    pub bound: BoundSource,
    /// The watch (a time limit) ended the search before its budget: another machine may
    /// find another plan from the same seed.
    pub stopped: bool,
}

/// Fewest repeated meetings any split of `problem` can have (the bound `Solved` reports), or
/// `None` when the problem cannot be split at all.
pub fn fewest_repeats(problem: &Problem) -> Option<u32> {
    Model::build(problem)
        .ok()
        .map(|model| lower_bound(&model).repeats)
}

impl Solved {
    /// The plan has as few repeats as any plan can have.
    pub fn fewest_possible(&self) -> bool {
        self.plan.score.repeated_pairs <= self.fewest_repeats
    }
}

/// Split `problem.people` into groups for `problem.rounds` rounds. The same problem and seed
/// give the same plan on every machine.
pub fn solve(problem: &Problem, seed: u64) -> Result<Plan, GroupsError> {
    solve_with_budget(problem, seed, Budget::default()).map(|s| s.plan)
}

/// `solve` with an explicit search budget.
pub fn solve_with_budget(
    problem: &Problem,
    seed: u64,
    budget: Budget,
) -> Result<Solved, GroupsError> {
    solve_watched(problem, seed, budget, &mut |_| true)
}

/// `solve_with_budget` with a watch: it sees the progress about every `WATCH_EVERY` moves and
/// ends the search by returning false (a time limit); the best plan so far is returned. Only
/// a watch that stops the search makes the plan depend on the machine.
pub fn solve_watched(
    problem: &Problem,
    seed: u64,
    budget: Budget,
    watch: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Solved, GroupsError> {
    let model = Model::build(problem)?;
    let bound = lower_bound(&model);
    let mut dice = Dice::new(seed);
    let exact_applies = exact::applies(&model);
    // With the exact search to follow, the tabu search only needs a good plan to prune by.
    let tabu_budget = if exact_applies {
        Budget {
            evaluations: budget.evaluations.min(EXACT_START),
            ..budget
        }
    } else {
        budget
    };
    let mut found = search(&model, bound, tabu_budget, &mut dice, watch);
    if exact_applies && !found.optimal && !found.stopped {
        // One round of a small room: search every split for a better one, or prove there is
        // none (the day's optimum), in what is left of the budget.
        let (before, repeats) = (found.evaluations, found.state.repeats(&model));
        let exact = exact_round(
            &model,
            Some(found.state.cost),
            &mut dice,
            budget.evaluations.saturating_sub(before).min(EXACT_MOVES),
            &mut |evaluations| {
                watch(&Progress {
                    evaluations: before + evaluations,
                    repeats,
                    fewest: bound.repeats,
                })
            },
        );
        if let Some(members) = exact.members {
            found.state = State::new(&model, members);
            found.constructed = false;
        }
        found.optimal = exact.complete;
        found.evaluations += exact.evaluations;
        found.stopped = exact.stopped;
    }
    let state = found.state;
    if state.cost.apart > 0 {
        let mut met = Vec::new();
        for round in &state.members {
            for group in round {
                for (x, &i) in group.iter().enumerate() {
                    for &j in &group[x + 1..] {
                        if model.apart[model.pair(i, j)] {
                            met.push((i, j));
                        }
                    }
                }
            }
        }
        return Err(GroupsError::ApartNotFound {
            pairs: apart_pairs_involved(problem, &met),
            groups: model.sizes.len(),
        });
    }
    let rounds: Vec<Vec<Vec<String>>> = state
        .members
        .iter()
        .map(|round| {
            round
                .iter()
                .map(|group| {
                    let mut ids = group.clone();
                    ids.sort_unstable();
                    ids.iter()
                        .map(|&i| problem.people[i].name.clone())
                        .collect()
                })
                .collect()
        })
        .collect();
    let score = score(problem, &rounds);
    Ok(Solved {
        plan: Plan { rounds, score },
        optimal: found.optimal,
        evaluations: found.evaluations,
        constructed: found.constructed,
        fewest_repeats: bound.repeats,
        bound: bound.source,
        stopped: found.stopped,
    })
}

/// The keep-apart pairs, as given, linked (through shared people) to a pair that still met:
/// three people who must all be apart are named by all three of their pairs.
fn apart_pairs_involved(problem: &Problem, met: &[(usize, usize)]) -> Vec<(String, String)> {
    let mut reached: BTreeSet<&str> = met
        .iter()
        .flat_map(|&(i, j)| {
            [
                problem.people[i].name.as_str(),
                problem.people[j].name.as_str(),
            ]
        })
        .collect();
    loop {
        let before = reached.len();
        for (a, b) in &problem.keep_apart {
            if reached.contains(a.as_str()) || reached.contains(b.as_str()) {
                reached.insert(a);
                reached.insert(b);
            }
        }
        if reached.len() == before {
            break;
        }
    }
    problem
        .keep_apart
        .iter()
        .filter(|(a, _)| reached.contains(a.as_str()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::problem::{Meeting, Person, Sizing, meetings_from_splits};

    fn people(n: usize) -> Vec<Person> {
        (1..=n)
            .map(|i| Person {
                name: format!("Deelnemer {i}"),
                attributes: Default::default(),
            })
            .collect()
    }

    fn problem(n: usize, sizing: Sizing, rounds: usize) -> Problem {
        Problem {
            people: people(n),
            sizing,
            rounds,
            keep_apart: vec![],
            keep_together: vec![],
            history: vec![],
            balance: vec![],
            pins: Vec::new(),
        }
    }

    fn together(plan: &Plan, a: &str, b: &str) -> usize {
        plan.rounds
            .iter()
            .flatten()
            .filter(|g| g.iter().any(|x| x == a) && g.iter().any(|x| x == b))
            .count()
    }

    #[test]
    fn kirkman_schoolgirls_walk_seven_days_without_meeting_twice() {
        let plan = solve(&problem(15, Sizing::Size(3), 7), 1).expect("solvable");
        assert_eq!(plan.rounds.len(), 7);
        assert_eq!(plan.score.repeated_pairs, 0);
        assert_eq!(plan.score.max_meetings, 1);
        assert_eq!(plan.score.min_meetings, 1);
    }

    #[test]
    fn kirkman_with_a_keep_apart_pair_reaches_the_two_repeats_it_forces_and_says_so() {
        let mut p = problem(15, Sizing::Size(3), 7);
        p.keep_apart = vec![("Deelnemer 1".into(), "Deelnemer 2".into())];
        let solved = solve_with_budget(&p, 1, Budget::default()).expect("solvable");
        assert_eq!(together(&solved.plan, "Deelnemer 1", "Deelnemer 2"), 0);
        assert_eq!(solved.fewest_repeats, 2);
        assert_eq!(solved.bound, BoundSource::People);
        assert_eq!(solved.plan.score.repeated_pairs, 2);
        assert!(solved.fewest_possible() && solved.optimal);
    }

    #[test]
    fn a_constructed_schedule_is_relabelled_to_keep_apart_pairs_without_a_repeat() {
        let mut p = problem(32, Sizing::Size(4), 9);
        p.keep_apart = vec![
            ("Deelnemer 1".into(), "Deelnemer 2".into()),
            ("Deelnemer 3".into(), "Deelnemer 1".into()),
        ];
        for seed in 1..=3 {
            let solved = solve_with_budget(&p, seed, Budget::default()).expect("solvable");
            assert!(solved.constructed, "seed {seed}");
            assert_eq!(solved.plan.score.repeated_pairs, 0, "seed {seed}");
            assert_eq!(together(&solved.plan, "Deelnemer 1", "Deelnemer 2"), 0);
            assert_eq!(together(&solved.plan, "Deelnemer 1", "Deelnemer 3"), 0);
        }
    }

    #[test]
    fn a_breakout_avoids_the_people_met_in_earlier_splits() {
        // Last time: three groups of four. Now groups of three: one from each earlier group.
        let mut p = problem(12, Sizing::Size(3), 1);
        let earlier: Vec<Vec<Vec<String>>> = vec![vec![
            (1..=4).map(|i| format!("Deelnemer {i}")).collect(),
            (5..=8).map(|i| format!("Deelnemer {i}")).collect(),
            (9..=12).map(|i| format!("Deelnemer {i}")).collect(),
        ]];
        p.history = meetings_from_splits(&earlier);
        let plan = solve(&p, 9).expect("solvable");
        assert_eq!(plan.score.repeated_pairs, 0, "{:?}", plan.rounds);
        for group in &plan.rounds[0] {
            let old: Vec<usize> = group
                .iter()
                .map(|name| (name[10..].parse::<usize>().expect("number") - 1) / 4)
                .collect();
            let mut distinct = old.clone();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), old.len(), "{group:?} holds two who met");
        }
    }

    #[test]
    fn a_repeat_goes_to_pairs_that_met_long_ago_rather_than_yesterday() {
        // Four people in two pairs, every pair met once: 1-2 and 3-4 yesterday, the others
        // five rounds ago. Two pairs must meet again; not those of yesterday.
        let mut p = problem(4, Sizing::Size(2), 1);
        let m = |a: usize, b: usize, rounds_ago| Meeting {
            a: format!("Deelnemer {a}"),
            b: format!("Deelnemer {b}"),
            rounds_ago,
        };
        p.history = vec![m(1, 2, 1), m(3, 4, 1), m(1, 3, 5), m(2, 4, 5)];
        p.history.extend([m(1, 4, 5), m(2, 3, 5)]);
        for seed in 0..5 {
            let plan = solve(&p, seed).expect("solvable");
            assert_eq!(
                together(&plan, "Deelnemer 1", "Deelnemer 2"),
                0,
                "{:?}",
                plan.rounds
            );
            assert_eq!(plan.score.repeated_pairs, 2);
        }
    }

    #[test]
    fn keep_apart_and_keep_together_hold_in_every_round() {
        let mut p = problem(12, Sizing::Size(4), 5);
        p.keep_apart = vec![("Deelnemer 1".into(), "Deelnemer 2".into())];
        p.keep_together = vec![
            ("Deelnemer 3".into(), "Deelnemer 4".into()),
            ("Deelnemer 4".into(), "Deelnemer 5".into()),
        ];
        let plan = solve(&p, 5).expect("solvable");
        assert_eq!(together(&plan, "Deelnemer 1", "Deelnemer 2"), 0);
        assert_eq!(together(&plan, "Deelnemer 3", "Deelnemer 4"), 5);
        assert_eq!(together(&plan, "Deelnemer 3", "Deelnemer 5"), 5);
    }

    #[test]
    fn impossible_constraints_say_why() {
        let mut p = problem(6, Sizing::Size(3), 1);
        p.keep_apart = vec![("Deelnemer 1".into(), "Deelnemer 3".into())];
        p.keep_together = vec![
            ("Deelnemer 1".into(), "Deelnemer 2".into()),
            ("Deelnemer 2".into(), "Deelnemer 3".into()),
        ];
        let err = solve(&p, 1).expect_err("apart inside a chain");
        assert_eq!(
            err.to_string(),
            "Deelnemer 1 and Deelnemer 3 must be apart but keep-together ties them into one \
             group (Deelnemer 1 + Deelnemer 2 + Deelnemer 3): drop one of these pairs"
        );

        let mut p = problem(6, Sizing::Size(3), 1);
        p.keep_together = vec![
            ("Deelnemer 1".into(), "Deelnemer 2".into()),
            ("Deelnemer 2".into(), "Deelnemer 3".into()),
            ("Deelnemer 3".into(), "Deelnemer 4".into()),
        ];
        assert!(matches!(
            solve(&p, 1),
            Err(GroupsError::ChainTooLarge { largest: 3, .. })
        ));

        // Three people who must all be apart from each other cannot fit in two groups.
        let mut p = problem(6, Sizing::Size(3), 1);
        p.keep_apart = vec![
            ("Deelnemer 1".into(), "Deelnemer 2".into()),
            ("Deelnemer 2".into(), "Deelnemer 3".into()),
            ("Deelnemer 1".into(), "Deelnemer 3".into()),
        ];
        let err = solve(&p, 1).expect_err("three apart in two groups");
        assert!(
            matches!(err, GroupsError::ApartNotFound { groups: 2, .. }),
            "{err}"
        );
        // All three pairs are named, each as given.
        assert_eq!(
            err.to_string(),
            "Deelnemer 1 and Deelnemer 2, Deelnemer 2 and Deelnemer 3, Deelnemer 1 and \
             Deelnemer 3 must be apart but no split into 2 groups found keeps every keep-apart \
             pair apart: ask for more groups or drop a keep-apart pair"
        );

        let mut p = problem(6, Sizing::Size(3), 1);
        p.keep_apart = vec![("Deelnemer 1".into(), "Anouk V.".into())];
        assert_eq!(
            solve(&p, 1).expect_err("unknown").to_string(),
            "keep-apart names \"Anouk V.\", who is not among the people present: fix the name \
             or leave the pair out"
        );

        assert_eq!(
            solve(&problem(1, Sizing::Size(3), 1), 1)
                .expect_err("alone")
                .to_string(),
            "1 person present: groups need at least 2 people"
        );
    }

    #[test]
    fn forget_absent_drops_pairs_with_people_not_present() {
        let mut p = problem(4, Sizing::Size(2), 1);
        p.keep_apart = vec![("Deelnemer 1".into(), "Afwezig".into())];
        p.history = meetings_from_splits(&[vec![vec!["Afwezig".into(), "Deelnemer 2".into()]]]);
        p.forget_absent();
        assert!(p.keep_apart.is_empty());
        assert!(p.history.is_empty());
        assert!(solve(&p, 1).is_ok());
    }

    #[test]
    fn a_search_with_no_possible_move_still_ends() {
        // Keep-together ties 1, 2, 3 and 4, 5: groups of 3 and 2 can only be those, every
        // round the same, and no swap exists, while counting alone would allow no repeats.
        let mut p = problem(5, Sizing::Size(2), 2);
        p.keep_together = vec![
            ("Deelnemer 1".into(), "Deelnemer 2".into()),
            ("Deelnemer 2".into(), "Deelnemer 3".into()),
            ("Deelnemer 4".into(), "Deelnemer 5".into()),
        ];
        let plan = solve(&p, 1).expect("solvable");
        assert_eq!(together(&plan, "Deelnemer 1", "Deelnemer 3"), 2);
        assert_eq!(together(&plan, "Deelnemer 4", "Deelnemer 5"), 2);
    }

    #[test]
    fn the_same_seed_gives_the_same_plan() {
        let p = problem(14, Sizing::Size(4), 6);
        assert_eq!(solve(&p, 11), solve(&p, 11));
    }
}
