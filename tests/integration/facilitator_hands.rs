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

#[test]
fn typing_in_the_attendance_list_jumps_to_the_name() {
    let mut app = app(log_on(0, 0));
    let now = at("09:40:00");
    app.step(key('w'), now);
    assert_eq!(app.mode(), Mode::Finding);
    let typed = |app: &mut regie::tui::App, text: &str| {
        for c in text.chars() {
            let event = crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            );
            let act = action(event, app.mode()).expect("a letter finds");
            app.step(act, now);
        }
    };
    typed(&mut app, "no");
    assert_eq!(app.overlay, Overlay::Attendance { cursor: 13 }, "Noor T.");
    assert!(screen(&app, now).contains("zoek: no"));
    // A second word counts too, and case does not matter: "jan" finds Gert-Jan.
    app.step(Action::Backspace, now);
    app.step(Action::Backspace, now);
    typed(&mut app, "JAN");
    assert_eq!(app.overlay, Overlay::Attendance { cursor: 6 });
    // Space toggles the one found, as Enter does; nothing else moved.
    app.step(Action::Select, now);
    assert!(!app.is_present("Gert-Jan H."));
    assert!(app.is_present("Joost van D."));
    app.step(Action::Close, now);
    assert!(app.find.is_empty());
}

#[test]
fn k_draws_another_card_and_capital_k_picks_one_from_the_deck() {
    let mut day = script();
    // Three cards are drawn for the block; two more stay in the deck.
    for (id, title) in [
        ("bankje", "Het bankje bij de bieb"),
        ("vlag", "De vlag op het stadhuis"),
        ("stoep", "Terras op de stoep"),
        ("boom", "De boom die weg moet"),
    ] {
        let extra = regie::script::Card {
            id: id.into(),
            title: title.into(),
            ..card()
        };
        day.decks
            .values_mut()
            .for_each(|deck| deck.cards.push(extra.clone()));
    }
    let engine = regie::engine::Engine::new(
        day,
        regie::engine::ProgrammeHistory::default(),
        at("09:30:00"),
    );
    let mut app = regie::tui::App::new(
        engine,
        Box::new(regie::journal::MemoryRecorder::default()),
        settings(regie::i18n::Lang::Nl),
    );
    let now = at("10:10:00");
    while app.current_index() < 2 {
        app.step(key('n'), now);
    }
    let first = app.current_card().expect("a card").card.clone();
    app.step(key('k'), now);
    assert_ne!(app.current_card().expect("a card").card, first);
    app.step(key('K'), now);
    assert!(matches!(app.overlay, Overlay::CardPick { .. }));
    let shown = screen(&app, now);
    assert!(
        shown.contains("Kaart kiezen") && shown.contains("▶ Terras op de stoep"),
        "{shown}"
    );
    let wanted = app.deck_cards()[4].clone();
    for _ in 0..4 {
        app.step(Action::Down, now);
    }
    app.step(Action::Select, now);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.current_card().expect("a card").card, wanted.0);
    // Voted on: k says why it does nothing.
    app.step(Action::Command(Command::Vote { option: 0 }), now);
    app.step(key('k'), now);
    assert!(screen(&app, now).contains("al gestemd"));
}

#[test]
fn a_typo_in_the_harvest_is_fixed_with_e_and_leaves_the_screen() {
    let mut app = app(log_on(5, 0));
    let now = at("12:00:00");
    app.step(Action::Enter, now);
    for c in "1. Tikfout hier".chars() {
        app.step(Action::Type(c), now);
    }
    app.step(Action::Submit, now);
    app.step(Action::Close, now);
    assert!(screen(&app, now).contains("Tikfout"));
    app.step(key('e'), now);
    assert!(matches!(app.overlay, Overlay::Entries { cursor: 0 }));
    app.step(Action::Select, now);
    assert_eq!(
        app.input.as_ref().map(|i| i.text.as_str()),
        Some("1. Tikfout hier")
    );
    for _ in 0.."Tikfout hier".len() {
        app.step(Action::Backspace, now);
    }
    for c in "Goed gesprek".chars() {
        app.step(Action::Type(c), now);
    }
    app.step(Action::Submit, now);
    let shown = screen(&app, now);
    assert!(
        shown.contains("Goed gesprek") && !shown.contains("Tikfout"),
        "{shown}"
    );
    // d in the list deletes it; the log keeps both old texts.
    app.step(key('e'), now);
    app.step(Action::Delete, now);
    assert_eq!(
        app.overlay,
        Overlay::None,
        "the list closes when it is empty"
    );
    assert!(!screen(&app, now).contains("Goed gesprek"));
    let corrections = &app.engine().log().blocks[5].corrections;
    assert_eq!(corrections.len(), 2);
    assert_eq!(corrections[0].old, "1. Tikfout hier");
}

