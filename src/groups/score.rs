//! Scoring any split by names (the solver's or one changed by hand): repeated meetings with
//! history, the most and fewest meetings of a pair, and each group's distance from the room's mix.

use super::problem::{Problem, Score};
use super::triples;
use std::collections::BTreeMap;

/// Score `rounds` (each a list of groups of names) against the problem's people and history.
///
/// `repeated_pairs` counts planned meetings of two people who had already met (in the history
/// or an earlier planned round); `max_meetings`/`min_meetings` run over all pairs of people
/// present, history included; `imbalance` sums, over rounds, balanced attributes, groups and
/// values, how far a group's count is from its proportional share (in people).
pub fn score(problem: &Problem, rounds: &[Vec<Vec<String>>]) -> Score {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &problem.people {
        let next = index.len();
        index.entry(p.name.as_str()).or_insert(next);
    }
    let present = index.len();
    for name in rounds.iter().flatten().flatten() {
        let next = index.len();
        index.entry(name.as_str()).or_insert(next);
    }
    let n = index.len();
    let mut meet = vec![0u32; n * n];
    for m in &problem.history {
        if let (Some(&i), Some(&j)) = (index.get(m.a.as_str()), index.get(m.b.as_str()))
            && i != j
        {
            meet[i * n + j] += 1;
            meet[j * n + i] += 1;
        }
    }
    let mut repeated = 0;
    let mut all_ids: Vec<Vec<Vec<usize>>> = Vec::with_capacity(rounds.len());
    for round in rounds {
        let mut round_ids = Vec::with_capacity(round.len());
        for group in round {
            let ids: Vec<usize> = group.iter().map(|name| index[name.as_str()]).collect();
            for (x, &i) in ids.iter().enumerate() {
                for &j in &ids[x + 1..] {
                    if i == j {
                        continue;
                    }
                    if meet[i * n + j] > 0 {
                        repeated += 1;
                    }
                    meet[i * n + j] += 1;
                    meet[j * n + i] += 1;
                }
            }
            round_ids.push(ids);
        }
        all_ids.push(round_ids);
    }
    // Rooms beyond `TRIPLE_PEOPLE` are not counted (groups of hundreds hold millions).
    let repeated_triples = if n <= triples::TRIPLE_PEOPLE {
        triples::repeated_triples(
            &triples::history_triples(&problem.history, &index),
            &all_ids,
        )
    } else {
        0
    };
    let mut max_meetings = 0;
    let mut min_meetings = u32::MAX;
    for i in 0..present {
        for j in i + 1..present {
            max_meetings = max_meetings.max(meet[i * n + j]);
            min_meetings = min_meetings.min(meet[i * n + j]);
        }
    }
    Score {
        repeated_pairs: repeated,
        repeated_triples,
        max_meetings,
        min_meetings: if present < 2 { 0 } else { min_meetings },
        imbalance: imbalance(problem, rounds),
    }
}

/// Group counts of a balanced attribute's value that lie outside the fair share rounded down
/// and up (the share: the value's people present times the group's size over all present),
/// counted over rounds, groups, balanced attributes and values.
pub fn cells_off(problem: &Problem, rounds: &[Vec<Vec<String>>]) -> usize {
    let n = problem.people.len();
    let mut off = 0;
    each_cell(problem, rounds, |all, size, have| {
        let share = all * size;
        if have < share / n || have > share.div_ceil(n) {
            off += 1;
        }
    });
    off
}

/// For each balanced attribute, group of `rounds` and value present: `cell(people with the
/// value, group size, people with the value in the group)`.
fn each_cell(
    problem: &Problem,
    rounds: &[Vec<Vec<String>>],
    mut cell: impl FnMut(usize, usize, usize),
) {
    for key in &problem.balance {
        let value: BTreeMap<&str, Option<&str>> = problem
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.attributes.get(key).map(String::as_str)))
            .collect();
        let mut room: BTreeMap<Option<&str>, usize> = BTreeMap::new();
        for v in value.values() {
            *room.entry(*v).or_default() += 1;
        }
        for group in rounds.iter().flatten() {
            for (class, &all) in &room {
                let have = group
                    .iter()
                    .filter(|name| value.get(name.as_str()) == Some(class))
                    .count();
                cell(all, group.len(), have);
            }
        }
    }
}

