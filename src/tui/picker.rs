//! The session picker shown by `regie` without arguments (own sessions apart from bundled ones,
//! grouped by programme in day order, unfinished runs marked), and the question before a session
//! with an unfinished run: continue it, or anew.

use super::keys::Action;
use crate::journal::Stamp;
use crate::script::Session;
use std::cmp::Ordering;

/// One session the user can pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the list shows: the session's title.
    pub title: String,
    /// What `regie run` would be given: a path, or a bundled name.
    pub source: String,
    /// The programme the session belongs to; the list groups sessions by it.
    pub programme: Option<String>,
    /// Planned length: its blocks' minutes together.
    pub minutes: u32,
    /// Planned start, "HH:MM" as written in the file.
    pub start: Option<String>,
    /// Its newest run that was left before the end, if any (picking it offers to continue).
    pub unfinished: Option<Unfinished>,
}

/// Where a session comes from: the user's own `./sessions`, or bundled with regie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    Own,
    Bundled,
}

/// A run that was left before its end: where it stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    /// When the run began.
    pub created: Stamp,
    /// The block on screen when it stopped (0-based) and how many blocks the session has.
    pub block: usize,
    pub blocks: usize,
    /// Its title.
    pub block_title: String,
    /// The log file.
    pub log: String,
}

/// The question asked before a session with an unfinished run starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The session's title.
    pub title: String,
    pub run: Unfinished,
    /// The highlighted answer; continuing is the default.
    pub cursor: Answer,
}

/// What to do with a session's unfinished run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Continue the unfinished run where it stopped.
    Continue,
    /// Start a new run; the old log is kept, marked abandoned.
    StartAnew,
}

/// What a key did to the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Stay,
    Answered(Answer),
    Leave,
}

impl Question {
    pub fn new(title: String, run: Unfinished) -> Question {
        Question {
            title,
            run,
            cursor: Answer::Continue,
        }
    }

    pub fn step(&mut self, action: Action) -> Asked {
        match action {
            Action::Up | Action::Left => self.cursor = Answer::Continue,
            Action::Down | Action::Right => self.cursor = Answer::StartAnew,
            Action::Select => return Asked::Answered(self.cursor),
            Action::Close | Action::AskQuit | Action::ConfirmQuit => return Asked::Leave,
            _ => {}
        }
        Asked::Stay
    }
}

impl Choice {
    /// The choice for `session`, read from `source` (a path or a bundled label).
    pub fn of(source: impl Into<String>, session: &Session) -> Choice {
        Choice {
            title: session.title.clone(),
            source: source.into(),
            programme: session.programme.clone(),
            minutes: session.blocks.iter().map(|b| b.minutes.0).sum(),
            start: session.start.clone(),
            unfinished: None,
        }
    }

    pub fn origin(&self) -> Origin {
        if self.source.starts_with(crate::bundled::PREFIX) {
            Origin::Bundled
        } else {
            Origin::Own
        }
    }

    /// The group the list shows it in: its origin and programme.
    pub fn group(&self) -> (Origin, Option<&str>) {
        (self.origin(), self.programme.as_deref())
    }

    /// The source as a person would type it: `voorbeeld/kennismaking` for bundled content
    /// (what `regie run` accepts), the path for a file.
    pub fn short_source(&self) -> &str {
        crate::bundled::short_name(&self.source)
    }
}

/// The picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// In the order the list shows them (see `listing_order`).
    pub choices: Vec<Choice>,
    pub cursor: usize,
    /// The key help (`?`) is open.
    pub help: bool,
}

/// What a key did to the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Stay,
    Run(Choice),
    Leave,
}

impl Picker {
    /// A picker over `choices`, put in the order the list shows them.
    pub fn new(mut choices: Vec<Choice>) -> Picker {
        choices.sort_by(listing_order);
        Picker {
            choices,
            cursor: 0,
            help: false,
        }
    }