#[test]
fn a_help_longer_than_the_screen_scrolls_to_its_last_key() {
    let mut app = app(log_on(0, 0));
    let now = at("09:40:00");
    app.step(key('?'), now);
    let small = |app: &regie::tui::App| {
        let mut terminal = Terminal::new(TestBackend::new(60, 20)).expect("terminal");
        terminal
            .draw(|frame| view::draw(frame, app, now))
            .expect("draw");
        format!("{:?}", terminal.backend())
    };
    assert!(small(&app).contains("↑↓ meer"));
    assert!(!small(&app).contains("stoppen (bevestig met y)"));
    for _ in 0..40 {
        app.step(Action::Down, now);
    }
    assert!(small(&app).contains("stoppen (bevestig met y)"));
    // At 100x30 every key fits at once.
    assert!(screen(&app, now).contains("stoppen (bevestig met y)"));
}

#[test]
fn capital_p_puts_only_the_rooms_screen_on_the_projector() {
    let mut app = app(log_on(0, 0));
    let now = start_of(app.engine().log()) + chrono::Duration::seconds(90);
    app.step(Action::Enter, now);
    for c in "GEHEIM: Pieter is ziek".chars() {
        app.step(Action::Type(c), now);
    }
    app.step(Action::Submit, now);
    app.step(key('o'), now);
    assert!(
        screen(&app, now).contains("GEHEIM"),
        "the notes panel shows it to you"
    );
    app.step(key('P'), now);
    assert!(app.projecting());
    let room = screen(&app, now);
    assert!(
        !room.contains("GEHEIM") && !room.contains("?: toetsen"),
        "{room}"
    );
    assert!(!room.contains("+2 min"), "no slip unless shown: {room}");
    // The room's screen is the same one `regie follow` draws from the snapshot.
    let view = regie::engine::RoomView::of(app.engine().log(), now, app.room_options());
    let theme = app.settings.theme;
    let style = regie::tui::room::RoomStyle {
        theme: &theme,
        lang: app.settings.lang,
        flash: true,
    };
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|frame| regie::tui::room::draw(frame, frame.area(), &view, &style))
        .expect("draw");
    assert_eq!(room, format!("{:?}", terminal.backend()));
    // L lets the room see the slip; opening attendance brings your screen back meanwhile.
    app.step(key('L'), now);
    assert!(
        screen(&app, now).contains("+2 min"),
        "{}",
        screen(&app, now)
    );
    app.step(key('w'), now);
    assert!(!app.projecting());
    app.step(Action::Close, now);
    assert!(app.projecting());
    app.step(key('P'), now);
    assert!(screen(&app, now).contains("?: toetsen"));
}

#[test]
fn a_late_arrival_during_a_breakout_is_placed_and_the_rooms_screen_shows_them() {
    let mut app = fresh_app(at("09:30:00"));
    let now = at("11:00:00");
    // Bram is not there at the start; the breakout splits the others on entry.
    app.step(key('w'), now);
    app.step(Action::Down, now);
    app.step(Action::Select, now);
    app.step(Action::Close, now);
    assert!(!app.is_present("Bram K."));
    while app.current_index() < 4 {
        app.step(key('n'), now);
    }
    let seed = app.current_split().expect("groups on entry").seed;
    app.step(key('P'), now);
    assert!(!screen(&app, now).contains("Bram"));
    // Bram walks in: marked present, he joins a group; nobody is reshuffled.
    app.step(key('w'), now);
    app.step(Action::Down, now);
    app.step(Action::Select, now);
    app.step(Action::Close, now);
    let split = app.current_split().expect("groups");
    assert_eq!(split.seed, seed);
    assert!(split.groups.iter().flatten().any(|n| n == "Bram K."));
    assert!(app.projecting());
    let room = screen(&app, now);
    assert!(room.contains("Bram"), "{room}");
}
