//! The real binary in a pseudo-terminal: a break inserted, a block moved and one dropped with
//! the keys, the power pulled (SIGKILL), and `--resume` comes back on the same changed plan.

use crate::support;

use support::e2e::*;
use support::pty::Terminal;

const SESSION: &str = r#"Session(
    title: "Plandag",
    start: Some("09:30"),
    blocks: [
        (title: "Opening", minutes: 10, kind: Plenary),
        (title: "Stellingen", minutes: 20, kind: Dilemmas(deck: "deck.ron", draw: 1)),
        (title: "Lunch", minutes: 30, kind: Break),
        (title: "Oogst", minutes: 10, kind: Harvest),
    ],
)
"#;

const DECK: &str = r#"Deck(
    title: "Stapel",
    cards: [
        (id: "een", title: "Kaart één", situation: "Eerste situatie.", options: ["Ja", "Nee"]),
    ],
)
"#;

fn titles(log: &regie::journal::record::SessionLog) -> Vec<&str> {
    log.blocks.iter().map(|b| b.title.as_str()).collect()
}

#[test]
fn a_plan_changed_with_the_keys_survives_a_kill_and_resumes_the_same() {
    let work = workspace(&[("dag.ron", SESSION), ("deck.ron", DECK)]);
    let logs = work.path().join("logs");
    let logs_arg = logs.to_str().expect("utf-8 path");
    let args = ["run", "dag.ron", "--log-dir", logs_arg, "--lang", "nl"];
    let mut term = Terminal::spawn(&binary(), &args, work.path(), &[], 100, 30);
    term.wait_for("?: toetsen");
    term.send(" b10 Koffie\r");
    wait_for_log(&logs, "a break inserted", |l| {
        l.blocks.get(1).is_some_and(|b| b.title == "Koffie")
    });
    // The plan list: j moves down; [ moves Lunch before Stellingen; d y drops Oogst.
    term.send("Ajjj[");
    wait_for_log(&logs, "Lunch moved up", |l| {
        l.blocks.get(2).is_some_and(|b| b.title == "Lunch")
    });
    term.send("jjd");
    term.wait_for("schrappen?");
    term.send("y");
    let before = wait_for_log(&logs, "Oogst dropped", |l| l.dropped.len() == 1);
    assert_eq!(
        titles(&before),
        ["Opening", "Koffie", "Lunch", "Stellingen"]
    );
    term.kill_hard();

    let resume = [&args[..], &["--resume"]].concat();
    let mut term = Terminal::spawn(&binary(), &resume, work.path(), &[], 100, 30);
    term.wait_for("?: toetsen");
    assert_eq!(only_log(&logs).expect("one log"), before, "nothing changed");
    term.send("A");
    let screen = term.wait_for("geschrapt: Oogst");
    assert!(
        screen.contains("Koffie (10:00) · live gewijzigd: ingevoegd"),
        "{screen}"
    );
    term.send("\x1b");
    term.wait_until("the plan list closed", |s| !s.contains("Agenda aanpassen"));
    term.send("nnn");
    term.wait_for("Kaart één");
    let after = wait_for_log(&logs, "on the dilemmas block", |l| l.current == 3);
    assert_eq!(titles(&after), titles(&before));
    term.send("q");
    term.wait_for("y");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn a_session_file_fixed_during_the_day_is_taken_when_n_leaves_the_block() {
    let work = workspace(&[("dag.ron", SESSION), ("deck.ron", DECK)]);
    let logs = work.path().join("logs");
    let logs_arg = logs.to_str().expect("utf-8 path");
    let args = ["run", "dag.ron", "--log-dir", logs_arg, "--lang", "en"];
    let mut term = Terminal::spawn(&binary(), &args, work.path(), &[], 100, 30);
    term.wait_for("?: keys");
    term.send(" ");
    wait_for_log(&logs, "the clock runs", |l| !l.blocks[0].runs.is_empty());
    let path = work.path().join("dag.ron");
    std::fs::write(&path, SESSION.replace("\"Lunch\"", "\"Lunchpauze\"")).expect("write");
    // A later modification time than the first version, however coarse the file system's clock.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(later))
        .expect("set the time");
    term.send("n");
    term.wait_for("session file reloaded; 1 coming block changed");
    let log = wait_for_log(&logs, "the new title recorded", |l| {
        l.blocks[2].title == "Lunchpauze"
    });
    assert_eq!(log.blocks[0].title, "Opening");
    term.send("q");
    term.wait_for("y");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
}
