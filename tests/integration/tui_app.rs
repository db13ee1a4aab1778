//! The runner's own state, driven through `App::step` with actions (as keys would send them):
//! overlays, panels, the input line, the quit question, saving after a failed write.

use crate::support;

use regie::engine::Refusal;
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

fn key(c: char) -> Action {
    regie::tui::keys::action(
        crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        ),
        Mode::Normal,
    )
    .expect("a mapped key")
}

#[test]
fn keys_drive_the_engine_from_space_to_votes_on_a_card() {
    let t0 = at("09:30:00");
    let mut app = fresh_app(t0);
    let clock = app.block_clock(t0).expect("clock");
    assert!(
        !clock.running,
        "the first block opens with its clock stopped"
    );
    app.step(key(' '), t0);
    assert!(app.block_clock(at("09:31:00")).expect("clock").running);
    // Round, then the dilemma block.
    app.step(key('n'), at("09:45:00"));
    app.step(key('n'), at("10:05:00"));
    assert!(
        app.current_card().is_some(),
        "entering a Dilemmas block shows a card"
    );
    for c in ['1', '1', '2'] {
        app.step(key(c), at("10:06:00"));
    }
    assert_eq!(app.current_card().expect("card").votes, vec![2, 1, 0]);
    app.step(key('u'), at("10:06:10"));
    assert_eq!(app.current_card().expect("card").votes, vec![2, 0, 0]);
    assert!(!app.current_card().expect("card").revealed);
    app.step(key('t'), at("10:07:00"));
    assert!(app.current_card().expect("card").revealed);
    assert!(app.message.is_none());
}

#[test]
fn a_vote_outside_a_card_is_refused_with_a_message_and_changes_nothing() {
    let t0 = at("09:30:00");
    let mut app = fresh_app(t0);
    let before = app.engine().log().clone();
    app.step(key('3'), t0);
    assert!(matches!(app.message, Some(Message::Refused(_))));
    assert_eq!(app.engine().log(), &before);
}

#[test]
fn a_breakout_gets_its_groups_as_soon_as_it_is_on_screen_and_r_reshuffles() {
    let mut app = app(log_on(4, 0));
    let now = at("11:30:00");
    app.settle(now);
    let first = app
        .current_split()
        .unwrap_or_else(|| panic!("no groups: {:?}", app.message))
        .clone();
    let people: usize = first.groups.iter().map(Vec::len).sum();
    assert_eq!(people, NAMES.len());
    app.step(Action::Reshuffle, at("11:31:00"));
    let second = app.current_split().expect("reshuffled");
    assert_ne!(first.seed, second.seed, "a reshuffle takes a new seed");
    assert_eq!(app.current_block().expect("block").splits.len(), 2);
}

#[test]
fn square_brackets_split_the_breakout_anew_in_smaller_or_larger_groups() {
    let mut app = app(log_on(4, 0));
    let now = at("11:30:00");
    app.settle(now);
    let first = app.current_split().expect("groups").groups.len();
    app.step(key('['), at("11:31:00"));
    let smaller = app.current_split().expect("groups").groups.len();
    assert!(smaller > first, "{first} groups, then {smaller}");
    app.step(key(']'), at("11:32:00"));
    app.step(key(']'), at("11:33:00"));
    let larger = app.current_split().expect("groups").groups.len();
    assert!(larger < first, "{first} groups, then {larger}");
    assert_eq!(app.current_block().expect("block").splits.len(), 4);
    // Down to groups of 2, then a clear refusal.
    for minute in 34..40 {
        app.step(key('['), at(&format!("11:{minute}:00")));
    }
    assert!(
        matches!(
            app.message,
            Some(Message::Refused(Refusal::GroupSize { size: 1, .. }))
        ),
        "{:?}",
        app.message
    );
}

#[test]
fn swapping_two_people_by_hand() {
    let mut app = app(log_on(4, 0));
    let now = at("11:30:00");
    app.settle(now);
    let before = app.current_split().expect("groups").groups.clone();
    app.step(Action::StartSwap, now);
    app.step(Action::Select, now); // first person of group 1
    app.step(Action::Right, now);
    app.step(Action::Select, now); // first person of group 2
    assert_eq!(app.overlay, Overlay::None);
    let after = &app.current_split().expect("groups").groups;
    assert_eq!(after[0][0], before[1][0]);
    assert_eq!(after[1][0], before[0][0]);
}

