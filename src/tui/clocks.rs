//! Clock figures the screen shows, derived from the engine's log and `now`.
//! TODO(engine): replace with the engine's own clock functions once they land on main.

use crate::engine::{BlockClock, DayClock};
use crate::journal::record::{BlockLog, SessionLog, Stamp};
use chrono::{NaiveTime, TimeZone};

/// Whole seconds from `from` to `to` (never negative).
pub fn seconds_between(from: Stamp, to: Stamp) -> i64 {
    (to - from).num_seconds().max(0)
}

/// The clock of one block at `now`.
pub fn block_clock(block: &BlockLog, now: Stamp) -> BlockClock {
    let elapsed: i64 = block
        .runs
        .iter()
        .map(|run| seconds_between(run.from, run.to.unwrap_or(now)))
        .sum();
    let allotted =
        (block.planned_seconds + block.adjustments.iter().map(|a| a.seconds).sum::<i64>()).max(0);
    BlockClock {
        elapsed,
        allotted,
        remaining: allotted - elapsed,
        running: block.runs.last().is_some_and(|run| run.to.is_none()),
        started: !block.runs.is_empty(),
    }
}

/// The day at `now`: when it will end at this pace, and when it was planned to.
pub fn day_clock(log: &SessionLog, now: Stamp) -> DayClock {
    let planned_total: i64 = log.blocks.iter().map(|b| b.planned_seconds).sum();
    let first_start = log
        .blocks
        .iter()
        .find_map(|b| b.runs.first().map(|r| r.from));
    let start = planned_start(log).or(first_start).unwrap_or(log.created);
    let planned_end = start + chrono::Duration::seconds(planned_total);
    let current = log.current.min(log.blocks.len().saturating_sub(1));
    let still_to_come: i64 = log
        .blocks
        .iter()
        .skip(current + 1)
        .map(|b| b.planned_seconds)
        .sum();
    let this_block = log
        .blocks
        .get(current)
        .map(|b| block_clock(b, now).remaining.max(0))
        .unwrap_or(0);
    let projected_end = match log.finished {
        Some(done) => done,
        None => now + chrono::Duration::seconds(this_block + still_to_come),
    };
    DayClock {
        projected_end,
        planned_end,
        slip: (projected_end - planned_end).num_seconds(),
    }
}

/// The script's planned start on the day the log was created.
fn planned_start(log: &SessionLog) -> Option<Stamp> {
    let hhmm = log.session.planned_start.as_deref()?;
    let time = NaiveTime::parse_from_str(hhmm, "%H:%M").ok()?;
    let day = log.created.date_naive().and_time(time);
    log.created.offset().from_local_datetime(&day).single()
}

/// Who is present at `now`: everyone in the cohort unless their last mark says absent.
pub fn is_present(log: &SessionLog, name: &str) -> bool {
    log.attendance
        .iter()
        .rev()
        .find(|mark| mark.name == name)
        .is_none_or(|mark| mark.present)
}
