//! Figures of `regie follow`, measured on the real (release) binary in a pseudo-terminal: first
//! frame, how soon a change of the log shows (write -> on screen), idle CPU with a countdown
//! running, and peak memory. The log is written by this bench the way the journal writes it.
//!
//! Run: `cargo bench --bench follow` (REGIE_BENCH_SECONDS sets the idle window, default 10).

#[path = "../tests/support/pty.rs"]
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

/// utime + stime of `pid` in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc stat");
    let rest = &stat[stat.rfind(')').expect("stat format") + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime")
}

fn status_kb(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("read status");
    status
        .lines()
        .find(|line| line.starts_with(key))
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|kb| kb.parse().ok())
        .unwrap_or(0)
}

fn clock_ticks_per_second() -> u64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
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
    term.wait_for("Inloop en check-in: nog");
    let first_frame = started.elapsed();

    // Write -> shown: the runner's next block, as the follower sees it.
    let mut latencies = Vec::new();
    for block in 1..=5 {
        engine.apply(Command::Next, now()).expect("next");
        let written = Instant::now();
        write_log(&log_path, engine.log());
        term.wait_for(&format!("Verdieping {block}: nog"));
        latencies.push(written.elapsed());
    }
    latencies.sort();

    let pid = term.pid();
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(seconds));
    let after = cpu_ticks(pid);
    let screen = term.text();
    let ticks = after - before;
    let per_second = clock_ticks_per_second();
    let cpu_percent = 100.0 * ticks as f64 / (per_second * seconds) as f64;
    let hwm = status_kb(pid, "VmHWM:");
    let rss = status_kb(pid, "VmRSS:");
    term.send("q");
    term.wait_exit();

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let shown = screen
        .lines()
        .find(|l| l.contains(": nog"))
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
        "idle CPU, countdown running, {seconds} s: {ticks} ticks of {per_second}/s = {cpu_percent:.2}% of one core"
    );
    println!("peak memory VmHWM:        {hwm:>8} kB (VmRSS {rss} kB)");
    println!("status line at the end: {shown}");
}
