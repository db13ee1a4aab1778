//! Which runs of a programme count as its days: one per session, the run with the most recorded
//! activity; rehearsals, the other runs of a session and runs where nothing started do not.

use super::identity;
use super::record::SessionLog;

/// What one run counts as in its programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The run that counts as the day of its session.
    Day,
    /// Another run of a session whose day is a different run (restarted, or tried twice).
    Abandoned,
    /// Run with `--rehearsal`: never a day.
    Rehearsal,
    /// Opened and closed with nothing under way (see `was_started`): not a day.
    NotStarted,
}

/// What each of `logs` counts as, in the same order. Runs of the same session (by identity,
/// however its path was typed) with the same cohort are one day: the one with the most recorded actions counts;
/// on a tie the newer one (the one the facilitator went on with).
pub fn standings<'a>(logs: impl IntoIterator<Item = &'a SessionLog>) -> Vec<Standing> {
    let logs: Vec<&SessionLog> = logs.into_iter().collect();
    // The same session run with another cohort is another group's day.
    let keys: Vec<(String, Option<&str>)> = logs
        .iter()
        .map(|log| (identity::of_log(log), log.session.cohort.as_deref()))
        .collect();
    let rank: Vec<_> = logs
        .iter()
        .enumerate()
        .map(|(i, log)| (activity(log), log.created, i))
        .collect();
    let mut standings: Vec<Standing> = logs
        .iter()
        .map(|log| {
            if log.session.identity.rehearsal {
                Standing::Rehearsal
            } else if !was_started(log) {
                Standing::NotStarted
            } else {
                Standing::Abandoned
            }
        })
        .collect();
    for i in 0..logs.len() {
        if standings[i] != Standing::Abandoned {
            continue;
        }
        let beaten = (0..logs.len()).any(|j| {
            j != i
                && !matches!(standings[j], Standing::Rehearsal | Standing::NotStarted)
                && keys[j] == keys[i]
                && rank[j] > rank[i]
        });
        if !beaten {
            standings[i] = Standing::Day;
        }
    }
    standings
}

/// The runs of `logs` that count as days, in their order.
pub fn days<'a>(logs: impl IntoIterator<Item = &'a SessionLog>) -> Vec<&'a SessionLog> {
    let logs: Vec<&SessionLog> = logs.into_iter().collect();
    let standings = standings(logs.iter().copied());
    logs.into_iter()
        .zip(standings)
        .filter(|(_, standing)| *standing == Standing::Day)
        .map(|(log, _)| log)
        .collect()
}

/// Whether the session was under way in `log`: a block's clock was started, a block was left,
/// or something was recorded by hand or phone (a vote, a note, a turn, a takeaway, an
/// attendance mark, a learning wish, an evaluation form, a change of time). Opening a run and closing it again is not a day: nobody was there yet.
pub fn was_started(log: &SessionLog) -> bool {
    !log.attendance.is_empty()
        || !log.wishes.is_empty()
        || log.blocks.iter().any(|b| {
            !b.runs.is_empty()
                || b.ended.is_some()
                || !b.adjustments.is_empty()
                || !b.notes.is_empty()
                || !b.takeaways.is_empty()
                || b.round.as_ref().is_some_and(|r| !r.turns.is_empty())
                || b.evaluation.as_ref().is_some_and(|e| !e.forms.is_empty())
                || b.cards.iter().any(|c| {
                    !c.ballots.is_empty()
                        || !c.phone_ballots.is_empty()
                        || !c.notes.is_empty()
                        || c.outcome.is_some()
                })
        })
}

/// How many things were recorded in `log`: clock starts, blocks left, cards shown, votes,
/// notes, outcomes, takeaways, splits, swaps, speaking turns, evaluation forms, attendance
/// marks and wishes.
pub fn activity(log: &SessionLog) -> usize {
    let blocks: usize = log
        .blocks
        .iter()
        .map(|b| {
            let cards: usize = b
                .cards
                .iter()
                .map(|c| {
                    1 + c.ballots.len()
                        + c.phone_ballots.len()
                        + c.notes.len()
                        + usize::from(c.outcome.is_some())
                })
                .sum();
            b.runs.len()
                + usize::from(b.ended.is_some())
                + b.adjustments.len()
                + cards
                + b.splits.iter().map(|s| 1 + s.swaps.len()).sum::<usize>()
                + b.round.as_ref().map_or(0, |r| r.turns.len())
                + b.takeaways.len()
                + b.notes.len()
                + b.evaluation.as_ref().map_or(0, |e| e.forms.len())
        })
        .sum();
    blocks + log.attendance.len() + log.wishes.len() + usize::from(log.finished.is_some())
}
