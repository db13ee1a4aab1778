//! Learning wishes from the keyboard: a Wishes block records one wish per person on the first
//! day; a later day of the programme shows it again and records where each person stands.
//! Names and wishes never reach the room's view.

use crate::support;

use regie::engine::record::{SessionLog, WishAspect};
use regie::engine::{Command, Engine, ProgrammeHistory, Refusal, RoomOptions, RoomView};
use regie::i18n::Lang;
use regie::journal::MemoryRecorder;
use regie::journal::history::history_before;
use regie::journal::record::Stamp;
use regie::script::{BlockKind, LoadedSession};
use regie::tui::App;
use regie::tui::app::{InputKind, Overlay};
use regie::tui::keys::{Action, Mode};
use std::path::PathBuf;
use support::fixtures::*;

/// The fixture day with a Wishes block first (in place of the check-in).
fn wishes_script(source: &str) -> LoadedSession {
    let mut script = script();
    script.source = source.to_string();
    script.session.blocks[0].title = "Leerwensen".to_string();
    script.session.blocks[0].kind = BlockKind::Wishes;
    script
}

fn runner(script: LoadedSession, history: ProgrammeHistory, now: Stamp) -> App {
    let engine = Engine::new(script, history, now);
    App::new(
        engine,
        Box::new(MemoryRecorder::default()),
        settings(Lang::Nl),
    )
}

fn type_text(app: &mut App, text: &str, now: Stamp) {
    for c in text.chars() {
        app.step(Action::Type(c), now);
    }
    app.step(Action::Submit, now);
}

/// Find `name` in the open wishes panel by typing, then type `text` for that person.
fn wish_for(app: &mut App, find: &str, text: &str, now: Stamp) {
    for c in find.chars() {
        app.step(Action::Find(c), now);
    }
    app.step(Action::Select, now);
    type_text(app, text, now);
}

/// Day 1 run through the keyboard: three wishes typed.
pub fn first_day(now: Stamp) -> SessionLog {
    let mut app = runner(
        wishes_script("sessions/leergang/dag-1.ron"),
        ProgrammeHistory::default(),
        now,
    );
    app.step(Action::Command(Command::StartPause), now);
    app.step(Action::Enter, now);
    wish_for(&mut app, "chl", "Beter leren delegeren", now);
    wish_for(&mut app, "ism", "Tegenspraak durven geven", now);
    wish_for(&mut app, "noor", "Minder vergaderen, meer doen", now);
    let mut log = app.engine().log().clone();
    log.session.identity.session = "leergang/dag-1".to_string();
    log
}

#[test]
fn wishes_typed_from_the_keyboard_are_recorded_per_person_with_type_to_jump() {
    let now = at("09:35:00");
    let mut app = runner(
        wishes_script("sessions/leergang/dag-1.ron"),
        ProgrammeHistory::default(),
        now,
    );
    app.step(Action::Enter, now);
    assert_eq!(app.overlay, Overlay::Wishes { cursor: 0 });
    assert_eq!(app.mode(), Mode::Finding);
    for c in "ism".chars() {
        app.step(Action::Find(c), now);
    }
    assert_eq!(app.overlay, Overlay::Wishes { cursor: 8 }, "Ismaïl A.");
    app.step(Action::Select, now);
    assert_eq!(
        app.input.as_ref().map(|i| i.kind),
        Some(InputKind::Wish { row: 8 })
    );
    type_text(&mut app, "Tegenspraak durven geven", now);
    // The next person is highlighted for the next paper form; the search is cleared.
    assert_eq!(app.overlay, Overlay::Wishes { cursor: 9 });
    assert!(app.find.is_empty());
    let lines = &app.engine().log().wishes;
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].name, "Ismaïl A.");
    assert_eq!(lines[0].aspect, WishAspect::Wish);
    assert_eq!(lines[0].text, "Tegenspraak durven geven");
    // Typing for the same person again starts from the recorded wish and replaces it.
    app.step(Action::Up, now);
    app.step(Action::Select, now);
    assert_eq!(
        app.input.as_ref().map(|i| i.text.as_str()),
        Some("Tegenspraak durven geven")
    );
    type_text(&mut app, " en houden", now);
    let rows = app.engine().wish_rows();
    assert_eq!(rows[8].wish(), Some("Tegenspraak durven geven en houden"));
    // Esc closes the panel.
    app.step(Action::Close, now);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn a_wish_is_refused_outside_a_wishes_block_and_for_someone_not_in_the_cohort() {
    let now = at("09:35:00");
    let mut engine = Engine::new(
        wishes_script("sessions/leergang/dag-1.ron"),
        ProgrammeHistory::default(),
        now,
    );
    let wish = |name: &str| Command::Wish {
        name: name.to_string(),
        aspect: WishAspect::Wish,
        text: "Iets leren".to_string(),
    };
    assert_eq!(
        engine.apply(wish("Onbekend"), now),
        Err(Refusal::UnknownPerson("Onbekend".to_string()))
    );
    engine.apply(Command::Next, now).unwrap();
    assert_eq!(
        engine.apply(wish("Anouk V."), now),
        Err(Refusal::WrongBlock)
    );
    assert!(engine.log().wishes.is_empty());
}

