//! Keys of the review screens, as in the runner: arrows or j/k move, Enter opens, Esc goes back,
//! n/→ and p/← step to the next or previous session, e exports (then m/c/x), ? is help, q leaves.

use super::app::ReviewAction;
use crate::review::export::Format;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub fn action(key: KeyEvent) -> Option<ReviewAction> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return (key.code == KeyCode::Char('c')).then_some(ReviewAction::Quit);
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => ReviewAction::Up,
        KeyCode::Down | KeyCode::Char('j') => ReviewAction::Down,
        KeyCode::PageUp => ReviewAction::PageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => ReviewAction::PageDown,
        KeyCode::Home | KeyCode::Char('g') => ReviewAction::Home,
        KeyCode::End | KeyCode::Char('G') => ReviewAction::End,
        KeyCode::Enter => ReviewAction::Open,
        KeyCode::Esc | KeyCode::Backspace => ReviewAction::Back,
        KeyCode::Char('n') | KeyCode::Right => ReviewAction::Next,
        KeyCode::Char('p') | KeyCode::Left => ReviewAction::Previous,
        KeyCode::Char('?') => ReviewAction::ToggleHelp,
        KeyCode::Char('e') => ReviewAction::Export,
        KeyCode::Char('m') => ReviewAction::ExportAs(Format::Markdown),
        KeyCode::Char('c') => ReviewAction::ExportAs(Format::Csv),
        KeyCode::Char('x') => ReviewAction::ExportAs(Format::Xlsx),
        KeyCode::Char('q') => ReviewAction::Quit,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> Option<ReviewAction> {
        action(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn the_runners_keys_mean_the_same_here() {
        assert_eq!(key(KeyCode::Enter), Some(ReviewAction::Open));
        assert_eq!(key(KeyCode::Esc), Some(ReviewAction::Back));
        assert_eq!(key(KeyCode::Char('n')), Some(ReviewAction::Next));
        assert_eq!(key(KeyCode::Left), Some(ReviewAction::Previous));
        assert_eq!(key(KeyCode::Char('?')), Some(ReviewAction::ToggleHelp));
        assert_eq!(key(KeyCode::Char('q')), Some(ReviewAction::Quit));
        assert_eq!(key(KeyCode::Char('j')), Some(ReviewAction::Down));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_c), Some(ReviewAction::Quit));
        assert_eq!(key(KeyCode::Char('e')), Some(ReviewAction::Export));
        assert_eq!(
            key(KeyCode::Char('x')),
            Some(ReviewAction::ExportAs(Format::Xlsx))
        );
        assert_eq!(key(KeyCode::Char('z')), None);
    }
}
