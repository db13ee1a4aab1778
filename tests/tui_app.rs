//! The runner's own state, driven through `App::step` with actions (as keys would send them):
//! overlays, panels, the input line, the quit question, saving after a failed write.

mod support;

use regie::tui::app::{InputKind, Message, Overlay};
use regie::tui::keys::{Action, Mode};
use support::fixtures::*;

#[test]
fn help_agenda_and_notes_toggle_and_esc_closes_the_overlay() {
    let mut app = app(log_on(0, 0));
    let now = at("09:40:00");
    assert_eq!(app.mode(), Mode::Normal);
    app.step(Action::ToggleHelp, now);
    assert_eq!(app.overlay, Overlay::Help);
    assert_eq!(app.mode(), Mode::Choosing);
    app.step(Action::Close, now);
    assert_eq!(app.overlay, Overlay::None);
    app.step(Action::ToggleAgenda, now);
    app.step(Action::ToggleNotes, now);
    assert!(app.show_agenda && app.show_notes);
    app.step(Action::ToggleAgenda, now);
    assert!(!app.show_agenda);
}

#[test]
fn panels_are_hidden_when_the_runner_opens() {
    let app = app(fresh_log());
    assert!(!app.show_agenda);
    assert!(!app.show_notes);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn quitting_asks_first_and_only_y_quits() {
    let mut app = app(log_on(0, 0));
    let now = at("09:40:00");
    app.step(Action::AskQuit, now);
    assert_eq!(app.mode(), Mode::Confirming);
    app.step(Action::Close, now);
    assert!(!app.should_quit());
    assert_eq!(app.mode(), Mode::Normal);
    app.step(Action::AskQuit, now);
    app.step(Action::ConfirmQuit, now);
    assert!(app.should_quit());
}

#[test]
fn enter_in_a_harvest_opens_the_takeaway_input_and_esc_cancels_it() {
    let mut app = app(log_on(5, 0));
    let now = at("12:00:00");
    app.step(Action::Enter, now);
    let input = app.input.clone().expect("input open");
    assert_eq!(input.kind, InputKind::Takeaway);
    assert_eq!(app.mode(), Mode::Typing);
    for c in "oké".chars() {
        app.step(Action::Type(c), now);
    }
    app.step(Action::Backspace, now);
    assert_eq!(app.input.as_ref().map(|i| i.text.as_str()), Some("ok"));
    app.step(Action::Close, now);
    assert!(app.input.is_none());
    assert!(app.current_block().expect("block").takeaways.is_empty());
}

#[test]
fn enter_on_a_plenary_block_opens_a_note() {
    let mut app = app(log_on(0, 0));
    app.step(Action::Enter, at("09:40:00"));
    assert_eq!(app.input.as_ref().map(|i| i.kind), Some(InputKind::Note));
}

#[test]
fn an_empty_input_records_nothing() {
    let mut app = app(log_on(0, 0));
    let now = at("09:40:00");
    app.step(Action::Enter, now);
    app.step(Action::Type(' '), now);
    app.step(Action::Submit, now);
    assert!(app.input.is_none());
    assert!(app.current_block().expect("block").notes.is_empty());
}

#[test]
fn the_attendance_cursor_stays_within_the_cohort() {
    let mut app = app(log_on(0, 0));
    let now = at("09:40:00");
    app.step(Action::ToggleAttendance, now);
    app.step(Action::Up, now);
    assert_eq!(app.overlay, Overlay::Attendance { cursor: 0 });
    for _ in 0..40 {
        app.step(Action::Down, now);
    }
    assert_eq!(
        app.overlay,
        Overlay::Attendance {
            cursor: NAMES.len() - 1
        }
    );
    app.step(Action::ToggleAttendance, now);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn saving_elsewhere_without_a_failed_write_says_there_is_nothing_to_save() {
    let mut app = app(log_on(0, 0));
    app.step(Action::SaveElsewhere, at("09:40:00"));
    assert_eq!(app.message, Some(Message::NothingToSave));
}

#[test]
fn reshuffle_outside_a_breakout_is_refused_with_a_message() {
    let mut app = app(log_on(0, 0));
    app.step(Action::Reshuffle, at("09:40:00"));
    assert!(matches!(app.message, Some(Message::Refused(_))));
}

#[test]
fn the_bell_rings_once_when_a_block_reaches_zero() {
    let mut app = app(log_on(0, 0));
    app.settings.bell = true;
    let start = at("09:32:00");
    assert!(!app.bell_due(start + chrono::Duration::seconds(899)));
    assert!(app.bell_due(start + chrono::Duration::seconds(900)));
    assert!(!app.bell_due(start + chrono::Duration::seconds(901)));
}

#[test]
fn without_bell_nothing_rings() {
    let mut app = app(log_on(0, 0));
    assert!(!app.bell_due(at("10:30:00")));
}
