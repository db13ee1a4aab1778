//! Repeated triples: three people sharing a group again (a group's core meeting twice), and
//! the triples met in earlier splits, recovered from the pairs those splits recorded.

use super::problem::Meeting;
use std::collections::{BTreeMap, BTreeSet};

/// Triples are counted for rooms up to this size (a table of n³ counters per plan).
pub(crate) const TRIPLE_PEOPLE: usize = 48;

/// Index of the triple {a, b, c} (any order, all different) in an n³ table.
#[inline]
pub(crate) fn triple(n: usize, a: usize, b: usize, c: usize) -> usize {
    let (lo, hi) = (a.min(b), a.max(b));
    let (lo, mid, hi) = if c < lo {
        (c, lo, hi)
    } else if c < hi {
        (lo, c, hi)
    } else {
        (lo, hi, c)
    };
    (lo * n + mid) * n + hi
}

/// The triples who sat in one group in an earlier split, each with how many rounds ago: within
/// one split (one `rounds_ago`) three people who all met pairwise shared a group, since a
/// split's groups do not overlap. `index` maps names to people; others are skipped.
pub(crate) fn history_triples(
    history: &[Meeting],
    index: &BTreeMap<&str, usize>,
) -> Vec<([usize; 3], u32)> {
    let mut by_split: BTreeMap<u32, BTreeSet<(usize, usize)>> = BTreeMap::new();
    for m in history {
        if let (Some(&i), Some(&j)) = (index.get(m.a.as_str()), index.get(m.b.as_str()))
            && i != j
        {
            by_split
                .entry(m.rounds_ago)
                .or_default()
                .insert((i.min(j), i.max(j)));
        }
    }
    let mut out = Vec::new();
    for (&ago, pairs) in &by_split {
        for &(i, j) in pairs {
            for &(_, k) in pairs.range((j, 0)..(j + 1, 0)) {
                if pairs.contains(&(i, k)) {
                    out.push(([i, j, k], ago));
                }
            }
        }
    }
    out
}

/// Planned meetings of a triple that met before (in the history or an earlier planned round),
/// as `Score::repeated_triples` counts them. `ids` holds each round's groups as indices.
pub(crate) fn repeated_triples(earlier: &[([usize; 3], u32)], ids: &[Vec<Vec<usize>>]) -> u32 {
    let mut met: BTreeSet<[usize; 3]> = earlier.iter().map(|&(t, _)| t).collect();
    let mut repeats = 0;
    for round in ids {
        let mut now = Vec::new();
        for group in round {
            let mut g = group.clone();
            g.sort_unstable();
            g.dedup();
            for (x, &a) in g.iter().enumerate() {
                for (y, &b) in g.iter().enumerate().skip(x + 1) {
                    for &c in &g[y + 1..] {
                        now.push([a, b, c]);
                    }
                }
            }
        }
        for t in now {
            if !met.insert(t) {
                repeats += 1;
            }
        }
    }
    repeats
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::problem::meetings_from_splits;

    #[test]
    fn the_index_does_not_depend_on_the_order() {
        let n = 7;
        let i = triple(n, 1, 4, 6);
        for (a, b, c) in [(1, 6, 4), (4, 1, 6), (4, 6, 1), (6, 1, 4), (6, 4, 1)] {
            assert_eq!(triple(n, a, b, c), i);
        }
    }

    #[test]
    fn history_triples_are_the_groups_of_earlier_splits_not_pairs_across_them() {
        let names = ["A", "B", "C", "D", "E", "F"];
        let index: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, &s)| (s, i)).collect();
        let g = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // Yesterday A, B, C sat together; the day before A with B, B with C, A with C, each
        // in a different group of two: no triple then.
        let splits = vec![
            vec![g(&["A", "B"]), g(&["C", "D"]), g(&["E", "F"])],
            vec![g(&["B", "C"]), g(&["A", "D"]), g(&["E", "F"])],
            vec![g(&["A", "C"]), g(&["B", "D"]), g(&["E", "F"])],
            vec![g(&["A", "B", "C"]), g(&["D", "E", "F"])],
        ];
        let found = history_triples(&meetings_from_splits(&splits), &index);
        assert_eq!(found, vec![([0, 1, 2], 1), ([3, 4, 5], 1)]);
        // A, B, D and C, E, F are new; then A, B, C and D, E, F meet again, and A, B, D too.
        let plan = vec![
            vec![vec![0, 1, 3], vec![2, 4, 5]],
            vec![vec![0, 1, 2], vec![3, 4, 5]],
            vec![vec![3, 1, 0], vec![2, 4, 5]],
        ];
        assert_eq!(repeated_triples(&found, &plan[..1]), 0);
        assert_eq!(repeated_triples(&found, &plan[..2]), 2);
        assert_eq!(repeated_triples(&found, &plan), 4);
    }
}
