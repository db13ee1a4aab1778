//! What earlier sessions of the same programme tell the engine: cards already played,
//! who already worked together, and each person's learning wish. Built from the log folder by `journal::history`.

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
    /// Each person's learning wish as last typed on an earlier day (personal: the facilitator's
    /// panel only).
    pub wishes: BTreeMap<String, String>,
    /// Where each person stood on the latest earlier day they said so.
    pub stands: BTreeMap<String, String>,
}
