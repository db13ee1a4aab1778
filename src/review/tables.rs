//! The tables of a review, one row per thing: sessions, blocks, dilemma options, group
//! members, attendance, notes, learning wishes, evaluation forms, answers and grades. Typed cells, so CSV and the workbook write the same rows.

use super::Review;
use super::csv::{self, Dialect};
use crate::engine::clock::is_present;
use crate::journal::record::{Answer, FormSource, OpenAnswer, Stamp, VoteRound};

/// One cell of a table: text, or a figure a spreadsheet can compute with.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Minutes to a tenth (seconds / 60): a number in every format, never "16:00".
    Minutes(f64),
    Count(i64),
    /// A figure with decimals, e.g. an average grade (to two decimals).
    Number(f64),
    Flag(bool),
    /// A moment shown as a time of day in the workbook.
    Time(Option<Stamp>),
    /// A moment shown as a date and a time in the workbook.
    DateTime(Option<Stamp>),
    Empty,
}

impl Cell {
    pub fn minutes(seconds: i64) -> Cell {
        Cell::Minutes((seconds as f64 / 6.0).round() / 10.0)
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    /// The cell as plain text: numbers with a decimal point, moments as RFC 3339.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Minutes(m) => m.to_string(),
            Cell::Count(n) => n.to_string(),
            Cell::Number(x) => x.to_string(),
            Cell::Flag(b) => b.to_string(),
            Cell::Time(at) | Cell::DateTime(at) => stamp(*at),
            Cell::Empty => String::new(),
        }
    }
}

/// Text a spreadsheet would run as a formula if it were typed in.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

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
    /// One row per person with a learning wish or a "where do you stand" line in a session.
    Wishes,
    /// One row per evaluation form handed in: its grade, top and tip.
    Evaluations,
    /// One row per answer to a session's own evaluation question.
    Answers,
    /// One row per Evaluation block: forms, average grade and how many gave each grade.
    Grades,
}

impl Table {
    pub const ALL: [Table; 10] = [
        Table::Sessions,
        Table::Blocks,
        Table::Dilemmas,
        Table::Groups,
        Table::Attendance,
        Table::Notes,
        Table::Wishes,
        Table::Evaluations,
        Table::Answers,
        Table::Grades,
    ];