#[test]
fn a_later_day_shows_the_first_days_wishes_and_records_where_people_stand() {
    let day1 = first_day(at("09:35:00"));
    let logs = vec![(PathBuf::from("logs/dag-1.ron"), day1)];
    let mut day2_start = at("09:35:00");
    day2_start += chrono::Duration::days(7);
    let history = history_before(
        &logs,
        "leergang-ambtelijk-vakmanschap",
        Some("Zutphen najaar 2026"),
        day2_start,
        "leergang/dag-2",
    );
    assert_eq!(
        history.wishes.get("Chloë de W.").map(String::as_str),
        Some("Beter leren delegeren")
    );
    let mut app = runner(
        wishes_script("sessions/leergang/dag-2.ron"),
        history,
        day2_start,
    );
    let rows = app.engine().wish_rows();
    assert_eq!(rows[2].wish(), Some("Beter leren delegeren"));
    assert_eq!(rows[2].aspect(), WishAspect::Stand);
    assert_eq!(rows[0].aspect(), WishAspect::Wish, "Anouk had no wish yet");
    app.step(Action::Enter, day2_start);
    wish_for(&mut app, "chl", "Eerste taak overgedragen", day2_start);
    let line = app.engine().log().wishes.last().cloned().unwrap();
    assert_eq!(line.aspect, WishAspect::Stand);
    assert_eq!(line.name, "Chloë de W.");
    let rows = app.engine().wish_rows();
    assert_eq!(rows[2].stand.as_deref(), Some("Eerste taak overgedragen"));
    assert_eq!(
        rows[2].wish(),
        Some("Beter leren delegeren"),
        "the wish stays"
    );
}

#[test]
fn names_and_wishes_never_reach_the_rooms_view() {
    let now = at("09:35:00");
    let mut app = runner(
        wishes_script("sessions/leergang/dag-1.ron"),
        ProgrammeHistory::default(),
        now,
    );
    app.step(Action::Command(Command::StartPause), now);
    app.step(Action::Enter, now);
    wish_for(&mut app, "chl", "Beter leren delegeren", now);
    wish_for(&mut app, "bram", "Geheime wens van Bram", now);
    // The panel is still open, as during typing; the room's snapshot is what phones and the
    // projector see.
    let view = RoomView::of(app.engine().log(), now, RoomOptions { show_slip: true });
    let json = serde_json::to_string(&view).unwrap();
    for name in NAMES {
        assert!(!json.contains(name), "{name} on the room's view: {json}");
    }
    for wish in ["Beter leren delegeren", "Geheime wens van Bram"] {
        assert!(!json.contains(wish), "{wish} on the room's view: {json}");
    }
    assert!(
        json.contains("Leerwensen"),
        "the block's title is shown: {json}"
    );
}

