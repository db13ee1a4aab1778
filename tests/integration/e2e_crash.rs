//! Pulling the plug: the real binary is killed with SIGKILL after each of 29 recorded actions of
//! a scripted day (start, pause, attendance, speakers, votes, undo, revote, notes, reveal,
//! splits, reshuffle, takeaways, going back); each time `--resume` must come back on the same
//! block with every outcome recorded so far, and the next action builds on it.

use crate::support;

use support::e2e::*;

use regie::journal::record::SessionLog;
use std::path::Path;
use std::time::{Duration, Instant};
use support::pty::{PATIENCE, Terminal};

const SESSION: &str = r#"Session(
    title: "Crashdag",
    programme: Some("crash"),
    cohort: Some("cohort.ron"),
    start: Some("09:30"),
    blocks: [
        (title: "Opening", minutes: 10, kind: Plenary),
        (title: "Rondje", minutes: 10, kind: Round(seconds_each: 60)),
        (title: "Stellingen", minutes: 20, kind: Dilemmas(deck: "deck.ron", draw: 2)),
        (title: "Koffie", minutes: 15, kind: Break),
        (title: "Groepjes", minutes: 20, kind: Breakout(size: 2, balance: ["afdeling"])),
        (title: "Oogst", minutes: 10, kind: Harvest),
    ],
)
"#;

const DECK: &str = r#"Deck(
    title: "Crashdeck",
    cards: [
        (id: "een", title: "Kaart één", situation: "Eerste situatie.", options: ["Ja", "Nee", "Weet niet"]),
        (id: "twee", title: "Kaart twee", situation: "Tweede situatie.", options: ["Links", "Rechts"]),
    ],
)
"#;

const COHORT: &str = r#"Cohort(
    name: "Crashgroep",
    participants: [
        (name: "Anouk V.", attributes: {"afdeling": "beleid"}),
        (name: "Bram K.", attributes: {"afdeling": "uitvoering"}),
        (name: "Chloë de W.", attributes: {"afdeling": "beleid"}),
        (name: "Dirk P.", attributes: {"afdeling": "uitvoering"}),
        (name: "Esra Y.", attributes: {"afdeling": "hr"}),
        (name: "Fleur T.", attributes: {"afdeling": "hr"}),
    ],
)
"#;

type Check = fn(&SessionLog) -> bool;

/// One action of the day: the keys, what the log must show afterwards, and the block title
/// the screen shows.
struct Step {
    keys: &'static str,
    what: &'static str,
    check: Check,
    screen: &'static str,
}

fn card(log: &SessionLog, index: usize) -> Option<&regie::journal::record::CardLog> {
    log.blocks[2].cards.get(index)
}

