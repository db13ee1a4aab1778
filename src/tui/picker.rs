//! The session picker shown by `regie` without arguments: bundled sessions and those under
//! ./sessions; arrows move, Enter runs the highlighted one, q or Esc leaves.

use super::keys::Action;

/// One session the user can pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the list shows: the session's title.
    pub title: String,
    /// What `regie run` would be given: a path, or a bundled name.
    pub source: String,
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

    fn picker() -> Picker {
        Picker::new(vec![
            Choice {
                title: "A".into(),
                source: "a".into(),
            },
            Choice {
                title: "B".into(),
                source: "b".into(),
            },
        ])
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
        let choice = |source: &str| Choice {
            title: "t".into(),
            source: source.into(),
        };
        let bundled = choice("bundled:sessions/urban-professional/dag-3.ron");
        assert_eq!(bundled.short_source(), "urban-professional/dag-3");
        assert!(crate::bundled::find(bundled.short_source()).is_some());
        let file = choice("sessions/mijn/dag.ron");
        assert_eq!(file.short_source(), "sessions/mijn/dag.ron");
    }
}
