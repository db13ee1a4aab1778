//! The room's figures, on loopback only: 300 simulated phones join and vote at once against a
//! runner that writes its real log (every vote counted once, latency per request), then the
//! release binary with `--room` left idle (CPU share and memory). Prints the figures.

#![allow(dead_code)]

#[path = "../tests/integration/support/http_client.rs"]
mod http_client;
#[path = "support/proc.rs"]
mod proc_stat;
#[path = "../tests/integration/support/pty.rs"]
mod pty;
use proc_stat::{cpu_ticks, status_kb};

use http_client::{get, post};
use pty::Terminal;
use ratatui::Terminal as Screen;
use ratatui::backend::TestBackend;
use regie::engine::record::VoteRound;
use regie::engine::{Command, Engine, ProgrammeHistory};
use regie::i18n::Lang;
use regie::journal::Journal;
use regie::room::headless::Headless;
use regie::room::{Limits, RoomConfig};
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, Barrier};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const PHONES: usize = 300;
const SESSION: &str = "voorbeeld/kennismaking";

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let at = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[at].as_secs_f64() * 1000.0
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{what:<18} n={:<4} p50 {:>6.2} ms  p99 {:>6.2} ms  max {:>6.2} ms",
        times.len(),
        percentile(&times, 0.50),
        percentile(&times, 0.99),
        percentile(&times, 1.0)
    );
}

/// The limits for simulated phones: every one comes from 127.0.0.1, so the per-address limit
/// (which on a real network applies to each phone's own address) is lifted; the per-device
/// limit stays.
fn loopback_limits() -> Limits {
    Limits {
        address_per_second: 1e6,
        address_burst: 1e6,
        ..Limits::default()
    }
}

/// The bundled day's engine on its first dilemma card, clock running; the card and its
/// number of options.
fn engine_on_cards() -> (Engine, String, usize) {
    let path = regie::bundled::find(SESSION).expect("bundled session");
    let script = regie::bundled::load(&path).expect("loads");
    let now = chrono::Local::now().fixed_offset();
    let mut engine = Engine::new(script, ProgrammeHistory::default(), now);
    for command in [Command::Next, Command::Next, Command::StartPause] {
        engine.apply(command, now).expect("to the cards");
    }
    let card = engine.current_card().expect("a card").card.clone();
    let options = engine.current_card().expect("a card").options.len();
    (engine, card, options)
}

/// `PHONES` threads that, once `start` opens, each wait their turn within `spread`, join with
/// `code` the way the QR code does and vote on `card`; each returns its join and vote times.
fn phones(
    addr: SocketAddr,
    code: &str,
    card: &str,
    options: usize,
    spread: Duration,
    start: &Arc<Barrier>,
) -> Vec<JoinHandle<(Duration, Duration)>> {
    (0..PHONES)
        .map(|i| {
            let (start, code, card) = (Arc::clone(start), code.to_string(), card.to_string());
            std::thread::spawn(move || {
                start.wait();
                std::thread::sleep(spread * i as u32 / PHONES as u32);
                let t = Instant::now();
                let joined = get(addr, &format!("/?code={code}"), None);
                let join_time = t.elapsed();
                let cookie = joined.device_cookie().expect("joined");
                let t = Instant::now();
                let body = format!("card={card}&round=first&option={}", i % options);
                let voted = post(addr, "/vote", Some(&cookie), &body);
                let vote_time = t.elapsed();
                assert_eq!(voted.status, 200, "{voted:?}");
                (join_time, vote_time)
            })
        })
        .collect()
}

/// 300 phones join and vote, their starts spread evenly over `spread` (zero: all at once);
/// every vote must be in the log exactly once.
fn burst(spread: Duration) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (engine, card, options) = engine_on_cards();
    let journal = Journal::create(dir.path(), engine.log()).expect("journal");
    let config = RoomConfig {
        addr: Some("127.0.0.1:0".parse().expect("addr")),
        limits: loopback_limits(),
        lang: Lang::Nl,
        remote: false,
    };
    let session = Headless::start(engine, Box::new(journal), config).expect("room");
    let addr = session.room().addr();
    let code = session.room().join_code();
    let start = Arc::new(Barrier::new(PHONES + 1));
    let phones = phones(addr, &code, &card, options, spread, &start);
    let began = Instant::now();
    start.wait();
    let times: Vec<(Duration, Duration)> = phones
        .into_iter()
        .map(|p| p.join().expect("phone"))
        .collect();
    let all_done = began.elapsed();
    let log = session.log();
    let card_log = &log.blocks[log.current].cards[log.blocks[log.current].current_card];
    let counted: u32 = card_log.phone_counts(VoteRound::First).iter().sum();
    let devices = log.phones.as_ref().map_or(0, |p| p.devices.len());
    let mut voters: Vec<u32> = card_log.phone_ballots.iter().map(|b| b.device).collect();
    voters.sort_unstable();
    voters.dedup();
    let on_disk = regie::journal::scan(dir.path());
    let written = on_disk
        .logs
        .first()
        .map(|(_, l)| l.blocks[l.current].cards[0].phone_ballots.len())
        .unwrap_or(0);
    println!(
        "{PHONES} phones join and vote, starts spread over {} ms (loopback, in-process runner, real log with fsync)",
        spread.as_millis()
    );
    println!(
        "all {PHONES} joined and voted in {:.0} ms; devices {devices}, votes counted {counted}, distinct voters {}, ballots in the log on disk {written}",
        all_done.as_secs_f64() * 1000.0,
        voters.len()
    );
    assert_eq!(
        (devices, counted as usize, voters.len(), written),
        (PHONES, PHONES, PHONES, PHONES)
    );
    // What each batch of phone commands waits for: one durable write of the whole log.
    let mut journal = Journal::create(&dir.path().join("timing"), &log).expect("journal");
    let writes: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            regie::journal::Recorder::write(&mut journal, &log).expect("write");
            t.elapsed()
        })
        .collect();
    report("log write (fsync)", writes);
    report("join (GET /?code)", times.iter().map(|t| t.0).collect());
    report("vote (POST /vote)", times.iter().map(|t| t.1).collect());
    report(
        "any request",
        times.iter().flat_map(|t| [t.0, t.1]).collect(),
    );
}

