//! The input and output of the group-split solver.
//! Names are plain strings; indices into `people` are used inside the solver.

use std::collections::BTreeMap;

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
    /// Pairs (counted per extra meeting) meeting more often than once, history included.
    pub repeated_pairs: u32,
    /// Most times any one pair meets, history included.
    pub max_meetings: u32,
    /// Sum over balanced attributes and groups of the distance from the whole room's mix.
    pub imbalance: f64,
}
