//! Reading many session logs: sessions, programmes, and report export (Markdown, CSV).
//! Knows nothing of the terminal; `tui::review` draws what it computes.

pub mod anonymise;
pub mod bars;
pub mod csv;
pub mod dilemma;
pub mod load;
pub mod markdown;
pub mod moment;
pub mod programme;
pub mod session;
pub mod strings;
pub mod tables;

pub use anonymise::{Pseudonyms, anonymise};
pub use dilemma::{DilemmaResult, OptionResult};
pub use load::{InputError, Loaded, load};
pub use programme::{KindDiscipline, Programme};
pub use session::{BlockSummary, SessionSummary};
pub use tables::Table;

use crate::journal::LogError;
use crate::journal::record::SessionLog;
use std::path::PathBuf;

/// Everything a review screen or a report shows: each session summarised, each programme
/// aggregated, and the logs that could not be read.
#[derive(Debug, Default)]
pub struct Review {
    /// The logs as read (or anonymised), oldest first; `sessions[i]` summarises `logs[i]`.
    pub logs: Vec<(PathBuf, SessionLog)>,
    pub sessions: Vec<SessionSummary>,
    pub programmes: Vec<Programme>,
    pub errors: Vec<LogError>,
}

impl Review {
    /// Summarise and aggregate loaded logs.
    pub fn build(loaded: Loaded) -> Review {
        let sessions: Vec<SessionSummary> = loaded
            .logs
            .iter()
            .map(|(path, log)| session::summarise(path, log))
            .collect();
        let programmes = programme::aggregate(&loaded.logs, &sessions);
        Review {
            logs: loaded.logs,
            sessions,
            programmes,
            errors: loaded.errors,
        }
    }

    /// The programme a session belongs to, if any.
    pub fn programme_of(&self, session: usize) -> Option<&Programme> {
        self.programmes
            .iter()
            .find(|p| p.sessions.contains(&session))
    }
}