#[test]
fn attendance_marks_someone_absent_and_back() {
    let mut app = app(log_on(0, 0));
    let now = at("09:40:00");
    app.step(Action::ToggleAttendance, now);
    app.step(Action::Down, now);
    app.step(Action::Select, now);
    assert!(!app.is_present(NAMES[1]));
    app.step(Action::Select, at("09:50:00"));
    assert!(app.is_present(NAMES[1]));
    assert_eq!(app.engine().log().attendance.len(), 2);
}

#[test]
fn a_takeaway_is_recorded_and_the_input_stays_open_for_the_next() {
    let mut app = app(log_on(5, 0));
    let now = at("12:00:00");
    app.step(Action::Enter, now);
    for c in "Regels zijn er voor de bedoeling".chars() {
        app.step(Action::Type(c), now);
    }
    app.step(Action::Submit, now);
    let block = app.current_block().expect("block");
    assert_eq!(block.takeaways.len(), 1);
    assert_eq!(block.takeaways[0].text, "Regels zijn er voor de bedoeling");
    assert_eq!(app.input.as_ref().map(|i| i.text.as_str()), Some(""));
}

#[test]
fn enter_in_a_round_gives_the_next_person_the_floor() {
    let mut app = app(log_on(1, 0));
    app.step(Action::Enter, at("09:50:00"));
    let first = app.current_turn().expect("a turn").name.clone();
    app.step(Action::Enter, at("09:51:30"));
    let second = app.current_turn().expect("a turn").name.clone();
    assert_ne!(first, second);
}

#[test]
fn a_failed_log_write_warns_retries_on_the_next_action_and_s_saves_elsewhere() {
    let recorder = regie::journal::MemoryRecorder {
        written: vec![],
        fail_with: Some("schijf vol".to_string()),
    };
    let mut app = app_with(log_on(0, 0), recorder);
    app.step(key(' '), at("09:40:00"));
    assert_eq!(app.log_error.as_deref(), Some("schijf vol"));
    // Still running: the next key works and the write is tried again (and fails again).
    app.step(key('+'), at("09:40:05"));
    assert_eq!(app.log_error.as_deref(), Some("schijf vol"));
    app.step(Action::SaveElsewhere, at("09:40:10"));
    assert!(app.log_error.is_none());
    assert!(matches!(app.message, Some(Message::SavedElsewhere(_))));
}

#[test]
fn c_records_the_outcome_of_the_card_and_opens_on_it_again_to_correct_it() {
    let t0 = at("09:30:00");
    let mut app = fresh_app(t0);
    app.step(key(' '), t0);
    app.step(key('n'), at("09:45:00"));
    app.step(key('n'), at("10:05:00"));
    app.step(key('c'), at("10:20:00"));
    assert_eq!(
        app.input.as_ref().map(|i| &i.kind),
        Some(&InputKind::Outcome)
    );
    for c in "Gedogen, met voorwaarden".chars() {
        app.step(Action::Type(c), at("10:20:05"));
    }
    app.step(Action::Submit, at("10:20:10"));
    assert!(app.input.is_none());
    let card = app.current_card().expect("card");
    assert_eq!(card.outcome.as_deref(), Some("Gedogen, met voorwaarden"));
    // Opening it again starts from what was recorded; Esc leaves it as it was.
    app.step(key('c'), at("10:21:00"));
    assert_eq!(
        app.input.as_ref().map(|i| i.text.as_str()),
        Some("Gedogen, met voorwaarden")
    );
    app.step(Action::Backspace, at("10:21:01"));
    app.step(Action::Close, at("10:21:02"));
    let card = app.current_card().expect("card");
    assert_eq!(card.outcome.as_deref(), Some("Gedogen, met voorwaarden"));
}

#[test]
fn c_outside_a_card_is_refused_with_a_message() {
    let t0 = at("09:30:00");
    let mut app = fresh_app(t0);
    app.step(key('c'), t0);
    assert!(app.input.is_none());
    assert!(matches!(app.message, Some(Message::Refused(_))));
}

#[test]
fn shift_t_cycles_the_colours_dark_light_contrast_while_running() {
    use regie::tui::{Theme, ThemeName};
    let t0 = at("09:30:00");
    let mut app = fresh_app(t0);
    let before = app.engine().log().clone();
    for name in [ThemeName::Light, ThemeName::Contrast, ThemeName::Dark] {
        app.step(key('T'), t0);
        assert_eq!(app.settings.theme, Theme::named(name));
    }
    assert_eq!(
        app.engine().log(),
        &before,
        "a colour change records nothing"
    );
}
