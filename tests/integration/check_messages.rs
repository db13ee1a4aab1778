//! `regie check --lang nl|en` on slips a facilitator makes by hand: an unclosed string is
//! reported at its opening quote, a misspelt field of a block kind names the right one.

use crate::support::e2e::{outcome, regie, workspace as folder};
use regie::script::{MemSource, Source, load_session_from};
use std::path::Path;

/// `regie check` with the machine's locale cleared (Dutch unless `--lang` says otherwise).
fn check(dir: &Path, args: &[&str]) -> (i32, String, String) {
    outcome(regie().current_dir(dir).arg("check").args(args))
}

fn session(blocks: &str) -> String {
    format!("Session(\n    title: \"Dag 1\",\n    blocks: [\n{blocks}    ],\n)\n")
}

#[test]
fn check_an_unclosed_string_is_reported_at_its_quote_in_both_languages() {
    let open_title = "Session(\n    title: \"Dag 1,\n    blocks: [\n        (title: \"A\", minutes: 15, kind: Plenary),\n    ],\n)\n";
    let dir = folder(&[("dag.ron", open_title)]);
    let (code, _, err) = check(dir.path(), &["--lang", "en", "dag.ron"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("dag.ron:2:12: error: unclosed string"),
        "{err}"
    );
    let (code, out, err) = check(dir.path(), &["--lang", "nl", "dag.ron"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("dag.ron:2:12: fout: string niet afgesloten"),
        "{err}"
    );
    assert!(err.contains("tip: sluit de tekst af"), "{err}");
    assert_eq!(
        out,
        "1 bestand gecontroleerd: 0 goed, 1 met fouten (1 fout)\n"
    );
}

#[test]
fn check_an_unclosed_string_at_the_end_or_mid_line_is_found_too() {
    let at_end = "Session(\n    title: \"Dag 1\",\n    blocks: [(title: \"A\", minutes: 15, kind: Plenary)],\n    homework: \"Lees hoofdstuk 2\n)\n";
    let mid_line =
        session("        (title: \"Inloop, minutes: 15, kind: Plenary, notes: \"Eén zin\"),\n");
    let dir = folder(&[("eind.ron", at_end), ("midden.ron", &mid_line)]);
    let (code, _, err) = check(dir.path(), &["--lang", "en", "eind.ron"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("eind.ron:4:15: error: unclosed string"),
        "{err}"
    );
    let (code, _, err) = check(dir.path(), &["--lang", "en", "midden.ron"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("midden.ron:4:17: error: unclosed string"),
        "{err}"
    );
}

#[test]
fn check_a_misspelt_field_of_a_block_kind_names_the_right_one() {
    let round = session("        (title: \"Rondje\", minutes: 20, kind: Round(seconds: 20)),\n");
    // An optional field misspelt was silently ignored before: now it is an error too.
    let balance = session(
        "        (title: \"Groepen\", minutes: 40, kind: Breakout(size: 4, balans: [\"afdeling\"])),\n",
    );
    let dir = folder(&[("rondje.ron", &round), ("groepen.ron", &balance)]);
    let (code, _, err) = check(dir.path(), &["--lang", "en", "rondje.ron"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("rondje.ron:4:52: error: unknown field `seconds` in `Round`"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `seconds_each`?"), "{err}");
    let (code, _, err) = check(dir.path(), &["rondje.ron"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("rondje.ron:4:52: fout: onbekend veld `seconds` in `Round`"),
        "{err}"
    );
    assert!(err.contains("tip: bedoel je `seconds_each`?"), "{err}");
    let (code, _, err) = check(dir.path(), &["--lang", "nl", "groepen.ron"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("bedoel je `balance`?"), "{err}");
}

#[test]
fn check_a_missing_field_of_a_block_kind_says_which() {
    let dir = folder(&[(
        "dag.ron",
        &session("        (title: \"Rondje\", minutes: 20, kind: Round()),\n"),
    )]);
    let (code, _, err) = check(dir.path(), &["--lang", "en", "dag.ron"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("error: missing field `seconds_each` in `Round`"),
        "{err}"
    );
    let (_, _, err) = check(dir.path(), &["--lang", "nl", "dag.ron"]);
    assert!(
        err.contains("fout: veld `seconds_each` ontbreekt in `Round`"),
        "{err}"
    );
}

#[test]
fn check_summary_counts_in_both_languages() {
    let valid = session("        (title: \"A\", minutes: 15, kind: Plenary),\n");
    let dir = folder(&[("a.ron", &valid), ("b.ron", &valid)]);
    let (code, out, _) = check(dir.path(), &["--lang", "en", "a.ron"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "1 file checked: 1 valid, 0 with errors\n")
    );
    let (_, out, _) = check(dir.path(), &["--lang", "nl", "."]);
    assert_eq!(out, "2 bestanden gecontroleerd: 2 goed, 0 met fouten\n");
}

/// Where the strings of `text` are: (opening quote, closing quote) byte offsets.
fn strings(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open = None;
    let mut escaped = false;
    let mut comment = false;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if comment {
            comment = b != b'\n';
            continue;
        }
        match (open, b) {
            (None, b'/') if bytes.get(i + 1) == Some(&b'/') => comment = true,
            (None, b'"') => open = Some(i),
            (Some(_), b'\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(start), b'"') if !escaped => {
                out.push((start, i));
                open = None;
            }
            _ => {}
        }
        escaped = false;
    }
    out
}

/// 1-based line and character column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// Every string of every bundled session, its closing quote taken away: the error is
/// "unclosed string" at that string's opening quote whenever the next string starts with a
/// letter or digit (the usual case: a title, a note, a time).
#[test]
fn check_each_closing_quote_taken_away_is_found_at_its_opening_quote() {
    let mut tried = 0;
    for path in regie::bundled::session_files() {
        let label = regie::bundled::label(&path);
        let text = String::from_utf8(
            regie::bundled::BundledSource
                .read(&path)
                .expect("bundled file"),
        )
        .expect("UTF-8");
        let found = strings(&text);
        for (k, &(open, close)) in found.iter().enumerate() {
            let next_starts_with_a_word = found.get(k + 1).is_some_and(|&(o, _)| {
                text[o + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            });
            if !next_starts_with_a_word && k + 1 != found.len() {
                continue;
            }
            let broken = format!("{}{}", &text[..close], &text[close + 1..]);
            let source = MemSource::new().with("s.ron", broken.as_bytes());
            let error = load_session_from(&source, Path::new("s.ron"), "s.ron".to_string())
                .expect_err("a string without its end");
            let first = &error.diagnostics[0];
            assert_eq!(
                (
                    first.line,
                    first.column,
                    first.message.starts_with("unclosed string")
                ),
                {
                    let (l, c) = line_col(&broken, open);
                    (l, c, true)
                },
                "{label}, string {k}: {}",
                first.render(false)
            );
            tried += 1;
        }
    }
    assert!(tried > 200, "only {tried} strings tried");
}

#[test]
fn check_the_sessions_own_rules_speak_dutch_too() {
    let dir = folder(&[(
        "dag.ron",
        &session("        (title: \"Inloop\", minutes: 0, kind: Plenary),\n"),
    )]);
    let (code, _, err) = check(dir.path(), &["dag.ron"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("dag.ron:4:36: fout: blok `Inloop` duurt 0 minuten"),
        "{err}"
    );
    assert!(
        err.contains("tip: geef het een duur van minstens 1 minuut"),
        "{err}"
    );
    let (_, _, err) = check(dir.path(), &["--lang", "en", "dag.ron"]);
    assert!(
        err.contains("error: block `Inloop` lasts 0 minutes"),
        "{err}"
    );
    assert!(
        err.contains("help: give it a duration of at least 1 minute"),
        "{err}"
    );
}

#[test]
fn check_a_missing_deck_and_an_empty_file_speak_dutch() {
    let dilemmas = session(
        "        (title: \"Kaarten\", minutes: 30, kind: Dilemmas(deck: \"kaarten.ron\", draw: 2)),\n",
    );
    let dir = folder(&[("dag.ron", &dilemmas), ("leeg.ron", "")]);
    let (code, out, err) = check(dir.path(), &["--lang", "nl", "dag.ron", "leeg.ron"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("fout: deck-bestand `kaarten.ron`: bestand niet gevonden"),
        "{err}"
    );
    assert!(err.contains("tip: paden gaan uit van de map"), "{err}");
    assert!(
        err.contains("leeg.ron:1:1: fout: het bestand is leeg"),
        "{err}"
    );
    assert_eq!(
        out,
        "2 bestanden gecontroleerd: 0 goed, 2 met fouten (2 fouten)\n"
    );
}

#[test]
fn check_the_rules_of_decks_and_cohorts_speak_dutch_too() {
    let deck = "Deck(\n    title: \"\",\n    cards: [\n        (id: \"a\", title: \"Eén\", situation: \"S\", options: [\"ja\"]),\n        (id: \"a\", title: \"Twee\", situation: \"\", options: [\"ja\", \"\"]),\n    ],\n)\n";
    let cohort = "Cohort(\n    name: \"Groep\",\n    participants: [(name: \"Anouk\"), (name: \"Anouk\"), (name: \"Bram\")],\n    keep_apart: [(\"Anouk\", \"Brem\")],\n    keep_together: [(\"Bram\", \"Bram\")],\n    attendance_rule: Some(150),\n)\n";
    let dir = folder(&[("kaarten.ron", deck), ("cohort.ron", cohort)]);
    let (code, _, err) = check(dir.path(), &["--lang", "nl", "kaarten.ron", "cohort.ron"]);
    assert_eq!(code, 2, "{err}");
    for expected in [
        "kaarten.ron:2:12: fout: de titel van het deck is leeg",
        "fout: kaart `a` heeft 1 optie; een dilemma heeft er minstens twee nodig",
        "fout: kaart-id `a` komt twee keer voor in dit deck",
        "zie ook: hier voor het eerst gebruikt",
        "fout: kaart `a` heeft een lege situatie",
        "fout: optie 2 van kaart `a` is leeg",
        "cohort.ron:3:44: fout: deelnemer `Anouk` staat er twee keer",
        "tip: namen moeten uniek zijn",
        "fout: `Brem` in keep_apart is geen deelnemer van dit cohort",
        "tip: bedoel je `Bram`?",
        "fout: `Bram` staat in keep_together met zichzelf in een paar",
        "fout: een aanwezigheidsnorm van 150% is geen deel van de dagen",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    for english in [
        "error:",
        "help:",
        "note:",
        " is empty",
        "twice",
        "did you mean",
    ] {
        assert!(!err.contains(english), "English {english:?} in:\n{err}");
    }
}
