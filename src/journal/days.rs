//! Which runs of a programme count as its days: one per session, the run with the most recorded
//! activity; rehearsals, runs left for a new start and runs where no block was started do not.

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
    /// No block was ever started: nobody was there yet.
    NotStarted,
}

/// What each of `logs` counts as, in the same order. Runs of the same session (by identity,
/// however its path was typed) are one day: the one with the most recorded actions counts;
/// on a tie the newer one (the one the facilitator went on with).
pub fn standings<'a>(logs: impl IntoIterator<Item = &'a SessionLog>) -> Vec<Standing> {
    let logs: Vec<&SessionLog> = logs.into_iter().collect();
    let keys: Vec<String> = logs.iter().map(|log| identity::of_log(log)).collect();
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

/// Whether any block's clock was ever started in `log`.
pub fn was_started(log: &SessionLog) -> bool {
    log.blocks.iter().any(|block| !block.runs.is_empty())
}

/// How many things were recorded in `log`: clock starts, blocks left, cards shown, votes,
/// notes, outcomes, takeaways, splits, swaps, speaking turns and attendance marks.
pub fn activity(log: &SessionLog) -> usize {
    let blocks: usize = log
        .blocks
        .iter()
        .map(|b| {
            let cards: usize = b
                .cards
                .iter()
                .map(|c| 1 + c.ballots.len() + c.notes.len() + usize::from(c.outcome.is_some()))
                .sum();
            b.runs.len()
                + usize::from(b.ended.is_some())
                + b.adjustments.len()
                + cards
                + b.splits.iter().map(|s| 1 + s.swaps.len()).sum::<usize>()
                + b.round.as_ref().map_or(0, |r| r.turns.len())
                + b.takeaways.len()
                + b.notes.len()
        })
        .sum();
    blocks + log.attendance.len() + usize::from(log.finished.is_some())
}
