//! `--resume` with a session that changed since the log was written, or a log edited by hand:
//! a clear refusal that names what differs, never a panic; the log itself stays as it was.

use crate::support;

use regie::engine::record::BlockKindTag;
use regie::engine::{Engine, ProgrammeHistory};
use support::e2e::*;
use support::fixtures::{at, card_log, log_on, script};

fn resume(log: regie::journal::SessionLog) -> Result<Engine, String> {
    Engine::resume(script(), ProgrammeHistory::default(), log).map_err(|m| m.to_string())
}

#[test]
fn a_log_of_the_same_script_resumes() {
    assert!(resume(log_on(3, 0)).is_ok());
}

#[test]
fn a_session_with_fewer_blocks_is_refused_with_both_counts() {
    let mut log = log_on(3, 0);
    log.blocks.push(log.blocks[0].clone());
    let error = resume(log).expect_err("refused");
    assert!(
        error.contains("7 blocks") && error.contains("now has 6"),
        "{error}"
    );
}

#[test]
fn a_renamed_or_changed_block_is_named() {
    let mut log = log_on(1, 0);
    log.blocks[2].title = "Iets anders".into();
    let error = resume(log).expect_err("refused");
    assert!(
        error.contains("block 3") && error.contains("Iets anders"),
        "{error}"
    );
    let mut log = log_on(1, 0);
    log.blocks[3].kind = BlockKindTag::Plenary;
    assert!(resume(log).expect_err("refused").contains("(Plenary)"));
}

#[test]
fn indices_and_vote_counts_outside_the_log_are_refused() {
    let mut log = log_on(1, 0);
    log.current = 9;
    assert!(resume(log).expect_err("refused").contains("block 10 of 6"));
    let mut log = log_on(2, 0);
    log.blocks[2]
        .cards
        .push(card_log(at("10:10:00"), vec![1, 2], None, false));
    log.blocks[2].current_card = 4;
    assert!(resume(log).expect_err("refused").contains("card 5 of 1"));
    let mut log = log_on(2, 0);
    log.blocks[2]
        .cards
        .push(card_log(at("10:10:00"), vec![1], None, false));
    assert!(resume(log).expect_err("refused").contains("votes for 1"));
}

#[test]
fn resuming_after_the_session_file_changed_exits_2_and_keeps_the_log() {
    let three = r#"Session(title: "x", blocks: [
        (title: "a", minutes: 5, kind: Plenary),
        (title: "b", minutes: 5, kind: Plenary),
        (title: "c", minutes: 5, kind: Plenary),
    ])"#;
    let work = workspace(&[("dag.ron", three)]);
    let logs = work.path().join("logs");
    let args = ["run", "dag.ron", "--log-dir", "logs", "--lang", "nl"];
    let mut term = support::pty::Terminal::spawn(&binary(), &args, work.path(), &[], 80, 24);
    term.wait_for("?: toetsen");
    term.send(" nn");
    let before = wait_for_log(&logs, "the third block is on", |l| l.current == 2);
    term.kill_hard();
    let one = r#"Session(title: "x", blocks: [(title: "a", minutes: 5, kind: Plenary)])"#;
    std::fs::write(work.path().join("dag.ron"), one).unwrap();
    let output = regie()
        .current_dir(work.path())
        .args([
            "run",
            "dag.ron",
            "--log-dir",
            "logs",
            "--resume",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the log has 3 blocks, the session now has 1"),
        "{stderr}"
    );
    assert!(stderr.contains("without --resume"), "{stderr}");
    assert_eq!(
        only_log(&logs),
        Some(before),
        "the old log is kept as it was"
    );
}
