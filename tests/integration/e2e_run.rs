//! The real `regie run` binary: bad input before the terminal is touched, and a whole flow in a
//! pseudo-terminal: start, next block, vote 1 1 2, SIGKILL, `--resume` finds the same card and votes.

use crate::support;

use support::e2e::*;

use regie::journal::record::SessionLog;
use support::pty::Terminal;

const SESSION: &str = r#"Session(
    title: "Proefdag",
    programme: Some("proef"),
    cohort: Some("cohort.ron"),
    start: Some("09:30"),
    blocks: [
        (title: "Welkom en check-in", minutes: 10, kind: Plenary),
        (title: "Dilemma's", minutes: 20, kind: Dilemmas(deck: "deck.ron", draw: 2)),
        (title: "Pauze", minutes: 15, kind: Break),
    ],
)
"#;

const DECK: &str = r#"Deck(
    title: "Proefdeck",
    cards: [
        (
            id: "speeltuin",
            title: "De speeltuin zonder vergunning",
            situation: "Bewoners bouwden zelf een speeltuin op gemeentegrond.",
            options: ["Handhaven", "Gedogen"],
            questions: ["Welke waarden botsen hier?"],
        ),
        (
            id: "wethouder",
            title: "De wethouder wil het anders",
            situation: "Je advies past niet bij wat de wethouder wil horen.",
            options: ["Advies aanpassen", "Advies houden"],
        ),
    ],
)
"#;

const COHORT: &str = r#"Cohort(
    name: "Proefgroep",
    participants: [
        (name: "Anouk V."),
        (name: "Bram K."),
        (name: "Chloë de W."),
    ],
)
"#;

/// A temporary folder with the session, its deck and cohort.
fn workspace() -> tempfile::TempDir {
    support::e2e::workspace(&[
        ("dag.ron", SESSION),
        ("deck.ron", DECK),
        ("cohort.ron", COHORT),
    ])
}

fn card_votes(log: &SessionLog) -> Option<Vec<u32>> {
    let block = log.blocks.get(1)?;
    Some(block.cards.get(block.current_card)?.votes.clone())
}

#[test]
fn a_broken_session_prints_where_and_exits_2_without_touching_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kapot.ron");
    std::fs::write(
        &path,
        "Session(title: \"x\", blocks: [(title: \"a\", minutes: 5, kind: Plenairy)])\n",
    )
    .expect("write");
    let output = regie()
        .args(["run", path.to_str().expect("utf-8 path")])
        .output()
        .expect("run regie");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("kapot.ron:1:"), "stderr: {stderr}");
    assert!(stderr.contains("Plenairy"), "stderr: {stderr}");
    // No alternate screen or raw-mode escape codes: the terminal was never touched.
    assert!(!output.stdout.contains(&0x1b), "stdout had escape codes");
}

#[test]
fn a_missing_session_file_is_reported() {
    let output = regie()
        .args(["run", "bestaat/niet.ron"])
        .output()
        .expect("run regie");
    assert_ne!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bestaat/niet.ron"), "stderr: {stderr}");
}

#[test]
fn help_names_the_log_folder() {
    let output = regie().args(["run", "--help"]).output().expect("run regie");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("--log-dir"), "{stdout}");
    assert!(stdout.contains("REGIE_LOG_DIR"), "{stdout}");
    assert!(
        stdout.contains("~/.local/share/regie/logs/<programme>"),
        "{stdout}"
    );
    assert!(stdout.contains("--rehearsal"), "{stdout}");
}

