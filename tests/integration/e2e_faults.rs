//! The log folder fails under a running session: the screen says so, the session goes on,
//! writing is retried until the folder is back, `s` saves elsewhere, and quitting never
//! leaves the record only in memory. A folder that cannot be written stops `regie run` early.

use crate::support;

use support::e2e::*;

use std::path::PathBuf;
use support::pty::Terminal;

const SESSION: &str = r#"Session(
    title: "Storingsdag",
    blocks: [
        (title: "Welkom", minutes: 10, kind: Plenary),
        (title: "Verdieping", minutes: 20, kind: Plenary),
        (title: "Afsluiting", minutes: 10, kind: Plenary),
    ],
)
"#;

struct Room {
    dir: tempfile::TempDir,
}

impl Room {
    fn new() -> Room {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("dag.ron"), SESSION).expect("write session");
        std::fs::create_dir(dir.path().join("home")).expect("home");
        Room { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Start the session with the room's own home folder.
    fn start(&self) -> Terminal {
        let home = self.path("home");
        self.start_with(&[("HOME", home.to_str().unwrap())])
    }

    /// Start the session with `env` added to its environment.
    fn start_with(&self, env: &[(&str, &str)]) -> Terminal {
        let logs = self.path("logs");
        let args = [
            "run",
            "dag.ron",
            "--log-dir",
            logs.to_str().unwrap(),
            "--lang",
            "nl",
        ];
        let term = Terminal::spawn(&binary(), &args, self.dir.path(), env, 100, 30);
        term.wait_for("?: toetsen");
        term
    }

    /// Start the session, see its clock running in the log, then break the log folder.
    fn start_then_break(&self) -> Terminal {
        self.break_when_running(self.start())
    }

    /// Start the clock of `term`'s session, see it in the log, then break the log folder.
    fn break_when_running(&self, mut term: Terminal) -> Terminal {
        term.send(" ");
        wait_for_log(&self.path("logs"), "the clock runs", |l| {
            !l.blocks[0].runs.is_empty()
        });
        self.break_folder();
        term
    }

    /// Put a plain file where the log folder was: every write there fails.
    fn break_folder(&self) {
        std::fs::rename(self.path("logs"), self.path("logs-weg")).expect("move the folder");
        std::fs::write(self.path("logs"), "in de weg").expect("block the folder");
    }
}

#[test]
fn a_log_folder_that_cannot_be_written_is_refused_before_the_screen_opens() {
    let room = Room::new();
    std::fs::write(room.path("logs"), "geen map").unwrap();
    let output = regie()
        .current_dir(room.dir.path())
        .args(["run", "dag.ron", "--log-dir", "logs", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot write session logs to logs"),
        "{stderr}"
    );
    assert!(stderr.contains("--log-dir"), "{stderr}");
    assert!(!output.stdout.contains(&0x1b), "the terminal was touched");
}

#[test]
fn a_failing_folder_is_shown_retried_and_recovers_with_nothing_lost() {
    let room = Room::new();
    let mut term = room.start_then_break();
    term.send("+");
    term.send("n");
    term.wait_for("log niet opgeslagen");
    // The session goes on: the second block is on screen with its clock running.
    term.wait_for("Verdieping: nog");
    // The folder comes back: the next retry writes everything recorded meanwhile.
    std::fs::remove_file(room.path("logs")).unwrap();
    let log = wait_for_log(&room.path("logs"), "the minute and the move are in", |l| {
        l.current == 1 && l.blocks[0].adjustments.len() == 1
    });
    assert!(log.blocks[0].ended.is_some());
    term.wait_until("the warning to go", |s| !s.contains("log niet opgeslagen"));
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn s_saves_elsewhere_and_the_session_keeps_writing_there() {
    let room = Room::new();
    let mut term = room.start_then_break();
    term.send("n");
    term.wait_for("log niet opgeslagen");
    term.send("s");
    term.wait_for("log opgeslagen in");
    let elsewhere = room.path("home/regie-logs");
    wait_for_log(&elsewhere, "the move is saved elsewhere", |l| {
        l.current == 1
    });
    term.send("n");
    wait_for_log(&elsewhere, "later actions go there too", |l| l.current == 2);
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn quitting_with_an_unsaved_log_saves_it_elsewhere_and_says_where() {
    let room = Room::new();
    let mut term = room.start_then_break();
    term.send("n");
    term.wait_for("log niet opgeslagen");
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
    let log = wait_for_log(&room.path("home/regie-logs"), "the move is kept", |l| {
        l.current == 1
    });
    assert!(log.blocks[0].ended.is_some());
    // The exit message follows --lang nl (its last bytes may still be on their way: wait).
    term.wait_for("opgeslagen in");
}

#[test]
fn with_nowhere_to_write_quitting_prints_the_whole_log_instead_of_losing_it() {
    let room = Room::new();
    std::fs::write(room.path("no-dir"), "a file, not a folder").unwrap();
    let nowhere = room.path("no-dir/below");
    let nowhere = nowhere.to_str().unwrap();
    let mut term =
        room.break_when_running(room.start_with(&[("HOME", nowhere), ("TMPDIR", nowhere)]));
    term.send("nn");
    term.wait_for("log niet opgeslagen");
    term.send("s");
    term.wait_for("ook elders niet opgeslagen");
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 1);
    // The end of the log, with the last block reached after the folder broke, is on screen.
    let screen = term.wait_for("Afsluiting");
    assert!(
        screen.contains("current: 2") || screen.contains("planned_seconds: 600"),
        "{screen}"
    );
}

#[test]
fn after_s_the_exit_hint_names_the_new_place_and_following_it_continues_there() {
    let room = Room::new();
    let mut term = room.start_then_break();
    term.send("n");
    term.wait_for("log niet opgeslagen");
    term.send("s");
    term.wait_for("log opgeslagen in");
    term.send("n");
    let elsewhere = room.path("home/regie-logs");
    wait_for_log(&elsewhere, "the last block is reached", |l| l.current == 2);
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
    let saved = logs_in(&elsewhere).remove(0).canonicalize().unwrap();
    let hint = format!("verder met: regie run {}", saved.display());
    term.wait_for(&hint);
    // The hint as written: the run goes on from the saved log, on its last block.
    let args = ["run", saved.to_str().unwrap(), "--lang", "nl"];
    let home = room.path("home");
    let env = [("HOME", home.to_str().unwrap())];
    let mut term = Terminal::spawn(&binary(), &args, room.dir.path(), &env, 100, 30);
    term.wait_for("Afsluiting");
    term.wait_for("?: toetsen");
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
    assert_eq!(logs_in(&elsewhere).len(), 1, "no new log");
}

#[test]
fn a_second_runner_after_the_lock_file_was_deleted_does_not_get_overwritten_by_the_first() {
    let room = Room::new();
    let mut a = room.start();
    a.send(" ");
    let logs = room.path("logs");
    wait_for_log(&logs, "the clock runs", |l| !l.blocks[0].runs.is_empty());
    // A cleanup of dot-files removes the lock; B continues the same log.
    let log = logs_in(&logs).remove(0);
    let name = log.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::remove_file(logs.join(format!(".{name}.lock"))).unwrap();
    let args = [
        "run",
        "dag.ron",
        "--log-dir",
        logs.to_str().unwrap(),
        "--resume",
    ];
    let mut b = Terminal::spawn(&binary(), &args, room.dir.path(), &[], 100, 30);
    b.wait_for("?: toetsen");
    b.send("nn");
    wait_for_log(&logs, "B reached the last block", |l| l.current == 2);
    // A's next action is not written over B's log: A says why and offers s.
    a.send("+");
    a.wait_for("andere regie");
    let on_disk = wait_for_log(&logs, "B's log", |l| l.current == 2);
    assert!(
        on_disk.blocks[0].adjustments.is_empty(),
        "A's + did not land"
    );
    a.send("q");
    a.send("y");
    a.wait_exit();
    assert!(
        wait_for_log(&logs, "B's log", |_| true).blocks[0]
            .adjustments
            .is_empty(),
        "A leaving did not write B's log either"
    );
    b.send("q");
    b.send("y");
    assert_eq!(b.wait_exit(), 0);
}
