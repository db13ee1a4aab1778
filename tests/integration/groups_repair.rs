//! Property tests of the minimal-change repairs: a late arrival moves nobody else, an absence
//! moves the fewest people, a hand swap never breaks a hard pair silently; all keep the hard pairs.

use crate::groups_props::{QUICK, problems};
use proptest::prelude::*;
use regie::groups::{
    Problem, SwapRefused, check_swap, place_late_arrival, remove_absent, score, solve_with_budget,
};

/// One round of `problem`, solved quickly.
fn one_round(problem: &Problem, seed: u64) -> Option<Vec<Vec<String>>> {
    let problem = Problem {
        rounds: 1,
        ..problem.clone()
    };
    solve_with_budget(&problem, seed, QUICK)
        .ok()
        .map(|s| s.plan.rounds[0].clone())
}

fn hard_pairs_hold(problem: &Problem, groups: &[Vec<String>]) {
    let group_of = |n: &str| groups.iter().position(|g| g.iter().any(|x| x == n));
    for (a, b) in &problem.keep_apart {
        if let (Some(x), Some(y)) = (group_of(a), group_of(b)) {
            assert_ne!(x, y, "{a} and {b} together: {groups:?}");
        }
    }
    for (a, b) in &problem.keep_together {
        if let (Some(x), Some(y)) = (group_of(a), group_of(b)) {
            assert_eq!(x, y, "{a} and {b} apart: {groups:?}");
        }
    }
    for (name, group) in &problem.pins {
        if let Some(x) = group_of(name)
            && *group <= groups.len()
        {
            assert_eq!(x + 1, *group, "{name} left group {group}: {groups:?}");
        }
    }
}

fn without(problem: &Problem, name: &str) -> Problem {
    let mut p = problem.clone();
    p.people.retain(|x| x.name != name);
    p.forget_absent();
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_late_arrival_is_placed_without_moving_anyone_else(
        problem in problems(), seed in any::<u64>(), pick in any::<usize>(),
    ) {
        prop_assume!(problem.people.len() >= 5);
        let late = problem.people[pick % problem.people.len()].name.clone();
        let before = without(&problem, &late);
        let Some(groups) = one_round(&before, seed) else { return Ok(()) };
        let Ok(placed) = place_late_arrival(&problem, &groups, &late) else { return Ok(()) };
        prop_assert!(placed.moved.is_empty());
        let mut added = 0;
        for (old, new) in groups.iter().zip(&placed.groups) {
            let mut rest = new.clone();
            rest.retain(|x| *x != late);
            prop_assert_eq!(&rest, old, "someone else moved");
            added += new.len() - old.len();
        }
        prop_assert_eq!(added, 1);
        hard_pairs_hold(&problem, &placed.groups);
        let sizes: Vec<usize> = placed.groups.iter().map(Vec::len).collect();
        let (lo, hi) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
        // Into a smallest group unless a hard pair forbids it.
        prop_assert!(hi - lo <= 1 || !problem.keep_apart.is_empty() || !problem.keep_together.is_empty() || !problem.pins.is_empty());
        prop_assert_eq!(placed.score.clone(), score(&problem, std::slice::from_ref(&placed.groups)));
    }

    #[test]
    fn an_absence_rebalances_with_the_fewest_moves_and_keeps_hard_pairs(
        problem in problems(), seed in any::<u64>(), pick in any::<usize>(),
    ) {
        prop_assume!(problem.people.len() >= 5);
        let Some(groups) = one_round(&problem, seed) else { return Ok(()) };
        let gone = problem.people[pick % problem.people.len()].name.clone();
        let after = without(&problem, &gone);
        let Ok(fixed) = remove_absent(&after, &groups, &gone) else { return Ok(()) };
        let mut everyone: Vec<&String> = fixed.groups.iter().flatten().collect();
        everyone.sort();
        let mut present: Vec<&String> = after.people.iter().map(|p| &p.name).collect();
        present.sort();
        prop_assert_eq!(everyone, present);
        hard_pairs_hold(&after, &fixed.groups);
        let smallest = groups.iter().map(Vec::len).min().unwrap();
        if fixed.groups.len() == groups.len() {
            prop_assert!(fixed.moved.len() <= 1, "moved {:?}", fixed.moved);
        } else {
            prop_assert!(fixed.moved.len() <= smallest, "moved {:?}", fixed.moved);
        }
        // Everyone who did not move is still with the same group.
        for name in present_names(&after) {
            if !fixed.moved.contains(&name) {
                let old: Vec<&String> = groups.iter().find(|g| g.contains(&name)).unwrap().iter().filter(|x| !fixed.moved.contains(x) && **x != gone).collect();
                let new = fixed.groups.iter().find(|g| g.contains(&name)).unwrap();
                for x in old {
                    prop_assert!(new.contains(x), "{} and {} were split", name, x);
                }
            }
        }
    }

    #[test]
    fn a_swap_is_refused_exactly_when_it_breaks_a_hard_pair(
        problem in problems(), seed in any::<u64>(), a in any::<usize>(), b in any::<usize>(),
    ) {
        let Some(groups) = one_round(&problem, seed) else { return Ok(()) };
        let n = problem.people.len();
        let (a, b) = (&problem.people[a % n].name, &problem.people[b % n].name);
        match check_swap(&problem, &groups, a, b) {
            Ok(swapped) => {
                hard_pairs_hold(&problem, &swapped.groups);
                prop_assert_eq!(swapped.score.clone(), score(&problem, std::slice::from_ref(&swapped.groups)));
                prop_assert!(swapped.moved.len() == 2 || swapped.groups == groups);
            }
            Err(SwapRefused::KeepApart { a: x, b: y }) => {
                prop_assert!(problem.keep_apart.contains(&(x, y)));
            }
            Err(SwapRefused::KeepTogether { a: x, b: y }) => {
                prop_assert!(problem.keep_together.contains(&(x, y)));
            }
            Err(SwapRefused::Pinned { name, group }) => {
                prop_assert!(problem.pins.contains(&(name, group)));
            }
            Err(other) => prop_assert!(false, "{}", other),
        }
    }
}

fn present_names(problem: &Problem) -> Vec<String> {
    problem.people.iter().map(|p| p.name.clone()).collect()
}
