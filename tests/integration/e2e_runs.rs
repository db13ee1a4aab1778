//! Runs you can trust, on the real binary in a pseudo-terminal (issue 17's five cases): the
//! picker and a plain start offer to continue an unfinished run, resume finds a session however
//! its path is typed, `regie run LOG` continues that log, and every day of a programme is found
//! wherever regie was started. Attendance is checked person by person in the report.

use crate::support;

use regie::journal::days;
use regie::journal::record::SessionLog;
use std::path::{Path, PathBuf};
use support::e2e::*;
use support::pty::Terminal;

const COHORT: &str = r#"Cohort(
    name: "Proefgroep",
    participants: [
        (name: "Anouk V."),
        (name: "Marieke B."),
        (name: "Chloë de W."),
        (name: "Daan K."),
    ],
)
"#;

const DECK: &str = r#"Deck(
    title: "Proefdeck",
    cards: [
        (id: "speeltuin", title: "De speeltuin zonder vergunning", situation: "Bewoners bouwden.", options: ["Handhaven", "Gedogen"]),
        (id: "wethouder", title: "De wethouder wil het anders", situation: "Je advies past niet.", options: ["Aanpassen", "Houden"]),
    ],
)
"#;

fn day(n: u32) -> String {
    format!(
        r#"Session(
    title: "Proefdag {n}",
    programme: Some("aa-proef"),
    cohort: Some("cohort.ron"),
    blocks: [
        (title: "Check-in dag {n}", minutes: 10, kind: Plenary),
        (title: "Tweetallen dag {n}", minutes: 20, kind: Breakout(size: 2)),
        (title: "Stelling dag {n}", minutes: 20, kind: Dilemmas(deck: "../../deck.ron", draw: 1)),
    ],
)
"#
    )
}

/// A folder with `sessions/aa-proef/{dag-1,dag-2,cohort}.ron` and `deck.ron`, and the data
/// folder every run in the test shares (as `XDG_DATA_HOME`).
struct Work {
    dir: tempfile::TempDir,
}

