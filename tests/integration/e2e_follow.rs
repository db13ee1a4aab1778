//! The real binary twice, side by side: `regie run` in one pseudo-terminal and `regie follow`
//! in another. The follower waits for the session, moves with the runner (start, pause, next
//! block, a card, votes hidden then revealed, a hard kill and --resume, a break, groups, the
//! end), shows the same second, never shows a facilitator note, and writes nothing. The
//! follower runs at 60x20, where the room's screen still sets names and words as text.

use crate::support;

use support::e2e::*;

use std::path::Path;
use std::time::{Duration, SystemTime};
use support::pty::Terminal;

/// Every facilitator note in this test contains this word; the follower must never show it.
const SECRET: &str = "GEHEIMPJE";

const SESSION: &str = r#"Session(
    title: "Proefdag",
    cohort: Some("cohort.ron"),
    start: Some("09:30"),
    homework: Some("Neem een casus mee."),
    blocks: [
        (title: "Welkom en check-in", minutes: 10, kind: Plenary,
         notes: "GEHEIMPJE: begin met de stille kant van de zaal"),
        (title: "Dilemma's", minutes: 20, kind: Dilemmas(deck: "deck.ron", draw: 2),
         notes: "GEHEIMPJE: niet zelf stemmen"),
        (title: "Pauze", minutes: 15, kind: Break),
        (title: "Casus in tweetallen", minutes: 20, kind: Breakout(size: 2)),
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
    participants: [(name: "Anouk V."), (name: "Bram K."), (name: "Chloë de W."), (name: "Daan S.")],
)
"#;

/// The follower's screen once `needle` shows, checked for the secret.
fn follower_shows(follower: &Terminal, needle: &str) -> String {
    let screen = follower.wait_for(needle);
    assert!(
        !screen.contains(SECRET),
        "the follower shows a note:\n{screen}"
    );
    screen
}

/// The "mm:ss" after "nog " on the line that says the clock is paused.
fn paused_time(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains("gepauzeerd"))
        .unwrap_or_else(|| panic!("no paused status line:\n{screen}"));
    let after = line.split("nog ").nth(1).unwrap_or("");
    after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect()
}

