//! Minimal-change repairs of one split during a breakout: a late arrival joins the group that
//! suits them best, an absence is rebalanced with the fewest moves, a hand swap is checked.

use super::error::GroupsError;
use super::problem::{Problem, Score};
use super::score::{cells_off, score};
use super::sizing::group_sizes;
use crate::i18n::Lang;
use std::fmt;

/// A split changed by a repair, scored against the problem (history included).
#[derive(Debug, Clone, PartialEq)]
pub struct Repaired {
    pub groups: Vec<Vec<String>>,
    pub score: Score,
    /// People who changed group (the arrival or the absent person not counted).
    pub moved: Vec<String>,
}

/// Why a hand swap is refused: it would break a hard pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SwapRefused {
    /// Someone named is not in the split.
    Unknown { name: String },
    /// The swap puts a keep-apart pair into one group.
    KeepApart { a: String, b: String },
    /// The swap separates a keep-together pair.
    KeepTogether { a: String, b: String },
    /// The swap moves someone pinned to a group (numbered from 1) out of it.
    Pinned { name: String, group: usize },
}

impl SwapRefused {
    /// The reason in the interface language.
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (SwapRefused::Unknown { name }, Lang::En) => {
                format!("{name} is not in these groups: pick someone who is")
            }
            (SwapRefused::Unknown { name }, Lang::Nl) => {
                format!("{name} zit niet in deze groepen: kies iemand die er wel in zit")
            }
            (SwapRefused::KeepApart { a, b }, Lang::En) => format!(
                "this swap puts {a} and {b} together, who must be kept apart: swap someone else"
            ),
            (SwapRefused::KeepApart { a, b }, Lang::Nl) => format!(
                "deze wissel zet {a} en {b} bij elkaar, die apart moeten blijven: wissel iemand \
                 anders"
            ),
            (SwapRefused::KeepTogether { a, b }, Lang::En) => format!(
                "this swap separates {a} and {b}, who must stay together: swap them both or \
                 someone else"
            ),
            (SwapRefused::KeepTogether { a, b }, Lang::Nl) => format!(
                "deze wissel haalt {a} en {b} uit elkaar, die samen moeten blijven: wissel ze \
                 allebei of iemand anders"
            ),
            (SwapRefused::Pinned { name, group }, Lang::En) => {
                format!("{name} is pinned to group {group} and stays there: swap someone else")
            }
            (SwapRefused::Pinned { name, group }, Lang::Nl) => {
                format!("{name} is vastgezet in groep {group} en blijft daar: wissel iemand anders")
            }
        }
    }
}

impl fmt::Display for SwapRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for SwapRefused {}

/// The first pin or hard pair (in the order given) that `groups` breaks, as a refusal. A pin
/// to a group beyond today's groups binds nobody.
fn broken(problem: &Problem, groups: &[Vec<String>]) -> Option<SwapRefused> {
    let group_of = |name: &str| groups.iter().position(|g| g.iter().any(|x| x == name));
    for (name, group) in &problem.pins {
        if let Some(g) = group_of(name)
            && *group <= groups.len()
            && g + 1 != *group
        {
            return Some(SwapRefused::Pinned {
                name: name.clone(),
                group: *group,
            });
        }
    }
    for (a, b) in &problem.keep_apart {
        if let (Some(x), Some(y)) = (group_of(a), group_of(b))
            && x == y
        {
            return Some(SwapRefused::KeepApart {
                a: a.clone(),
                b: b.clone(),
            });
        }
    }
    for (a, b) in &problem.keep_together {
        if let (Some(x), Some(y)) = (group_of(a), group_of(b))
            && x != y
        {
            return Some(SwapRefused::KeepTogether {
                a: a.clone(),
                b: b.clone(),
            });
        }
    }
    None
}

/// How good a split is for a repair (lower is better): repeats, lopsided groups, fine balance.
type Rank = (u32, usize, i64);

/// The groups of one split.
type Split = Vec<Vec<String>>;

/// What makes one split better than another for a repair: repeats, then lopsided groups,
/// then the fine balance.
fn rank(problem: &Problem, groups: &[Vec<String>]) -> Rank {
    let s = score(problem, std::slice::from_ref(&groups.to_vec()));
    let off = cells_off(problem, std::slice::from_ref(&groups.to_vec()));
    (s.repeated_pairs, off, (s.imbalance * 1000.0).round() as i64)
}

fn repaired(problem: &Problem, groups: Vec<Vec<String>>, moved: Vec<String>) -> Repaired {
    Repaired {
        score: score(problem, std::slice::from_ref(&groups)),
        groups,
        moved,
    }
}

