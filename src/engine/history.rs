//! What earlier sessions of the same programme tell the engine: cards already played, who
//! already worked together, each person's learning wish, and the course plans its breakouts
//! follow. Built from the log folder by `journal::history`; the plans are read by the runner.

use crate::groups::CoursePlan;
use std::collections::{BTreeMap, BTreeSet};

/// Facts from earlier runs of the same programme, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgrammeHistory {
    /// `(deck title, card id)` of every card already shown to this cohort.
    pub played_cards: BTreeSet<(String, String)>,
    /// Every group split of earlier sessions (last split per breakout block), oldest first.
    pub splits: Vec<Vec<Vec<String>>>,
    /// How many earlier days of the programme these facts come from.
    pub days: usize,
    /// Every role taken in those splits, `(name, role)`: roles rotate from these counts.
    pub roles: Vec<(String, String)>,
    /// The course plans the session's Breakout blocks name, by the `plan` string as written:
    /// the plan, or why it could not be read (file:line:col and what).
    pub plans: BTreeMap<String, Result<CoursePlan, String>>,
    /// Each person's learning wish as last typed on an earlier day (personal: the facilitator's
    /// panel only).
    pub wishes: BTreeMap<String, String>,
    /// Where each person stood on the latest earlier day they said so.
    pub stands: BTreeMap<String, String>,
}