    /// The table's name as `--table` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Table::Sessions => "sessions",
            Table::Blocks => "blocks",
            Table::Dilemmas => "dilemmas",
            Table::Groups => "groups",
            Table::Attendance => "attendance",
            Table::Notes => "notes",
            Table::Wishes => "wishes",
            Table::Evaluations => "evaluations",
            Table::Answers => "answers",
            Table::Grades => "grades",
        }
    }

    pub fn header(self) -> &'static [&'static str] {
        match self {
            Table::Sessions => &[
                "session",
                "title",
                "programme",
                "created",
                "started",
                "planned_minutes",
                "actual_minutes",
                "present",
                "participants",
                "finished",
            ],
            Table::Blocks => &[
                "session",
                "started",
                "block",
                "kind",
                "planned_minutes",
                "actual_minutes",
                "allotted_minutes",
                "difference_minutes",
                "pauses",
                "ended",
                "position",
                "changed_live",
            ],
            Table::Dilemmas => &[
                "session", "block", "card", "option", "text", "votes", "revotes",
            ],
            Table::Groups => &["session", "block", "round", "group", "name", "kept"],
            Table::Attendance => &["session", "name", "present"],
            Table::Notes => &["session", "block", "card", "kind", "at", "text"],
            Table::Wishes => &["session", "name", "wish", "stand"],
            Table::Evaluations => &[
                "session", "block", "form", "at", "source", "grade", "top", "tip",
            ],
            Table::Answers => &["session", "block", "form", "question", "scale", "text"],
            Table::Grades => &[
                "session", "block", "forms", "graded", "average", "grade_1", "grade_2", "grade_3",
                "grade_4", "grade_5", "grade_6", "grade_7", "grade_8", "grade_9", "grade_10",
            ],
        }
    }

    /// The table's rows, in log order.
    pub fn rows(self, review: &Review) -> Vec<Vec<Cell>> {
        let mut rows = Vec::new();
        for (summary, (_, log)) in review.sessions.iter().zip(&review.logs) {
            let id = || Cell::Text(summary.id.clone());
            match self {
                Table::Sessions => rows.push(vec![
                    id(),
                    Cell::text(&summary.title),
                    Cell::text(summary.programme.as_deref().unwrap_or("")),
                    Cell::DateTime(Some(summary.created)),
                    Cell::Time(summary.started),
                    Cell::minutes(summary.planned),
                    Cell::minutes(summary.actual),
                    Cell::Count(summary.present as i64),
                    Cell::Count(summary.participants as i64),
                    Cell::Flag(summary.finished),
                ]),
                Table::Blocks => {
                    for (i, b) in summary.blocks.iter().enumerate() {
                        rows.push(vec![
                            id(),
                            Cell::Time(b.started),
                            Cell::text(&b.title),
                            Cell::text(b.kind.name()),
                            Cell::minutes(b.planned),
                            Cell::minutes(b.actual),
                            Cell::minutes(b.allotted),
                            Cell::minutes(b.difference()),
                            Cell::Count(b.pauses as i64),
                            Cell::Time(b.ended),
                            Cell::Count(i as i64 + 1),
                            Cell::text(b.changed_live.map_or("", |c| c.name())),
                        ]);
                    }
                }
                Table::Dilemmas => {
                    for block in &log.blocks {
                        for card in &block.cards {
                            // Hands and phones together: what the room voted.
                            let first = card.total_counts(VoteRound::First).unwrap_or_default();
                            let revotes = card.total_counts(VoteRound::Revote);
                            for (i, text) in card.options.iter().enumerate() {
                                let count = |counts: &[u32]| {
                                    Cell::Count(i64::from(counts.get(i).copied().unwrap_or(0)))
                                };
                                rows.push(vec![
                                    id(),
                                    Cell::text(&block.title),
                                    Cell::text(&card.card),
                                    Cell::Count(i as i64 + 1),
                                    Cell::text(text),
                                    count(&first),
                                    revotes.as_deref().map_or(Cell::Empty, count),
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
                                        Cell::text(&block.title),
                                        Cell::Count(r as i64 + 1),
                                        Cell::Count(g as i64 + 1),
                                        Cell::text(name),
                                        Cell::Flag(kept),
                                    ]);
                                }
                            }
                        }
                    }
                }
                Table::Attendance => {
                    for name in super::session::people_of(log) {
                        let present = Cell::Flag(is_present(log, &name));
                        rows.push(vec![id(), Cell::Text(name), present]);
                    }
                }
                Table::Wishes => {
                    let text = |t: &Option<String>| t.as_deref().map_or(Cell::Empty, Cell::text);
                    for person in super::wishes::of_session(log) {
                        rows.push(vec![
                            id(),
                            Cell::text(&person.name),
                            text(&person.wish),
                            text(&person.stand),
                        ]);
                    }
                }
                Table::Evaluations => {
                    for (block, e) in super::evaluation::logs_of(log) {
                        for (f, form) in e.forms.iter().enumerate() {
                            let open = |a: &Option<OpenAnswer>| {
                                a.as_ref().map_or(Cell::Empty, |a| Cell::text(&a.text))
                            };
                            rows.push(vec![
                                id(),
                                Cell::text(block),
                                Cell::Count(f as i64 + 1),
                                Cell::DateTime(Some(form.at)),
                                Cell::text(match form.source {
                                    FormSource::Paper => "paper",
                                    FormSource::Phone(_) => "phone",
                                }),
                                form.grade
                                    .map_or(Cell::Empty, |g| Cell::Count(i64::from(g))),
                                open(&form.top),
                                open(&form.tip),
                            ]);
                        }
                    }
                }
                Table::Answers => {
                    for (block, e) in super::evaluation::logs_of(log) {
                        for (f, form) in e.forms.iter().enumerate() {
                            for (q, answer) in form.answers.iter().enumerate() {
                                let (scale, text) = match answer {
                                    Some(Answer::Scale(p)) => {
                                        (Cell::Count(i64::from(*p)), Cell::Empty)
                                    }
                                    Some(Answer::Open(a)) => (Cell::Empty, Cell::text(&a.text)),
                                    None => continue,
                                };
                                let question = e.questions.get(q).map_or("", |q| q.text.as_str());
                                rows.push(vec![
                                    id(),
                                    Cell::text(block),
                                    Cell::Count(f as i64 + 1),
                                    Cell::text(question),
                                    scale,
                                    text,
                                ]);
                            }
                        }
                    }
                }
                Table::Grades => {
                    for e in super::evaluation::of_session(log) {
                        let mut row = vec![
                            id(),
                            Cell::text(&e.block),
                            Cell::Count(e.forms as i64),
                            Cell::Count(e.graded as i64),
                            e.average
                                .map_or(Cell::Empty, |a| Cell::Number((a * 100.0).round() / 100.0)),
                        ];
                        row.extend(e.spread.iter().map(|n| Cell::Count(i64::from(*n))));
                        rows.push(row);
                    }
                }
                Table::Notes => {
                    for block in &log.blocks {
                        let mut note = |card: &str, kind: &str, at: Option<Stamp>, text: &str| {
                            rows.push(vec![
                                id(),
                                Cell::text(&block.title),
                                Cell::text(card),
                                Cell::text(kind),
                                Cell::DateTime(at),
                                Cell::text(text),
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

    /// The table as CSV bytes with its header row.
    pub fn csv(self, review: &Review, dialect: Dialect) -> Vec<u8> {
        csv::write(self.header(), &self.rows(review), dialect)
    }
}

/// A time stamp as RFC 3339 in whole seconds with its offset, or empty.
fn stamp(at: Option<Stamp>) -> String {
    at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
        .unwrap_or_default()
}