/// Pairs of people present who meet more than once, history included, and meet at least once
/// in `rounds`: (a, b, meetings in all), most meetings first, then in the order of `people`.
pub fn repeated(problem: &Problem, rounds: &[Vec<Vec<String>>]) -> Vec<(String, String, u32)> {
    let index: BTreeMap<&str, usize> = problem
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.name.as_str(), i))
        .collect();
    let n = problem.people.len();
    let mut history = vec![0u32; n * n];
    let mut planned = vec![0u32; n * n];
    let pair = |a: &str, b: &str| match (index.get(a), index.get(b)) {
        (Some(&i), Some(&j)) if i != j => Some((i.min(j), i.max(j))),
        _ => None,
    };
    for m in &problem.history {
        if let Some((i, j)) = pair(&m.a, &m.b) {
            history[i * n + j] += 1;
        }
    }
    for group in rounds.iter().flatten() {
        for (x, a) in group.iter().enumerate() {
            for b in &group[x + 1..] {
                if let Some((i, j)) = pair(a, b) {
                    planned[i * n + j] += 1;
                }
            }
        }
    }
    let mut out = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let (h, p) = (history[i * n + j], planned[i * n + j]);
            if p > 0 && h + p > 1 {
                let name = |k: usize| problem.people[k].name.clone();
                out.push((name(i), name(j), h + p));
            }
        }
    }
    out.sort_by_key(|&(_, _, m)| std::cmp::Reverse(m));
    out
}

fn imbalance(problem: &Problem, rounds: &[Vec<Vec<String>>]) -> f64 {
    let n = problem.people.len();
    if n == 0 {
        return 0.0;
    }
    let mut total = 0.0;
    each_cell(problem, rounds, |all, size, have| {
        let share = all as f64 * size as f64 / n as f64;
        total += (have as f64 - share).abs();
    });
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::problem::{Meeting, Person, Sizing};

    fn people(names: &[(&str, &str)]) -> Vec<Person> {
        names
            .iter()
            .map(|(n, d)| Person {
                name: n.to_string(),
                attributes: [("afdeling".to_string(), d.to_string())].into(),
            })
            .collect()
    }

    fn split(groups: &[&[&str]]) -> Vec<Vec<String>> {
        groups
            .iter()
            .map(|g| g.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_pair_met_yesterday_counts_as_a_repeat_and_raises_the_maximum() {
        let problem = Problem {
            people: people(&[("A", "x"), ("B", "x"), ("C", "y"), ("D", "y")]),
            sizing: Sizing::Size(2),
            rounds: 1,
            keep_apart: vec![],
            keep_together: vec![],
            history: vec![Meeting {
                a: "A".into(),
                b: "B".into(),
                rounds_ago: 1,
            }],
            balance: vec!["afdeling".into()],
            pins: Vec::new(),
        };
        let same = score(&problem, &[split(&[&["A", "B"], &["C", "D"]])]);
        assert_eq!(same.repeated_pairs, 1);
        assert_eq!(same.max_meetings, 2);
        assert_eq!(same.min_meetings, 0);
        // Each group holds one department where one of each was possible: 4 people off.
        assert!((same.imbalance - 4.0).abs() < 1e-9);
        let mixed = score(&problem, &[split(&[&["A", "C"], &["B", "D"]])]);
        assert_eq!(mixed.repeated_pairs, 0);
        assert_eq!(mixed.max_meetings, 1);
        assert!(mixed.imbalance.abs() < 1e-9);
    }
}
