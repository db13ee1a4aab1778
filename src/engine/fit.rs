//! Whether a recorded log is sound (numbers within limits, indices inside their lists) and can
//! be continued with a script (same blocks). A hand-edited log or a changed script is refused.

use crate::engine::plan::{Leniency, inserted_block, scripted_places, untouched};
use crate::engine::record::{BlockLog, CardLog, SessionLog, Stamp, VoteRound};
use crate::script::locate::Step::{self, Field, Index};
use crate::script::validate::MAX_BLOCK_MINUTES;
use crate::script::{Block, LoadedSession};
use chrono::Datelike;
use std::fmt;

/// The longest a block may be planned in a log: the longest a script may plan it.
pub const MAX_PLANNED_SECONDS: i64 = MAX_BLOCK_MINUTES as i64 * 60;
/// The most one adjustment may change a block (a key press changes it by 60 seconds).
pub const MAX_ADJUSTMENT_SECONDS: i64 = MAX_PLANNED_SECONDS;
/// The most all adjustments of one block together may add or take away: a week.
pub const MAX_ADJUSTED_SECONDS: i64 = 7 * 24 * 3600;
/// The most votes one option may have (a room holds hundreds, not millions).
pub const MAX_VOTES: u32 = 1_000_000;
/// Years a timestamp in a log may have: anything else is a damaged or hand-made log, and
/// adding a day's durations to it could leave the calendar the clocks compute in.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Why a log does not fit a script, in words a facilitator can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch(pub String);

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Mismatch {}

/// Check that `log` was recorded with (this version of) `script` and is internally sound.
pub fn check(script: &LoadedSession, log: &SessionLog) -> Result<(), Mismatch> {
    plan(script, log, Leniency::Strict).map(|_| ())
}

/// The plan `log` runs with `script`: for each recorded block, its block of the session file
/// (found through the marks a changed plan leaves), or the block inserted live. A log whose
/// plan was never changed lines up block by block. Also accepted: a script already in the
/// log's order (the runner's own copy), matched block by block.
pub fn plan(
    script: &LoadedSession,
    log: &SessionLog,
    leniency: Leniency,
) -> Result<Vec<Block>, Mismatch> {
    let planned = mapped(script, log, leniency).or_else(|mismatch| {
        let in_order = script.session.blocks.len() == log.blocks.len()
            && log.blocks.iter().any(|b| b.live.is_some())
            && script
                .session
                .blocks
                .iter()
                .zip(&log.blocks)
                .enumerate()
                .all(|(n, (p, r))| same(n, p, r).is_ok());
        if in_order {
            Ok(script.session.blocks.clone())
        } else {
            Err(mismatch)
        }
    })?;
    sound(log).map_err(|flaw| Mismatch(flaw.message))?;
    Ok(planned)
}

/// The plan through the log's marks (see `plan::scripted_places`).
fn mapped(
    script: &LoadedSession,
    log: &SessionLog,
    leniency: Leniency,
) -> Result<Vec<Block>, Mismatch> {
    let blocks = &script.session.blocks;
    let places = scripted_places(&log.blocks, &log.dropped);
    let dropped: Vec<usize> = log
        .dropped
        .iter()
        .filter_map(|b| b.live.as_ref()?.scripted)
        .collect();
    let scripted = places.iter().flatten().count() + dropped.len();
    let mut used: Vec<usize> = places.iter().flatten().chain(&dropped).copied().collect();
    used.sort_unstable();
    used.dedup();
    if scripted != blocks.len() {
        return Err(Mismatch(format!(
            "the log has {} blocks, the session now has {}",
            scripted,
            blocks.len()
        )));
    }
    if used.len() != scripted || used.last() >= Some(&blocks.len()) {
        return Err(Mismatch(format!(
            "the log's changed plan pairs two blocks with one block of the session, or one \
             with a block past its {} (`scripted` in the blocks' `live` marks)",
            blocks.len()
        )));
    }
    let mut plan = Vec::with_capacity(log.blocks.len());
    for (n, (recorded, place)) in log.blocks.iter().zip(places).enumerate() {
        let Some(place) = place else {
            plan.push(inserted_block(recorded));
            continue;
        };
        let planned = &blocks[place];
        if leniency == Leniency::Strict || !untouched(recorded) {
            same(n, planned, recorded)?;
        }
        plan.push(planned.clone());
    }
    Ok(plan)
}

/// Whether block `n` of the log is the scripted block `planned` (same title and kind).
fn same(n: usize, planned: &Block, recorded: &BlockLog) -> Result<(), Mismatch> {
    if planned.title != recorded.title || planned.kind.tag() != recorded.kind {
        return Err(Mismatch(format!(
            "block {} is \"{}\" ({}) in the log but \"{}\" ({}) in the session",
            n + 1,
            recorded.title,
            recorded.kind,
            planned.title,
            planned.kind.name()
        )));
    }
    if let (Some(asked), Some(recorded)) = (
        super::evaluation::EvaluationLog::for_kind(&planned.kind),
        &recorded.evaluation,
    ) && (asked.grade, asked.top_and_tip, &asked.questions)
        != (recorded.grade, recorded.top_and_tip, &recorded.questions)
    {
        return Err(Mismatch(format!(
            "block {} \"{}\" asks other questions in the session than in the log",
            n + 1,
            planned.title
        )));
    }
    Ok(())
}