#[test]
fn votes_survive_a_hard_kill_and_resume_continues_on_the_same_card() {
    let work = workspace();
    let logs = work.path().join("logs");
    let logs_arg = logs.to_str().expect("utf-8 path");
    let args = ["run", "dag.ron", "--log-dir", logs_arg, "--lang", "nl"];
    let env = [("REGIE_LOG_DIR", "/nonexistent-should-not-be-used")];

    let mut term = Terminal::spawn(&binary(), &args, work.path(), &env, 100, 30);
    term.wait_for("Welkom en check-in");
    term.wait_for("spatie: start");
    term.wait_for(logs_arg);
    term.send(" ");
    term.wait_for("Welkom en check-in: nog 09:");
    term.send("n");
    term.wait_for("De speeltuin zonder vergunning");
    term.send("1");
    term.send("1");
    term.send("2");
    term.wait_for("3 stemmen geteld");
    let log = wait_for_log(&logs, "the card has votes 2 and 1", |log| {
        card_votes(log) == Some(vec![2, 1])
    });
    assert_eq!(log.current, 1);
    term.kill_hard();

    let resume_args = [&args[..], &["--resume"]].concat();
    let mut term = Terminal::spawn(&binary(), &resume_args, work.path(), &env, 100, 30);
    term.wait_for("De speeltuin zonder vergunning");
    term.wait_for("3 stemmen geteld");
    // Reveal: the room sees the bars with 2 and 1.
    term.send("t");
    let screen = term.wait_for("stem");
    assert!(screen.contains("Handhaven"), "{screen}");
    let log = wait_for_log(&logs, "the card is revealed", |log| {
        log.blocks[1].cards.first().is_some_and(|c| c.revealed)
    });
    assert_eq!(card_votes(&log), Some(vec![2, 1]));
    assert_eq!(logs_in(&logs).len(), 1, "resume must not start a new log");
    term.send("q");
    term.wait_for("Stoppen?");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn regie_without_arguments_lists_the_sessions_under_sessions_and_q_leaves() {
    let work = workspace();
    let sessions = work.path().join("sessions");
    std::fs::create_dir(&sessions).expect("sessions dir");
    for file in ["dag.ron", "deck.ron", "cohort.ron"] {
        std::fs::rename(work.path().join(file), sessions.join(file)).expect("move");
    }
    let mut term = Terminal::spawn(
        &binary(),
        &[],
        work.path(),
        &[("LANG", "nl_NL.UTF-8")],
        80,
        24,
    );
    let screen = term.wait_for("Proefdag");
    assert!(screen.contains("kies een sessie"), "{screen}");
    assert!(screen.contains("sessions/dag.ron"), "{screen}");
    // Deck and cohort files are not sessions and are not listed.
    assert!(!screen.contains("deck.ron"), "{screen}");
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn a_tiny_terminal_says_it_is_too_small_instead_of_crashing() {
    let work = workspace();
    let mut term = Terminal::spawn(
        &binary(),
        &[],
        work.path(),
        &[("LANG", "nl_NL.UTF-8")],
        15,
        4,
    );
    term.wait_for("terminal te kl");
    term.send("\x1b");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn sigterm_and_sighup_leave_cleanly() {
    for signal in ["TERM", "HUP"] {
        let work = workspace();
        std::fs::create_dir(work.path().join("sessions")).expect("sessions dir");
        let mut term = Terminal::spawn(&binary(), &[], work.path(), &[("LANG", "C")], 80, 24);
        term.wait_for("pick a session");
        term.signal(signal);
        assert_eq!(term.wait_exit(), 0, "after SIG{signal}");
    }
}

#[test]
fn a_later_day_of_the_programme_does_not_repeat_a_card_already_played() {
    let work = workspace();
    std::fs::write(
        work.path().join("dag2.ron"),
        SESSION.replace("Proefdag", "Proefdag 2"),
    )
    .expect("write day 2");
    let logs = work.path().join("logs");
    let logs_arg = logs.to_str().expect("utf-8 path");

    let day1 = ["run", "dag.ron", "--log-dir", logs_arg, "--lang", "nl"];
    let mut term = Terminal::spawn(&binary(), &day1, work.path(), &[], 100, 30);
    term.wait_for("Welkom en check-in");
    term.send("n");
    term.wait_for("De speeltuin zonder vergunning");
    term.send("q");
    term.wait_for("Stoppen?");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);

    let day2 = ["run", "dag2.ron", "--log-dir", logs_arg, "--lang", "nl"];
    let mut term = Terminal::spawn(&binary(), &day2, work.path(), &[], 100, 30);
    term.wait_for("Proefdag 2");
    term.send("n");
    let screen = term.wait_for("De wethouder wil het anders");
    assert!(!screen.contains("speeltuin"), "{screen}");
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
}
