//! What the log folder tells a new or resumed run: the programme's history, the log to resume.
//! Pure functions over logs already read; the folder is read once by `folder::scan`.

use super::days;
use super::identity::{self, is_unfinished};
use super::record::{SessionLog, Stamp, WishAspect};
use crate::engine::ProgrammeHistory;
use std::path::PathBuf;

/// Cards played, groups split and learning wishes typed on the earlier days of `programme` with
/// `cohort` (see `earlier_days`).
pub fn history_before(
    logs: &[(PathBuf, SessionLog)],
    programme: &str,
    cohort: Option<&str>,
    before: Stamp,
    session: &str,
) -> ProgrammeHistory {
    let earlier = earlier_days(logs, programme, cohort, before, session);
    let mut history = ProgrammeHistory {
        splits: final_splits(earlier.iter().copied()),
        days: earlier.len(),
        roles: earlier
            .iter()
            .flat_map(|log| &log.blocks)
            .filter_map(|block| block.splits.last())
            .flat_map(|split| split.roles.iter().cloned())
            .collect(),
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
    // Oldest day first and lines in time order: the newest line per person wins.
    for line in earlier.iter().flat_map(|log| &log.wishes) {
        let lines = match line.aspect {
            WishAspect::Wish => &mut history.wishes,
            WishAspect::Stand => &mut history.stands,
        };
        lines.insert(line.name.clone(), line.text.clone());
    }
    history
}

/// The earlier days of `programme` with `cohort`, oldest first: the runs that count as days (see
/// `days`), created before `before`, of sessions other than `session` (its own other runs are
/// the same day). Their number is what a breakout screen can show as "historie: 2 dagen".
pub fn earlier_days<'a>(
    logs: &'a [(PathBuf, SessionLog)],
    programme: &str,
    cohort: Option<&str>,
    before: Stamp,
    session: &str,
) -> Vec<&'a SessionLog> {
    days::days(logs.iter().map(|(_, log)| log))
        .into_iter()
        .filter(|log| {
            log.session.programme.as_deref() == Some(programme)
                && log.session.cohort.as_deref() == cohort
                && log.created < before
                && identity::of_log(log) != session
        })
        .collect()
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
        Some(programme) => history_before(
            logs,
            programme,
            log.session.cohort.as_deref(),
            log.created,
            &identity::of_log(log),
        ),
        None => ProgrammeHistory::default(),
    }
}

/// The newest unfinished run of the session with identity `session` (see `identity`): not
/// finished, not abandoned for a new start.
pub fn find_resumable<'a>(
    logs: &'a [(PathBuf, SessionLog)],
    session: &str,
) -> Option<&'a (PathBuf, SessionLog)> {
    logs.iter()
        .rev()
        .find(|(_, log)| is_unfinished(log) && identity::of_log(log) == session)
}