/// A number or index in a log that cannot be right, with the path to it in the log's text
/// (so the reader can say `file:line:col`).
#[derive(Debug, Clone, PartialEq)]
pub struct Flaw {
    pub(crate) at: Vec<Step<'static>>,
    pub message: String,
}

/// `n + 1` (a 1-based position) written out exactly, even for the largest index.
fn nth(n: usize) -> u128 {
    n as u128 + 1
}

/// Check that every number and index in `log` is within its limits: planned durations and
/// adjustments, vote counts, ballots, the block and card on screen, timestamps. Whatever
/// passes can be shown, clocked and continued without overflowing or indexing out of bounds.
pub fn sound(log: &SessionLog) -> Result<(), Flaw> {
    if log.blocks.is_empty() {
        return Err(Flaw {
            at: vec![Field("blocks")],
            message: "the log has no blocks".into(),
        });
    }
    if log.current >= log.blocks.len() {
        return Err(Flaw {
            at: vec![Field("current")],
            message: format!(
                "the log is on block {} of {}",
                nth(log.current),
                log.blocks.len()
            ),
        });
    }
    stamp(log.created, vec![Field("created")])?;
    if let Some(at) = log.finished {
        stamp(at, vec![Field("finished")])?;
    }
    for (i, mark) in log.attendance.iter().enumerate() {
        stamp(mark.at, vec![Field("attendance"), Index(i), Field("at")])?;
    }
    for (b, block) in log.blocks.iter().enumerate() {
        block_sound(b, block)?;
    }
    for (b, block) in log.dropped.iter().enumerate() {
        block_sound(b, block).map_err(|flaw| Flaw {
            at: [Field("dropped")]
                .into_iter()
                .chain(flaw.at.into_iter().skip(1))
                .collect(),
            message: format!("dropped {}", flaw.message),
        })?;
    }
    Ok(())
}

fn stamp(at: Stamp, path: Vec<Step<'static>>) -> Result<(), Flaw> {
    if YEARS.contains(&at.year()) {
        return Ok(());
    }
    Err(Flaw {
        at: path,
        message: format!(
            "the time {at} is outside the years {} to {}",
            YEARS.start(),
            YEARS.end()
        ),
    })
}

/// Path steps below `prefix`.
fn below(prefix: &[Step<'static>], rest: &[Step<'static>]) -> Vec<Step<'static>> {
    prefix.iter().chain(rest).copied().collect()
}

fn block_sound(b: usize, block: &BlockLog) -> Result<(), Flaw> {
    let prefix = [Field("blocks"), Index(b)];
    let flaw = |rest: &[Step<'static>], message: String| Flaw {
        at: below(&prefix, rest),
        message: format!("block {}: {message}", nth(b)),
    };
    if !(0..=MAX_PLANNED_SECONDS).contains(&block.planned_seconds) {
        return Err(flaw(
            &[Field("planned_seconds")],
            format!(
                "planned_seconds is {}; it must be 0 to {MAX_PLANNED_SECONDS} \
                 ({MAX_BLOCK_MINUTES} minutes)",
                block.planned_seconds
            ),
        ));
    }
    let mut adjusted: i64 = 0;
    for (i, adjustment) in block.adjustments.iter().enumerate() {
        let at = [Field("adjustments"), Index(i), Field("seconds")];
        if adjustment.seconds.unsigned_abs() > MAX_ADJUSTMENT_SECONDS.unsigned_abs() {
            return Err(flaw(
                &at,
                format!(
                    "an adjustment of {} seconds; one adjustment is at most \
                     {MAX_ADJUSTMENT_SECONDS} seconds either way",
                    adjustment.seconds
                ),
            ));
        }
        adjusted += adjustment.seconds;
        if adjusted.unsigned_abs() > MAX_ADJUSTED_SECONDS.unsigned_abs() {
            return Err(flaw(
                &at,
                format!(
                    "the adjustments add up to {adjusted} seconds; together they are at most \
                     {MAX_ADJUSTED_SECONDS} seconds (a week) either way"
                ),
            ));
        }
    }
    for (i, split) in block.splits.iter().enumerate() {
        let imbalance = split.score.imbalance;
        if !imbalance.is_finite() || imbalance < 0.0 {
            return Err(flaw(
                &[
                    Field("splits"),
                    Index(i),
                    Field("score"),
                    Field("imbalance"),
                ],
                format!("the imbalance of a split is {imbalance}; it is a number of 0 or more"),
            ));
        }
    }
    if block.current_card >= block.cards.len().max(1) {
        return Err(flaw(
            &[Field("current_card")],
            format!(
                "it points at card {} of {}",
                nth(block.current_card),
                block.cards.len()
            ),
        ));
    }
    for (c, card) in block.cards.iter().enumerate() {
        card_sound(card).map_err(|(rest, message)| {
            flaw(
                &below(&[Field("cards"), Index(c)], &rest),
                format!("card \"{}\": {message}", card.card),
            )
        })?;
    }
    if let Some(evaluation) = &block.evaluation {
        let prefix = [Field("evaluation")];
        if let Some((rest, message)) = super::evaluation::flaw(evaluation) {
            return Err(flaw(&below(&prefix, &rest), message));
        }
    }
    for (when, rest) in block_stamps(block) {
        stamp(when, below(&prefix, &rest)).map_err(|f| flaw(&rest, f.message))?;
    }
    Ok(())
}