/// The runner itself (its `App`, its inbox, the real server and log) while 300 phones join
/// and vote within a second: each frame drawn into a 120x36 `TestBackend` is timed, as is each
/// batch of phone commands (applied, written with fsync, answered, published).
fn frames() {
    use regie::tui::event_loop::{Inbox, now, open_room, take_waiting};
    use regie::tui::{App, Settings, Theme, ThemeName, view};
    let dir = tempfile::tempdir().expect("temp dir");
    let (engine, card, options) = engine_on_cards();
    let journal = Journal::create(dir.path(), engine.log()).expect("journal");
    let settings = Settings {
        theme: Theme::named(ThemeName::Dark),
        lang: Lang::Nl,
        bell: false,
    };
    let mut app = App::new(engine, Box::new(journal), settings);
    let inbox = Inbox::default();
    let config = RoomConfig {
        addr: Some("127.0.0.1:0".parse().expect("addr")),
        limits: loopback_limits(),
        lang: Lang::Nl,
        remote: false,
    };
    let room = open_room(&mut app, config, &inbox).expect("the room opens");
    let code = room.join_code();
    let start = Arc::new(Barrier::new(PHONES + 1));
    let phones = phones(
        room.addr(),
        &code,
        &card,
        options,
        Duration::from_secs(1),
        &start,
    );
    let mut terminal = Screen::new(TestBackend::new(120, 36)).expect("test terminal");
    let (mut draws, mut batches) = (Vec::new(), Vec::new());
    let began = Instant::now();
    start.wait();
    // The runner's loop: wait on the one inbox, take what came, draw. A countdown changes the
    // screen every second anyway; here every wake is drawn, the most the runner would draw.
    while !phones.iter().all(JoinHandle::is_finished) {
        if let Some(first) = inbox.wait(Duration::from_millis(20)) {
            let t = Instant::now();
            take_waiting(&mut app, &inbox, first, Some(&room)).expect("no terminal to fail");
            batches.push(t.elapsed());
        }
        let t = Instant::now();
        terminal
            .draw(|frame| view::draw(frame, &app, now()))
            .expect("draw");
        draws.push(t.elapsed());
    }
    let all_done = began.elapsed();
    for phone in phones {
        phone.join().expect("phone");
    }
    let log = app.engine().log();
    let card_log = &log.blocks[log.current].cards[log.blocks[log.current].current_card];
    let counted: u32 = card_log.phone_counts(VoteRound::First).iter().sum();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect();
    println!(
        "the runner (App, inbox, real server, real log with fsync) drawn at 120x36 while {PHONES} phones join and vote, starts spread over 1000 ms"
    );
    println!(
        "all {PHONES} done in {:.0} ms; votes counted {counted}; the screen says {:?}",
        all_done.as_secs_f64() * 1000.0,
        screen.contains(&format!("{PHONES} telefoons gestemd")),
    );
    assert_eq!(counted as usize, PHONES);
    report("frame (draw)", draws);
    report("batch (take+write)", batches);
}

/// The release binary with `--room`, countdown running, nobody connected: CPU and memory.
fn idle() {
    let seconds: u64 = std::env::var("REGIE_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let work = tempfile::tempdir().expect("temp dir");
    let logs = work.path().join("logs");
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let addr = format!("127.0.0.1:{port}");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_regie"));
    let args = [
        "run",
        SESSION,
        "--log-dir",
        logs.to_str().expect("utf-8"),
        "--lang",
        "nl",
        "--room",
        "--room-addr",
        &addr,
    ];
    let mut term = Terminal::spawn(&binary, &args, work.path(), &[], 120, 40);
    term.wait_for("Welkom en doel");
    term.send(" ");
    term.wait_for("Welkom en doel van de middag: nog");
    let page = get(addr.parse().expect("addr"), "/", None);
    assert_eq!(page.status, 200, "the room answers");
    let pid = term.pid();
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(seconds));
    let ticks = cpu_ticks(pid) - before;
    let per_second = 100;
    let cpu = 100.0 * ticks as f64 / (per_second * seconds) as f64;
    let rss = status_kb(pid, "VmRSS:");
    let hwm = status_kb(pid, "VmHWM:");
    let threads = status_kb(pid, "Threads:");
    term.send("q");
    term.send("y");
    term.wait_exit();
    println!("regie run {SESSION} --room, release binary, countdown running, no phone connected");
    println!(
        "idle CPU over {seconds} s: {ticks} ticks of {per_second}/s = {cpu:.2}% of one core; VmRSS {rss} kB (peak {hwm} kB); threads {threads}"
    );
}

fn main() {
    frames();
    println!();
    burst(Duration::from_secs(1));
    println!();
    burst(Duration::ZERO);
    println!();
    idle();
}
