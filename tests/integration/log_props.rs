//! The session-log reader under fire: arbitrary bytes and mutations of a real log never panic
//! and every failure names a line and column; what it accepts is a log that writes back the same.

use crate::support;

use proptest::prelude::*;
use regie::journal::parse_log;
use regie::journal::writer::to_ron;
use std::path::Path;
use support::fixtures::{at, card_log, log_on, split};
use support::props::config;

/// A log with a bit of everything: runs, a card with votes, revotes and a note, a split.
pub fn rich_log_text() -> String {
    let mut log = log_on(4, 30);
    log.blocks[2].cards.push(card_log(
        at("10:30:00"),
        vec![3, 1, 0],
        Some(vec![2, 2, 0]),
        true,
    ));
    log.blocks[4].splits.push(split(at("11:30:00")));
    to_ron(&log)
}

/// A small edit: delete, duplicate or replace a span, or insert a troublesome snippet.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let snippet = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        ",",
        "\"",
        "None",
        "Some(",
        "-1",
        "99999999999999999999",
        "ë",
        "\u{0}",
        "format: 7,",
        "runs: [],",
        "\"2026-13-45T99:00:00Z\"",
        "// x\n",
    ]);
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 1..40usize).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (any::<usize>(), snippet).prop_map(|(a, s)| Edit::Insert(a, s)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match *edit {
            Edit::Delete(a, n) => {
                let a = a % len;
                let b = (a + n).min(bytes.len());
                bytes.drain(a.min(b)..b);
            }
            Edit::Duplicate(a, n) => {
                let a = a % len;
                let b = (a + n).min(bytes.len());
                let span: Vec<u8> = bytes[a.min(b)..b].to_vec();
                bytes.splice(b..b, span);
            }
            Edit::Insert(a, s) => {
                let a = a % len;
                bytes.splice(a..a, s.bytes());
            }
        }
    }
    bytes
}

fn assert_positioned(bytes: &[u8]) -> Result<(), TestCaseError> {
    match parse_log(Path::new("logs/dag.ron"), bytes) {
        Ok(log) => {
            // Whatever is accepted is a log: it writes and reads back unchanged.
            let again = parse_log(Path::new("again.ron"), to_ron(&log).as_bytes());
            prop_assert_eq!(again.ok(), Some(log));
        }
        Err(error) => {
            let (line, col) = error
                .position
                .ok_or_else(|| TestCaseError::fail(format!("no position: {error}")))?;
            let lines = bytes.split(|b| *b == b'\n').count();
            prop_assert!(line >= 1 && col >= 1, "{}", error);
            prop_assert!(line <= lines + 1, "line {} of {}: {}", line, lines, error);
            let prefix = format!("logs/dag.ron:{line}:{col}: error:");
            prop_assert!(error.to_string().starts_with(&prefix), "{}", error);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn arbitrary_bytes_never_panic_and_errors_have_positions(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        assert_positioned(&bytes)?;
    }

    #[test]
    fn mutated_logs_never_panic_and_errors_have_positions(
        edits in prop::collection::vec(edit(), 1..5),
    ) {
        assert_positioned(&apply(&rich_log_text(), &edits))?;
    }

    #[test]
    fn a_log_cut_short_anywhere_is_an_error_with_a_position(cut in 0usize..100_000) {
        let text = rich_log_text();
        let cut = cut % text.len();
        prop_assume!(text.as_bytes()[..cut].trim_ascii_end() != text.trim_end().as_bytes());
        let result = parse_log(Path::new("logs/dag.ron"), &text.as_bytes()[..cut]);
        let error = result.expect_err("half a log is never a log");
        prop_assert!(error.position.is_some(), "{}", error);
    }
}

#[test]
fn the_unmutated_log_reads_back_equal() {
    let text = rich_log_text();
    let log = parse_log(Path::new("x.ron"), text.as_bytes()).unwrap();
    assert_eq!(to_ron(&log), text);
}
