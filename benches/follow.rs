//! Figures of `regie follow`, measured on the real (release) binary in a pseudo-terminal: first
//! frame, how soon a change of the log shows (write -> on screen), idle CPU with a countdown
//! running, and peak memory. The log is written by this bench the way the journal writes it.
//!
//! Run: `cargo bench --bench follow` (REGIE_BENCH_SECONDS sets the idle window, default 10).

#[path = "../tests/integration/support/pty.rs"]
#[allow(dead_code)]
mod pty;

use pty::Terminal;
use regie::engine::{Command, Engine, ProgrammeHistory};
use regie::journal::SessionLog;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const SESSION: &str = r#"Session(
    title: "Dag 1 · bench",
    start: Some("09:30"),
    blocks: [
        (title: "Inloop en check-in", minutes: 15, kind: Plenary, notes: "alleen voor de trainer"),
        (title: "Verdieping 1", minutes: 30, kind: Plenary),
        (title: "Verdieping 2", minutes: 30, kind: Plenary),
        (title: "Verdieping 3", minutes: 30, kind: Plenary),
        (title: "Verdieping 4", minutes: 30, kind: Plenary),
        (title: "Verdieping 5", minutes: 30, kind: Plenary),
        (title: "Oogst", minutes: 20, kind: Harvest),
    ],
)
"#;

/// Write like the journal: a temporary file, renamed over the log.
fn write_log(path: &Path, log: &SessionLog) {
    let text = ron::ser::to_string_pretty(log, ron::ser::PrettyConfig::default()).expect("ron");
    let temp = path.with_extension("tmp");
    std::fs::write(&temp, text).expect("write log");
    std::fs::rename(&temp, path).expect("rename log");
}

/// Nanoseconds `pid` has spent on a CPU (first field of /proc/<pid>/schedstat: finer than
/// the 10 ms ticks of /proc/<pid>/stat, which round a quiet 10 s to 0 or 1 tick).
fn cpu_nanos(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/schedstat")).expect("schedstat");
    stat.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("cpu time")
}

/// Peak resident memory of `pid` in kB.
fn peak_kb(pid: u32) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("read status");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .unwrap_or("");
    line.trim_start_matches("VmHWM:").trim().to_string()
}

fn main() {
    let seconds: u64 = std::env::var("REGIE_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let work = tempfile::tempdir().expect("temp dir");
    let session = work.path().join("dag-1.ron");
    std::fs::write(&session, SESSION).expect("write session");
    let logs = work.path().join("logs");
    std::fs::create_dir(&logs).expect("log dir");
    let log_path = logs.join("2026-11-23-093000-dag-1.ron");

    // The first block's clock running since 30 s ago.
    let script = regie::script::load_session(&session).expect("bench session loads");
    let now = || chrono::Local::now().fixed_offset();
    let start = now() - chrono::Duration::seconds(30);
    let mut engine = Engine::new(script, ProgrammeHistory::default(), start);
    engine.apply(Command::StartPause, start).expect("start");
    write_log(&log_path, engine.log());

    let binary = PathBuf::from(env!("CARGO_BIN_EXE_regie"));
    let logs_arg = logs.to_str().expect("utf-8 path");
    let args = ["follow", "--log-dir", logs_arg, "--lang", "nl"];
    let started = Instant::now();
    let mut term = Terminal::spawn(&binary, &args, work.path(), &[], 120, 40);
    term.wait_for("Inloop en check-in · nog");
    let first_frame = started.elapsed();

    // Write -> shown: the runner's next block, as the follower sees it.
    let mut latencies = Vec::new();
    for block in 1..=5 {
        engine.apply(Command::Next, now()).expect("next");
        let written = Instant::now();
        write_log(&log_path, engine.log());
        term.wait_for(&format!("Verdieping {block} · nog"));
        latencies.push(written.elapsed());
    }
    latencies.sort();

    let pid = term.pid();
    let before = cpu_nanos(pid);
    let idle = Instant::now();
    std::thread::sleep(Duration::from_secs(seconds));
    let cpu = cpu_nanos(pid) - before;
    let cpu_percent = 100.0 * cpu as f64 / idle.elapsed().as_nanos() as f64;
    let screen = term.text();
    let peak = peak_kb(pid);
    term.send("q");
    term.wait_exit();

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let shown = screen
        .lines()
        .find(|l| l.contains(" · nog "))
        .unwrap_or("")
        .trim()
        .to_string();
    println!("regie follow --log-dir, release binary, 120x40, a 7-block session running");
    println!("first frame:              {:>8.1} ms", ms(first_frame));
    println!(
        "log written -> shown (5x): median {:.0} ms, max {:.0} ms (poll every 300 ms)",
        ms(latencies[latencies.len() / 2]),
        ms(latencies[latencies.len() - 1])
    );
    println!(
        "idle CPU, countdown running, {seconds} s: {:.1} ms on a CPU = {cpu_percent:.3}% of one core",
        cpu as f64 / 1e6
    );
    println!("peak memory VmHWM:        {peak}");
    println!("footer line at the end: {shown}");
}