/// Check a hand swap of `a` and `b` in `groups` against the hard pairs of `problem` and score
/// the result: refused when it would put a keep-apart pair together or split a keep-together
/// pair; the score (repeats included) is that of the split after the swap.
pub fn check_swap(
    problem: &Problem,
    groups: &[Vec<String>],
    a: &str,
    b: &str,
) -> Result<Repaired, SwapRefused> {
    let find = |name: &str| {
        groups
            .iter()
            .enumerate()
            .find_map(|(g, group)| group.iter().position(|n| n == name).map(|i| (g, i)))
            .ok_or_else(|| SwapRefused::Unknown {
                name: name.to_string(),
            })
    };
    let ((ga, ia), (gb, ib)) = (find(a)?, find(b)?);
    let mut after = groups.to_vec();
    if ga != gb {
        after[ga][ia] = b.to_string();
        after[gb][ib] = a.to_string();
    }
    if let Some(refusal) = broken(problem, &after) {
        return Err(refusal);
    }
    let moved = if ga == gb {
        vec![]
    } else {
        vec![a.to_string(), b.to_string()]
    };
    Ok(repaired(problem, after, moved))
}

/// Put `name` (a person of `problem`, not yet in `groups`) into the group that suits them
/// best without moving anyone else: with their keep-together partner if present, never with
/// someone to keep apart from, into one of the smallest groups when that is possible, then
/// with the fewest repeats, the least lopsided groups and the best balance.
pub fn place_late_arrival(
    problem: &Problem,
    groups: &[Vec<String>],
    name: &str,
) -> Result<Repaired, GroupsError> {
    if !problem.people.iter().any(|p| p.name == name) {
        return Err(GroupsError::UnknownName {
            name: name.to_string(),
            constraint: "late arrival",
        });
    }
    let smallest = groups.iter().map(Vec::len).min().unwrap_or(0);
    let mut best: Option<((bool, Rank), Split)> = None;
    for g in 0..groups.len() {
        let mut after = groups.to_vec();
        after[g].push(name.to_string());
        if broken(problem, &after).is_some() {
            continue;
        }
        let key = (groups[g].len() > smallest, rank(problem, &after));
        if best.as_ref().is_none_or(|(k, _)| key < *k) {
            best = Some((key, after));
        }
    }
    match best {
        Some((_, after)) => Ok(repaired(problem, after, vec![])),
        None => Err(GroupsError::ApartNotFound {
            pairs: problem
                .keep_apart
                .iter()
                .filter(|(a, b)| a == name || b == name)
                .cloned()
                .collect(),
            groups: groups.len(),
        }),
    }
}