/// Names, sizes and modification times of everything in `dir`.
fn listing(dir: &Path) -> Vec<(String, u64, SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read the log folder")
        .flatten()
        .map(|e| {
            let meta = e.metadata().expect("metadata");
            (
                e.file_name().to_string_lossy().into_owned(),
                meta.len(),
                meta.modified().expect("mtime"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_follower_moves_with_the_runner_and_never_shows_notes() {
    let work = tempfile::tempdir().expect("temp dir");
    for (name, text) in [
        ("dag.ron", SESSION),
        ("deck.ron", DECK),
        ("cohort.ron", COHORT),
    ] {
        std::fs::write(work.path().join(name), text).expect("write fixture");
    }
    let logs = work.path().join("logs");
    let logs_arg = logs.to_str().expect("utf-8 path");
    let run_args = ["run", "dag.ron", "--log-dir", logs_arg, "--lang", "nl"];

    // The follower starts first, on a folder that does not exist yet, and finds the log
    // through $REGIE_LOG_DIR.
    let mut follower = Terminal::spawn(
        &binary(),
        &["follow", "--lang", "nl"],
        work.path(),
        &[("REGIE_LOG_DIR", logs_arg)],
        60,
        20,
    );
    follower_shows(&follower, "Wachten op de sessie");

    let mut runner = Terminal::spawn(&binary(), &run_args, work.path(), &[], 100, 30);
    runner.wait_for("spatie: start");
    let screen = follower_shows(&follower, "begint zo · 10:00");
    assert!(screen.contains("Welkom en check-in"), "{screen}");
    assert!(!screen.contains("spatie"), "{screen}");
    assert!(
        !screen.contains(logs_arg),
        "the follower shows the log folder:\n{screen}"
    );

    // Start, then pause: both screens show the very same time left.
    runner.send(" ");
    follower_shows(&follower, "nog 09:");
    runner.send(" ");
    let on_runner = runner.wait_for("gepauzeerd");
    let on_follower = follower_shows(&follower, "gepauzeerd");
    assert_eq!(paused_time(&on_runner), paused_time(&on_follower));
    assert!(!paused_time(&on_follower).is_empty(), "{on_follower}");
    runner.send(" ");
    follower.wait_until("running again", |s| !s.contains("gepauzeerd"));

    // A note typed by the facilitator stays on the laptop.
    runner.send(&format!("\r{SECRET} typte dit\r"));
    runner.send("o");
    runner.wait_for(&format!("{SECRET} typte dit"));

    // Next block: the card; votes are counted but stay hidden until revealed.
    runner.send("n");
    follower_shows(&follower, "De speeltuin zonder vergunning");
    runner.send("112");
    runner.wait_for("3 stemmen geteld");
    let screen = follower_shows(&follower, "3 stemmen geteld");
    assert!(
        !screen.contains("██ eerste stemming"),
        "votes shown before the reveal:\n{screen}"
    );
    assert!(!screen.contains("t: tonen"), "{screen}");
    runner.send(&format!("\r{SECRET} over de kaart\r"));
    runner.send("t");
    let screen = follower.wait_until("the revealed votes", |s| s.contains("██ eerste stemming"));
    assert!(screen.contains("Handhaven"), "{screen}");
    assert!(!screen.contains(SECRET), "{screen}");

    // The laptop dies and the run resumes on the same log: the follower stays with it.
    runner.kill_hard();
    let resume_args = [&run_args[..], &["--resume"]].concat();
    let mut runner = Terminal::spawn(&binary(), &resume_args, work.path(), &[], 100, 30);
    runner.wait_for("De speeltuin zonder vergunning");
    runner.send("n");
    follower_shows(&follower, "De wethouder wil het anders");

    // A break ("terug om", in big letters); a breakout shows the groups; then the end.
    runner.send("n");
    follower_shows(&follower, "straks: Casus in tweetallen");
    runner.send("n");
    runner.wait_for("Casus in tweetallen");
    let screen = follower_shows(&follower, "Groep 2");
    assert!(!screen.contains("seed"), "{screen}");
    runner.send("n");
    runner.wait_for("laatste blok");
    runner.send("y");
    runner.wait_for("Sessie afgerond");
    let screen = follower_shows(&follower, "afgerond om");
    assert!(screen.contains("Huiswerk: Neem een casus mee."), "{screen}");
    assert!(!screen.contains("q: afsluiten"), "{screen}");
    runner.send("q");
    assert_eq!(runner.wait_exit(), 0);

    // The follower has written nothing in the log folder.
    let before = listing(&logs);
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(listing(&logs), before);
    let lonely = before
        .iter()
        .filter(|(name, ..)| name.ends_with(".ron"))
        .count();
    assert_eq!(lonely, 1, "one log, the runner's: {before:?}");

    follower.send("q");
    assert_eq!(follower.wait_exit(), 0);
}

#[test]
fn a_named_log_that_does_not_exist_is_bad_input() {
    let output = std::process::Command::new(binary())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["follow", "bestaat/niet.ron"])
        .output()
        .expect("run regie");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bestaat/niet.ron"), "{stderr}");
    assert!(!output.stdout.contains(&0x1b), "the terminal was touched");
}

#[test]
fn the_follower_speaks_english_when_asked_and_leaves_on_q() {
    let work = tempfile::tempdir().expect("temp dir");
    let mut follower = Terminal::spawn(
        &binary(),
        &["follow", "--log-dir", "logs"],
        work.path(),
        &[("LANG", "en_GB.UTF-8")],
        60,
        20,
    );
    follower.wait_for("Waiting for the session");
    follower.send("?");
    follower.wait_for("stop following");
    follower.send("q");
    assert_eq!(follower.wait_exit(), 0);
    assert!(
        !work.path().join("logs").exists(),
        "the follower made a folder"
    );
}
