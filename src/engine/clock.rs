//! Time arithmetic of a block, a card and the day, derived from the log and `now`.
//! Pure functions over the log: the runner, the follow view and review all share them.

use crate::engine::record::{BlockLog, CardLog, RoundLog, SessionLog, Stamp};
use chrono::{Duration, NaiveTime, TimeZone};

/// A block's clock at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockClock {
    /// Seconds the clock has run.
    pub elapsed: i64,
    /// Planned seconds plus adjustments.
    pub allotted: i64,
    /// `allotted - elapsed`; negative once the block overruns.
    pub remaining: i64,
    pub running: bool,
    /// The clock has run at least once.
    pub started: bool,
}

/// The day at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayClock {
    /// When the last block is expected to end, at the current pace.
    pub projected_end: Stamp,
    /// When it was planned to end (planned start, or actual start, plus the planned blocks).
    pub planned_end: Stamp,
    /// `projected_end - planned_end` in seconds: positive runs late.
    pub slip: i64,
}

/// Whole seconds from `from` to `to` (never negative).
pub fn seconds_between(from: Stamp, to: Stamp) -> i64 {
    (to - from).num_seconds().max(0)
}

/// Seconds the clock of `block` ran between `since` (or its first start) and `now`.
fn run_seconds(block: &BlockLog, since: Option<Stamp>, now: Stamp) -> i64 {
    block
        .runs
        .iter()
        .map(|run| {
            let from = since.map_or(run.from, |s| run.from.max(s));
            let to = run.to.unwrap_or(now).min(now);
            seconds_between(from, to)
        })
        .sum()
}

/// Planned seconds plus every adjustment, never below zero.
pub fn allotted(block: &BlockLog) -> i64 {
    (block.planned_seconds + block.adjustments.iter().map(|a| a.seconds).sum::<i64>()).max(0)
}

/// The clock of one block at `now`.
pub fn block_clock(block: &BlockLog, now: Stamp) -> BlockClock {
    let elapsed = run_seconds(block, None, now);
    let allotted = allotted(block);
    BlockClock {
        elapsed,
        allotted,
        remaining: allotted - elapsed,
        running: block.runs.last().is_some_and(|run| run.to.is_none()),
        started: !block.runs.is_empty(),
    }
}

/// The clock of the card on screen: the block's time shared equally over its cards,
/// counted from when the card was shown (pauses of the block excluded).
pub fn card_clock(block: &BlockLog, card: &CardLog, now: Stamp) -> BlockClock {
    // Shared over every card drawn for the block, not only those shown so far.
    let cards = block.drawn.len().max(block.cards.len()).max(1) as i64;
    let share = allotted(block) / cards;
    let until = card.ended.unwrap_or(now).min(now);
    let elapsed = run_seconds(block, Some(card.shown), until);
    BlockClock {
        elapsed,
        allotted: share,
        remaining: share - elapsed,
        running: card.ended.is_none() && block.runs.last().is_some_and(|r| r.to.is_none()),
        started: elapsed > 0,
    }
}

/// Who has the floor in `round` at `now` and their own turn clock (negative once over time).
pub fn speaker_clock(round: &RoundLog, now: Stamp) -> Option<(&str, BlockClock)> {
    let turn = round.turns.last().filter(|t| t.ended.is_none())?;
    let allotted = i64::from(round.seconds_each);
    let spoken = seconds_between(turn.started, now);
    Some((
        turn.name.as_str(),
        BlockClock {
            elapsed: spoken,
            allotted,
            remaining: allotted - spoken,
            running: true,
            started: true,
        },
    ))
}

/// The planned length of the day as the session file had it: blocks inserted live do not
/// count, blocks dropped live still do (so dropping a block wins back the slip).
pub fn planned_seconds(log: &SessionLog) -> i64 {
    log.blocks
        .iter()
        .chain(&log.dropped)
        .filter(|b| b.live.as_ref().is_none_or(|l| l.inserted.is_none()))
        .map(|b| b.planned_seconds)
        .sum()
}

/// The day at `now`: when it will end at this pace, and when it was planned to.
pub fn day_clock(log: &SessionLog, now: Stamp) -> DayClock {
    let planned_total = planned_seconds(log);
    let first_start = log
        .blocks
        .iter()
        .filter_map(|b| b.runs.first().map(|r| r.from))
        .min();
    let start = planned_start(log).or(first_start).unwrap_or(log.created);
    let planned_end = start + Duration::seconds(planned_total);
    let current = log.current.min(log.blocks.len().saturating_sub(1));
    let still_to_come: i64 = log.blocks.iter().skip(current + 1).map(allotted).sum();
    let this_block = log
        .blocks
        .get(current)
        .map_or(0, |b| block_clock(b, now).remaining.max(0));
    let projected_end = match log.finished {
        Some(done) => done,
        None => now + Duration::seconds(this_block + still_to_come),
    };
    DayClock {
        projected_end,
        planned_end,
        slip: (projected_end - planned_end).num_seconds(),
    }
}

/// The script's planned start ("HH:MM") on the day the log was created, in its offset.
pub fn planned_start(log: &SessionLog) -> Option<Stamp> {
    let hhmm = log.session.planned_start.as_deref()?;
    let time = NaiveTime::parse_from_str(hhmm, "%H:%M").ok()?;
    let day = log.created.date_naive().and_time(time);
    log.created.offset().from_local_datetime(&day).single()
}

/// Whether `name` is present: everyone is, unless their last attendance mark says absent.
pub fn is_present(log: &SessionLog, name: &str) -> bool {
    log.attendance
        .iter()
        .rev()
        .find(|mark| mark.name == name)
        .is_none_or(|mark| mark.present)
}
