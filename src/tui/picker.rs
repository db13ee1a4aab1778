//! The session picker shown by `regie` without arguments (sessions with an unfinished run are
//! marked), and the question before a session with an unfinished run: continue it, or anew.

use super::keys::Action;
use crate::journal::Stamp;

/// One session the user can pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the list shows: the session's title.
    pub title: String,
    /// What `regie run` would be given: a path, or a bundled name.
    pub source: String,
    /// Its newest run that was left before the end, if any (picking it offers to continue).
    pub unfinished: Option<Unfinished>,
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
    /// The source as a person would type it: `voorbeeld/kennismaking` for bundled content
    /// (what `regie run` accepts), the path for a file.
    pub fn short_source(&self) -> &str {
        crate::bundled::short_name(&self.source)
    }
}

/// The picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub choices: Vec<Choice>,
    pub cursor: usize,
}

/// What a key did to the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Stay,
    Run(Choice),
    Leave,
}

impl Picker {
    pub fn new(choices: Vec<Choice>) -> Picker {
        Picker { choices, cursor: 0 }
    }

    pub fn step(&mut self, action: Action) -> Picked {
        match action {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::{Mode, action};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn choice(title: &str, source: &str) -> Choice {
        Choice {
            title: title.into(),
            source: source.into(),
            unfinished: None,
        }
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
