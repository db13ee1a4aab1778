//! Roles in breakout groups ("voorzitter", "notulist", "tijdbewaker"), handed out after a split
//! so that over a course everyone takes each role about equally, counted from earlier splits.

use std::collections::BTreeMap;

/// Above this many ways to hand out one group's roles the choice is made greedily.
const EXACT_LIMIT: usize = 50_000;

/// Times each person took each role: `(name, role)` to count.
type Counts<'a> = BTreeMap<(&'a str, &'a str), u32>;

/// Hand out `roles` in every group of `groups`, given the roles taken before (`earlier`, each
/// `(name, role)`). Every group gets each role once; nobody holds two while someone in their
/// group holds none. Each role goes to people who took it least, measured against the fewest
/// anyone in these groups took it (so the counts stay within one of each other wherever the
/// groups allow), then to who has fewest roles at all, then in group order.
/// Returns `(name, role)` by group, then in the order of `roles`.
pub fn assign(
    groups: &[Vec<String>],
    roles: &[String],
    earlier: &[(String, String)],
) -> Vec<(String, String)> {
    let mut counts: Counts = BTreeMap::new();
    let mut totals: BTreeMap<&str, u32> = BTreeMap::new();
    for (name, role) in earlier {
        *counts.entry((name.as_str(), role.as_str())).or_default() += 1;
        *totals.entry(name.as_str()).or_default() += 1;
    }
    let everyone: Vec<&str> = groups.iter().flatten().map(String::as_str).collect();
    let fewest: Vec<u32> = roles
        .iter()
        .map(|role| {
            everyone
                .iter()
                .map(|name| counts.get(&(*name, role.as_str())).copied().unwrap_or(0))
                .min()
                .unwrap_or(0)
        })
        .collect();
    let mut out = Vec::new();
    for group in groups.iter().filter(|g| !g.is_empty()) {
        let members: Vec<&str> = group.iter().map(String::as_str).collect();
        // More roles than people: hand them out in rounds of one role each.
        for chunk in (0..roles.len()).collect::<Vec<_>>().chunks(members.len()) {
            let cost = |m: usize, r: usize| {
                let taken = counts
                    .get(&(members[m], roles[r].as_str()))
                    .copied()
                    .unwrap_or(0);
                let above = u64::from(taken.saturating_sub(fewest[r]));
                let total = u64::from(totals.get(members[m]).copied().unwrap_or(0));
                // Being above the fewest weighs more than any number of other roles.
                (above * above) * 1_000_000 + total
            };
            let chosen = best_assignment(members.len(), chunk, &cost);
            for (&r, &m) in chunk.iter().zip(&chosen) {
                *counts.entry((members[m], roles[r].as_str())).or_default() += 1;
                *totals.entry(members[m]).or_default() += 1;
                out.push((members[m].to_string(), roles[r].clone()));
            }
        }
    }
    out
}

/// For each role of `roles` (indices, no more than `members`), a distinct member: the cheapest
/// choice by `cost`, exactly when there are few ways, greedily otherwise; ties go to the
/// earlier member.
fn best_assignment(
    members: usize,
    roles: &[usize],
    cost: &dyn Fn(usize, usize) -> u64,
) -> Vec<usize> {
    let ways = (0..roles.len()).try_fold(1usize, |w, k| w.checked_mul(members - k));
    if ways.is_some_and(|w| w <= EXACT_LIMIT) {
        let mut best = (u64::MAX, Vec::new());
        let mut taken = vec![false; members];
        let mut current = Vec::new();
        search(roles, cost, &mut taken, &mut current, 0, &mut best);
        return best.1;
    }
    let mut taken = vec![false; members];
    roles
        .iter()
        .map(|&r| {
            let m = (0..members)
                .filter(|&m| !taken[m])
                .min_by_key(|&m| cost(m, r))
                .unwrap_or(0);
            taken[m] = true;
            m
        })
        .collect()
}

fn search(
    roles: &[usize],
    cost: &dyn Fn(usize, usize) -> u64,
    taken: &mut [bool],
    current: &mut Vec<usize>,
    sum: u64,
    best: &mut (u64, Vec<usize>),
) {
    if sum >= best.0 {
        return;
    }
    let Some(&r) = roles.get(current.len()) else {
        *best = (sum, current.clone());
        return;
    };
    for m in 0..taken.len() {
        if taken[m] {
            continue;
        }
        taken[m] = true;
        current.push(m);
        search(roles, cost, taken, current, sum + cost(m, r), best);
        current.pop();
        taken[m] = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn each_group_gets_every_role_once_and_nobody_two() {
        let groups = vec![
            names(&["Anouk", "Bram", "Chloë"]),
            names(&["Daan", "Eline"]),
        ];
        let roles = names(&["voorzitter", "notulist"]);
        let got = assign(&groups, &roles, &[]);
        assert_eq!(
            got,
            [
                ("Anouk".into(), "voorzitter".into()),
                ("Bram".into(), "notulist".into()),
                ("Daan".into(), "voorzitter".into()),
                ("Eline".into(), "notulist".into()),
            ]
        );
    }

    #[test]
    fn a_role_goes_to_who_took_it_least() {
        let groups = vec![names(&["Anouk", "Bram", "Chloë"])];
        let roles = names(&["voorzitter", "notulist"]);
        let earlier = vec![
            ("Anouk".to_string(), "voorzitter".to_string()),
            ("Bram".to_string(), "notulist".to_string()),
            ("Chloë".to_string(), "voorzitter".to_string()),
        ];
        let got = assign(&groups, &roles, &earlier);
        assert_eq!(
            got,
            [
                ("Bram".into(), "voorzitter".into()),
                // Anouk and Chloë never took notes and took one role each: the earlier one.
                ("Anouk".into(), "notulist".into()),
            ]
        );
    }

    #[test]
    fn more_roles_than_people_go_round_again() {
        let groups = vec![names(&["Anouk", "Bram"])];
        let roles = names(&["voorzitter", "notulist", "tijdbewaker"]);
        let got = assign(&groups, &roles, &[]);
        assert_eq!(got.len(), 3);
        let held = |who: &str| got.iter().filter(|(n, _)| n == who).count();
        let mut counts = [held("Anouk"), held("Bram")];
        counts.sort_unstable();
        assert_eq!(counts, [1, 2], "{got:?}");
        let mut roles_given: Vec<&str> = got.iter().map(|(_, r)| r.as_str()).collect();
        roles_given.sort_unstable();
        assert_eq!(roles_given, ["notulist", "tijdbewaker", "voorzitter"]);
    }
}
