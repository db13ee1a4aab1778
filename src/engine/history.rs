//! What earlier sessions of the same programme tell the engine: cards already played
//! and who already worked together. Built from the log folder by `journal::history`.

use std::collections::BTreeSet;

/// Facts from earlier runs of the same programme, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgrammeHistory {
    /// `(deck title, card id)` of every card already shown to this cohort.
    pub played_cards: BTreeSet<(String, String)>,
    /// Every group split of earlier sessions (last split per breakout block), oldest first.
    pub splits: Vec<Vec<Vec<String>>>,
    /// How many earlier days of the programme these facts come from.
    pub days: usize,
}
