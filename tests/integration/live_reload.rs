//! Hot reload at App level: a session file fixed on disk during the day is taken at the next
//! block boundary when it still checks and fits the run, with one line saying so; otherwise the
//! old script stays and the line says why (file:line:col). Bundled sessions never reload.

use crate::support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::engine::{Engine, ProgrammeHistory};
use regie::i18n::Lang;
use regie::journal::MemoryRecorder;
use regie::journal::record::Stamp;
use regie::tui::App;
use regie::tui::app::Message;
use regie::tui::keys::Action;
use regie::tui::reload::{Outcome, Watch};
use regie::tui::view;
use std::path::Path;
use std::time::{Duration, SystemTime};
use support::fixtures::{at, settings};

const SESSION: &str = r#"Session(
    title: "Herlaaddag",
    start: Some("09:30"),
    blocks: [
        (title: "Opening", minutes: 10, kind: Plenary),
        (title: "Stelingen", minutes: 20, kind: Dilemmas(deck: "deck.ron", draw: 1)),
        (title: "Koffie", minutes: 15, kind: Break),
    ],
)
"#;

const DECK: &str = r#"Deck(
    title: "Stapel",
    cards: [
        (id: "een", title: "De speeltuin zonder vergunnig", situation: "Bewoners bouwden zelf.", options: ["Ja", "Nee"]),
    ],
)
"#;

/// Write `text` to `path` with a modification time `secs` seconds after the first version, so
/// the change is seen however coarse the file system's clock is.
fn write(path: &Path, text: &str, secs: u64) {
    std::fs::write(path, text).expect("write");
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open");
    file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000 + secs))
        .expect("set the time");
}

/// A runner on a fresh run of the session in `dir`, watching its file.
fn runner(dir: &Path, lang: Lang) -> (App, Stamp) {
    let path = dir.join("dag.ron");
    write(&path, SESSION, 0);
    write(&dir.join("deck.ron"), DECK, 0);
    let script = regie::script::load_session(&path).expect("the session checks");
    let now = at("09:30:00");
    let engine = Engine::new(script, ProgrammeHistory::default(), now);
    let mut app = App::new(engine, Box::new(MemoryRecorder::default()), settings(lang));
    let watch = Watch::new(app.engine().script()).expect("a file on disk is watched");
    app.watch_script(watch);
    app.step(Action::Command(regie::engine::Command::StartPause), now);
    (app, now)
}

fn screen(app: &App, now: Stamp) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 24)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    format!("{:?}", terminal.backend())
}

fn next(app: &mut App, now: Stamp) {
    app.step(Action::Command(regie::engine::Command::Next), now);
}

fn titles(app: &App) -> Vec<String> {
    app.engine()
        .log()
        .blocks
        .iter()
        .map(|b| b.title.clone())
        .collect()
}

#[test]
fn a_fixed_typo_is_taken_at_the_next_block_boundary_and_said_in_one_line() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, now) = runner(dir.path(), Lang::Nl);
    let path = dir.path().join("dag.ron");
    write(
        &path,
        &SESSION
            .replace("Stelingen", "Stellingen")
            .replace("minutes: 15", "minutes: 20"),
        60,
    );
    write(
        &dir.path().join("deck.ron"),
        &DECK.replace("vergunnig", "vergunning"),
        60,
    );
    // The block on screen runs: no reload in the middle of it.
    assert!(!app.check_reload());
    assert_eq!(titles(&app)[1], "Stelingen");
    next(&mut app, now);
    assert_eq!(
        app.message,
        Some(Message::Reload(Outcome::Reloaded { changed_blocks: 2 }))
    );
    assert_eq!(titles(&app), ["Opening", "Stellingen", "Koffie"]);
    assert_eq!(app.engine().log().blocks[2].planned_seconds, 20 * 60);
    let text = screen(&app, now);
    assert!(
        text.contains("sessiebestand opnieuw geladen; 2 komende blokken gewijzigd"),
        "{text}"
    );
    // The reload came before the block: its card is drawn from the fixed deck.
    assert_eq!(
        app.current_card().map(|c| c.title.as_str()),
        Some("De speeltuin zonder vergunning")
    );
    // Nothing changed on disk since: no second reload.
    next(&mut app, now);
    assert!(!app.check_reload());
}

#[test]
fn a_broken_file_keeps_the_old_script_and_says_where_it_broke() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, now) = runner(dir.path(), Lang::Nl);
    let path = dir.path().join("dag.ron");
    write(
        &path,
        &SESSION.replace("minutes: 20, kind: Dilemmas", "minutes: 20, knd: Dilemmas"),
        60,
    );
    next(&mut app, now);
    let Some(Message::Reload(Outcome::Invalid(why))) = &app.message else {
        panic!("no refusal: {:?}", app.message);
    };
    assert!(why.contains("dag.ron:6:"), "{why}");
    assert_eq!(titles(&app), ["Opening", "Stelingen", "Koffie"]);
    let text = screen(&app, now);
    assert!(text.contains("niet geladen, het oude blijft"), "{text}");
    assert!(app.current_card().is_some(), "the old script still runs");
    // Fixed again: the next boundary takes it.
    write(&path, &SESSION.replace("Koffie", "Koffie en thee"), 120);
    next(&mut app, now);
    assert_eq!(titles(&app)[2], "Koffie en thee");
}

#[test]
fn a_file_that_no_longer_fits_the_run_is_not_taken_and_english_says_why() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, now) = runner(dir.path(), Lang::En);
    let path = dir.path().join("dag.ron");
    // The block that already ran renamed: what was recorded would no longer match.
    write(&path, &SESSION.replace("Opening", "Welkom"), 60);
    next(&mut app, now);
    let Some(Message::Reload(Outcome::DoesNotFit(why))) = &app.message else {
        panic!("no refusal: {:?}", app.message);
    };
    assert!(why.contains("\"Opening\""), "{why}");
    assert_eq!(titles(&app)[0], "Opening");
    let text = screen(&app, now);
    assert!(text.contains("no longer fits this run"), "{text}");
    // A block added: the run has three blocks, the file four.
    let added = SESSION.replace(
        "    ],\n)",
        "        (title: \"Extra\", minutes: 5, kind: Break),\n    ],\n)",
    );
    write(&path, &added, 120);
    next(&mut app, now);
    let Some(Message::Reload(Outcome::DoesNotFit(why))) = &app.message else {
        panic!("no refusal: {:?}", app.message);
    };
    assert!(why.contains("3 blocks") && why.contains("4"), "{why}");
}

#[test]
fn a_reload_keeps_a_plan_changed_live() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut app, now) = runner(dir.path(), Lang::Nl);
    app.step(Action::Insert(regie::engine::InsertKind::Break), now);
    for c in "5 Lucht".chars() {
        app.step(Action::Type(c), now);
    }
    app.step(Action::Submit, now);
    write(
        &dir.path().join("dag.ron"),
        &SESSION.replace("Stelingen", "Stellingen"),
        60,
    );
    next(&mut app, now);
    assert_eq!(titles(&app), ["Opening", "Lucht", "Stellingen", "Koffie"]);
    assert!(matches!(
        app.message,
        Some(Message::Reload(Outcome::Reloaded { changed_blocks: 1 }))
    ));
    next(&mut app, now);
    assert!(
        app.current_card().is_some(),
        "the dilemmas block after the break"
    );
}

#[test]
fn bundled_sessions_are_not_watched() {
    let mut script = support::fixtures::script();
    script.source = format!("{}sessions/x.ron", regie::bundled::PREFIX);
    assert!(Watch::new(&script).is_none());
}
