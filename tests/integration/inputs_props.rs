//! A bounded fuzz run in the normal test suite (issue 19): sessions, decks, cohorts and logs,
//! mutated with long lines (70,000 columns), huge numbers, deep nesting and large texts, plus
//! special files on disk (FIFOs, devices, files past the cap). No input panics or blocks; each
//! error renders. `PROPTEST_CASES=20000` searches longer; `--nocapture` prints the figures.

use crate::support;

use crate::log_props::rich_log_text;
use proptest::prelude::*;
use regie::engine::clock::{block_clock, card_clock, day_clock};
use regie::engine::{Engine, ProgrammeHistory};
use regie::journal::{parse_log, read_log};
use regie::script::{
    LoadError, MemSource, load_cohort, load_cohort_from, load_deck, load_deck_from, load_session,
    load_session_from,
};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use support::fixtures::{at, script};
use support::props::config;

const SESSION: &str = include_str!("../fixtures/valid/dag-1.ron");
const COHORT: &str = include_str!("../fixtures/valid/cohort.ron");
const DECK: &str = include_str!("../fixtures/valid/decks/kaarten.ron");

/// Inputs tried so far, over every test of this module (the figure for the report).
static TRIED: AtomicUsize = AtomicUsize::new(0);

fn tried() -> usize {
    TRIED.fetch_add(1, Ordering::Relaxed) + 1
}

/// Troublesome pieces to put into a file.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" ".repeat(70_000)),
        Just(format!("\"{}\"", "é".repeat(70_000))),
        Just(format!("{}Oops", " ".repeat(65_530))),
        Just("[".repeat(10_000)),
        Just("(".repeat(10_000)),
        Just("Some(".repeat(2_000)),
        Just("/*".repeat(1_000)),
        Just("99999999999999999999".to_string()),
        Just("9223372036854775807".to_string()),
        Just("-9223372036854775808".to_string()),
        Just("18446744073709551615".to_string()),
        Just("1e308".to_string()),
        Just("NaN".to_string()),
        Just("\"+262143-12-31T23:59:59+00:00\"".to_string()),
        Just("\"-262143-01-01T00:00:00Z\"".to_string()),
        Just("\u{0}\u{feff}\u{202e}".to_string()),
        Just("\n".repeat(5_000)),
        Just("x".repeat(300_000)),
        "[a-z_: \"\\(\\)\\[\\],0-9\n{}-]{1,40}",
    ]
}

/// Insert `pieces` at fractions of `text` (on character boundaries).
fn insert(text: &str, pieces: &[(f64, String)]) -> String {
    let mut out = text.to_string();
    for (at, piece) in pieces {
        let mut i = ((at * out.len() as f64) as usize).min(out.len());
        while !out.is_char_boundary(i) {
            i -= 1;
        }
        out.insert_str(i, piece);
    }
    out
}

fn render(error: &LoadError) {
    let plain = error.render();
    let styled = error.render_styled(true);
    assert!(!plain.is_empty() && !styled.is_empty());
    for d in &error.diagnostics {
        // A snippet is clipped: a 70,000-column line is never printed whole.
        assert!(
            d.to_string()
                .lines()
                .skip(1)
                .all(|l| l.chars().count() < 1200),
            "an unclipped snippet in {}",
            d.location()
        );
    }
}

/// Whatever the reader accepts, the clocks and the engine can work with.
fn use_log(bytes: &[u8]) {
    match parse_log(Path::new("logs/dag.ron"), bytes) {
        Ok(log) => {
            let now = at("12:00:00");
            let day = day_clock(&log, now);
            let _ = day.slip;
            for block in &log.blocks {
                let _ = block_clock(block, now);
                for card in &block.cards {
                    let _ = card_clock(block, card, now);
                }
            }
            let _ = Engine::resume(script(), ProgrammeHistory::default(), log);
        }
        Err(error) => {
            let (line, col) = error.position.expect("a log error has a position");
            assert!(line >= 1 && col >= 1, "{error}");
        }
    }
}