    pub fn step(&mut self, action: Action) -> Picked {
        if self.help {
            // The help is open: ? or Esc closes it, q still leaves, other keys do nothing.
            match action {
                Action::ToggleHelp | Action::Close => self.help = false,
                Action::AskQuit | Action::ConfirmQuit => return Picked::Leave,
                _ => {}
            }
            return Picked::Stay;
        }
        match action {
            Action::ToggleHelp => self.help = true,
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => {
                self.cursor = (self.cursor + 1).min(self.choices.len().saturating_sub(1))
            }
            Action::First => self.cursor = 0,
            Action::Last => self.cursor = self.choices.len().saturating_sub(1),
            Action::Select => {
                return match self.choices.get(self.cursor) {
                    Some(choice) => Picked::Run(choice.clone()),
                    None => Picked::Leave,
                };
            }
            Action::Close | Action::AskQuit | Action::ConfirmQuit => return Picked::Leave,
            _ => {}
        }
        Picked::Stay
    }
}

/// The list's order: own sessions before bundled ones, the example programme first among the
/// bundled, then programmes by name (sessions without one last), and within a programme its
/// days in order: `dag-2` before `dag-10` (numbers in names compare as numbers).
pub fn listing_order(a: &Choice, b: &Choice) -> Ordering {
    let rank = |c: &Choice| {
        let example = c.programme.as_deref() == Some(crate::bundled::DEFAULT_PROGRAMME);
        (c.origin(), !example, c.programme.is_none())
    };
    rank(a)
        .cmp(&rank(b))
        .then_with(|| a.programme.cmp(&b.programme))
        .then_with(|| natural(&a.source, &b.source))
}