/// Day 2, a week later, with the history of `day1`, its clock running and the wishes panel
/// open after one line typed: where Chloë stands.
fn second_day_runner(day1: &SessionLog) -> (App, Stamp) {
    let logs = vec![(PathBuf::from("logs/dag-1.ron"), day1.clone())];
    let day2 = at("09:35:00") + chrono::Duration::days(7);
    let history = history_before(
        &logs,
        "leergang-ambtelijk-vakmanschap",
        Some("Zutphen najaar 2026"),
        day2,
        "leergang/dag-2",
    );
    let mut app = runner(wishes_script("sessions/leergang/dag-2.ron"), history, day2);
    app.step(Action::Command(Command::StartPause), day2);
    app.step(Action::Enter, day2);
    wish_for(&mut app, "chl", "Eerste taak overgedragen", day2);
    (app, day2)
}

/// Day 2 run through the keyboard with the history of `day1`: where Chloë stands, and a first
/// wish from Anouk, who had none.
pub fn second_day(day1: &SessionLog) -> SessionLog {
    let (mut app, day2) = second_day_runner(day1);
    wish_for(&mut app, "anouk", "Wil leren onderhandelen", day2);
    let mut log = app.engine().log().clone();
    log.session.identity.session = "leergang/dag-2".to_string();
    log
}

fn screen(app: &App, now: Stamp, width: u16, height: u16) -> ratatui::backend::TestBackend {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).expect("test terminal");
    terminal
        .draw(|frame| regie::tui::view::draw(frame, app, now))
        .expect("draw");
    terminal.backend().clone()
}

#[test]
fn screen_wishes_block_and_panel_on_a_later_day() {
    let (mut app, day2) = second_day_runner(&first_day(at("09:35:00")));
    app.step(Action::Close, day2);
    let later = day2 + chrono::Duration::minutes(3);
    insta::assert_snapshot!("wishes_block_100x30", screen(&app, later, 100, 30));
    app.step(Action::Enter, later);
    for c in "noo".chars() {
        app.step(Action::Find(c), later);
    }
    insta::assert_snapshot!("wishes_panel_100x30", screen(&app, later, 100, 30));
    // Small terminals still draw without a panic.
    for (w, h) in [(20, 5), (40, 12), (60, 20)] {
        screen(&app, later, w, h);
    }
}

#[test]
fn the_hrm_networks_first_meeting_records_wishes_and_still_runs_from_ten_to_half_past_four() {
    let meeting = regie::bundled::load(std::path::Path::new(
        "sessions/hrm-leernetwerk/bijeenkomst-1.ron",
    ))
    .expect("bundled");
    let blocks = &meeting.session.blocks;
    assert!(blocks.iter().any(|b| b.kind == BlockKind::Wishes));
    let minutes: u32 = blocks.iter().map(|b| b.minutes.0).sum();
    assert_eq!(meeting.session.start.as_deref(), Some("10:00"));
    assert_eq!(minutes, 6 * 60 + 30, "10:00 to 16:30");
    // The later meetings ask where people stand.
    let later = regie::bundled::load(std::path::Path::new(
        "sessions/hrm-leernetwerk/bijeenkomst-5.ron",
    ))
    .expect("bundled");
    assert!(
        later
            .session
            .blocks
            .iter()
            .any(|b| b.kind == BlockKind::Wishes)
    );
}

#[test]
fn a_log_with_wishes_is_private_and_reads_back_with_every_line() {
    use regie::journal::{Journal, Recorder, read_log};
    use std::os::unix::fs::PermissionsExt;
    let day1 = first_day(at("09:35:00"));
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::create(&dir.path().join("logs"), &day1).unwrap();
    journal.write(&day1).unwrap();
    let mode = std::fs::metadata(journal.path())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "wishes hold names: owner only");
    let back = read_log(journal.path()).unwrap();
    assert_eq!(back.wishes, day1.wishes);
    assert_eq!(back.wishes.len(), 3);
}
