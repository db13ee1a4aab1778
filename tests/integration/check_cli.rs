//! `regie check` end to end on the real binary: exit codes, `file:line:` on stderr for each
//! kind of bad file, the summary on stdout, folders searched recursively.

use crate::common;

use assert_cmd::Command;
use common::{FIXTURES, Programme};
use std::path::Path;

/// The binary with an English locale (without one `regie check` speaks Dutch, see
/// check_messages.rs).
fn regie() -> Command {
    let mut command = Command::cargo_bin("regie").expect("the regie binary");
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_GB.UTF-8");
    command
}

/// Each kind of bad file, with the line its first error is on.
const BAD_FILES: &[(&str, usize, &str)] = &[
    ("syntax.ron", 5, "expected comma"),
    ("unknown-field.ron", 4, "unknown field `minuten`"),
    ("unknown-kind.ron", 4, "unknown block kind `Plenair`"),
    ("wrong-type.ron", 4, "expected integer"),
    ("missing-deck.ron", 5, "file not found"),
    ("zero-minutes.ron", 4, "lasts 0 minutes"),
    ("too-long.ron", 4, "the limit is 720"),
    ("no-blocks.ron", 3, "no blocks"),
    ("bad-start.ron", 3, "HH:MM"),
    ("breakout-size.ron", 4, "smallest size is 2"),
    ("round-zero.ron", 4, "at least 1 second"),
    ("one-option.ron", 5, "at least two"),
    ("duplicate-card.ron", 5, "used twice"),
    ("duplicate-participant.ron", 5, "listed twice"),
    ("keep-apart-unknown.ron", 5, "not a participant"),
    ("empty.ron", 1, "the file is empty"),
    ("latin1.ron", 2, "not valid UTF-8"),
    (
        "unknown-top-level.ron",
        2,
        "expected `Session(`, `Deck(` or `Cohort(`",
    ),
];

#[test]
fn each_kind_of_bad_file_exits_2_and_names_file_and_line() {
    let invalid = Path::new(FIXTURES).join("invalid");
    for (name, line, message) in BAD_FILES {
        let path = invalid.join(name);
        let out = regie().arg("check").arg(&path).output().expect("run regie");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}:\n{stderr}");
        let first = stderr.lines().next().unwrap_or_default();
        let prefix = format!("{}:{line}:", path.display());
        assert!(
            first.starts_with(&prefix),
            "{name}: `{first}` should start with `{prefix}`"
        );
        assert!(first.contains(": error: "), "{name}: {first}");
        assert!(
            first.contains(message),
            "{name}: `{first}` should say `{message}`"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            stdout, "1 file checked: 0 valid, 1 with errors (1 error)\n",
            "{name}"
        );
    }
}

#[test]
fn every_bad_fixture_is_in_the_table() {
    let mut names: Vec<String> = std::fs::read_dir(Path::new(FIXTURES).join("invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut table: Vec<String> = BAD_FILES.iter().map(|(n, _, _)| n.to_string()).collect();
    table.sort();
    assert_eq!(names, table);
}

#[test]
fn valid_files_exit_0_with_the_summary_on_stdout() {
    regie()
        .args(["check", &format!("{FIXTURES}/valid")])
        .assert()
        .code(0)
        .stdout("3 files checked: 3 valid, 0 with errors\n")
        .stderr("");
}

#[test]
fn folders_are_searched_recursively_and_all_errors_reported() {
    let out = regie()
        .args(["check", FIXTURES])
        .output()
        .expect("run regie");
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        format!(
            "{} files checked: 3 valid, {} with errors ({} errors)\n",
            3 + BAD_FILES.len(),
            BAD_FILES.len(),
            BAD_FILES.len()
        )
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (name, line, _) in BAD_FILES {
        assert!(
            stderr.contains(&format!("{name}:{line}:")),
            "{name} missing from:\n{stderr}"
        );
    }
}

#[test]
fn plain_output_when_not_a_terminal() {
    let out = regie()
        .args(["check", &format!("{FIXTURES}/invalid/syntax.ron")])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    assert!(stderr.contains("5 │         (title: \"Oogst\""), "{stderr}");
    assert!(stderr.contains("help: separate fields"), "{stderr}");
}

#[test]
fn a_path_that_does_not_exist_is_bad_input() {
    let out = regie().args(["check", "no/such/dag.ron"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("no/such/dag.ron: error: no such file or folder"),
        "{stderr}"
    );
}

#[test]
fn check_needs_a_path() {
    regie().arg("check").assert().code(2);
}

#[test]
fn a_broken_deck_found_twice_is_one_error() {
    let p = Programme::new();
    p.edit("decks/kaarten.ron", "id: \"termijn\"", "id: \"moestuin\"");
    let out = regie().arg("check").arg(p.dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The session is invalid through its deck; the error itself is counted once.
    assert_eq!(
        stdout,
        "3 files checked: 1 valid, 2 with errors (1 error)\n"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches(": error: ").count(), 1, "{stderr}");
}
