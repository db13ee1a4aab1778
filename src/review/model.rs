//! The report model: the sections of one session's report, built once from a `Review`.
//! Markdown, the review screens and the workbook all render this; none reads the log again.

use super::Review;
use super::dilemma::{self, DilemmaResult};
use super::evaluation::{self, EvaluationResult};
use super::session::{SessionSummary, people_of};
use super::wishes::{self, DayWish};
use crate::engine::clock::is_present;

/// The groups of one breakout block: the split kept, and how often it was reshuffled first.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockGroups {
    pub block: String,
    pub reshuffles: usize,
    pub groups: Vec<Vec<String>>,
}

/// A facilitator's note typed during a block (private: only in reports made `--with-notes`).
#[derive(Debug, Clone, PartialEq)]
pub struct BlockNote {
    pub block: String,
    pub text: String,
}

/// Every section of one session, in the order every renderer shows them.
#[derive(Debug, Clone)]
pub struct SessionReport<'a> {
    pub summary: &'a SessionSummary,
    pub dilemmas: Vec<DilemmaResult>,
    pub groups: Vec<BlockGroups>,
    /// Everyone on the list, present and absent (empty when the log names nobody).
    pub present: Vec<String>,
    pub absent: Vec<String>,
    /// Block notes; card notes are in `dilemmas`. Empty when the notes were left out.
    pub notes: Vec<BlockNote>,
    /// What the room harvested: always in.
    pub takeaways: Vec<String>,
    /// Learning wishes and where people stand, typed that day (names as the review holds them).
    pub wishes: Vec<DayWish>,
    /// The results of each Evaluation block (anonymous forms: no names to hide).
    pub evaluations: Vec<EvaluationResult>,
}

impl<'a> SessionReport<'a> {
    /// The report of session `index` of `review`; `None` past the end.
    pub fn build(review: &'a Review, index: usize) -> Option<SessionReport<'a>> {
        let summary = review.sessions.get(index)?;
        let (_, log) = review.logs.get(index)?;
        let groups = log
            .blocks
            .iter()
            .filter_map(|b| {
                b.splits.last().map(|kept| BlockGroups {
                    block: b.title.clone(),
                    reshuffles: b.splits.len() - 1,
                    groups: kept.groups.clone(),
                })
            })
            .collect();
        let (present, absent) = people_of(log).into_iter().partition(|n| is_present(log, n));
        let notes = log
            .blocks
            .iter()
            .flat_map(|b| {
                b.notes.iter().map(|n| BlockNote {
                    block: b.title.clone(),
                    text: n.text.clone(),
                })
            })
            .collect();
        let takeaways = log
            .blocks
            .iter()
            .flat_map(|b| b.takeaways.iter().map(|n| n.text.clone()))
            .collect();
        Some(SessionReport {
            summary,
            dilemmas: dilemma::of_session(index, log),
            groups,
            present,
            absent,
            notes,
            takeaways,
            wishes: wishes::of_session(log),
            evaluations: evaluation::of_session(log),
        })
    }

    /// Whether the log had a list of people at all.
    pub fn has_attendance(&self) -> bool {
        !self.present.is_empty() || !self.absent.is_empty()
    }
}