proptest! {
    #![proptest_config(config(120))]

    #[test]
    fn scripts_with_troublesome_pieces_never_panic(
        which in 0..3usize,
        pieces in prop::collection::vec((0.0..1.0f64, piece()), 1..3),
    ) {
        tried();
        let mut texts = [SESSION.to_string(), COHORT.to_string(), DECK.to_string()];
        texts[which] = insert(&texts[which], &pieces);
        let source = MemSource::new()
            .with("p/dag-1.ron", texts[0].clone())
            .with("p/cohort.ron", texts[1].clone())
            .with("p/decks/kaarten.ron", texts[2].clone());
        let result = match which {
            0 => load_session_from(&source, Path::new("p/dag-1.ron"), "p/dag-1.ron".into())
                .map(|_| ()),
            1 => load_cohort_from(&source, Path::new("p/cohort.ron"), "p/cohort.ron".into())
                .map(|_| ()),
            _ => load_deck_from(
                &source,
                Path::new("p/decks/kaarten.ron"),
                "p/decks/kaarten.ron".into(),
            )
            .map(|_| ()),
        };
        if let Err(error) = result {
            render(&error);
        }
    }

    #[test]
    fn logs_with_troublesome_pieces_never_panic(
        pieces in prop::collection::vec((0.0..1.0f64, piece()), 1..3),
    ) {
        tried();
        use_log(insert(&rich_log_text(), &pieces).as_bytes());
    }

    #[test]
    fn logs_with_any_number_in_any_numeric_field_never_panic(
        field in prop::sample::select(vec![
            "planned_seconds: ", "seconds: ", "current: ", "current_card: ",
            "option: ", "seed: ", "seconds_each: ", "repeated_pairs: ", "imbalance: ", "format: ",
        ]),
        nth in 0..4usize,
        number in prop_oneof![
            any::<i64>().prop_map(|n| n.to_string()),
            any::<u64>().prop_map(|n| n.to_string()),
            (0..100_000i64).prop_map(|n| n.to_string()),
        ],
    ) {
        tried();
        let text = rich_log_text();
        let Some((at, _)) = text.match_indices(field).nth(nth) else {
            return Ok(());
        };
        let start = at + field.len();
        let end = start + text[start..].find([',', '\n']).unwrap_or(0);
        let edited = format!("{}{number}{}", &text[..start], &text[end..]);
        use_log(edited.as_bytes());
    }
}

/// Large inputs and special files on disk: each refused (or read) promptly.
#[test]
fn special_and_large_files_on_disk_never_block_or_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| dir.path().join(name);
    let fifo = |name: &str| {
        let status = std::process::Command::new("mkfifo")
            .arg(path(name))
            .status()
            .expect("mkfifo");
        assert!(status.success());
    };
    fifo("pijp.ron");
    std::fs::write(path("groot.ron"), vec![b' '; 10_000_001]).unwrap();
    // A sparse log one byte past the cap: refused by its size, not read.
    let big_log = std::fs::File::create(path("groot-log.ron")).unwrap();
    big_log.set_len(100_000_001).unwrap();
    // 2 MB of valid deck with a 70,000-column error at the very end.
    let mut deck = DECK.trim_end().trim_end_matches(')').to_string();
    deck.push_str(&format!(
        "\n// {}\n){}Oops\n",
        "x".repeat(2_000_000),
        " ".repeat(70_000)
    ));
    std::fs::write(path("lang.ron"), &deck).unwrap();
    let nesting = format!("Session({}", "[".repeat(100_000));
    std::fs::write(path("diep.ron"), nesting).unwrap();

    let (send, receive) = std::sync::mpsc::channel();
    let paths: Vec<_> = ["pijp.ron", "groot.ron", "lang.ron", "diep.ron", "/dev/zero"]
        .iter()
        .map(|n| path(n))
        .collect();
    let log_paths = [path("pijp.ron"), path("groot-log.ron"), "/dev/zero".into()];
    std::thread::spawn(move || {
        for p in &paths {
            for result in [
                load_session(p).map(|_| ()),
                load_deck(p).map(|_| ()),
                load_cohort(p).map(|_| ()),
            ] {
                tried();
                render(&result.expect_err("none of these is a valid file"));
            }
        }
        for p in &log_paths {
            tried();
            let error = read_log(p).expect_err("none of these is a log");
            assert!(!error.message.is_empty());
        }
        let _ = send.send(());
    });
    receive
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("special files must not block a loader");
    eprintln!(
        "inputs_props: {} inputs tried so far in this run, 0 panics, 0 hangs",
        TRIED.load(Ordering::Relaxed)
    );
}