/// Compare two names with their runs of digits as numbers: "dag-2" < "dag-10".
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let number = |it: &mut std::iter::Peekable<std::str::Chars>| {
                    let mut digits = String::new();
                    while let Some(d) = it.next_if(char::is_ascii_digit) {
                        digits.push(d);
                    }
                    let trimmed = digits.trim_start_matches('0').to_string();
                    (trimmed.len(), trimmed, digits.len())
                };
                let order = number(&mut a).cmp(&number(&mut b));
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some(x), Some(y)) => {
                let order = x.cmp(&y);
                if order != Ordering::Equal {
                    return order;
                }
                a.next();
                b.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::{Mode, action};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn choice(title: &str, source: &str) -> Choice {
        Choice {
            title: title.into(),
            source: source.into(),
            programme: None,
            minutes: 60,
            start: None,
            unfinished: None,
        }
    }

    fn in_programme(source: &str, programme: &str) -> Choice {
        Choice {
            programme: Some(programme.into()),
            ..choice(source, source)
        }
    }

    #[test]
    fn days_come_in_the_programme_order_own_sessions_first() {
        let p = Picker::new(vec![
            in_programme("bundled:sessions/lav/dag-10.ron", "lav"),
            in_programme("bundled:sessions/lav/dag-2.ron", "lav"),
            in_programme("bundled:sessions/aa/dag-1.ron", "aa"),
            in_programme("bundled:sessions/voorbeeld/kennismaking.ron", "voorbeeld"),
            choice("los", "sessions/los.ron"),
            in_programme("sessions/mijn/dag-1.ron", "mijn"),
        ]);
        let order: Vec<&str> = p.choices.iter().map(|c| c.source.as_str()).collect();
        assert_eq!(
            order,
            [
                "sessions/mijn/dag-1.ron",
                "sessions/los.ron",
                "bundled:sessions/voorbeeld/kennismaking.ron",
                "bundled:sessions/aa/dag-1.ron",
                "bundled:sessions/lav/dag-2.ron",
                "bundled:sessions/lav/dag-10.ron",
            ]
        );
    }

    #[test]
    fn numbers_in_names_compare_as_numbers() {
        assert_eq!(natural("dag-2", "dag-10"), Ordering::Less);
        assert_eq!(natural("dag-10", "dag-9"), Ordering::Greater);
        assert_eq!(natural("b-2-dag-1", "b-2-dag-2"), Ordering::Less);
        assert_eq!(natural("a", "b"), Ordering::Less);
        assert_eq!(natural("dag-02", "dag-2"), Ordering::Greater);
        assert_eq!(natural("x", "x"), Ordering::Equal);
    }

    #[test]
    fn question_mark_opens_the_help_and_esc_closes_it_without_leaving() {
        let mut p = picker();
        assert_eq!(p.step(Action::ToggleHelp), Picked::Stay);
        assert!(p.help);
        assert_eq!(p.step(Action::Down), Picked::Stay);
        assert_eq!(p.cursor, 0, "keys under the help do nothing");
        assert_eq!(p.step(Action::Close), Picked::Stay);
        assert!(!p.help);
        p.step(Action::ToggleHelp);
        assert_eq!(p.step(Action::AskQuit), Picked::Leave);
    }

    fn picker() -> Picker {
        Picker::new(vec![choice("A", "a"), choice("B", "b")])
    }

    fn question() -> Question {
        let created = chrono::DateTime::parse_from_rfc3339("2026-12-02T09:30:00+01:00")
            .expect("a valid time");
        Question::new(
            "Dag 2".into(),
            Unfinished {
                created,
                block: 2,
                blocks: 6,
                block_title: "Casus".into(),
                log: "logs/dag-2.ron".into(),
            },
        )
    }

    #[test]
    fn home_and_end_go_to_the_first_and_last_session() {
        let mut p = Picker::new(vec![choice("A", "a"), choice("B", "b"), choice("C", "c")]);
        p.step(Action::Last);
        assert_eq!(p.cursor, 2);
        p.step(Action::First);
        assert_eq!(p.cursor, 0);
        let home = KeyEvent::new(KeyCode::Home, KeyModifiers::NONE);
        let end = KeyEvent::new(KeyCode::End, KeyModifiers::NONE);
        assert_eq!(action(home, Mode::Choosing), Some(Action::First));
        assert_eq!(action(end, Mode::Choosing), Some(Action::Last));
    }

    #[test]
    fn enter_continues_the_unfinished_run_by_default() {
        assert_eq!(
            question().step(Action::Select),
            Asked::Answered(Answer::Continue)
        );
    }

    #[test]
    fn down_then_enter_starts_anew_and_up_goes_back() {
        let mut q = question();
        q.step(Action::Down);
        assert_eq!(q.step(Action::Select), Asked::Answered(Answer::StartAnew));
        q.step(Action::Up);
        assert_eq!(q.step(Action::Select), Asked::Answered(Answer::Continue));
        assert_eq!(q.step(Action::Close), Asked::Leave);
        assert_eq!(q.step(Action::AskQuit), Asked::Leave);
    }

    #[test]
    fn arrows_move_within_the_list_and_enter_picks() {
        let mut p = picker();
        assert_eq!(p.step(Action::Up), Picked::Stay);
        assert_eq!(p.cursor, 0);
        p.step(Action::Down);
        p.step(Action::Down);
        assert_eq!(p.cursor, 1);
        assert_eq!(p.step(Action::Select), Picked::Run(p.choices[1].clone()));
    }

    #[test]
    fn esc_and_q_leave() {
        assert_eq!(picker().step(Action::Close), Picked::Leave);
        assert_eq!(picker().step(Action::AskQuit), Picked::Leave);
    }

    #[test]
    fn enter_on_an_empty_list_leaves() {
        assert_eq!(Picker::new(vec![]).step(Action::Select), Picked::Leave);
    }

    #[test]
    fn bundled_sources_show_as_the_name_regie_run_takes() {
        let choice = |source: &str| choice("t", source);
        let bundled = choice("bundled:sessions/urban-professional/dag-3.ron");
        assert_eq!(bundled.short_source(), "urban-professional/dag-3");
        assert!(crate::bundled::find(bundled.short_source()).is_some());
        let file = choice("sessions/mijn/dag.ron");
        assert_eq!(file.short_source(), "sessions/mijn/dag.ron");
    }
}
