//! The input and output of the group-split solver.
//! Names are plain strings; indices into `people` are used inside the solver.

use std::collections::{BTreeMap, BTreeSet};

/// One person present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub attributes: BTreeMap<String, String>,
}

/// How big the groups are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sizing {
    /// Groups of this size; the remainder is spread so sizes differ by at most one and no one is alone.
    Size(usize),
    /// Exactly this many groups, sizes differing by at most one.
    Groups(usize),
}

/// Two people who met in an earlier round, `rounds_ago` rounds before the first planned one (1 = last round).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub a: String,
    pub b: String,
    pub rounds_ago: u32,
}

/// Everything the solver needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub people: Vec<Person>,
    pub sizing: Sizing,
    pub rounds: usize,
    pub keep_apart: Vec<(String, String)>,
    pub keep_together: Vec<(String, String)>,
    pub history: Vec<Meeting>,
    /// Attribute keys to balance, most important first.
    pub balance: Vec<String>,
    /// People pinned to a group in every round (name, group number from 1): a facilitator
    /// per group, a buddy for a new colleague. A hard constraint; never shown in the room.
    pub pins: Vec<(String, usize)>,
}

impl Problem {
    /// `names` in groups by `sizing` over `rounds` rounds: no attributes, pairs, history,
    /// balance or pins yet (set the fields for those).
    pub fn plain<S: Into<String>>(
        names: impl IntoIterator<Item = S>,
        sizing: Sizing,
        rounds: usize,
    ) -> Problem {
        Problem {
            people: names
                .into_iter()
                .map(|name| Person {
                    name: name.into(),
                    attributes: Default::default(),
                })
                .collect(),
            sizing,
            rounds,
            keep_apart: Vec::new(),
            keep_together: Vec::new(),
            history: Vec::new(),
            balance: Vec::new(),
            pins: Vec::new(),
        }
    }
}

/// A plan: for each round, the groups, each a list of names.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub rounds: Vec<Vec<Vec<String>>>,
    pub score: Score,
}

/// How good a plan is (lower is better).
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Planned meetings of two people who had met before (in the history or an earlier
    /// planned round); a pair meeting a third time counts again.
    pub repeated_pairs: u32,
    /// Planned meetings of three people who had sat in one group before (history or an
    /// earlier planned round): a group's core meeting again. Counted in rooms of up to 48
    /// people; 0 beyond.
    pub repeated_triples: u32,
    /// Most times any one pair of people present meets, history included.
    pub max_meetings: u32,
    /// Fewest times any one pair of people present meets, history included.
    pub min_meetings: u32,
    /// Sum over balanced attributes and groups of the distance from the whole room's mix.
    pub imbalance: f64,
}

impl Problem {
    /// Drop keep-apart and keep-together pairs and history that name someone not in `people`
    /// (people absent today): for callers that start from the whole cohort.
    pub fn forget_absent(&mut self) {
        let present: BTreeSet<&str> = self.people.iter().map(|p| p.name.as_str()).collect();
        let both =
            |a: &String, b: &String| present.contains(a.as_str()) && present.contains(b.as_str());
        self.keep_apart.retain(|(a, b)| both(a, b));
        self.keep_together.retain(|(a, b)| both(a, b));
        self.pins.retain(|(a, _)| present.contains(a.as_str()));
        self.history.retain(|m| both(&m.a, &m.b));
    }
}

/// The meetings in earlier splits (oldest first, as in `ProgrammeHistory::splits`): every pair
/// in one group, `rounds_ago` counted back from the last split (which is 1).
pub fn meetings_from_splits(splits: &[Vec<Vec<String>>]) -> Vec<Meeting> {
    let mut meetings = Vec::new();
    for (k, split) in splits.iter().enumerate() {
        let rounds_ago = (splits.len() - k) as u32;
        for group in split {
            for (x, a) in group.iter().enumerate() {
                for b in &group[x + 1..] {
                    meetings.push(Meeting {
                        a: a.clone(),
                        b: b.clone(),
                        rounds_ago,
                    });
                }
            }
        }
    }
    meetings
}
