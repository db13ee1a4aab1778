//! The runner's room screens: the join screen (QR code, address, code in big type) and the
//! card with phones in the room ("2 telefoon + 1 hand"), as TestBackend snapshots.

use crate::support::fixtures::{at, script, settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::engine::record::VoteRound;
use regie::engine::{Command, Engine, ProgrammeHistory};
use regie::i18n::Lang;
use regie::journal::MemoryRecorder;
use regie::journal::record::Stamp;
use regie::tui::App;
use regie::tui::app::JoinInfo;
use regie::tui::keys::Action;
use regie::tui::view;

fn render(app: &App, now: Stamp, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    terminal
}

fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// The fixture day on its first card at 09:40, room open, three phones joined; two voted
/// (one changed its mind) and one hand was counted.
fn card_with_phones(lang: Lang) -> (App, Stamp) {
    let t = at("09:30:00");
    let mut engine = Engine::new(script(), ProgrammeHistory::default(), t);
    for _ in 0..2 {
        engine.apply(Command::Next, t).expect("next");
    }
    engine
        .apply(Command::StartPause, t)
        .expect("start the clock");
    let join_code = "482913".to_string();
    engine
        .apply(Command::OpenRoom { join_code }, t)
        .expect("open");
    for token in ["a", "b", "c"] {
        engine
            .apply(
                Command::JoinPhone {
                    token: token.into(),
                },
                t,
            )
            .expect("join");
    }
    let card = engine.current_card().expect("card").card.clone();
    for (token, option) in [("a", 0), ("a", 1), ("b", 1)] {
        let vote = Command::PhoneVote {
            token: token.into(),
            card: card.clone(),
            round: VoteRound::First,
            option,
        };
        engine.apply(vote, t).expect("vote");
    }
    engine
        .apply(Command::Vote { option: 2 }, t)
        .expect("a hand");
    let app = App::new(engine, Box::new(MemoryRecorder::default()), settings(lang));
    (app, at("09:40:00"))
}

fn join_info() -> JoinInfo {
    JoinInfo {
        url: "http://192.168.1.20:7878/?code=482913".into(),
        base_url: "http://192.168.1.20:7878/".into(),
        code: "482913".into(),
        remote: None,
    }
}

#[test]
fn the_card_counts_phones_and_hands_apart_and_together() {
    let (mut app, now) = card_with_phones(Lang::Nl);
    let text = screen_text(&render(&app, now, 100, 30));
    assert!(
        text.contains("2 telefoon + 1 hand · 2 van 3 telefoons gestemd"),
        "{text}"
    );
    assert!(
        text.contains("3 stemmen geteld"),
        "hands and phones together: {text}"
    );
    insta::assert_snapshot!(
        "room_card_phones_100x30",
        render(&app, now, 100, 30).backend()
    );
    app.step(Action::Command(Command::ToggleReveal), now);
    let revealed = render(&app, now, 100, 30);
    insta::assert_snapshot!("room_card_phones_revealed_100x30", revealed.backend());
    let (english, now) = card_with_phones(Lang::En);
    let text = screen_text(&render(&english, now, 100, 30));
    assert!(
        text.contains("2 phone + 1 hand · 2 of 3 phones voted"),
        "{text}"
    );
}

#[test]
fn j_shows_the_join_screen_only_with_the_room_open() {
    let (mut app, now) = card_with_phones(Lang::Nl);
    app.step(Action::ToggleJoin, now);
    assert_eq!(
        app.overlay,
        regie::tui::app::Overlay::None,
        "no room server: j does nothing"
    );
    app.join = Some(join_info());
    app.step(Action::ToggleJoin, now);
    assert_eq!(app.overlay, regie::tui::app::Overlay::Join);
    for (w, h) in [(100, 30), (80, 24)] {
        let terminal = render(&app, now, w, h);
        let text = screen_text(&terminal);
        assert!(text.contains("http://192.168.1.20:7878/"), "{text}");
        assert!(text.contains("Stemmen zijn anoniem."), "{text}");
        assert!(
            text.contains("█▀▀▀▀▀█"),
            "the QR code's finder pattern is drawn: {text}"
        );
        insta::assert_snapshot!(format!("room_join_{w}x{h}"), terminal.backend());
    }
    app.step(Action::ToggleJoin, now);
    assert_eq!(
        app.overlay,
        regie::tui::app::Overlay::None,
        "j again closes it"
    );
}

#[test]
fn the_join_screen_never_panics_at_any_size() {
    let (mut app, now) = card_with_phones(Lang::En);
    app.join = Some(join_info());
    app.step(Action::ToggleJoin, now);
    // Every width at a few heights and every height at a few widths (a QR code per frame
    // makes the full 120x40 grid slow in a debug build).
    for w in 1..=120 {
        for h in [1, 5, 17, 24, 40] {
            render(&app, now, w, h);
        }
    }
    for h in 1..=40 {
        for w in [1, 20, 33, 61, 80, 120] {
            render(&app, now, w, h);
        }
    }
}
