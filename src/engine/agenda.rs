//! The day's agenda at a moment: each block's planned, actual and projected start and how far
//! it ran over, derived from the record; the facilitator's agenda panel draws it as it is.

use super::clock::{self, DayClock};
use super::record::{SessionLog, Stamp};
use chrono::Duration;

/// Where a block stands relative to the one on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Done,
    Current,
    Coming,
}

/// One block of the agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaRow {
    pub title: String,
    pub standing: Standing,
    /// When the plan had it start (planned start of the day plus the planned blocks before it).
    pub planned_start: Stamp,
    /// When its clock first ran, if it has.
    pub actual_start: Option<Stamp>,
    /// When it starts at the current pace: the actual start once it has one.
    pub projected_start: Stamp,
    /// Seconds run beyond the plan: for a block left behind, or the current one once over.
    pub over: Option<i64>,
}

/// The whole agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct Agenda {
    pub rows: Vec<AgendaRow>,
    pub day: DayClock,
}

/// The agenda of `log` at `now`.
pub fn agenda(log: &SessionLog, now: Stamp) -> Agenda {
    let day = clock::day_clock(log, now);
    let total = clock::planned_seconds(log);
    let mut planned = day.planned_end - Duration::seconds(total);
    let current = log.current.min(log.blocks.len().saturating_sub(1));
    // Where the next coming block starts at this pace: after the current block's time left.
    let mut pace = now;
    let mut rows = Vec::with_capacity(log.blocks.len());
    for (i, block) in log.blocks.iter().enumerate() {
        let block_clock = clock::block_clock(block, now);
        let standing = match i.cmp(&current) {
            std::cmp::Ordering::Less => Standing::Done,
            std::cmp::Ordering::Equal => Standing::Current,
            std::cmp::Ordering::Greater => Standing::Coming,
        };
        let actual_start = block.runs.first().map(|r| r.from);
        let projected_start = match standing {
            Standing::Coming => pace,
            _ => actual_start.unwrap_or(now),
        };
        if standing == Standing::Current {
            pace = now + Duration::seconds(block_clock.remaining.max(0));
        } else if standing == Standing::Coming {
            pace += Duration::seconds(clock::allotted(block));
        }
        let over = block_clock.elapsed - block.planned_seconds;
        let finished_block = block.ended.is_some() && standing != Standing::Current;
        rows.push(AgendaRow {
            title: block.title.clone(),
            standing,
            planned_start: planned,
            actual_start,
            projected_start: if log.finished.is_some() {
                actual_start.unwrap_or(projected_start)
            } else {
                projected_start
            },
            over: (finished_block || (standing == Standing::Current && over > 0)).then_some(over),
        });
        planned += Duration::seconds(block.planned_seconds);
    }
    Agenda { rows, day }
}
