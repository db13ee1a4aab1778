//! `regie report` over generated logs: every CSV table's header and rows, the Markdown report,
//! pseudonyms that leave no name behind, corrupt and unfinished logs, bad input, mode 0600.

use crate::review_logs;

use assert_cmd::Command;
use review_logs::{PEOPLE, day_log, programme_folder, write_log};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn regie() -> Command {
    let mut cmd = Command::cargo_bin("regie").expect("binary");
    cmd.env_remove("REGIE_LOG_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_NL.UTF-8");
    cmd
}

fn report(args: &[&str]) -> (i32, String, String) {
    let out = regie()
        .arg("report")
        .args(args)
        .output()
        .expect("run regie");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Parse RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

fn table(dir: &Path, name: &str) -> Vec<Vec<String>> {
    table_with(dir, name, &[])
}

fn table_with(dir: &Path, name: &str, extra: &[&str]) -> Vec<Vec<String>> {
    let mut args = vec![path(dir), "--format", "csv", "--table", name];
    args.extend_from_slice(extra);
    let (code, out, err) = report(&args);
    assert_eq!(code, 0, "{err}");
    let rows = parse_csv(&out);
    let width = rows[0].len();
    for row in &rows {
        assert_eq!(
            row.len(),
            width,
            "every row of {name} has every column: {row:?}"
        );
    }
    rows
}

fn three_days() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    programme_folder(dir.path(), 3, true);
    dir
}

#[test]
fn blocks_has_one_row_per_block_with_planned_and_actual_minutes() {
    let dir = three_days();
    let rows = table(dir.path(), "blocks");
    assert_eq!(
        rows[0][..6],
        [
            "session",
            "started",
            "block",
            "kind",
            "planned_minutes",
            "actual_minutes"
        ]
    );
    assert_eq!(rows.len(), 1 + 3 * 6);
    let log = day_log(0, true, 42);
    let first = &rows[1];
    assert_eq!(first[0], "2026-09-01-0925-dag-1");
    assert_eq!(first[2], "Inloop en check-in");
    assert_eq!(first[3], "Plenary");
    assert_eq!(first[4], "15", "minutes as a plain number, never 15:00");
    let runs: i64 = log.blocks[0]
        .runs
        .iter()
        .map(|r| (r.to.expect("closed") - r.from).num_seconds())
        .sum();
    let minutes = (runs as f64 / 6.0).round() / 10.0;
    assert_eq!(first[5].parse::<f64>().expect("a number"), minutes);
    // The crashed day's last block never started: no start time, zero seconds.
    let last = rows.last().expect("rows");
    assert_eq!((last[1].as_str(), last[5].as_str()), ("", "0"));
}

#[test]
fn dilemmas_has_one_row_per_option_with_votes_and_revotes() {
    let dir = three_days();
    let rows = table(dir.path(), "dilemmas");
    assert_eq!(
        rows[0],
        [
            "session", "block", "card", "option", "text", "votes", "revotes"
        ]
    );
    // Two cards of three options on each of three days.
    assert_eq!(rows.len(), 1 + 3 * 2 * 3);
    let log = day_log(0, true, 42);
    let card = &log.blocks[2].cards[0];
    let revotes = card.revotes.as_ref().expect("revote");
    for (i, row) in rows[1..4].iter().enumerate() {
        assert_eq!(row[2], "speeltuin");
        assert_eq!(row[3], (i + 1).to_string());
        assert_eq!(row[4], card.options[i], "commas and quotes survive quoting");
        assert_eq!(row[5], card.votes[i].to_string());
        assert_eq!(row[6], revotes[i].to_string());
    }
    // The second card had no revote: the column is empty, not zero.
    assert_eq!(rows[4][2], "wethouder");
    assert_eq!(rows[4][6], "");
}

#[test]
fn groups_lists_every_person_of_every_split_and_marks_the_kept_one() {
    let dir = three_days();
    let rows = table(dir.path(), "groups");
    assert_eq!(
        rows[0],
        ["session", "block", "round", "group", "name", "kept"]
    );
    let mut expected = 0;
    for d in 0..3 {
        let log = day_log(d, d != 2, 42);
        for split in &log.blocks[4].splits {
            expected += split.groups.iter().map(Vec::len).sum::<usize>();
        }
    }
    assert_eq!(rows.len() - 1, expected);
    assert!(rows[1..].iter().all(|r| PEOPLE.contains(&r[4].as_str())));
    assert!(rows[1..].iter().any(|r| r[5] == "true"));
}

