//! A session with everything it refers to loaded and validated: its cohort and its decks.
//! This is what the engine runs; nothing in it can be invalid.

use super::types::{Cohort, Deck, Session};
use std::collections::BTreeMap;

/// A validated session with its cohort and decks resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSession {
    /// How the user named it: a path, or `bundled:<path>` for content compiled into regie.
    pub source: String,
    pub session: Session,
    pub cohort: Option<Cohort>,
    /// Decks by the `deck` string exactly as written in the Dilemmas blocks.
    pub decks: BTreeMap<String, Deck>,
}
