//! One session summarised: planned vs actual per block and for the day, attendance, finished.
//! Times come from the engine's clocks, stopped at the log's last moment for unfinished logs.

use super::moment::last_moment;
use crate::engine::clock::{allotted, block_clock, is_present, planned_seconds, seconds_between};
use crate::engine::plan::{Changed, changed_live};
use crate::journal::record::BlockKindTag;
use crate::journal::record::{SessionLog, Stamp};
use std::path::{Path, PathBuf};

/// One block as it ran.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockSummary {
    pub title: String,
    pub kind: BlockKindTag,
    pub planned: i64,
    /// Planned plus the facilitator's +/- minutes.
    pub allotted: i64,
    /// Seconds the block's clock ran.
    pub actual: i64,
    pub started: Option<Stamp>,
    pub ended: Option<Stamp>,
    /// Times the clock was paused and started again.
    pub pauses: usize,
    /// Inserted, moved or dropped while the session ran (dropped blocks come last).
    pub changed_live: Option<Changed>,
}

impl BlockSummary {
    /// Seconds over the plan (negative: under it).
    pub fn difference(&self) -> i64 {
        self.actual - self.planned
    }
    pub fn ran(&self) -> bool {
        self.started.is_some()
    }
    pub fn overran(&self) -> bool {
        self.actual > self.planned
    }
    /// The title, with "(live gewijzigd: …)" / "(changed live: …)" when the plan changed.
    pub fn marked_title(&self, lang: crate::i18n::Lang) -> String {
        match self.changed_live {
            Some(changed) => format!("{} ({})", self.title, changed.describe(lang)),
            None => self.title.clone(),
        }
    }
}

/// One session log summarised.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    /// The log file's name without `.ron`: names the session in CSV rows.
    pub id: String,
    pub path: PathBuf,
    pub title: String,
    pub programme: Option<String>,
    pub created: Stamp,
    /// When the first block's clock first ran.
    pub started: Option<Stamp>,
    /// Sum of the blocks' planned seconds.
    pub planned: i64,
    /// From the first start to the finish (or the last recorded moment), pauses included.
    pub actual: i64,
    /// Participants present at the end (by the last attendance mark).
    pub present: usize,
    pub participants: usize,
    /// The facilitator finished the session; otherwise it stopped (crash, quit mid-way).
    pub finished: bool,
    pub blocks: Vec<BlockSummary>,
}

impl SessionSummary {
    /// The longest planned or actual block, in seconds: the scale of a timeline chart.
    pub fn longest_block(&self) -> i64 {
        self.blocks
            .iter()
            .map(|b| b.planned.max(b.actual))
            .max()
            .unwrap_or(0)
    }
}

/// Summarise the log at `path`.
pub fn summarise(path: &Path, log: &SessionLog) -> SessionSummary {
    let end = last_moment(log);
    let blocks: Vec<BlockSummary> = log
        .blocks
        .iter()
        .chain(&log.dropped)
        .map(|block| BlockSummary {
            title: block.title.clone(),
            kind: block.kind,
            planned: block.planned_seconds,
            allotted: allotted(block),
            actual: block_clock(block, end).elapsed,
            started: block.runs.first().map(|r| r.from),
            ended: block.ended,
            pauses: block.runs.len().saturating_sub(1),
            changed_live: changed_live(block),
        })
        .collect();
    let started = blocks.iter().filter_map(|b| b.started).min();
    let people = people_of(log);
    SessionSummary {
        id: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.to_path_buf(),
        title: log.session.title.clone(),
        programme: log.session.programme.clone(),
        created: log.created,
        started,
        planned: planned_seconds(log),
        actual: started.map_or(0, |s| seconds_between(s, end)),
        present: people.iter().filter(|n| is_present(log, n)).count(),
        participants: people.len(),
        finished: log.finished.is_some(),
        blocks,
    }
}

/// The notes typed during blocks (card notes live with the cards), with their block's title.
pub fn block_notes(log: &SessionLog) -> Vec<(&str, &str)> {
    log.blocks
        .iter()
        .flat_map(|b| {
            b.notes
                .iter()
                .map(move |n| (b.title.as_str(), n.text.as_str()))
        })
        .collect()
}

/// Everyone the log names as a participant: the cohort, then anyone only marked in attendance.
pub fn people_of(log: &SessionLog) -> Vec<String> {
    let mut people = log.participants.clone();
    for mark in &log.attendance {
        if !people.contains(&mark.name) {
            people.push(mark.name.clone());
        }
    }
    people
}