fn steps() -> Vec<Step> {
    let step = |keys, what, check: Check, screen| Step {
        keys,
        what,
        check,
        screen,
    };
    vec![
        step(
            " ",
            "the first block runs",
            |l| l.blocks[0].runs.len() == 1,
            "Opening",
        ),
        step(
            "+",
            "a minute was added",
            |l| l.blocks[0].adjustments.len() == 1,
            "Opening",
        ),
        step(
            " ",
            "the clock paused",
            |l| l.blocks[0].runs[0].to.is_some(),
            "Opening",
        ),
        step(
            " ",
            "the clock runs again",
            |l| l.blocks[0].runs.len() == 2,
            "Opening",
        ),
        step(
            "w \x1b",
            "the first person is marked absent",
            |l| l.attendance.len() == 1 && !l.attendance[0].present,
            "Opening",
        ),
        step("n", "the round is on screen", |l| l.current == 1, "Rondje"),
        step(
            "\r",
            "the first speaker has the floor",
            |l| {
                l.blocks[1]
                    .round
                    .as_ref()
                    .is_some_and(|r| r.turns.len() == 1)
            },
            "Rondje",
        ),
        step(
            "\r",
            "the second speaker has the floor",
            |l| {
                l.blocks[1]
                    .round
                    .as_ref()
                    .is_some_and(|r| r.turns.len() == 2)
            },
            "Rondje",
        ),
        step(
            "n",
            "the first card is shown",
            |l| card(l, 0).is_some(),
            "Kaart één",
        ),
        step(
            "1",
            "a vote for option 1",
            |l| card(l, 0).unwrap().votes == [1, 0, 0],
            "Kaart één",
        ),
        step(
            "1",
            "two votes for option 1",
            |l| card(l, 0).unwrap().votes == [2, 0, 0],
            "Kaart één",
        ),
        step(
            "2",
            "a vote for option 2",
            |l| card(l, 0).unwrap().votes == [2, 1, 0],
            "Kaart één",
        ),
        step(
            "3",
            "a vote for option 3",
            |l| card(l, 0).unwrap().votes == [2, 1, 1],
            "Kaart één",
        ),
        step(
            "u",
            "the last vote undone",
            |l| card(l, 0).unwrap().votes == [2, 1, 0],
            "Kaart één",
        ),
        step(
            "v",
            "the revote started",
            |l| card(l, 0).unwrap().revotes == Some(vec![0, 0, 0]),
            "Kaart één",
        ),
        step(
            "2",
            "a revote for option 2",
            |l| card(l, 0).unwrap().revotes == Some(vec![0, 1, 0]),
            "Kaart één",
        ),
        step(
            "\rgeen consensus\r",
            "a note on the card",
            |l| {
                card(l, 0)
                    .unwrap()
                    .notes
                    .iter()
                    .any(|n| n.text == "geen consensus")
            },
            "Kaart één",
        ),
        step(
            "cja, onder voorwaarden\r",
            "the outcome of the card",
            |l| card(l, 0).unwrap().outcome.as_deref() == Some("ja, onder voorwaarden"),
            "Kaart één",
        ),
        step(
            "t",
            "the results revealed",
            |l| card(l, 0).unwrap().revealed,
            "Kaart één",
        ),
        step(
            "n",
            "the second card is shown",
            |l| card(l, 1).is_some(),
            "Kaart twee",
        ),
        step(
            "2",
            "a vote on the second card",
            |l| card(l, 1).unwrap().votes == [0, 1],
            "Kaart twee",
        ),
        step("n", "the break is on screen", |l| l.current == 3, "Koffie"),
        step(
            "-",
            "a minute taken off the break",
            |l| {
                l.blocks[3]
                    .adjustments
                    .iter()
                    .map(|a| a.seconds)
                    .sum::<i64>()
                    == -60
            },
            "Koffie",
        ),
        step(
            "n",
            "groups were split",
            |l| l.blocks[4].splits.len() == 1,
            "Groepjes",
        ),
        step(
            "r",
            "groups reshuffled",
            |l| l.blocks[4].splits.len() == 2,
            "Groepjes",
        ),
        step("n", "the harvest is on screen", |l| l.current == 5, "Oogst"),
        step(
            "\rsamen leren werkt\r\x1b",
            "a takeaway",
            |l| l.blocks[5].takeaways.len() == 1,
            "Oogst",
        ),
        step("p", "back to the groups", |l| l.current == 4, "Groepjes"),
        step(
            "n",
            "the harvest again",
            |l| l.current == 5 && l.blocks[4].splits.len() == 2,
            "Oogst",
        ),
    ]
}

/// Wait until the log satisfies `step`'s check.
fn wait_for(dir: &Path, step: &Step) -> SessionLog {
    wait_for_log(dir, step.what, step.check)
}

#[test]
fn every_outcome_survives_sigkill_at_29_points_and_resume_continues_from_it() {
    let work = tempfile::tempdir().expect("temp dir");
    for (name, text) in [
        ("dag.ron", SESSION),
        ("deck.ron", DECK),
        ("cohort.ron", COHORT),
    ] {
        std::fs::write(work.path().join(name), text).expect("write");
    }
    let logs = work.path().join("logs");
    let logs_arg = logs.to_str().expect("utf-8 path");
    let args = ["run", "dag.ron", "--log-dir", logs_arg, "--lang", "nl"];
    let resume_args = [&args[..], &["--resume"]].concat();
    let steps = steps();
    assert!(steps.len() >= 20);

    let mut term = Terminal::spawn(&binary(), &args, work.path(), &[], 100, 30);
    term.wait_for("?: toetsen");
    for step in &steps {
        // Each check holds only if everything before it survived too (the votes 2, 1, 0
        // after `u` need the two votes for option 1 recorded before two earlier kills).
        term.send(step.keys);
        let before = wait_for(&logs, step);
        term.kill_hard();

        term = Terminal::spawn(&binary(), &resume_args, work.path(), &[], 100, 30);
        term.wait_for(step.screen);
        term.wait_for("?: toetsen");
        let after = only_log(&logs).expect("one readable log after the restart");
        assert_eq!(
            after, before,
            "the log changed across the kill at: {}",
            step.what
        );
    }
    term.send("n");
    term.wait_for("laatste blok");
    term.send("y");
    let start = Instant::now();
    let log = loop {
        match only_log(&logs) {
            Some(log) if log.finished.is_some() => break log,
            _ => assert!(start.elapsed() < PATIENCE, "the day never finished"),
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let first = card(&log, 0).expect("first card");
    assert_eq!(first.votes, [2, 1, 0]);
    assert_eq!(first.revotes, Some(vec![0, 1, 0]));
    assert!(first.revealed && first.notes.len() == 1);
    assert_eq!(first.outcome.as_deref(), Some("ja, onder voorwaarden"));
    assert_eq!(card(&log, 1).map(|c| c.votes.clone()), Some(vec![0, 1]));
    assert_eq!(log.attendance.len(), 1);
    assert_eq!(log.blocks[4].splits.len(), 2);
    assert_eq!(log.blocks[5].takeaways.len(), 1);
    assert_eq!(log.blocks[0].runs.len(), 2);
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}
