//! Roles rotated over a course (`groups::roles::assign`): every group gets each role once and
//! nobody two, and each role's counts per person differ by at most one wherever the days'
//! groups allow it (each group has someone who took each role least, all different people).

use crate::support::props::config;
use proptest::prelude::*;
use regie::groups::roles::assign;
use std::collections::BTreeMap;

const ROLES: [&str; 3] = ["voorzitter", "notulist", "tijdbewaker"];

/// A course: people, group size, number of roles, and per day a shuffle key per person.
fn courses() -> impl Strategy<Value = (usize, usize, usize, Vec<Vec<u32>>)> {
    (4usize..=12, 2usize..=5, 1usize..=3, 1usize..=8).prop_flat_map(|(n, size, roles, days)| {
        (
            Just(n),
            Just(size),
            Just(roles),
            prop::collection::vec(prop::collection::vec(any::<u32>(), n), days),
        )
    })
}

/// The day's groups: people ordered by their key, in groups of `size` (the rest together).
fn groups_of(keys: &[u32], size: usize) -> Vec<Vec<String>> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| (keys[i], i));
    order
        .chunks(size)
        .map(|c| c.iter().map(|i| format!("P{i}")).collect())
        .collect()
}

/// Whether `members` can each take a different one of `roles` with `want(member, role)`.
fn distinct(members: &[String], roles: &[&str], want: &dyn Fn(&str, &str) -> bool) -> bool {
    let Some((role, rest)) = roles.split_first() else {
        return true;
    };
    members.iter().enumerate().any(|(i, m)| {
        let mut others = members.to_vec();
        others.remove(i);
        want(m, role) && distinct(&others, rest, want)
    })
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn role_counts_stay_within_one_wherever_the_groups_allow((n, size, r, days) in courses()) {
        let roles: Vec<String> = ROLES[..r].iter().map(|s| s.to_string()).collect();
        let people: Vec<String> = (0..n).map(|i| format!("P{i}")).collect();
        let mut earlier: Vec<(String, String)> = Vec::new();
        let mut allowed_so_far = true;
        for keys in &days {
            let groups = groups_of(keys, size);
            let mut count: BTreeMap<(&str, &str), u32> = BTreeMap::new();
            for (name, role) in &earlier {
                *count.entry((name.as_str(), role.as_str())).or_default() += 1;
            }
            let taken = |m: &str, role: &str| count.get(&(m, role)).copied().unwrap_or(0);
            let fewest = |role: &str| people.iter().map(|p| taken(p, role)).min().unwrap_or(0);
            let at_fewest = |m: &str, role: &str| taken(m, role) == fewest(role);
            allowed_so_far &= groups.iter().all(|g| {
                g.len() >= r && distinct(g, &ROLES[..r], &at_fewest)
            });
            let today = assign(&groups, &roles, &earlier);
            for group in &groups {
                let held: Vec<&(String, String)> =
                    today.iter().filter(|(name, _)| group.contains(name)).collect();
                let mut given: Vec<&str> = held.iter().map(|(_, role)| role.as_str()).collect();
                given.sort_unstable();
                let mut all: Vec<&str> = ROLES[..r].to_vec();
                all.sort_unstable();
                prop_assert_eq!(given, all, "{:?} in {:?}", today, group);
                if group.len() >= r {
                    let mut holders: Vec<&str> = held.iter().map(|(n, _)| n.as_str()).collect();
                    holders.sort_unstable();
                    holders.dedup();
                    prop_assert_eq!(holders.len(), r, "someone holds two roles: {:?}", held);
                }
            }
            earlier.extend(today);
            if allowed_so_far {
                for role in &roles {
                    let per: Vec<usize> = people
                        .iter()
                        .map(|p| earlier.iter().filter(|(n, x)| n == p && x == role).count())
                        .collect();
                    let (lo, hi) = (per.iter().min().unwrap(), per.iter().max().unwrap());
                    prop_assert!(hi - lo <= 1, "{role}: {per:?} after {earlier:?}");
                }
            }
        }
    }
}

#[test]
fn a_whole_course_in_fixed_groups_gives_everyone_each_role_equally() {
    // 12 people in three groups of 4, 3 roles, 8 days: everyone takes each role twice.
    let groups: Vec<Vec<String>> = (0..3)
        .map(|g| (0..4).map(|i| format!("P{}", 4 * g + i)).collect())
        .collect();
    let roles: Vec<String> = ROLES.iter().map(|s| s.to_string()).collect();
    let mut earlier = Vec::new();
    for _ in 0..8 {
        let today = assign(&groups, &roles, &earlier);
        earlier.extend(today);
    }
    for g in groups.iter().flatten() {
        for role in &roles {
            let times = earlier.iter().filter(|(n, r)| n == g && r == role).count();
            assert_eq!(times, 2, "{g} took {role} {times} times: {earlier:?}");
        }
    }
}
