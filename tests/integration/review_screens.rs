//! The review screens drawn into a TestBackend: the list, one session and a programme at three
//! sizes (Dutch text with ë, é and ·), help, English, and every size from 1x1 without a panic.

use crate::review_logs;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::i18n::Lang;
use regie::journal::LogError;
use regie::review::{Loaded, Review};
use regie::tui::review::{ReviewAction, ReviewApp, Screen, draw};
use regie::tui::{Theme, ThemeName};
use review_logs::day_log;
use std::path::PathBuf;

const SIZES: [(u16, u16); 3] = [(100, 30), (60, 20), (20, 5)];

/// Three days of the programme (the third crashed) and one unreadable log.
fn app(lang: Lang) -> ReviewApp {
    let logs = (0..3)
        .map(|d| {
            let mut log = day_log(d, d != 2, 42);
            log.blocks[0].notes[0].text = "Iedereen was er op tijd; één idee: café-tafels.".into();
            (
                PathBuf::from(format!("logs/2026-09-0{}-dag-{}.ron", d + 1, d + 1)),
                log,
            )
        })
        .collect();
    let loaded = Loaded {
        logs,
        errors: vec![LogError {
            path: PathBuf::from("logs/2026-10-01-kapot.ron"),
            position: Some((3, 12)),
            message: "not a valid session log: Expected struct".into(),
        }],
    };
    ReviewApp::new(Review::build(loaded), lang, Theme::named(ThemeName::Dark))
}

/// Draw like the event loop does (the draw tells the app how far it can scroll).
fn render(app: &mut ReviewApp, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let mut drawn = None;
    terminal
        .draw(|frame| drawn = Some(draw(frame, app)))
        .expect("draw");
    if let Some(d) = drawn {
        app.drawn(d.scroll_limit, d.page);
    }
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn snapshot(name: &str, app: &mut ReviewApp) {
    for (w, h) in SIZES {
        let terminal = render(app, w, h);
        insta::assert_snapshot!(format!("review_{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn the_list_shows_programme_sessions_and_unreadable_logs() {
    let mut app = app(Lang::Nl);
    snapshot("list", &mut app);
    let screen = text(&render(&mut app, 100, 30));
    assert!(screen.contains("Programma: leergang-ambtelijk-vakmanschap · 3 dagen"));
    assert!(screen.contains("ONAF"), "the crashed day is marked");
    assert!(screen.contains("kapot.ron:3:12"), "{screen}");
}

#[test]
fn a_session_shows_its_timeline_votes_groups_and_notes() {
    let mut app = app(Lang::Nl);
    app.step(ReviewAction::Down); // the newest session, day 3
    app.step(ReviewAction::Down); // day 2
    app.step(ReviewAction::Open);
    assert_eq!(app.screen, Screen::Session(1));
    snapshot("session", &mut app);
    let mut all = String::new();
    for _ in 0..8 {
        all.push_str(&text(&render(&mut app, 100, 30)));
        app.step(ReviewAction::PageDown);
    }
    for part in [
        "Tijdlijn",
        "Dilemma's: stemming → herstemming",
        "herst",
        "Groepen",
        "Aanwezigheid",
        "één idee: café-tafels",
        "Oogst",
    ] {
        assert!(all.contains(part), "{part} missing:\n{all}");
    }
}

#[test]
fn a_programme_shows_attendance_pairs_time_and_dilemmas() {
    let mut app = app(Lang::Nl);
    app.step(ReviewAction::Open);
    assert_eq!(app.screen, Screen::Programme(0));
    snapshot("programme", &mut app);
    let mut all = String::new();
    for _ in 0..12 {
        all.push_str(&text(&render(&mut app, 100, 30)));
        app.step(ReviewAction::PageDown);
    }
    for part in [
        "Aanwezigheid",
        "Chloë de W.",
        "Wie werkte met wie",
        "Tijddiscipline per soort blok",
        "Dilemma's: stemming → herstemming",
    ] {
        assert!(all.contains(part), "{part} missing");
    }
}

#[test]
fn help_lists_the_keys_and_esc_closes_it() {
    let mut app = app(Lang::Nl);
    app.step(ReviewAction::ToggleHelp);
    let terminal = render(&mut app, 60, 20);
    insta::assert_snapshot!("review_help_60x20", terminal.backend());
    assert!(text(&terminal).contains("sessie of programma openen"));
    app.step(ReviewAction::Back);
    assert!(!app.help);
    assert_eq!(app.screen, Screen::List, "Esc closed only the help");
}

#[test]
fn english_session_screen() {
    let mut app = app(Lang::En);
    app.step(ReviewAction::Down);
    app.step(ReviewAction::Open);
    let terminal = render(&mut app, 60, 20);
    insta::assert_snapshot!("review_session_en_60x20", terminal.backend());
    assert!(text(&terminal).contains("UNFINISHED"));
}

#[test]
fn esc_goes_back_and_n_p_step_through_sessions() {
    let mut app = app(Lang::Nl);
    app.step(ReviewAction::Down);
    app.step(ReviewAction::Open);
    assert_eq!(app.screen, Screen::Session(2));
    app.step(ReviewAction::Next);
    assert_eq!(app.screen, Screen::Session(1));
    app.step(ReviewAction::Next);
    app.step(ReviewAction::Next);
    assert_eq!(app.screen, Screen::Session(0), "stops at the oldest");
    app.step(ReviewAction::Previous);
    assert_eq!(app.screen, Screen::Session(1));
    app.step(ReviewAction::Back);
    assert_eq!(app.screen, Screen::List);
    assert!(!app.quit);
    app.step(ReviewAction::Back);
    assert!(app.quit, "Esc on the list leaves");
}

#[test]
fn scrolling_stops_at_the_end_of_the_content() {
    let mut app = app(Lang::Nl);
    app.step(ReviewAction::Open);
    render(&mut app, 60, 20);
    app.step(ReviewAction::End);
    let end = app.scroll;
    assert!(end > 0);
    app.step(ReviewAction::Down);
    render(&mut app, 60, 20);
    assert_eq!(app.scroll, end);
    app.step(ReviewAction::Home);
    assert_eq!(app.scroll, 0);
}

#[test]
fn every_size_from_1x1_draws_without_a_panic_and_tiny_ones_say_so() {
    for screen in 0..4 {
        let mut app = app(Lang::Nl);
        match screen {
            1 => app.step(ReviewAction::Open),
            2 => {
                app.step(ReviewAction::Down);
                app.step(ReviewAction::Open);
            }
            3 => app.step(ReviewAction::ToggleHelp),
            _ => {}
        }
        for w in (1..=120).step_by(7).chain([1, 19, 20]) {
            for h in (1..=40).step_by(3).chain([1, 4, 5]) {
                app.step(ReviewAction::End);
                let screen = text(&render(&mut app, w, h));
                if w < 20 || h < 5 {
                    let first = screen.lines().next().unwrap_or("");
                    assert!(
                        "terminal te klein".starts_with(first.trim_end()),
                        "{w}x{h}: {screen}"
                    );
                }
            }
        }
    }
}
