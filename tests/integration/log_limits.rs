//! Numbers and indices read from a log are checked on load (issue 19, items 2, 3 and 11): a
//! hand-edited log with an absurd duration, a ballot past its card's options or an index past
//! its list is refused at `file:line:col`, before the clocks or the engine can trip over it.

use crate::support;

use regie::engine::clock::day_clock;
use regie::engine::{Engine, ProgrammeHistory};
use regie::journal::record::{Adjustment, Ballot, VoteRound};
use regie::journal::writer::to_ron;
use regie::journal::{SessionLog, parse_log};
use std::path::Path;
use support::fixtures::{at, card_log, log_on, script};

/// The 1-based line and column of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the log"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The log as text with the first `from` replaced by `to`.
fn edited(log: &SessionLog, from: &str, to: &str) -> String {
    let text = to_ron(log);
    assert!(text.contains(from), "`{from}` not in the log");
    text.replacen(from, to, 1)
}

/// Parse `text`; it must be refused at the value of the first `needle` (`key: value`, or
/// just the value), with `message` in the error.
fn assert_refused_at(text: &str, needle: &str, message: &str) {
    let error =
        parse_log(Path::new("logs/dag.ron"), text.as_bytes()).expect_err("the log must be refused");
    let (line, col) = position_of(text, needle);
    let col = col + needle.find(": ").map_or(0, |i| i + 2);
    assert_eq!(error.position, Some((line, col)), "{error}");
    let shown = error.to_string();
    assert!(
        shown.starts_with(&format!("logs/dag.ron:{line}:{col}: error:")),
        "{shown}"
    );
    assert!(shown.contains(message), "expected `{message}` in: {shown}");
}

#[test]
fn a_huge_planned_duration_is_refused_where_it_stands() {
    let log = log_on(2, 0);
    for huge in ["10000000000000000", "3000000000000", "-60"] {
        let text = edited(
            &log,
            "planned_seconds: 2700",
            &format!("planned_seconds: {huge}"),
        );
        assert_refused_at(
            &text,
            &format!("planned_seconds: {huge}"),
            "planned_seconds",
        );
    }
    // Each block within bounds, but all of them together too long for a day's clock.
    let mut text = to_ron(&log);
    for planned in ["900", "1200", "2700", "2400"] {
        text = text.replace(
            &format!("planned_seconds: {planned},"),
            "planned_seconds: 43200,",
        );
    }
    assert!(parse_log(Path::new("l.ron"), text.as_bytes()).is_ok());
}

#[test]
fn a_huge_adjustment_or_vote_count_is_refused() {
    let mut log = log_on(2, 0);
    log.blocks[1].adjustments.push(Adjustment {
        at: at("10:00:00"),
        seconds: 9_000_000_000_000_000,
    });
    let text = to_ron(&log);
    assert_refused_at(&text, "seconds: 9000000000000000", "seconds");

    let mut log = log_on(2, 0);
    log.blocks[2].cards.push(card_log(
        at("10:10:00"),
        vec![4294967295, 1, 0],
        None,
        false,
    ));
    let text = to_ron(&log);
    assert_refused_at(&text, "4294967295", "votes");
}

/// A log on the Dilemmas block with one card (3 options, no revote) and one ballot.
fn log_with_ballot(round: VoteRound, option: usize) -> SessionLog {
    let mut log = log_on(2, 0);
    let mut card = card_log(at("10:10:00"), vec![1, 0, 0], None, false);
    card.ballots.push(Ballot {
        at: at("10:11:00"),
        round,
        option,
    });
    log.blocks[2].cards.push(card);
    log
}

#[test]
fn a_ballot_past_the_cards_options_is_refused_on_load_and_on_resume() {
    let log = log_with_ballot(VoteRound::First, 7);
    let text = to_ron(&log);
    assert_refused_at(&text, "option: 7", "option 8 but the card has 3 options");

    let error = Engine::resume(script(), ProgrammeHistory::default(), log)
        .expect_err("refused on resume too");
    assert!(error.to_string().contains("option 8"), "{error}");
}

#[test]
fn a_revote_ballot_without_a_revote_is_refused() {
    let log = log_with_ballot(VoteRound::Revote, 0);
    assert_refused_at(&to_ron(&log), "round: Revote", "revote");
}

#[test]
fn an_index_past_its_list_is_refused_where_it_stands() {
    let log = log_on(2, 0);
    let text = edited(&log, "current: 2,", "current: 18446744073709551615,");
    assert_refused_at(
        &text,
        "current: 18446744073709551615",
        "18446744073709551616",
    );
    let text = edited(&log, "current_card: 0,", "current_card: 3,");
    assert_refused_at(&text, "current_card: 3", "card");
}

#[test]
fn every_accepted_log_has_a_day_clock() {
    // The largest numbers the reader accepts still fit the clocks' arithmetic.
    let mut log = log_on(5, 0);
    for block in &mut log.blocks {
        block.planned_seconds = 43_200;
        block.adjustments.push(Adjustment {
            at: at("10:00:00"),
            seconds: 43_200,
        });
    }
    let text = to_ron(&log);
    let log = parse_log(Path::new("l.ron"), text.as_bytes()).expect("within limits");
    let day = day_clock(&log, at("12:00:00"));
    assert!(day.projected_end > at("12:00:00") && day.planned_end > day.projected_end);
}

#[test]
fn resume_refusals_print_exact_numbers() {
    let mut log = log_on(1, 0);
    log.current = usize::MAX;
    let error = Engine::resume(script(), ProgrammeHistory::default(), log).expect_err("refused");
    let text = error.to_string();
    assert!(text.contains("block 18446744073709551616 of 6"), "{text}");

    let mut log = log_on(2, 0);
    log.blocks[2]
        .cards
        .push(card_log(at("10:10:00"), vec![1, 2, 0], None, false));
    log.blocks[2].current_card = usize::MAX;
    let text = Engine::resume(script(), ProgrammeHistory::default(), log)
        .expect_err("refused")
        .to_string();
    assert!(text.contains("card 18446744073709551616 of 1"), "{text}");
}

#[test]
fn a_log_past_100_mb_or_a_fifo_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pijp.ron");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(regie::journal::read_log(&fifo).map(|_| ()));
    });
    let result = receive
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("reading a FIFO as a log must not block");
    let error = result.expect_err("a FIFO is not a log");
    assert!(error.to_string().contains("named pipe"), "{error}");
}

#[test]
fn report_names_a_log_with_a_huge_duration_at_its_line_and_exits_2() {
    let text = edited(
        &log_on(2, 0),
        "planned_seconds: 2700",
        "planned_seconds: 10000000000000000",
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dag.ron"), &text).unwrap();
    let out = support::e2e::regie()
        .current_dir(dir.path())
        .args(["report", "dag.ron"])
        .output()
        .expect("run regie report");
    let err = String::from_utf8_lossy(&out.stderr);
    let (line, col) = position_of(&text, "10000000000000000");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "dag.ron:{line}:{col}: error: not a sound session log"
        )),
        "{err}"
    );
}