#[test]
fn attendance_has_everyone_per_session_and_who_was_absent() {
    let dir = three_days();
    let rows = table(dir.path(), "attendance");
    assert_eq!(rows[0], ["session", "name", "present"]);
    assert_eq!(rows.len(), 1 + 3 * PEOPLE.len());
    let log = day_log(0, true, 42);
    let absent: Vec<&str> = log.attendance.iter().map(|m| m.name.as_str()).collect();
    for row in &rows[1..=PEOPLE.len()] {
        let expect = if absent.contains(&row[1].as_str()) {
            "false"
        } else {
            "true"
        };
        assert_eq!(row[2], expect, "{row:?}");
    }
}

#[test]
fn notes_keep_line_breaks_and_quotes_inside_one_field() {
    let dir = three_days();
    let rows = table_with(dir.path(), "notes", &["--with-notes"]);
    assert_eq!(rows[0], ["session", "block", "card", "kind", "at", "text"]);
    let first = &rows[1];
    assert_eq!(first[3], "note");
    assert!(
        first[5].contains("\"kan het, ook als het schuurt?\"\nDoorvragen"),
        "{first:?}"
    );
    let kinds: Vec<&str> = rows[1..].iter().map(|r| r[3].as_str()).collect();
    for kind in ["note", "card_note", "outcome", "takeaway"] {
        assert!(kinds.contains(&kind), "{kind} missing: {kinds:?}");
    }
}

#[test]
fn sessions_marks_the_crashed_day_unfinished() {
    let dir = three_days();
    let rows = table(dir.path(), "sessions");
    assert_eq!(rows.len(), 4);
    let finished: Vec<&str> = rows[1..].iter().map(|r| r[9].as_str()).collect();
    assert_eq!(finished, ["true", "true", "false"]);
}

#[test]
fn markdown_report_shows_the_programme_and_each_day() {
    let dir = three_days();
    let (code, out, err) = report(&[path(dir.path())]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("# Evaluatie: leergang-ambtelijk-vakmanschap"),
        "{out}"
    );
    for heading in [
        "## Overzicht",
        "### Aanwezigheid",
        "### Wie werkte met wie",
        "### Tijddiscipline per soort blok",
        "### Tijdlijn",
        "#### De speeltuin zonder vergunning",
    ] {
        assert!(out.contains(heading), "{heading} missing");
    }
    assert_eq!(out.matches("## Sessie: Dag ").count(), 3);
    assert!(
        out.contains("| ONAF |"),
        "the crashed day is marked in the overview"
    );
    assert!(out.contains('▓'), "an overrun shows in the timeline bars");
    let english = report(&[path(dir.path()), "--lang", "en"]).1;
    assert!(english.contains("## Overview") && english.contains("UNFINISHED"));
}

fn assert_no_names(text: &str) {
    for name in PEOPLE {
        assert!(!text.contains(name), "{name} left in:\n{text}");
        let first = name.split_whitespace().next().expect("first name");
        let found = text
            .match_indices(first)
            .any(|(i, _)| !text[i + first.len()..].starts_with(|c: char| c.is_alphanumeric()));
        assert!(!found, "first name {first} left in:\n{text}");
    }
}

#[test]
fn anonymise_leaves_no_name_in_any_output_and_keeps_pseudonyms_stable() {
    let dir = three_days();
    let mut all = String::new();
    let (code, markdown, _) = report(&[path(dir.path()), "--anonymise", "--with-notes"]);
    assert_eq!(code, 0);
    assert_no_names(&markdown);
    all.push_str(&markdown);
    for name in [
        "sessions",
        "blocks",
        "dilemmas",
        "groups",
        "attendance",
        "notes",
    ] {
        let (code, out, _) = report(&[
            path(dir.path()),
            "--format",
            "csv",
            "--table",
            name,
            "--anonymise",
            "--with-notes",
        ]);
        assert_eq!(code, 0);
        assert_no_names(&out);
        all.push_str(&out);
    }
    assert!(all.contains("Deelnemer 01"));
    // The same person has the same pseudonym on every day.
    let rows = parse_csv(
        &report(&[
            path(dir.path()),
            "--format",
            "csv",
            "--table",
            "attendance",
            "--anonymise",
        ])
        .1,
    );
    for day in 0..3 {
        assert_eq!(rows[1 + day * PEOPLE.len()][1], "Deelnemer 01");
        assert_eq!(rows[15 + day * PEOPLE.len()][1], "Deelnemer 15");
    }
}

