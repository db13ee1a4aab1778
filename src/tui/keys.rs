//! Keys to meaning: crossterm key events become engine commands or screen actions.
//! The same key means the same thing on every screen; `?` lists them (view/help.rs).

use crate::engine::Command;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What the keyboard is doing at the moment: this decides how a key is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The runner screen with no overlay open.
    Normal,
    /// A one-line text input is open (note, takeaway).
    Typing,
    /// A list is open (attendance, swap, picker, help): arrows move, Enter picks.
    Choosing,
    /// "Quit? y/n".
    Confirming,
    /// A list of names where typing jumps to a name (attendance).
    Finding,
}

/// A key's meaning.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Straight to the engine (Space, n, p, +, -, digits, u, v, t).
    Command(Command),
    /// Enter on the runner: next speaker in a round, otherwise open the note/takeaway input.
    Enter,
    ToggleHelp,
    ToggleAgenda,
    /// Open the plan as an editable list (A): move, insert, drop blocks.
    EditPlan,
    /// Open the input for a block to insert after the current one (b: break, i: plenary).
    Insert(crate::engine::InsertKind),
    /// `[` or `]` in the plan list: move the highlighted block earlier or later.
    MoveBlock {
        later: bool,
    },
    ToggleNotes,
    ToggleAttendance,
    /// room: show or hide the join screen for phones (j).
    ToggleJoin,
    /// New group split with a fresh seed (breakout).
    Reshuffle,
    /// Projector mode on or off: only the room's view on screen.
    ToggleProjector,
    /// Show or hide how late the day runs to the room.
    ToggleSlip,
    /// The flash at zero on or off.
    ToggleFlash,
    /// Switch to the next colour theme (dark, light, contrast) while running.
    CycleTheme,
    /// Open the input for the outcome of the card on screen (dilemmas).
    Outcome,
    /// Open the input for the current block's time left, in minutes.
    SetTime,
    /// Open the list of what was typed in this block, to edit or delete a line.
    Entries,
    /// d or Delete in a list of typed lines: delete the one highlighted.
    Delete,
    /// Open the deck to pick the card to show instead of the one on screen (dilemmas).
    PickCard,
    /// Open the list of open evaluation answers to approve or reject (evaluation).
    Moderate,
    /// Start picking two people to swap (breakout).
    StartSwap,
    /// Write the log to another folder after a failed write.
    SaveElsewhere,
    /// q or Ctrl-C: ask before quitting.
    AskQuit,
    /// y in the quit question.
    ConfirmQuit,
    /// Esc: close whatever is open; n in the quit question.
    Close,
    Up,
    Down,
    Left,
    Right,
    /// Enter or Space in a list.
    Select,
    /// Home and End in a list: its first and last row.
    First,
    Last,
    /// A character typed into the input line.
    Type(char),
    /// A character typed in a list of names: jump to the first name it starts.
    Find(char),
    Backspace,
    /// Enter in the input line.
    Submit,
}

/// The meaning of `key` in `mode`, or `None` when it means nothing there.
pub fn action(key: KeyEvent, mode: Mode) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(match mode {
            Mode::Confirming => Action::Close,
            _ => Action::AskQuit,
        });
    }
    if ctrl {
        return None;
    }
    match mode {
        Mode::Normal => normal(key.code),
        Mode::Typing => match key.code {
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc => Some(Action::Close),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) => Some(Action::Type(c)),
            _ => None,
        },
        Mode::Choosing => match key.code {
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Left | KeyCode::Char('h') => Some(Action::Left),
            KeyCode::Right | KeyCode::Char('l') => Some(Action::Right),
            KeyCode::Enter | KeyCode::Char(' ') => Some(Action::Select),
            KeyCode::Home => Some(Action::First),
            KeyCode::End => Some(Action::Last),
            KeyCode::Esc => Some(Action::Close),
            KeyCode::Char('q') => Some(Action::AskQuit),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            KeyCode::Char('w') => Some(Action::ToggleAttendance),
            KeyCode::Delete | KeyCode::Char('d') => Some(Action::Delete),
            KeyCode::Char('[') => Some(Action::MoveBlock { later: false }),
            KeyCode::Char(']') => Some(Action::MoveBlock { later: true }),
            KeyCode::Char(c @ ('A' | 'b' | 'i')) => {
                super::key_table::runner_action(KeyCode::Char(c))
            }
            _ => None,
        },
        Mode::Finding => match key.code {
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::Enter | KeyCode::Char(' ') => Some(Action::Select),
            KeyCode::Esc => Some(Action::Close),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) => Some(Action::Find(c)),
            _ => None,
        },
        Mode::Confirming => match key.code {
            KeyCode::Char('y') | KeyCode::Char('j') | KeyCode::Char('Y') | KeyCode::Char('J') => {
                Some(Action::ConfirmQuit)
            }
            _ => Some(Action::Close),
        },
    }
}