impl Work {
    fn new() -> Work {
        let dir = tempfile::tempdir().expect("temp dir");
        let programme = dir.path().join("sessions/aa-proef");
        std::fs::create_dir_all(&programme).expect("folders");
        std::fs::write(programme.join("dag-1.ron"), day(1)).expect("day 1");
        std::fs::write(programme.join("dag-2.ron"), day(2)).expect("day 2");
        std::fs::write(programme.join("cohort.ron"), COHORT).expect("cohort");
        std::fs::write(dir.path().join("deck.ron"), DECK).expect("deck");
        Work { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn data(&self) -> PathBuf {
        self.root().join(".data")
    }

    /// The programme's default log folder.
    fn logs(&self) -> PathBuf {
        programme_logs(&self.data(), "aa-proef")
    }

    fn spawn(&self, cwd: &Path, args: &[&str]) -> Terminal {
        let data = self.data();
        let env = [("XDG_DATA_HOME", data.to_str().expect("utf-8"))];
        Terminal::spawn(&binary(), args, cwd, &env, 110, 30)
    }

    fn scan(&self) -> Vec<(PathBuf, SessionLog)> {
        let folder = regie::journal::scan(&self.logs());
        assert!(folder.errors.is_empty(), "{:?}", folder.errors);
        folder.logs
    }
}

fn quit(term: &mut Terminal) {
    term.send("q");
    term.wait_for("Stoppen?");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
}

/// Day 1 started and left; day 2 started, Marieke marked absent, on to the breakout, left.
fn two_days(work: &Work) {
    let mut term = work.spawn(work.root(), &["run", "sessions/aa-proef/dag-1.ron"]);
    term.wait_for("?: toetsen");
    term.send(" ");
    term.wait_for("nog 09:");
    quit(&mut term);
    let mut term = work.spawn(work.root(), &["run", "sessions/aa-proef/dag-2.ron"]);
    term.wait_for("?: toetsen");
    term.send(" ");
    term.send("w");
    term.wait_for("Marieke B.");
    // Down to Marieke, Enter marks her absent, Esc closes the list (typed letters search it).
    term.send("\x1b[B");
    term.send("\r");
    term.wait_for("Aanwezig 3/4");
    term.send("\x1b");
    term.wait_until("the list to close", |s| !s.contains("Aanwezig 3/4"));
    term.send("n");
    term.wait_for("Tweetallen dag 2");
    quit(&mut term);
}

/// Who was present on each day, by name, from `regie report --table attendance`.
fn attendance(logs: &Path) -> Vec<Vec<String>> {
    let output = regie()
        .args(["report", logs.to_str().expect("utf-8")])
        .args(["--format", "csv", "--table", "attendance", "--lang", "en"])
        .output()
        .expect("run regie report");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines()
        .skip(1)
        .map(|l| {
            l.trim_start_matches('\u{feff}')
                .split([';', ','])
                .map(|f| f.trim_matches('"').to_string())
                .collect()
        })
        .collect()
}

#[test]
fn case_1_the_picker_offers_to_continue_day_2_and_the_report_has_marieke_absent_once() {
    let work = Work::new();
    two_days(&work);
    assert_eq!(work.scan().len(), 2);

    // `regie`, pick "Proefdag 2" (marked unfinished), Enter at the question continues it.
    let mut term = work.spawn(work.root(), &[]);
    term.wait_for("Proefdag 2");
    // Both days were left unfinished; day 2 stopped at its breakout, block 2 of 3.
    // (A frame may reach the screen parser in pieces: wait for the whole list.)
    let is_marked = |l: &&str| l.contains('↻') && l.contains("sessions/");
    let screen = term.wait_until("both days marked", |s| {
        s.contains("Intake") && s.lines().filter(is_marked).count() == 2
    });
    let marked: Vec<&str> = screen.lines().filter(is_marked).collect();
    assert!(
        marked[1].contains("Proefdag 2") && marked[1].contains("↻ 2/3"),
        "{screen}"
    );
    let row = |needle: &str| screen.lines().position(|l| l.contains(needle));
    let downs = row("Proefdag 2").unwrap() - row("▶").unwrap();
    term.send(&"j".repeat(downs));
    term.wait_until("Proefdag 2 selected", |s| {
        s.lines()
            .any(|l| l.contains('▶') && l.contains("Proefdag 2"))
    });
    term.send("\r");
    term.wait_for("onderbroken run");
    term.wait_for("Gestopt bij blok 2 van 3: Tweetallen dag 2");
    term.send("\r");
    term.wait_for("Tweetallen dag 2");
    term.wait_for("?: toetsen");
    quit(&mut term);
    assert_eq!(work.scan().len(), 2, "continuing made no new log");

    // `--resume` opens the real day 2: on the breakout, Marieke absent.
    let args = ["run", "sessions/aa-proef/dag-2.ron", "--resume"];
    let mut term = work.spawn(work.root(), &args);
    term.wait_for("Tweetallen dag 2");
    quit(&mut term);

    let logs = work.scan();
    let counted = days::days(logs.iter().map(|(_, l)| l));
    assert_eq!(counted.len(), 2, "two days, each once");
    let rows = attendance(&work.logs());
    assert_eq!(rows.len(), 8, "four people on each of two days: {rows:?}");
    let day2_file = logs[1].0.file_stem().expect("name").to_string_lossy();
    for row in &rows {
        let (session, name, present) = (&row[0], &row[1], &row[2]);
        let absent = name == "Marieke B." && session.contains(day2_file.as_ref());
        assert_eq!(present, if absent { "false" } else { "true" }, "{row:?}");
    }
    // Nobody absent was put in a group.
    let split = logs[1].1.blocks[1].splits.last().expect("a split");
    assert!(split.groups.iter().flatten().all(|n| n != "Marieke B."));
}

#[test]
fn case_1_starting_anew_keeps_the_old_log_marked_abandoned_and_it_stays_the_day() {
    let work = Work::new();
    two_days(&work);
    let mut term = work.spawn(work.root(), &["run", "sessions/aa-proef/dag-2.ron"]);
    term.wait_for("onderbroken run");
    term.send("j\r");
    term.wait_for("Check-in dag 2");
    quit(&mut term);
    let logs = work.scan();
    assert_eq!(logs.len(), 3, "the old day 2 is kept");
    let old = &logs[1].1;
    assert!(old.session.identity.abandoned.is_some());
    assert!(!old.attendance.is_empty(), "everything it recorded is kept");
    // The new run started nothing: the abandoned one is still the day.
    let counted = days::days(logs.iter().map(|(_, l)| l));
    assert_eq!(counted.len(), 2);
    assert!(counted.iter().any(|l| l.created == old.created));
    // Nothing unfinished is offered any more for the old one: the new one is.
    let mut term = work.spawn(work.root(), &["run", "sessions/aa-proef/dag-2.ron"]);
    term.wait_for("Gestopt bij blok 1 van 3: Check-in dag 2");
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn case_2_resume_finds_a_loose_session_however_its_path_is_typed() {
    let work = Work::new();
    let teamdag = work.root().join("sessions/teamdag");
    std::fs::create_dir_all(&teamdag).expect("folder");
    let session = r#"Session(title: "Teamdag middag", blocks: [
        (title: "Middagstart", minutes: 10, kind: Plenary),
        (title: "Afronding", minutes: 10, kind: Plenary),
    ])"#;
    std::fs::write(teamdag.join("middag.ron"), session).expect("session");
    let mut term = work.spawn(work.root(), &["run", "sessions/teamdag/middag.ron"]);
    term.wait_for("?: toetsen");
    term.send("n");
    term.wait_for("Afronding");
    term.kill_hard();

    let sessions = work.root().join("sessions");
    let elsewhere = tempfile::tempdir().expect("another folder");
    let absolute = teamdag.join("middag.ron");
    let absolute = absolute.to_str().expect("utf-8");
    for (cwd, name) in [
        (sessions.as_path(), "teamdag/middag.ron"),
        (elsewhere.path(), absolute),
    ] {
        let mut term = work.spawn(cwd, &["run", name, "--resume"]);
        term.wait_for("Afronding");
        term.wait_for("?: toetsen");
        quit(&mut term);
    }
    let loose = programme_logs(&work.data(), "losse-sessies");
    assert_eq!(logs_in(&loose).len(), 1, "one run, resumed twice");
}

#[test]
fn case_3_regie_run_log_continues_that_run_from_any_folder() {
    let work = Work::new();
    two_days(&work);
    let day2 = work.scan()[1].0.clone();
    let elsewhere = tempfile::tempdir().expect("another folder");
    let mut term = work.spawn(elsewhere.path(), &["run", day2.to_str().expect("utf-8")]);
    term.wait_for("Tweetallen dag 2");
    term.wait_for("?: toetsen");
    term.send("n");
    term.wait_for("Stelling dag 2");
    quit(&mut term);
    let logs = work.scan();
    assert_eq!(logs.len(), 2, "no new log");
    assert_eq!(logs[1].1.current, 2, "the move was written to that log");
    // Leaving names the same log as the way to go on.
    let hint = format!(
        "verder met: regie run {}",
        day2.canonicalize().unwrap().display()
    );
    term.wait_for(&hint);
}

#[test]
fn case_5_day_2_started_from_another_folder_knows_day_1() {
    let work = Work::new();
    let mut term = work.spawn(work.root(), &["run", "sessions/aa-proef/dag-1.ron"]);
    term.wait_for("?: toetsen");
    term.send(" nn");
    term.wait_for("Stelling dag 1");
    quit(&mut term);
    let day1 = &work.scan()[0].1;
    let played = day1.blocks[2].cards[0].card.clone();

    let elsewhere = tempfile::tempdir().expect("another folder");
    let day2 = work.root().join("sessions/aa-proef/dag-2.ron");
    let mut term = work.spawn(elsewhere.path(), &["run", day2.to_str().expect("utf-8")]);
    term.wait_for("?: toetsen");
    term.send(" nn");
    term.wait_for("Stelling dag 2");
    quit(&mut term);
    let logs = work.scan();
    assert_eq!(logs.len(), 2, "both days in the programme's folder");
    let shown = &logs[1].1.blocks[2].cards[0].card;
    assert_ne!(shown, &played, "day 2 knows which card day 1 played");
}

#[test]
fn a_rehearsal_is_recorded_apart_and_is_never_a_day() {
    let work = Work::new();
    let args = ["run", "sessions/aa-proef/dag-1.ron", "--rehearsal"];
    let mut term = work.spawn(work.root(), &args);
    term.wait_for("?: toetsen");
    term.send(" ");
    term.wait_for("nog 09:");
    quit(&mut term);
    assert!(work.scan().is_empty(), "nothing in the programme's folder");
    let rehearsals = regie::journal::scan(&work.logs().join("rehearsal"));
    assert_eq!(rehearsals.logs.len(), 1);
    let log = &rehearsals.logs[0].1;
    assert!(log.session.identity.rehearsal);
    assert!(days::days([log]).is_empty());
}

#[test]
fn without_a_terminal_regie_run_says_so_and_leaves_no_log() {
    let work = Work::new();
    let output = regie()
        .current_dir(work.root())
        .env("XDG_DATA_HOME", work.data())
        .args(["run", "sessions/aa-proef/dag-1.ron", "--lang", "en"])
        .output()
        .expect("run regie");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not a terminal"), "{stderr}");
    assert!(stderr.contains("No log was made"), "{stderr}");
    assert!(logs_in(&work.logs()).is_empty());
    assert!(!output.stdout.contains(&0x1b), "the terminal was touched");
}

#[test]
fn a_log_continued_from_another_folder_still_knows_the_programmes_earlier_days() {
    let work = Work::new();
    let mut term = work.spawn(work.root(), &["run", "sessions/aa-proef/dag-1.ron"]);
    term.wait_for("?: toetsen");
    term.send(" nn");
    term.wait_for("Stelling dag 1");
    quit(&mut term);
    let played = work.scan()[0].1.blocks[2].cards[0].card.clone();
    let mut term = work.spawn(work.root(), &["run", "sessions/aa-proef/dag-2.ron"]);
    term.wait_for("?: toetsen");
    term.send(" ");
    term.wait_for("nog 09:");
    quit(&mut term);
    // Day 2's log ends up elsewhere (as after `s`); continuing it there still avoids day 1's card.
    let elsewhere = tempfile::tempdir().expect("another folder");
    let day2 = work.scan()[1].0.clone();
    let moved = elsewhere.path().join(day2.file_name().expect("a name"));
    std::fs::rename(&day2, &moved).expect("move the log");
    let mut term = work.spawn(work.root(), &["run", moved.to_str().expect("utf-8")]);
    term.wait_for("?: toetsen");
    term.send("nn");
    term.wait_for("Stelling dag 2");
    quit(&mut term);
    let log = regie::journal::read_log(&moved).expect("the moved log");
    assert_ne!(log.blocks[2].cards[0].card, played);
}

#[test]
fn a_session_name_without_its_programme_is_answered_with_the_bundled_ones_it_may_mean() {
    let empty = tempfile::tempdir().expect("temp dir");
    let output = regie()
        .current_dir(empty.path())
        .args(["run", "dag-7", "--lang", "nl"])
        .output()
        .expect("run regie");
    assert_ne!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("dag-7"), "{stderr}");
    assert!(
        stderr.contains("bedoelde je: regie run leergang-ambtelijk-vakmanschap/dag-7?"),
        "{stderr}"
    );
}