/// Take `name` out of `groups` and restore sizes that differ by at most one (and the number of
/// groups the sizing asks for the people left) with the fewest people moved: none when the
/// sizes still fit, else one person from a largest group, or the members of the smallest group
/// when a group must go. Whom to move is chosen as for a late arrival. `problem.people` are
/// the people present after the absence.
pub fn remove_absent(
    problem: &Problem,
    groups: &[Vec<String>],
    name: &str,
) -> Result<Repaired, GroupsError> {
    let mut after: Vec<Vec<String>> = groups
        .iter()
        .map(|g| g.iter().filter(|x| *x != name).cloned().collect())
        .collect();
    let left: usize = after.iter().map(Vec::len).sum();
    let target = group_sizes(left, problem.sizing)?.len();
    let mut moved = Vec::new();
    // A group too many: dissolve the smallest, its members one by one into the best group.
    if after.len() > target {
        // The smallest group, one without pinned people if there is one, the last such:
        // groups numbered before it keep their number (and their pins).
        let pinned_in = |g: usize| {
            problem
                .pins
                .iter()
                .any(|(name, _)| after[g].iter().any(|x| x == name))
        };
        let g = (0..after.len())
            .min_by_key(|&g| (after[g].len(), pinned_in(g), std::cmp::Reverse(g)))
            .unwrap_or(0);
        let members = after.remove(g);
        for m in members {
            let placed = place_late_arrival(problem, &after, &m)?;
            after = placed.groups;
            moved.push(m);
        }
        return Ok(repaired(problem, after, moved));
    }
    let size = |g: &Vec<String>| g.len();
    let (largest, smallest) = (
        after.iter().map(size).max().unwrap_or(0),
        after.iter().map(size).min().unwrap_or(0),
    );
    if largest > smallest + 1 || smallest < 2 {
        // One person from a largest group into a smallest one: the best such move.
        let to = (0..after.len())
            .min_by_key(|&g| after[g].len())
            .unwrap_or(0);
        let mut best: Option<(Rank, Split, String)> = None;
        for from in (0..after.len()).filter(|&g| after[g].len() == largest) {
            for person in after[from].clone() {
                let mut trial = after.clone();
                trial[from].retain(|x| *x != person);
                trial[to].push(person.clone());
                if broken(problem, &trial).is_some() {
                    continue;
                }
                let key = rank(problem, &trial);
                if best.as_ref().is_none_or(|(k, _, _)| key < *k) {
                    best = Some((key, trial, person));
                }
            }
        }
        if let Some((_, trial, person)) = best {
            after = trial;
            moved.push(person);
        }
    }
    Ok(repaired(problem, after, moved))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::problem::{Meeting, Sizing};

    fn problem(names: &[&str]) -> Problem {
        Problem {
            keep_apart: vec![("Anouk".into(), "Eline".into())],
            keep_together: vec![("Bram".into(), "Chloë".into())],
            history: vec![Meeting {
                a: "Fleur".into(),
                b: "Gijs".into(),
                rounds_ago: 1,
            }],
            ..Problem::plain(names.iter().copied(), Sizing::Size(3), 1)
        }
    }

    fn split(groups: &[&[&str]]) -> Vec<Vec<String>> {
        groups
            .iter()
            .map(|g| g.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_swap_that_breaks_a_hard_pair_is_refused_and_a_fine_one_rescored() {
        let p = problem(&["Anouk", "Bram", "Chloë", "Daan", "Eline", "Fleur"]);
        let groups = split(&[&["Anouk", "Bram", "Chloë"], &["Daan", "Eline", "Fleur"]]);
        assert_eq!(
            check_swap(&p, &groups, "Bram", "Eline"),
            Err(SwapRefused::KeepApart {
                a: "Anouk".into(),
                b: "Eline".into()
            })
        );
        assert!(matches!(
            check_swap(&p, &groups, "Chloë", "Daan"),
            Err(SwapRefused::KeepTogether { .. })
        ));
        let pairs = split(&[&["Anouk", "Daan"], &["Bram", "Chloë"], &["Eline", "Fleur"]]);
        let ok = check_swap(&p, &pairs, "Daan", "Fleur").expect("allowed");
        assert_eq!(ok.groups[0], ["Anouk", "Fleur"]);
        assert_eq!(ok.moved, ["Daan", "Fleur"]);
        assert_eq!(
            check_swap(&p, &groups, "Anouk", "Zoë")
                .unwrap_err()
                .describe(Lang::Nl),
            "Zoë zit niet in deze groepen: kies iemand die er wel in zit"
        );
    }

    #[test]
    fn a_late_arrival_joins_a_smallest_group_away_from_whom_they_met_and_nobody_moves() {
        let p = problem(&["Anouk", "Bram", "Chloë", "Daan", "Eline", "Fleur", "Gijs"]);
        let groups = split(&[
            &["Anouk", "Daan"],
            &["Bram", "Chloë", "Eline"],
            &["Fleur", "Hans"],
        ]);
        // Gijs met Fleur yesterday: the other smallest group.
        let placed = place_late_arrival(&p, &groups, "Gijs").expect("placed");
        assert_eq!(placed.groups[0], ["Anouk", "Daan", "Gijs"]);
        assert!(placed.moved.is_empty());
        assert_eq!(placed.score.repeated_pairs, 0);
    }

    #[test]
    fn an_absence_moves_nobody_when_sizes_still_fit_and_one_person_otherwise() {
        let p = problem(&[
            "Anouk", "Bram", "Chloë", "Daan", "Eline", "Fleur", "Gijs", "Hans",
        ]);
        let groups = split(&[
            &["Anouk", "Bram", "Chloë"],
            &["Daan", "Eline", "Fleur"],
            &["Gijs", "Hans", "Ilse"],
        ]);
        let fine = remove_absent(&p, &groups, "Ilse").expect("fits");
        assert!(fine.moved.is_empty());
        let p = problem(&["Anouk", "Bram", "Chloë", "Daan", "Eline", "Fleur", "Gijs"]);
        let after = remove_absent(&p, &fine.groups, "Hans").expect("fits");
        // 7 people make two groups: Gijs, left alone, joins one of them (the only move).
        assert_eq!(after.moved, ["Gijs"]);
        assert_eq!(after.groups.len(), 2);
        assert!(
            after.groups.iter().all(|g| g.len() >= 2),
            "{:?}",
            after.groups
        );
    }
}
