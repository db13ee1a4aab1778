//! Snapshots of every runner screen at three sizes (100x30, 60x20, 20x5), dark theme, and a
//! sweep over every size from 1x1 to 120x40 that must never panic.

use crate::support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::journal::record::{AttendanceMark, Note, RoundLog, Stamp, Turn};
use regie::tui::app::{App, Input, InputKind, Overlay};
use regie::tui::view;
use support::fixtures::*;

const SIZES: [(u16, u16); 3] = [(100, 30), (60, 20), (20, 5)];

fn render(app: &App, now: Stamp, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    terminal
}

fn snap_all_sizes(name: &str, app: &App, now: Stamp) {
    for (w, h) in SIZES {
        let terminal = render(app, now, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

/// Every scenario of this file, for the size sweep.
fn scenarios() -> Vec<(&'static str, App, Stamp)> {
    vec![
        ("not_started", not_started().0, not_started().1),
        ("plenary", plenary().0, plenary().1),
        (
            "last_two_minutes",
            last_two_minutes().0,
            last_two_minutes().1,
        ),
        ("overrun", overrun().0, overrun().1),
        ("break", on_break().0, on_break().1),
        ("round", round().0, round().1),
        ("card_hidden", card(false).0, card(false).1),
        ("card_revealed", card(true).0, card(true).1),
        ("breakout", breakout().0, breakout().1),
        ("harvest", harvest().0, harvest().1),
        ("help", help().0, help().1),
        ("agenda_notes", agenda_and_notes().0, agenda_and_notes().1),
        ("attendance", attendance().0, attendance().1),
        ("log_failed", log_failed().0, log_failed().1),
        ("finished", finished().0, finished().1),
    ]
}

fn not_started() -> (App, Stamp) {
    (app(fresh_log()), at("09:29:10"))
}

fn plenary() -> (App, Stamp) {
    let log = log_on(0, 0);
    let now = start_of(&log) + chrono::Duration::seconds(7 * 60 + 26);
    (app(log), now)
}

fn last_two_minutes() -> (App, Stamp) {
    let log = log_on(0, 0);
    let now = start_of(&log) + chrono::Duration::seconds(15 * 60 - 102);
    (app(log), now)
}

fn overrun() -> (App, Stamp) {
    let log = log_on(0, 0);
    let now = start_of(&log) + chrono::Duration::seconds(15 * 60 + 193);
    (app(log), now)
}

fn on_break() -> (App, Stamp) {
    let log = log_on(3, 120);
    let now = start_of(&log) + chrono::Duration::seconds(4 * 60 + 5);
    (app(log), now)
}

fn round() -> (App, Stamp) {
    let mut log = log_on(1, 60);
    let start = start_of(&log);
    let order: Vec<String> = NAMES.iter().rev().map(|n| n.to_string()).collect();
    let mut turns = Vec::new();
    for (i, name) in order.iter().take(4).enumerate() {
        let started = start + chrono::Duration::seconds(90 * i as i64);
        turns.push(Turn {
            name: name.clone(),
            started,
            ended: (i < 3).then(|| started + chrono::Duration::seconds(90)),
        });
    }
    log.blocks[1].round = Some(RoundLog {
        seed: 7,
        seconds_each: 90,
        order,
        turns,
    });
    let now = start + chrono::Duration::seconds(270 + 41);
    (app(log), now)
}

fn card(revealed: bool) -> (App, Stamp) {
    let mut log = log_on(2, 30);
    let start = start_of(&log);
    let revotes = revealed.then(|| vec![1, 5, 6]);
    log.blocks[2]
        .cards
        .push(card_log(start, vec![5, 2, 5], revotes, revealed));
    let now = start + chrono::Duration::seconds(6 * 60 + 3);
    (app(log), now)
}

fn breakout() -> (App, Stamp) {
    let mut log = log_on(4, 0);
    let start = start_of(&log);
    log.blocks[4].splits.push(split(start));
    let now = start + chrono::Duration::seconds(12 * 60 + 30);
    (app(log), now)
}

fn harvest() -> (App, Stamp) {
    let mut log = log_on(5, 0);
    let start = start_of(&log);
    for (i, text) in [
        "Een dilemma benoemen helpt al: het maakt de keuze bespreekbaar.",
        "Regels zijn er voor de bedoeling, niet andersom.",
        "Vraag eerder naar het belang van de bewoner én van de gemeente.",
    ]
    .iter()
    .enumerate()
    {
        log.blocks[5].takeaways.push(Note {
            at: start + chrono::Duration::seconds(60 * i as i64),
            text: text.to_string(),
        });
    }
    let now = start + chrono::Duration::seconds(5 * 60);
    let mut app = app(log);
    app.input = Some(Input {
        kind: InputKind::Takeaway,
        text: "Samen zoeken naar ruimte binnen de re".to_string(),
    });
    (app, now)
}

fn help() -> (App, Stamp) {
    let (mut app, now) = plenary();
    app.overlay = Overlay::Help;
    (app, now)
}

fn agenda_and_notes() -> (App, Stamp) {
    let log = log_on(3, 150);
    let now = start_of(&log) + chrono::Duration::seconds(60);
    let mut app = app(log);
    app.show_agenda = true;
    app.show_notes = true;
    (app, now)
}

fn attendance() -> (App, Stamp) {
    let mut log = log_on(0, 0);
    let start = start_of(&log);
    for name in ["Bram K.", "Ismaïl A."] {
        log.attendance.push(AttendanceMark {
            at: start,
            name: name.to_string(),
            present: false,
        });
    }
    let mut app = app(log);
    app.overlay = Overlay::Attendance { cursor: 3 };
    (app, start + chrono::Duration::seconds(30))
}

fn finished() -> (App, Stamp) {
    let mut log = log_on(5, 0);
    let start = start_of(&log);
    let end = start + chrono::Duration::seconds(20 * 60);
    log.blocks[5].runs[0].to = Some(end);
    log.blocks[5].ended = Some(end);
    log.finished = Some(end);
    (app(log), end + chrono::Duration::seconds(30))
}

fn log_failed() -> (App, Stamp) {
    let (mut app, now) = plenary();
    app.log_error = Some("schijf vol (os error 28)".to_string());
    (app, now)
}

#[test]
fn screen_not_started() {
    let (app, now) = not_started();
    snap_all_sizes("not_started", &app, now);
}

#[test]
fn screen_plenary_running() {
    let (app, now) = plenary();
    snap_all_sizes("plenary", &app, now);
}

#[test]
fn screen_last_two_minutes() {
    let (app, now) = last_two_minutes();
    snap_all_sizes("last_two_minutes", &app, now);
}

#[test]
fn screen_overrun() {
    let (app, now) = overrun();
    snap_all_sizes("overrun", &app, now);
}

#[test]
fn screen_break() {
    let (app, now) = on_break();
    snap_all_sizes("break", &app, now);
}

#[test]
fn screen_round() {
    let (app, now) = round();
    snap_all_sizes("round", &app, now);
}

#[test]
fn screen_card_hidden() {
    let (app, now) = card(false);
    snap_all_sizes("card_hidden", &app, now);
}

#[test]
fn screen_card_revealed() {
    let (app, now) = card(true);
    snap_all_sizes("card_revealed", &app, now);
}

#[test]
fn screen_breakout() {
    let (app, now) = breakout();
    snap_all_sizes("breakout", &app, now);
}

#[test]
fn screen_harvest() {
    let (app, now) = harvest();
    snap_all_sizes("harvest", &app, now);
}

#[test]
fn screen_help() {
    let (app, now) = help();
    snap_all_sizes("help", &app, now);
}

#[test]
fn screen_agenda_and_notes() {
    let (app, now) = agenda_and_notes();
    snap_all_sizes("agenda_notes", &app, now);
}

#[test]
fn screen_attendance() {
    let (app, now) = attendance();
    snap_all_sizes("attendance", &app, now);
}

#[test]
fn screen_finished() {
    let (app, now) = finished();
    snap_all_sizes("finished", &app, now);
}

#[test]
fn screen_log_failed() {
    let (app, now) = log_failed();
    snap_all_sizes("log_failed", &app, now);
}

#[test]
fn every_screen_draws_at_every_size_without_panic() {
    for (name, app, now) in scenarios() {
        for (width, height) in crate::support::sizes::sweep() {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                render(&app, now, width, height);
            }));
            assert!(result.is_ok(), "{name} panicked at {width}x{height}");
        }
    }
}