#[test]
fn a_corrupt_log_is_named_with_its_line_and_the_rest_is_reported() {
    let dir = three_days();
    std::fs::write(
        dir.path().join("2026-10-01-0900-kapot.ron"),
        "SessionLog(\n  format: 1,\n  session: ]\n",
    )
    .expect("write");
    let (code, out, err) = report(&[path(dir.path()), "--format", "csv", "--table", "sessions"]);
    assert_eq!(code, 0);
    assert!(err.contains("2026-10-01-0900-kapot.ron:3:"), "{err}");
    assert_eq!(parse_csv(&out).len(), 4);
    let (_, markdown, _) = report(&[path(dir.path())]);
    assert!(
        markdown.contains("kapot.ron:3:"),
        "the report lists the skipped log"
    );
}

#[test]
fn a_log_of_the_first_format_without_later_fields_still_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = r#"SessionLog(
    format: 1,
    session: (title: "Oude dag", file: "oud.ron"),
    created: "2025-03-04T09:00:00+01:00",
    current: 0,
    blocks: [(title: "Welkom", kind: "Plenary", planned_seconds: 600,
              runs: [(from: "2025-03-04T09:01:00+01:00", to: Some("2025-03-04T09:13:00+01:00"))])],
)"#;
    std::fs::write(dir.path().join("oud.ron"), old).expect("write");
    let rows = parse_csv(
        &report(&[
            path(&dir.path().join("oud.ron")),
            "--format",
            "csv",
            "--table",
            "blocks",
        ])
        .1,
    );
    assert_eq!(rows[1][2], "Welkom");
    assert_eq!(rows[1][5], "12");
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    let dir = three_days();
    let (code, _, err) = report(&["bestaat/niet"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bestaat/niet") && err.contains("no such file"),
        "{err}"
    );
    let (code, _, err) = report(&[path(dir.path()), "--format", "csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("--table"), "{err}");
    let (code, _, err) = report(&[path(dir.path()), "--table", "groups"]);
    assert_eq!(code, 2, "{err}");
    let empty = tempfile::tempdir().expect("temp dir");
    let (code, _, err) = report(&[path(empty.path())]);
    assert_eq!(code, 2);
    assert!(err.contains("no readable session logs"), "{err}");
    let (code, _, _) = report(&[path(dir.path()), "--format", "pdf"]);
    assert_eq!(code, 2);
    let out = dir.path().join("nergens/rapport.md");
    let (code, _, err) = report(&[path(dir.path()), "--output", path(&out)]);
    assert_eq!(code, 2);
    assert!(err.contains("rapport.md"), "{err}");
}

#[test]
fn output_files_are_readable_by_their_owner_only() {
    let dir = three_days();
    let out = dir.path().join("rapport.csv");
    std::fs::write(&out, "oud").expect("write");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let (code, stdout, _) = report(&[
        path(dir.path()),
        "--format",
        "csv",
        "--table",
        "groups",
        "--output",
        path(&out),
    ]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty());
    let mode = std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let fresh = dir.path().join("nieuw.md");
    assert_eq!(report(&[path(dir.path()), "--output", path(&fresh)]).0, 0);
    let mode = std::fs::metadata(&fresh)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        std::fs::read_to_string(&fresh)
            .expect("read")
            .contains("# Evaluatie")
    );
}

#[test]
fn one_log_file_and_a_folder_can_be_given_together_without_doubles() {
    let dir = three_days();
    let extra = tempfile::tempdir().expect("temp dir");
    let lone = write_log(extra.path(), &day_log(9, true, 7));
    let first = dir.path().join("2026-09-01-0925-dag-1.ron");
    let rows = parse_csv(
        &report(&[
            path(dir.path()),
            path(&lone),
            path(&first),
            "--format",
            "csv",
            "--table",
            "sessions",
        ])
        .1,
    );
    assert_eq!(rows.len(), 1 + 4);
}
