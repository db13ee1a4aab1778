//! What a facilitator corrects live, through `App::step` as keys send it: time set directly or
//! by five minutes, the last block asks before ending, leaving after the end, a hand counted twice.

use crate::support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::engine::Command;
use regie::tui::app::{InputKind, Message, Overlay};
use regie::tui::keys::{Action, Mode, action};
use regie::tui::view;
use support::fixtures::*;

fn key(c: char) -> Action {
    let event = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char(c),
        crossterm::event::KeyModifiers::NONE,
    );
    action(event, Mode::Normal).unwrap_or_else(|| panic!("{c} does nothing"))
}

fn screen(app: &regie::tui::App, now: regie::journal::record::Stamp) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    format!("{:?}", terminal.backend())
}

#[test]
fn m_sets_the_minutes_left_and_angle_brackets_move_five() {
    let mut app = app(log_on(0, 0));
    let now = start_of(app.engine().log()) + chrono::Duration::seconds(60);
    let left = |app: &regie::tui::App| app.block_clock(now).expect("clock").remaining;
    assert_eq!(left(&app), 14 * 60);
    app.step(key('>'), now);
    assert_eq!(left(&app), 19 * 60);
    app.step(key('<'), now);
    app.step(key('<'), now);
    assert_eq!(left(&app), 9 * 60);
    app.step(key('m'), now);
    assert_eq!(app.input.as_ref().map(|i| i.kind), Some(InputKind::Minutes));
    app.step(Action::Type('3'), now);
    app.step(Action::Submit, now);
    assert_eq!(left(&app), 3 * 60);
    // Not a number: said so, nothing changed.
    app.step(key('m'), now);
    for c in "drie".chars() {
        app.step(Action::Type(c), now);
    }
    app.step(Action::Submit, now);
    assert_eq!(left(&app), 3 * 60);
    assert_eq!(app.message, Some(Message::NotMinutes("drie".into())));
    assert!(screen(&app, now).contains("geen aantal minuten"));
}

#[test]
fn n_on_the_last_block_asks_before_it_ends_the_session() {
    let blocks = fresh_log().blocks.len();
    let mut app = app(log_on(blocks - 1, 0));
    let now = at("16:00:00");
    app.step(key('n'), now);
    assert_eq!(app.overlay, Overlay::FinishConfirm);
    assert!(screen(&app, now).contains("laatste blok"));
    app.step(Action::Close, now);
    assert!(
        !app.engine().is_finished(),
        "any other key keeps the session going"
    );
    app.step(key('n'), now);
    app.step(Action::ConfirmQuit, now);
    assert!(app.engine().is_finished());
    assert!(!app.should_quit(), "ending the session is not quitting");
    // After the end, q leaves at once: nothing is unsaved.
    app.step(key('q'), now);
    assert!(app.should_quit());
}

#[test]
fn n_before_the_last_block_moves_on_without_asking() {
    let mut app = app(log_on(0, 0));
    let now = at("09:40:00");
    app.step(key('n'), now);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.current_index(), 1);
}

#[test]
fn more_votes_than_people_present_shows_on_the_facilitators_card() {
    let mut log = log_on(2, 0);
    let start = start_of(&log);
    log.blocks[2]
        .cards
        .push(card_log(start, vec![0, 0, 0], None, false));
    let mut app = app(log);
    let now = start + chrono::Duration::seconds(30);
    let present = app.engine().present().len();
    for _ in 0..present {
        app.step(Action::Command(Command::Vote { option: 0 }), now);
    }
    assert!(!screen(&app, now).contains("aanwezig:"));
    app.step(Action::Command(Command::Vote { option: 1 }), now);
    let shown = format!("{} stemmen, {present} aanwezig", present + 1);
    assert!(screen(&app, now).contains(&shown), "{}", screen(&app, now));
}
