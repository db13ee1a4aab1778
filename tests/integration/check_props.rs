//! Property tests of the loaders: arbitrary bytes and mutated valid files never panic, and
//! every error has a position inside the file (line and column from 1) and a message.

use crate::support;

use proptest::prelude::*;
use regie::script::{
    Diagnostic, LoadError, MemSource, load_cohort_from, load_deck_from, load_session_from,
};
use std::path::Path;
use support::props::config;

const SESSION: &str = include_str!("../fixtures/valid/dag-1.ron");
const COHORT: &str = include_str!("../fixtures/valid/cohort.ron");
const DECK: &str = include_str!("../fixtures/valid/decks/kaarten.ron");

const SESSION_PATH: &str = "p/dag-1.ron";
const COHORT_PATH: &str = "p/cohort.ron";
const DECK_PATH: &str = "p/decks/kaarten.ron";

fn programme(session: &[u8], cohort: &[u8], deck: &[u8]) -> MemSource {
    MemSource::new()
        .with(SESSION_PATH, session)
        .with(COHORT_PATH, cohort)
        .with(DECK_PATH, deck)
}

/// The invariants every error must keep; `files` maps labels to their bytes.
fn check_error(error: &LoadError, files: &[(&str, &[u8])]) -> Result<(), TestCaseError> {
    prop_assert!(!error.diagnostics.is_empty());
    for d in &error.diagnostics {
        check_diagnostic(d, files)?;
        for note in &d.notes {
            prop_assert!(
                note.line >= 1 && note.column >= 1,
                "note without position: {d}"
            );
        }
    }
    let rendered = error.render();
    prop_assert!(!rendered.is_empty());
    Ok(())
}

fn check_diagnostic(d: &Diagnostic, files: &[(&str, &[u8])]) -> Result<(), TestCaseError> {
    prop_assert!(d.line >= 1, "line 0 in {d}");
    prop_assert!(d.column >= 1, "column 0 in {d}");
    prop_assert!(!d.message.trim().is_empty(), "empty message");
    let first = d.to_string().lines().next().unwrap_or_default().to_string();
    let expected = format!("{}:{}:{}: error: {}", d.file, d.line, d.column, d.message);
    prop_assert_eq!(first, expected);
    // The position lies inside the file: an existing line, at most one past its end.
    if let Some((_, bytes)) = files.iter().find(|(label, _)| *label == d.file) {
        let text = String::from_utf8_lossy(bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let lines: Vec<&str> = text.split('\n').collect();
        prop_assert!(
            d.line <= lines.len(),
            "line {} of {} in {d}",
            d.line,
            lines.len()
        );
        let width = lines[d.line - 1].chars().count();
        prop_assert!(
            d.column <= width + 1,
            "column {} past {width} in {d}",
            d.column
        );
    }
    Ok(())
}

/// One edit at a position given as a fraction of the text's length.
#[derive(Debug, Clone)]
enum Edit {
    Delete { at: f64, len: usize },
    Insert { at: f64, text: String },
    Replace { at: f64, with: char },
}

fn edit() -> impl Strategy<Value = Edit> {
    let significant = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\"",
        "'",
        "/",
        "*",
        "//",
        "/*",
        "#",
        "r#\"",
        "\n",
        " ",
        "\\",
        "é",
        "0",
        "-1",
        "99999999999",
        "Some(",
        "None",
        "Plenary",
        "x",
        "\u{feff}",
        "\t",
        "title: \"\",",
    ]);
    prop_oneof![
        (0.0..1.0f64, 1usize..8).prop_map(|(at, len)| Edit::Delete { at, len }),
        (0.0..1.0f64, significant).prop_map(|(at, t)| Edit::Insert {
            at,
            text: t.to_string()
        }),
        (0.0..1.0f64, any::<String>()).prop_map(|(at, text)| Edit::Insert { at, text }),
        (0.0..1.0f64, any::<char>()).prop_map(|(at, with)| Edit::Replace { at, with }),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let place = |at: f64, len: usize| ((at * len as f64) as usize).min(len);
        match e {
            Edit::Delete { at, len } => {
                let start = place(*at, chars.len());
                let end = (start + len).min(chars.len());
                chars.drain(start..end);
            }
            Edit::Insert { at, text } => {
                let start = place(*at, chars.len());
                chars.splice(start..start, text.chars());
            }
            Edit::Replace { at, with } => {
                if !chars.is_empty() {
                    let i = place(*at, chars.len() - 1);
                    chars[i] = *with;
                }
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn arbitrary_bytes_never_panic_and_errors_have_positions(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
        which in 0..3usize,
    ) {
        let path = ["x/s.ron", "x/d.ron", "x/c.ron"][which];
        let source = MemSource::new().with(path, bytes.clone());
        let label = path.to_string();
        let result = match which {
            0 => load_session_from(&source, Path::new(path), label).map(|_| ()),
            1 => load_deck_from(&source, Path::new(path), label).map(|_| ()),
            _ => load_cohort_from(&source, Path::new(path), label).map(|_| ()),
        };
        if let Err(e) = result {
            check_error(&e, &[(path, &bytes)])?;
        }
    }

    #[test]
    fn arbitrary_text_shaped_like_ron_never_panics(
        text in "(Session|Deck|Cohort)?\\(?[a-z_: \"\\(\\)\\[\\],0-9\n{}]{0,120}",
    ) {
        let source = MemSource::new().with("s.ron", text.clone());
        for load in [0, 1, 2] {
            let label = "s.ron".to_string();
            let result = match load {
                0 => load_session_from(&source, Path::new("s.ron"), label).map(|_| ()),
                1 => load_deck_from(&source, Path::new("s.ron"), label).map(|_| ()),
                _ => load_cohort_from(&source, Path::new("s.ron"), label).map(|_| ()),
            };
            if let Err(e) = result {
                check_error(&e, &[("s.ron", text.as_bytes())])?;
            }
        }
    }

    #[test]
    fn mutated_valid_files_never_panic_and_errors_have_positions(
        which in 0..3usize,
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let mut texts = [SESSION.to_string(), COHORT.to_string(), DECK.to_string()];
        texts[which] = apply(&texts[which], &edits);
        let source = programme(texts[0].as_bytes(), texts[1].as_bytes(), texts[2].as_bytes());
        let result = load_session_from(&source, Path::new(SESSION_PATH), SESSION_PATH.to_string());
        let files: [(&str, &[u8]); 3] = [
            (SESSION_PATH, texts[0].as_bytes()),
            (COHORT_PATH, texts[1].as_bytes()),
            (DECK_PATH, texts[2].as_bytes()),
        ];
        if let Err(e) = result {
            check_error(&e, &files)?;
        }
    }
}

#[test]
fn the_unmutated_programme_loads() {
    let source = programme(SESSION.as_bytes(), COHORT.as_bytes(), DECK.as_bytes());
    let loaded = load_session_from(&source, Path::new(SESSION_PATH), SESSION_PATH.to_string());
    assert!(loaded.is_ok(), "{}", loaded.unwrap_err());
}
