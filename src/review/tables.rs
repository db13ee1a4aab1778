//! The CSV tables of a review, one row per thing: sessions, blocks, dilemma options, group
//! members, attendance, notes. Column names are fixed English (documented in docs/review.md).

use super::Review;
use super::csv;
use crate::engine::clock::is_present;
use crate::journal::record::Stamp;

/// A table `regie report --format csv --table NAME` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    /// One row per session log.
    Sessions,
    /// One row per block of each session.
    Blocks,
    /// One row per option of each dilemma card shown.
    Dilemmas,
    /// One row per person in each group split.
    Groups,
    /// One row per participant of each session.
    Attendance,
    /// One row per note, card note, outcome and takeaway.
    Notes,
}

impl Table {
    pub const ALL: [Table; 6] = [
        Table::Sessions,
        Table::Blocks,
        Table::Dilemmas,
        Table::Groups,
        Table::Attendance,
        Table::Notes,
    ];

    pub fn header(self) -> &'static [&'static str] {
        match self {
            Table::Sessions => &[
                "session",
                "title",
                "programme",
                "created",
                "started",
                "planned_seconds",
                "actual_seconds",
                "present",
                "participants",
                "finished",
            ],
            Table::Blocks => &[
                "session",
                "started",
                "block",
                "kind",
                "planned_seconds",
                "actual_seconds",
                "allotted_seconds",
                "difference_seconds",
                "pauses",
                "ended",
                "position",
            ],
            Table::Dilemmas => &[
                "session", "block", "card", "option", "text", "votes", "revotes",
            ],
            Table::Groups => &["session", "block", "round", "group", "name", "kept"],
            Table::Attendance => &["session", "name", "present"],
            Table::Notes => &["session", "block", "card", "kind", "at", "text"],
        }
    }

    /// The table's rows, in log order.
    pub fn rows(self, review: &Review) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        for (summary, (_, log)) in review.sessions.iter().zip(&review.logs) {
            let id = || summary.id.clone();
            match self {
                Table::Sessions => rows.push(vec![
                    id(),
                    summary.title.clone(),
                    summary.programme.clone().unwrap_or_default(),
                    stamp(Some(summary.created)),
                    stamp(summary.started),
                    summary.planned.to_string(),
                    summary.actual.to_string(),
                    summary.present.to_string(),
                    summary.participants.to_string(),
                    summary.finished.to_string(),
                ]),
                Table::Blocks => {
                    for (i, b) in summary.blocks.iter().enumerate() {
                        rows.push(vec![
                            id(),
                            stamp(b.started),
                            b.title.clone(),
                            b.kind.clone(),
                            b.planned.to_string(),
                            b.actual.to_string(),
                            b.allotted.to_string(),
                            b.difference().to_string(),
                            b.pauses.to_string(),
                            stamp(b.ended),
                            (i + 1).to_string(),
                        ]);
                    }
                }
                Table::Dilemmas => {
                    for block in &log.blocks {
                        for card in &block.cards {
                            for (i, text) in card.options.iter().enumerate() {
                                let revotes = card
                                    .revotes
                                    .as_ref()
                                    .map(|r| r.get(i).copied().unwrap_or(0).to_string());
                                rows.push(vec![
                                    id(),
                                    block.title.clone(),
                                    card.card.clone(),
                                    (i + 1).to_string(),
                                    text.clone(),
                                    card.votes.get(i).copied().unwrap_or(0).to_string(),
                                    revotes.unwrap_or_default(),
                                ]);
                            }
                        }
                    }
                }
                Table::Groups => {
                    for block in &log.blocks {
                        for (r, split) in block.splits.iter().enumerate() {
                            let kept = r + 1 == block.splits.len();
                            for (g, group) in split.groups.iter().enumerate() {
                                for name in group {
                                    rows.push(vec![
                                        id(),
                                        block.title.clone(),
                                        (r + 1).to_string(),
                                        (g + 1).to_string(),
                                        name.clone(),
                                        kept.to_string(),
                                    ]);
                                }
                            }
                        }
                    }
                }
                Table::Attendance => {
                    for name in super::session::people_of(log) {
                        let present = is_present(log, &name).to_string();
                        rows.push(vec![id(), name, present]);
                    }
                }
                Table::Notes => {
                    for block in &log.blocks {
                        let mut note = |card: &str, kind: &str, at: Option<Stamp>, text: &str| {
                            rows.push(vec![
                                id(),
                                block.title.clone(),
                                card.to_string(),
                                kind.to_string(),
                                stamp(at),
                                text.to_string(),
                            ]);
                        };
                        for n in &block.notes {
                            note("", "note", Some(n.at), &n.text);
                        }
                        for card in &block.cards {
                            for n in &card.notes {
                                note(&card.card, "card_note", Some(n.at), &n.text);
                            }
                            if let Some(outcome) = &card.outcome {
                                note(&card.card, "outcome", card.ended, outcome);
                            }
                        }
                        for n in &block.takeaways {
                            note("", "takeaway", Some(n.at), &n.text);
                        }
                    }
                }
            }
        }
        rows
    }

    /// The table as CSV text with its header row.
    pub fn csv(self, review: &Review) -> String {
        csv::write(self.header(), &self.rows(review))
    }
}

/// A time stamp as RFC 3339 in whole seconds with its offset, or empty.
fn stamp(at: Option<Stamp>) -> String {
    at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
        .unwrap_or_default()
}
