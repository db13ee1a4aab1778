//! What the log folder tells a new or resumed run: the programme's history, the log to resume.
//! Pure functions over logs already read; the folder is read once by `folder::scan`.

use super::record::{SessionLog, Stamp};
use crate::engine::ProgrammeHistory;
use std::path::{Path, PathBuf};

/// Cards played and groups split in runs of `programme` with `cohort` created before `before`.
pub fn history_before(
    logs: &[(PathBuf, SessionLog)],
    programme: &str,
    cohort: Option<&str>,
    before: Stamp,
) -> ProgrammeHistory {
    let earlier: Vec<&SessionLog> = logs
        .iter()
        .map(|(_, log)| log)
        .filter(|log| {
            log.session.programme.as_deref() == Some(programme)
                && log.session.cohort.as_deref() == cohort
                && log.created < before
        })
        .collect();
    let mut history = ProgrammeHistory {
        splits: final_splits(earlier.iter().copied()),
        ..ProgrammeHistory::default()
    };
    for card in earlier
        .iter()
        .flat_map(|log| &log.blocks)
        .flat_map(|b| &b.cards)
    {
        history
            .played_cards
            .insert((card.deck.clone(), card.card.clone()));
    }
    history
}

/// The groups each breakout block of `logs` ended with (its last split), in log order.
pub fn final_splits<'a>(logs: impl IntoIterator<Item = &'a SessionLog>) -> Vec<Vec<Vec<String>>> {
    logs.into_iter()
        .flat_map(|log| &log.blocks)
        .filter_map(|block| block.splits.last())
        .map(|split| split.groups.clone())
        .collect()
}

/// The history a log was (or is) run with: its programme's runs before it.
pub fn history_of(logs: &[(PathBuf, SessionLog)], log: &SessionLog) -> ProgrammeHistory {
    match &log.session.programme {
        Some(programme) => {
            history_before(logs, programme, log.session.cohort.as_deref(), log.created)
        }
        None => ProgrammeHistory::default(),
    }
}

/// The newest unfinished log of the session `source` (as the runner names it: a path or
/// `bundled:<path>`). Paths match when they name the same file, however they are spelled.
pub fn find_resumable<'a>(
    logs: &'a [(PathBuf, SessionLog)],
    source: &str,
) -> Option<&'a (PathBuf, SessionLog)> {
    logs.iter()
        .rev()
        .find(|(_, log)| log.finished.is_none() && same_source(&log.session.file, source))
}

fn same_source(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match (Path::new(a).canonicalize(), Path::new(b).canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