/// The main screen's keys come from the one key table (key_table.rs).
fn normal(code: KeyCode) -> Option<Action> {
    super::key_table::runner_action(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn normal_key(c: char) -> Option<Action> {
        action(press(KeyCode::Char(c)), Mode::Normal)
    }

    #[test]
    fn space_starts_and_pauses() {
        assert_eq!(normal_key(' '), Some(Action::Command(Command::StartPause)));
    }

    #[test]
    fn n_and_right_go_next_p_and_left_go_back() {
        let next = Some(Action::Command(Command::Next));
        let previous = Some(Action::Command(Command::Previous));
        assert_eq!(normal_key('n'), next);
        assert_eq!(action(press(KeyCode::Right), Mode::Normal), next);
        assert_eq!(normal_key('p'), previous);
        assert_eq!(action(press(KeyCode::Left), Mode::Normal), previous);
    }

    #[test]
    fn plus_and_minus_change_a_minute() {
        assert_eq!(
            normal_key('+'),
            Some(Action::Command(Command::Adjust { minutes: 1 }))
        );
        assert_eq!(
            normal_key('-'),
            Some(Action::Command(Command::Adjust { minutes: -1 }))
        );
    }

    #[test]
    fn digits_vote_for_zero_based_options() {
        assert_eq!(
            normal_key('1'),
            Some(Action::Command(Command::Vote { option: 0 }))
        );
        assert_eq!(
            normal_key('9'),
            Some(Action::Command(Command::Vote { option: 8 }))
        );
        assert_eq!(normal_key('0'), None);
    }

    #[test]
    fn card_keys_undo_revote_and_reveal() {
        assert_eq!(normal_key('u'), Some(Action::Command(Command::UndoVote)));
        assert_eq!(normal_key('v'), Some(Action::Command(Command::StartRevote)));
        assert_eq!(
            normal_key('t'),
            Some(Action::Command(Command::ToggleReveal))
        );
    }

    #[test]
    fn q_and_ctrl_c_ask_before_quitting() {
        assert_eq!(normal_key('q'), Some(Action::AskQuit));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_c, Mode::Normal), Some(Action::AskQuit));
        assert_eq!(action(ctrl_c, Mode::Typing), Some(Action::AskQuit));
    }

    #[test]
    fn only_y_confirms_quitting() {
        assert_eq!(
            action(press(KeyCode::Char('y')), Mode::Confirming),
            Some(Action::ConfirmQuit)
        );
        assert_eq!(
            action(press(KeyCode::Char('n')), Mode::Confirming),
            Some(Action::Close)
        );
        assert_eq!(
            action(press(KeyCode::Esc), Mode::Confirming),
            Some(Action::Close)
        );
    }

    #[test]
    fn typing_takes_every_character_even_command_keys() {
        for c in ['n', 'q', ' ', '1', 'ë', '?'] {
            assert_eq!(
                action(press(KeyCode::Char(c)), Mode::Typing),
                Some(Action::Type(c))
            );
        }
        assert_eq!(
            action(press(KeyCode::Enter), Mode::Typing),
            Some(Action::Submit)
        );
        assert_eq!(
            action(press(KeyCode::Esc), Mode::Typing),
            Some(Action::Close)
        );
    }

    #[test]
    fn panels_and_overlays_have_their_own_keys() {
        assert_eq!(normal_key('?'), Some(Action::ToggleHelp));
        assert_eq!(normal_key('a'), Some(Action::ToggleAgenda));
        assert_eq!(normal_key('o'), Some(Action::ToggleNotes));
        assert_eq!(normal_key('w'), Some(Action::ToggleAttendance));
        assert_eq!(normal_key('r'), Some(Action::Reshuffle));
        assert_eq!(normal_key('x'), Some(Action::StartSwap));
        assert_eq!(
            action(press(KeyCode::Esc), Mode::Normal),
            Some(Action::Close)
        );
    }

    #[test]
    fn key_releases_mean_nothing() {
        let mut release = press(KeyCode::Char('n'));
        release.kind = KeyEventKind::Release;
        assert_eq!(action(release, Mode::Normal), None);
    }

    #[test]
    fn lists_move_with_arrows_and_pick_with_enter_or_space() {
        assert_eq!(action(press(KeyCode::Up), Mode::Choosing), Some(Action::Up));
        assert_eq!(
            action(press(KeyCode::Down), Mode::Choosing),
            Some(Action::Down)
        );
        assert_eq!(
            action(press(KeyCode::Enter), Mode::Choosing),
            Some(Action::Select)
        );
        assert_eq!(
            action(press(KeyCode::Char(' ')), Mode::Choosing),
            Some(Action::Select)
        );
    }
}
