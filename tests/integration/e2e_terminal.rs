//! The terminal is always given back: after a panic, on SIGTERM, SIGHUP, SIGINT and SIGQUIT in
//! the runner, and Ctrl-C asks like q. Resizing from 1x1 to 300x100 while the clock runs never kills regie.

use crate::support;

use support::e2e::*;

use std::time::{Duration, Instant};
use support::pty::{PATIENCE, Terminal};

const SESSION: &str = r#"Session(
    title: "Schermdag",
    blocks: [
        (title: "Één blok met een heel lange titel die op smalle schermen afgebroken moet worden", minutes: 10, kind: Plenary),
        (title: "Daarna", minutes: 5, kind: Break),
    ],
)
"#;

fn spawn(env: &[(&str, &str)]) -> (tempfile::TempDir, Terminal) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("dag.ron"), SESSION).expect("write session");
    let args = ["run", "dag.ron", "--log-dir", "logs", "--lang", "nl"];
    let term = Terminal::spawn(&binary(), &args, dir.path(), env, 100, 30);
    (dir, term)
}

fn start() -> (tempfile::TempDir, Terminal) {
    let (dir, term) = spawn(&[]);
    term.wait_for("?: toetsen");
    (dir, term)
}

/// The alternate screen is left and the cursor shown again (the last bytes the program wrote
/// may still be on their way to the screen parser when it exits: wait for them).
fn assert_restored(term: &Terminal) {
    let start = Instant::now();
    while term.screen_modes() != (false, false) {
        assert!(
            start.elapsed() < PATIENCE,
            "terminal not restored:\n{}",
            term.text()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn after_a_panic_the_terminal_is_restored_and_the_panic_is_readable() {
    // Debug builds panic on purpose right after drawing the first frame.
    let (_dir, mut term) = spawn(&[("REGIE_DEBUG_PANIC", "1")]);
    let code = term.wait_exit();
    assert_ne!(code, 0);
    assert_eq!(
        term.screen_modes(),
        (false, false),
        "alternate screen and hidden cursor undone"
    );
    assert!(term.text().contains("REGIE_DEBUG_PANIC"), "{}", term.text());
}

#[test]
fn sigterm_sighup_sigint_and_sigquit_in_the_runner_save_restore_and_exit_0() {
    for signal in ["TERM", "HUP", "INT", "QUIT"] {
        let (dir, mut term) = start();
        term.send(" ");
        term.wait_for("nog 09:");
        assert_eq!(term.screen_modes(), (true, true));
        term.signal(signal);
        assert_eq!(term.wait_exit(), 0, "after SIG{signal}");
        assert_restored(&term);
        let folder = regie::journal::scan(&dir.path().join("logs"));
        assert_eq!(folder.logs.len(), 1);
        assert!(
            !folder.logs[0].1.blocks[0].runs.is_empty(),
            "the start is saved"
        );
    }
}

#[test]
fn ctrl_c_asks_like_q_and_only_y_leaves() {
    let (_dir, mut term) = start();
    term.send("\x03");
    term.wait_for("Stoppen?");
    term.send("n");
    term.wait_until("the question to close", |s| !s.contains("Stoppen?"));
    assert!(term.is_running());
    term.send("\x03");
    term.wait_for("Stoppen?");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
    assert_restored(&term);
}

#[test]
fn resizing_from_1x1_to_300x100_while_the_clock_runs_never_stops_regie() {
    let (_dir, mut term) = start();
    term.send(" ");
    term.wait_for("nog 09:");
    let mut sizes = vec![
        (1, 1),
        (2, 1),
        (1, 2),
        (19, 4),
        (20, 5),
        (21, 6),
        (300, 100),
        (80, 3),
    ];
    sizes.extend((1..=30).map(|i| (i * 10, (i * 10 / 3).max(1))));
    sizes.extend((1..=30).rev().map(|i| (i * 3, i)));
    for (cols, rows) in sizes {
        term.resize(cols, rows);
        std::thread::sleep(Duration::from_millis(15));
        assert!(term.is_running(), "regie stopped at {cols}x{rows}");
    }
    term.resize(100, 30);
    let start = Instant::now();
    while !term.text().contains("nog 09:") {
        assert!(
            start.elapsed() < PATIENCE,
            "no countdown after resizing:\n{}",
            term.text()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
}