#[test]
fn screen_picker() {
    use regie::i18n::Lang;
    use regie::tui::{Choice, Picker, Theme, ThemeName};
    let choice = |title: &str, source: &str| Choice {
        title: title.to_string(),
        source: source.to_string(),
        programme: source.split('/').nth(1).map(str::to_string),
        minutes: 150,
        start: None,
        unfinished: None,
    };
    let mut picker = Picker::new(vec![
        choice(
            "Kennismaking · een voorbeeldsessie",
            "voorbeeld/kennismaking",
        ),
        choice(
            "Dag 3 · Omgaan met conflict en dilemma",
            "sessions/leergang/dag-3.ron",
        ),
        choice(
            "Leernetwerk HRM · bijeenkomst 5: oogst",
            "sessions/hrm/bijeenkomst-5.ron",
        ),
    ]);
    picker.cursor = 1;
    let theme = Theme::named(ThemeName::Dark);
    for (w, h) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        terminal
            .draw(|frame| view::picker::draw(frame, &picker, &theme, Lang::Nl))
            .expect("draw");
        insta::assert_snapshot!(format!("picker_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn screen_in_english() {
    let (mut app, now) = card(true);
    app.settings.lang = regie::i18n::Lang::En;
    let terminal = render(&app, now, 60, 20);
    insta::assert_snapshot!("card_revealed_en_60x20", terminal.backend());
    let (mut app, now) = on_break();
    app.settings.lang = regie::i18n::Lang::En;
    app.overlay = Overlay::QuitConfirm;
    let terminal = render(&app, now, 60, 20);
    insta::assert_snapshot!("break_quit_en_60x20", terminal.backend());
}

#[test]
fn a_round_with_nobody_present_says_so_instead_of_offering_a_first_speaker() {
    let mut log = log_on(1, 0);
    let now = start_of(&log) + chrono::Duration::seconds(30);
    for name in NAMES {
        log.attendance.push(AttendanceMark {
            at: start_of(&log),
            name: name.to_string(),
            present: false,
        });
    }
    let app = app(log);
    let screen = format!("{:?}", render(&app, now, 60, 20).backend());
    assert!(
        screen.contains("Niemand aanwezig — w: aanwezigheid"),
        "{screen}"
    );
    assert!(!screen.contains("eerste spreker"), "{screen}");
}

#[test]
fn a_breakout_without_a_cohort_says_where_the_people_should_come_from() {
    let mut log = log_on(4, 0);
    log.participants.clear();
    let now = start_of(&log) + chrono::Duration::seconds(30);
    let app = app(log);
    let screen = format!("{:?}", render(&app, now, 100, 30).backend());
    assert!(screen.contains("de sessie heeft geen cohort"), "{screen}");
    assert!(!screen.contains("r: indelen"), "{screen}");
}

#[test]
fn the_picker_with_every_bundled_session_draws_at_every_size_without_panic() {
    use regie::i18n::Lang;
    use regie::tui::{Choice, Picker, Theme, ThemeName};
    let choices: Vec<Choice> = regie::bundled::session_files()
        .iter()
        .map(|path| {
            let session = regie::bundled::load(path).expect("bundled").session;
            Choice::of(regie::bundled::label(path), &session)
        })
        .collect();
    let mut picker = Picker::new(choices);
    picker.cursor = picker.choices.len() - 1;
    let last = picker.choices[picker.cursor].short_source().to_string();
    let theme = Theme::named(ThemeName::Light);
    for (width, height) in crate::support::sizes::sweep() {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| view::picker::draw(frame, &picker, &theme, Lang::En))
            .unwrap_or_else(|e| panic!("{width}x{height}: {e}"));
        if width >= 60 && height >= 5 {
            // The selected (last) session stays in view when the list scrolls.
            let screen = format!("{:?}", terminal.backend());
            assert!(screen.contains(&last), "{width}x{height}: {screen}");
        }
    }
}

/// The colours of the big digits (cells drawn with block elements), as a set.
fn colours(app: &App, now: Stamp) -> std::collections::BTreeSet<String> {
    let terminal = render(app, now, 100, 30);
    let block_element = |s: &str| s.chars().any(|c| ('\u{2580}'..='\u{259F}').contains(&c));
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|cell| block_element(cell.symbol()))
        .map(|cell| format!("{:?}", cell.fg))
        .collect()
}

#[test]
fn the_countdown_changes_colour_in_its_last_minutes_and_past_zero() {
    let theme = regie::tui::Theme::named(regie::tui::ThemeName::Dark);
    let warning = format!("{:?}", theme.warning().fg.expect("warning colour"));
    let over = format!("{:?}", theme.overrun().fg.expect("overrun colour"));
    let (calm_app, calm_now) = plenary();
    let (warn_app, warn_now) = last_two_minutes();
    let (over_app, over_now) = overrun();
    let calm = colours(&calm_app, calm_now);
    assert!(
        !calm.contains(&warning) && !calm.contains(&over),
        "{calm:?}"
    );
    assert!(colours(&warn_app, warn_now).contains(&warning));
    assert!(colours(&over_app, over_now).contains(&over));
}