/// Every timestamp of a block, with its path below the block.
fn block_stamps(block: &BlockLog) -> Vec<(Stamp, Vec<Step<'static>>)> {
    let mut stamps = Vec::new();
    for (i, run) in block.runs.iter().enumerate() {
        stamps.push((run.from, vec![Field("runs"), Index(i), Field("from")]));
        if let Some(to) = run.to {
            stamps.push((to, vec![Field("runs"), Index(i), Field("to")]));
        }
    }
    if let Some(ended) = block.ended {
        stamps.push((ended, vec![Field("ended")]));
    }
    for (i, a) in block.adjustments.iter().enumerate() {
        stamps.push((a.at, vec![Field("adjustments"), Index(i), Field("at")]));
    }
    for (field, notes) in [("notes", &block.notes), ("takeaways", &block.takeaways)] {
        for (i, note) in notes.iter().enumerate() {
            stamps.push((note.at, vec![Field(field), Index(i), Field("at")]));
        }
    }
    for (i, split) in block.splits.iter().enumerate() {
        stamps.push((split.at, vec![Field("splits"), Index(i), Field("at")]));
    }
    for (i, correction) in block.corrections.iter().enumerate() {
        stamps.push((
            correction.at,
            vec![Field("corrections"), Index(i), Field("at")],
        ));
    }
    for (i, turn) in block.round.iter().flat_map(|r| r.turns.iter()).enumerate() {
        let at = |field| vec![Field("round"), Field("turns"), Index(i), Field(field)];
        stamps.push((turn.started, at("started")));
        if let Some(ended) = turn.ended {
            stamps.push((ended, at("ended")));
        }
    }
    if let Some(evaluation) = &block.evaluation {
        stamps.extend(
            super::evaluation::stamps(evaluation)
                .map(|(at, rest)| (at, below(&[Field("evaluation")], &rest))),
        );
    }
    for (c, card) in block.cards.iter().enumerate() {
        let at = |rest: &[Step<'static>]| below(&[Field("cards"), Index(c)], rest);
        stamps.push((card.shown, at(&[Field("shown")])));
        if let Some(ended) = card.ended {
            stamps.push((ended, at(&[Field("ended")])));
        }
        for (i, ballot) in card.ballots.iter().enumerate() {
            stamps.push((ballot.at, at(&[Field("ballots"), Index(i), Field("at")])));
        }
        for (i, note) in card.notes.iter().enumerate() {
            stamps.push((note.at, at(&[Field("notes"), Index(i), Field("at")])));
        }
    }
    stamps
}

/// What is wrong with a card, and the path to it below the card.
fn card_sound(card: &CardLog) -> Result<(), (Vec<Step<'static>>, String)> {
    let options = card.options.len();
    for (field, counts) in [
        ("votes", Some(&card.votes)),
        ("revotes", card.revotes.as_ref()),
    ] {
        let Some(counts) = counts else { continue };
        if counts.len() != options {
            return Err((
                vec![Field(field)],
                format!("it has {options} options but {field} for {}", counts.len()),
            ));
        }
        if let Some(i) = counts.iter().position(|n| *n > MAX_VOTES) {
            return Err((
                vec![Field(field), Index(i)],
                format!(
                    "{} {field} for option {}; an option has at most {MAX_VOTES}",
                    counts[i],
                    nth(i)
                ),
            ));
        }
    }
    for (i, ballot) in card.ballots.iter().enumerate() {
        if ballot.option >= options {
            return Err((
                vec![Field("ballots"), Index(i), Field("option")],
                format!(
                    "a ballot for option {} but the card has {options} options",
                    nth(ballot.option)
                ),
            ));
        }
        if ballot.round == VoteRound::Revote && card.revotes.is_none() {
            return Err((
                vec![Field("ballots"), Index(i), Field("round")],
                "a revote ballot, but no revote was started".to_string(),
            ));
        }
    }
    Ok(())
}
