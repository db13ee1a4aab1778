//! The bundled example from an empty folder, on the real binary: `regie` offers it first in the
//! picker, Enter runs it, and `regie run voorbeeld/kennismaking` goes from Space to the end.

use crate::support;

use support::e2e::*;

use support::pty::Terminal;

#[test]
fn the_picker_offers_the_bundled_example_first_and_enter_runs_it() {
    let empty = tempfile::tempdir().unwrap();
    let logs = empty.path().join("logs");
    let env = [
        ("LANG", "nl_NL.UTF-8"),
        ("REGIE_LOG_DIR", logs.to_str().unwrap()),
    ];
    let mut term = Terminal::spawn(&binary(), &[], empty.path(), &env, 100, 30);
    term.wait_for("Kennismaking met regie");
    term.wait_for("Dag 1");
    term.send("\r");
    term.wait_for("Welkom en doel van de middag");
    term.wait_for("?: toetsen");
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
    let folder = regie::journal::scan(&logs);
    assert_eq!(folder.logs.len(), 1);
    assert_eq!(
        folder.logs[0].1.session.file,
        "bundled:sessions/voorbeeld/kennismaking.ron"
    );
    // Leaving mid-session says how to carry on, in Dutch, naming the log itself.
    let log = folder.logs[0].0.canonicalize().unwrap();
    term.wait_for(&format!("verder met: regie run {}", log.display()));
}

#[test]
fn the_bundled_example_runs_from_space_to_the_end_from_any_folder() {
    let empty = tempfile::tempdir().unwrap();
    let args = [
        "run",
        "voorbeeld/kennismaking",
        "--log-dir",
        "logs",
        "--lang",
        "nl",
    ];
    let mut term = Terminal::spawn(&binary(), &args, empty.path(), &[], 100, 30);
    term.wait_for("?: toetsen");
    term.send(" ");
    // Plenary, round, two cards, break, breakout, harvest, evaluation: eight times n, and y
    // when the last block asks, end the day; q then leaves without asking.
    for _ in 0..8 {
        term.send("n");
    }
    term.wait_for("laatste blok");
    term.send("y");
    term.wait_for("Sessie afgerond");
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    let folder = regie::journal::scan(&empty.path().join("logs"));
    let log = &folder.logs[0].1;
    assert!(log.finished.is_some());
    assert_eq!(log.blocks[2].cards.len(), 2, "both cards were shown");
    assert!(!log.blocks[4].splits.is_empty(), "the breakout was split");
}

#[test]
fn options_given_to_regie_without_a_subcommand_reach_the_picked_session() {
    let empty = tempfile::tempdir().unwrap();
    let args = ["--log-dir", "elders", "--lang", "en", "--theme", "light"];
    let mut term = Terminal::spawn(&binary(), &args, empty.path(), &[], 100, 30);
    term.wait_for("pick a session");
    term.send("\r");
    term.wait_for("?: keys");
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
    assert_eq!(
        regie::journal::scan(&empty.path().join("elders"))
            .logs
            .len(),
        1
    );
}
