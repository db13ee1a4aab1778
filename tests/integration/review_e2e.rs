//! Logs made by the real `regie run` in a pseudo-terminal, then `regie report` and `regie review`
//! on them: votes and notes in the tables, no name after --anonymise, the crashed run marked.

use crate::support;

use support::e2e::*;

use std::path::Path;
use support::pty::Terminal;

const SESSION: &str = r#"Session(
    title: "Proefdag",
    programme: Some("proef"),
    cohort: Some("cohort.ron"),
    blocks: [
        (title: "Welkom en check-in", minutes: 10, kind: Plenary),
        (title: "Dilemma's", minutes: 20, kind: Dilemmas(deck: "deck.ron", draw: 1)),
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
        ),
    ],
)
"#;

const COHORT: &str = r#"Cohort(
    name: "Proefgroep",
    participants: [(name: "Anouk V."), (name: "Bram K."), (name: "Chloë de W.")],
)
"#;

const NAMES: [&str; 3] = ["Anouk V.", "Bram K.", "Chloë de W."];

fn workspace() -> tempfile::TempDir {
    support::e2e::workspace(&[
        ("dag.ron", SESSION),
        ("deck.ron", DECK),
        ("cohort.ron", COHORT),
    ])
}

/// Run the day: start, next, votes 1 1 2, a note naming people, then either quit or a hard kill.
fn run_day(work: &Path, logs: &str, crash: bool) {
    let args = ["run", "dag.ron", "--log-dir", logs, "--lang", "nl"];
    let mut term = Terminal::spawn(&binary(), &args, work, &[], 100, 30);
    term.wait_for("Welkom en check-in");
    term.send(" ");
    term.wait_for("nog 09:");
    term.send("n");
    term.wait_for("De speeltuin zonder vergunning");
    term.send("112");
    term.wait_for("3 stemmen geteld");
    term.send("\r");
    term.send("Anouk twijfelt, Bram niet");
    term.wait_for("Bram niet");
    term.send("\r");
    if crash {
        // The note is written before the screen shows it again; wait for the log, then kill.
        wait_until(|| {
            std::fs::read_dir(logs).is_ok_and(|d| {
                d.flatten().any(|e| {
                    std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("Bram niet"))
                })
            })
        });
        term.kill_hard();
    } else {
        term.send("n");
        term.wait_for("Pauze");
        term.send("n");
        term.wait_for("laatste blok");
        term.send("y");
        term.wait_for("Sessie afgerond");
        term.send("q");
        assert_eq!(term.wait_exit(), 0);
    }
}

fn wait_until(check: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !check() {
        assert!(
            start.elapsed() < support::pty::PATIENCE,
            "waited too long for the log"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn report(args: &[&str]) -> (i32, String, String) {
    let out = regie()
        .arg("report")
        .args(args)
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .expect("run regie");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn reports_and_review_of_logs_from_real_runs() {
    let work = workspace();
    let logs = work.path().join("logs");
    let logs_arg = logs.to_str().expect("utf-8 path");
    run_day(work.path(), logs_arg, false);
    run_day(work.path(), logs_arg, true);

    let (code, out, err) = report(&[logs_arg, "--format", "csv", "--table", "dilemmas"]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows[0], "session,block,card,option,text,votes,revotes");
    assert_eq!(
        rows.len(),
        1 + 2 * 2,
        "two runs, one card of two options each: {out}"
    );
    assert!(rows[1].ends_with(",speeltuin,1,Handhaven,2,"), "{out}");
    assert!(rows[2].ends_with(",speeltuin,2,Gedogen,1,"), "{out}");

    let (_, sessions, _) = report(&[logs_arg, "--format", "csv", "--table", "sessions"]);
    let finished: Vec<&str> = sessions
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap_or(""))
        .collect();
    assert_eq!(finished, ["true", "false"], "{sessions}");

    let (_, notes, _) = report(&[logs_arg, "--format", "csv", "--table", "notes"]);
    assert!(
        !notes.contains("twijfelt"),
        "notes are private by default: {notes}"
    );
    let (_, notes, _) = report(&[
        logs_arg,
        "--format",
        "csv",
        "--table",
        "notes",
        "--with-notes",
    ]);
    assert!(notes.contains("Anouk twijfelt, Bram niet"), "{notes}");

    let mut everything = String::new();
    for table in [
        "sessions",
        "blocks",
        "dilemmas",
        "groups",
        "attendance",
        "notes",
    ] {
        let (code, out, _) = report(&[
            logs_arg,
            "--format",
            "csv",
            "--table",
            table,
            "--anonymise",
            "--with-notes",
        ]);
        assert_eq!(code, 0);
        everything.push_str(&out);
    }
    everything.push_str(&report(&[logs_arg, "--anonymise", "--with-notes"]).1);
    for name in NAMES.iter().chain(&["Anouk", "Bram", "Chloë"]) {
        assert!(
            !everything.contains(name),
            "{name} left in the anonymised output"
        );
    }
    assert!(
        everything.contains("Deelnemer 1 twijfelt, Deelnemer 2 niet")
            || everything.contains("Deelnemer 01 twijfelt, Deelnemer 02 niet"),
        "{everything}"
    );

    // The review screens on the same folder: programme, a session, back, quit.
    let args = ["review", logs_arg, "--lang", "nl"];
    let mut term = Terminal::spawn(&binary(), &args, work.path(), &[], 100, 30);
    let screen = term.wait_for("Programma: proef");
    assert!(
        screen.contains("ONAF"),
        "the crashed run is marked:\n{screen}"
    );
    term.send("\r");
    term.wait_for("Wie werkte met wie");
    term.send("\x1b");
    term.wait_for("Programma: proef");
    term.send("j\r");
    let screen = term.wait_for("Tijdlijn");
    assert!(screen.contains("Welkom en check-in"), "{screen}");
    term.send("?");
    term.wait_for("Toetsen");
    term.send("\x1b");
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn review_in_a_tiny_terminal_says_so_and_leaves_on_q() {
    let work = workspace();
    let logs = work.path().join("logs");
    let logs_arg = logs.to_str().expect("utf-8 path");
    run_day(work.path(), logs_arg, false);
    let mut term = Terminal::spawn(
        &binary(),
        &["review", logs_arg, "--lang", "nl"],
        work.path(),
        &[],
        15,
        4,
    );
    term.wait_for("terminal te kl");
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn review_of_a_missing_folder_exits_2_before_the_screen() {
    let out = regie()
        .args(["review", "bestaat/niet"])
        .output()
        .expect("run regie");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bestaat/niet"));
    assert!(!out.stdout.contains(&0x1b), "the terminal was not touched");
}

#[test]
fn review_leaves_cleanly_on_sigterm_and_sighup() {
    let work = workspace();
    let logs = work.path().join("logs");
    let logs_arg = logs.to_str().expect("utf-8 path");
    run_day(work.path(), logs_arg, false);
    for signal in ["TERM", "HUP"] {
        let args = ["review", logs_arg, "--lang", "nl"];
        let mut term = Terminal::spawn(&binary(), &args, work.path(), &[], 100, 30);
        term.wait_for("Proefdag");
        term.signal(signal);
        assert_eq!(term.wait_exit(), 0, "after SIG{signal}");
    }
}
