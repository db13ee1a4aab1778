//! Reading many session logs: sessions, programmes, one report model, and its exports
//! (Markdown, CSV, a workbook). Knows nothing of the terminal; `tui::review` draws what it computes.

pub mod anonymise;
pub mod bars;
pub mod csv;
pub mod dilemma;
pub mod evaluation;
pub mod export;
pub mod load;
pub mod markdown;
pub mod model;
pub mod moment;
pub mod programme;
pub mod session;
pub mod strings;
pub mod tables;
pub mod wishes;
pub mod workbook;

pub use anonymise::{Pseudonyms, anonymise};
pub use csv::Dialect;
pub use dilemma::{DilemmaResult, OptionResult};
pub use load::{InputError, Loaded, load};
pub use model::SessionReport;
pub use programme::{KindDiscipline, Programme};
pub use session::{BlockSummary, SessionSummary};
pub use tables::Table;

use crate::i18n::Lang;
use crate::journal::LogError;
use crate::journal::record::SessionLog;
use std::path::PathBuf;

/// What a report may show of what the logs hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Privacy {
    /// Keep the facilitator's notes (block notes and card notes); outcomes and takeaways are
    /// always kept.
    pub notes: bool,
    /// Replace every participant's name (and the log file names) by pseudonyms in this language.
    pub anonymise: Option<Lang>,
}

/// Everything a review screen or a report shows: each session summarised, each programme
/// aggregated, and the logs that could not be read.
#[derive(Debug, Default)]
pub struct Review {
    /// The logs as read (or anonymised), oldest first; `sessions[i]` summarises `logs[i]`.
    pub logs: Vec<(PathBuf, SessionLog)>,
    pub sessions: Vec<SessionSummary>,
    pub programmes: Vec<Programme>,
    pub errors: Vec<LogError>,
    /// What was left out or replaced when the logs were read.
    pub privacy: Privacy,
    /// The attendance rule (minimum percentage of days present) the programmes are held to.
    pub attendance_rule: Option<u8>,
}

impl Review {
    /// Summarise and aggregate loaded logs, notes and names as recorded.
    pub fn build(loaded: Loaded) -> Review {
        Review::build_private(
            loaded,
            Privacy {
                notes: true,
                anonymise: None,
            },
        )
    }

    /// Summarise and aggregate loaded logs after leaving out what `privacy` says: notes are
    /// removed from the logs themselves, so no rendering can show them.
    pub fn build_private(mut loaded: Loaded, privacy: Privacy) -> Review {
        if !privacy.notes {
            strip_notes(&mut loaded.logs);
        }
        if let Some(lang) = privacy.anonymise {
            anonymise(&mut loaded.logs, lang);
        }
        let sessions: Vec<SessionSummary> = loaded
            .logs
            .iter()
            .map(|(path, log)| session::summarise(path, log))
            .collect();
        let programmes = programme::aggregate(&loaded.logs, &sessions);
        // The rule the newest log recorded from its cohort; --attendance-rule overrides it.
        let attendance_rule = loaded
            .logs
            .iter()
            .rev()
            .find_map(|(_, log)| log.session.attendance_rule);
        Review {
            logs: loaded.logs,
            sessions,
            programmes,
            errors: loaded.errors,
            privacy,
            attendance_rule,
        }
    }

    /// The programme a session belongs to, if any.
    pub fn programme_of(&self, session: usize) -> Option<&Programme> {
        self.programmes
            .iter()
            .find(|p| p.sessions.contains(&session))
    }

    /// A review of only `sessions` (indices into `self.sessions`), with `notes` or without:
    /// what an export of one session or programme from the screen holds.
    pub fn subset(&self, sessions: &[usize], notes: bool) -> Review {
        let logs = sessions
            .iter()
            .filter_map(|&i| self.logs.get(i).cloned())
            .collect();
        let privacy = Privacy {
            notes: notes && self.privacy.notes,
            // Already anonymised: the logs hold pseudonyms.
            anonymise: None,
        };
        let mut review = Review::build_private(
            Loaded {
                logs,
                errors: Vec::new(),
            },
            privacy,
        );
        review.privacy.anonymise = self.privacy.anonymise;
        review.attendance_rule = self.attendance_rule;
        review
    }
}

/// Remove the facilitator's private notes (block notes and card notes, and the earlier text
/// of corrected ones) from `logs`.
pub fn strip_notes(logs: &mut [(PathBuf, SessionLog)]) {
    use crate::journal::record::EntryKind;
    for (_, log) in logs {
        for block in &mut log.blocks {
            block.notes.clear();
            block
                .corrections
                .retain(|c| !matches!(c.kind, EntryKind::Note | EntryKind::CardNote));
            for card in &mut block.cards {
                card.notes.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::record::{Correction, EntryKind, Note};

    #[test]
    fn stripping_notes_leaves_outcomes_and_takeaways_and_no_old_note_text() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-09-01T09:30:00+02:00").unwrap();
        let text = |t: &str| Note {
            at,
            text: t.to_string(),
        };
        let correction = |kind, old: &str| Correction {
            at,
            kind,
            old: old.to_string(),
            new: None,
        };
        let mut log: SessionLog = ron::from_str(
            r#"SessionLog(format: 1, session: (title: "Dag", file: "dag.ron"),
               created: "2026-09-01T09:00:00+02:00", current: 0,
               blocks: [(title: "Oogst", kind: "Harvest", planned_seconds: 600)])"#,
        )
        .unwrap();
        let block = &mut log.blocks[0];
        block.notes.push(text("GEHEIM: Pieter is ziek"));
        block.takeaways.push(text("Eerst vragen"));
        block.corrections = vec![
            correction(EntryKind::Note, "GEHEIM: oud"),
            correction(EntryKind::Takeaway, "Eerst vragn"),
        ];
        let mut logs = vec![(PathBuf::from("dag.ron"), log)];
        strip_notes(&mut logs);
        let block = &logs[0].1.blocks[0];
        assert!(block.notes.is_empty());
        assert_eq!(block.takeaways.len(), 1);
        assert_eq!(block.corrections.len(), 1);
        assert_eq!(block.corrections[0].kind, EntryKind::Takeaway);
    }
}
