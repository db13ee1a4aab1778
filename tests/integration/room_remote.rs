//! The facilitator's remote over real HTTP on 127.0.0.1: each button is the command of its
//! key, recorded at once; a wrong key is 403 and nothing else; the key never reaches a
//! room-facing page, the snapshot or the room's screens; without `--remote` it does not exist.

use crate::support::fixtures::{at, settings};
use crate::support::room::{
    Events, config, engine_on_cards, get, join, loopback_limits, post, room_on_cards, send,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::engine::Command;
use regie::i18n::Lang;
use regie::journal::MemoryRecorder;
use regie::room::headless::Headless;
use regie::room::{Limits, RoomConfig};
use regie::tui::App;
use regie::tui::app::JoinInfo;
use regie::tui::keys::Action;
use regie::tui::view;

fn with_remote(limits: Limits) -> RoomConfig {
    RoomConfig {
        remote: true,
        ..config(limits)
    }
}

/// The fixture day on its first card, room and remote open.
fn remote_on_cards() -> (Headless, String) {
    let session = Headless::start(
        engine_on_cards(),
        Box::new(MemoryRecorder::default()),
        with_remote(loopback_limits()),
    )
    .expect("the room starts");
    let url = session.room().remote_url().expect("the remote is on");
    let prefix = format!("http://{}", session.room().addr());
    let path = url.strip_prefix(&prefix).expect("on the room's address");
    (session, path.to_string())
}

fn key_of(path: &str) -> &str {
    path.rsplit('/').next().expect("a key")
}

#[test]
fn each_button_is_its_keys_command_and_is_recorded_at_once() {
    let (session, path) = remote_on_cards();
    let addr = session.room().addr();
    let key = key_of(&path);
    assert!(
        key.len() >= 32 && key.bytes().all(|b| b.is_ascii_hexdigit()),
        "at least 128 bits: {key}"
    );
    let page = get(addr, &path, None);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Volgende") && page.body.contains("+1 minuut"));
    assert_eq!(get(addr, "/remote.js", None).status, 200);

    let block = |s: &Headless| {
        let log = s.log();
        log.blocks[log.current].clone()
    };
    let runs_before = block(&session).runs.clone();
    assert_eq!(post(addr, &format!("{path}/pause"), None, "").status, 204);
    let after = block(&session);
    assert_ne!(
        after.runs, runs_before,
        "start/pause changed the block's clock"
    );

    assert_eq!(post(addr, &format!("{path}/minute"), None, "").status, 204);
    assert_eq!(
        block(&session)
            .adjustments
            .iter()
            .map(|a| a.seconds)
            .collect::<Vec<_>>(),
        [60],
        "+1 minute is recorded"
    );

    assert!(!block(&session).cards[0].revealed);
    assert_eq!(post(addr, &format!("{path}/reveal"), None, "").status, 204);
    assert!(block(&session).cards[0].revealed, "the results are shown");

    let before = session.log();
    assert_eq!(post(addr, &format!("{path}/next"), None, "").status, 204);
    let moved = session.log();
    assert!(
        moved.current != before.current
            || moved.blocks[moved.current].current_card
                != before.blocks[before.current].current_card,
        "next moved on"
    );
    assert_eq!(
        post(addr, &format!("{path}/dance"), None, "").status,
        404,
        "no other button"
    );
    assert_eq!(get(addr, &format!("{path}/next"), None).status, 404);
}

#[test]
fn the_remote_never_ends_the_session() {
    let (session, path) = remote_on_cards();
    let addr = session.room().addr();
    while !session.log().blocks.is_empty() {
        let log = session.log();
        if log.current + 1 >= log.blocks.len() {
            break;
        }
        session.command(Command::Next).expect("next");
    }
    let last = session.log().current;
    let status = post(addr, &format!("{path}/next"), None, "").status;
    assert_eq!(status, 409, "finishing is asked at the laptop");
    let log = session.log();
    assert!(log.finished.is_none(), "the session still runs");
    assert_eq!(log.current, last);
}

#[test]
fn a_wrong_key_gets_403_and_nothing_else_and_guessing_is_rate_limited() {
    let (session, path) = remote_on_cards();
    let addr = session.room().addr();
    let key = key_of(&path).to_string();
    let mut wrong = key.clone().into_bytes();
    wrong[31] = if wrong[31] == b'0' { b'1' } else { b'0' };
    let wrong = String::from_utf8(wrong).expect("hex");
    let log_before = session.log();
    for attempt in [
        format!("/remote/{wrong}"),
        format!("/remote/{wrong}/next"),
        format!("/remote/{}", &key[..31]),
        format!("/remote/{key}0/next"),
        "/remote/../state".to_string(),
    ] {
        for reply in [
            get(addr, &attempt, None),
            post(addr, &attempt, None, "action=next"),
        ] {
            assert_eq!(reply.status, 403, "{attempt}: {reply:?}");
            assert!(reply.body.is_empty(), "a 403 says nothing: {reply:?}");
            assert!(reply.header("Set-Cookie").is_none());
        }
    }
    assert_eq!(session.log(), log_before, "no wrong key changed anything");
    // Ten wrong tries were spent at once: the next guess is not even compared.
    let guess = post(addr, &format!("/remote/{wrong}/next"), None, "");
    assert_eq!(guess.status, 429, "guessing is slowed down: {guess:?}");
    assert_eq!(
        post(addr, &format!("{path}/minute"), None, "").status,
        429,
        "a spent address waits, even with the right key"
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(
        post(addr, &format!("{path}/minute"), None, "").status,
        204,
        "a second later the right key works"
    );
}

#[test]
fn the_key_appears_on_no_room_facing_page_nor_the_snapshot() {
    let (session, path) = remote_on_cards();
    let addr = session.room().addr();
    let key = key_of(&path).to_string();
    let code = session.room().join_code();
    let phone = join(addr, &code).expect("a phone joins");
    let mut room_events = Events::open(addr, &format!("/room/events?code={code}"), None);
    let mut phone_events = Events::open(addr, "/events", Some(&phone));
    let mut seen = vec![
        get(addr, "/", None).body,
        get(addr, "/", Some(&phone)).body,
        get(addr, "/state", Some(&phone)).body,
        get(addr, &format!("/room?code={code}"), None).body,
        get(addr, &format!("/room/state?code={code}"), None).body,
        get(addr, "/phone.js", None).body,
        get(addr, "/room.js", None).body,
        get(addr, "/remote.js", None).body,
        room_events.next().to_string(),
        phone_events.next().to_string(),
        session.room().join_url(),
        session.room().base_url(),
        send(addr, b"GET /nothing HTTP/1.1\r\n\r\n").head,
    ];
    seen.push(serde_json::to_string(&session.log()).expect("the log as JSON"));
    for text in &seen {
        assert!(!text.contains(&key), "the key leaked into: {text}");
    }
}

#[test]
fn without_remote_the_server_has_no_remote() {
    let session = room_on_cards(Limits::default());
    let addr = session.room().addr();
    assert_eq!(session.room().remote_url(), None);
    let key = "0123456789abcdef0123456789abcdef";
    let log_before = session.log();
    for path in [
        format!("/remote/{key}"),
        format!("/remote/{key}/next"),
        "/remote.js".to_string(),
    ] {
        assert_eq!(get(addr, &path, None).status, 404, "{path}");
        assert_eq!(post(addr, &path, None, "").status, 404, "{path}");
    }
    assert_eq!(session.log(), log_before);
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, at("09:40:00")))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_runner_shows_the_remote_only_in_the_notes_panel() {
    let key = "5f0e8a1c2b3d4e5f60718293a4b5c6d7";
    let mut app = App::new(
        engine_on_cards(),
        Box::new(MemoryRecorder::default()),
        settings(Lang::Nl),
    );
    app.join = Some(JoinInfo {
        url: "http://10.0.0.5:7878/?code=482913".into(),
        base_url: "http://10.0.0.5:7878/".into(),
        code: "482913".into(),
        remote: Some(format!("http://10.0.0.5:7878/remote/{key}")),
    });
    let room_screen = screen(&app, 160, 40);
    assert!(!room_screen.contains(key), "{room_screen}");
    app.step(Action::ToggleJoin, at("09:40:00"));
    let join_screen = screen(&app, 160, 40);
    assert!(
        join_screen.contains("http://10.0.0.5:7878/"),
        "{join_screen}"
    );
    assert!(!join_screen.contains(key), "{join_screen}");
    app.step(Action::ToggleJoin, at("09:40:00"));
    app.step(Action::ToggleNotes, at("09:40:00"));
    let notes = screen(&app, 160, 40);
    assert!(notes.contains("Afstandsbediening (geheim)"), "{notes}");
    assert!(notes.contains(key), "the facilitator can read it: {notes}");
}

const DAY: &str = r#"Session(
    title: "Proefdag",
    blocks: [
        (title: "Welkom en check-in", minutes: 10, kind: Plenary),
        (title: "Terugblik op de week", minutes: 20, kind: Plenary),
    ],
)
"#;

/// The real binary: `--remote` puts the address in the notes panel (o), and a press on the
/// remote reaches the runner through its one inbox: the screen moves on and the log has it.
#[test]
fn the_real_runner_obeys_its_remote_and_needs_room_for_it() {
    use crate::support::e2e::{binary, regie, wait_for_log, workspace};
    use crate::support::pty::Terminal;
    let work = workspace(&[("dag.ron", DAY)]);
    let without_room = regie()
        .current_dir(work.path())
        .args(["run", "dag.ron", "--remote"])
        .output()
        .expect("run regie");
    assert_eq!(without_room.status.code(), Some(2), "--remote needs --room");
    let said = String::from_utf8_lossy(&without_room.stderr);
    assert!(said.contains("--room"), "{said}");

    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port");
    let logs = work.path().join("logs");
    let (addr_arg, logs_arg) = (addr.to_string(), logs.to_str().expect("utf-8").to_string());
    let args = [
        "run",
        "dag.ron",
        "--log-dir",
        &logs_arg,
        "--lang",
        "nl",
        "--room",
        "--room-addr",
        &addr_arg,
        "--remote",
    ];
    let mut term = Terminal::spawn(&binary(), &args, work.path(), &[], 200, 30);
    let start = term.wait_for("Welkom en check-in");
    assert!(
        !start.contains("/remote/"),
        "not on the room's screen: {start}"
    );
    term.send("o");
    let prefix = format!("http://{addr}/remote/");
    let notes = term.wait_for(&prefix);
    let at = notes.find(&prefix).expect("the address") + prefix.len();
    let key: String = notes[at..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(key.len(), 32, "{notes}");
    let reply = post(addr, &format!("/remote/{key}/next"), None, "");
    assert_eq!(reply.status, 204, "{reply:?}");
    term.wait_for("Terugblik op de week");
    wait_for_log(&logs, "the press is on disk", |log| log.current == 1);
    term.send("o");
    let reply = post(addr, &format!("/remote/{key}/next"), None, "");
    assert_eq!(reply.status, 409, "the last block ends only at the laptop");
    term.send("q");
    term.send("y");
    term.wait_exit();
}
