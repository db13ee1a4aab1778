//! What organisers hand in: private notes left out of every format unless asked, the CSV
//! dialects byte for byte, durations in minutes, and the workbook read back with calamine.

use crate::review_logs;

use assert_cmd::Command;
use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
use review_logs::{PEOPLE, day_log, programme_folder, write_log};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Words that only occur in the fixture's private notes (block notes and card notes).
const NOTE_WORDS: [&str; 2] = ["schuurt", "wisselde na het gesprek"];
/// Words of an outcome and a takeaway: what the room decided stays in every report.
const KEPT_WORDS: [&str; 2] = ["Gesprek eerst", "Eerst vragen, dan pas wegen"];
const TABLES: [&str; 10] = [
    "sessions",
    "blocks",
    "dilemmas",
    "groups",
    "attendance",
    "notes",
    "wishes",
    "evaluations",
    "answers",
    "grades",
];

fn regie() -> Command {
    let mut cmd = Command::cargo_bin("regie").expect("binary");
    cmd.env_remove("REGIE_LOG_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_NL.UTF-8");
    cmd
}

fn report(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = regie()
        .arg("report")
        .args(args)
        .output()
        .expect("run regie");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(args: &[&str]) -> Vec<u8> {
    let (code, out, err) = report(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn three_days() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    programme_folder(dir.path(), 3, true);
    dir
}

/// Every cell of every sheet of a workbook as text, and the sheet names.
fn workbook_text(file: &Path) -> (Vec<String>, String) {
    let mut book: Xlsx<_> = open_workbook(file).expect("a workbook calamine opens");
    let names = book.sheet_names();
    let mut text = String::new();
    for name in &names {
        let range = book.worksheet_range(name).expect("sheet");
        for row in range.rows() {
            for cell in row {
                text.push_str(&cell.to_string());
                text.push('\t');
            }
            text.push('\n');
        }
    }
    (names, text)
}

fn workbook(dir: &Path, extra: &[&str]) -> PathBuf {
    let file = dir.join(format!("rapport-{}.xlsx", extra.join("").replace('-', "")));
    let mut args = vec![path(dir), "--format", "xlsx", "--output", path(&file)];
    args.extend_from_slice(extra);
    assert!(ok(&args).is_empty(), "nothing on stdout");
    file
}

/// Every output of every format (Markdown, each CSV table in both dialects, the workbook).
fn every_format<'a>(dir: &'a Path, extra: &[&'a str]) -> String {
    let mut all = String::new();
    let with = |args: &[&'a str]| -> Vec<&'a str> { [args, extra].concat() };
    all.push_str(&String::from_utf8(ok(&with(&[path(dir)]))).expect("utf-8"));
    for table in TABLES {
        for dialect in ["standard", "excel-nl"] {
            let args = with(&[
                path(dir),
                "--format",
                "csv",
                "--table",
                table,
                "--csv-dialect",
                dialect,
            ]);
            all.push_str(&String::from_utf8(ok(&args)).expect("utf-8"));
        }
    }
    all.push_str(&workbook_text(&workbook(dir, extra)).1);
    all
}

#[test]
fn private_notes_are_in_no_format_unless_asked_for() {
    let dir = three_days();
    let all = every_format(dir.path(), &[]);
    for words in NOTE_WORDS {
        assert!(!all.contains(words), "note text {words:?} leaked");
    }
    for words in KEPT_WORDS {
        assert!(
            all.contains(words),
            "{words:?} (outcome/takeaway) must stay"
        );
    }
    let with = every_format(dir.path(), &["--with-notes"]);
    for words in NOTE_WORDS {
        assert!(with.contains(words), "--with-notes shows {words:?}");
    }
}

#[test]
fn anonymised_notes_name_nobody() {
    let dir = three_days();
    let all = every_format(dir.path(), &["--with-notes", "--anonymise"]);
    assert!(all.contains("schuurt"), "the notes are in");
    for name in PEOPLE {
        assert!(!all.contains(name), "{name} left in");
    }
    assert!(!all.contains("dag-1"), "log file names name the session");
}

#[test]
fn markdown_durations_read_as_minutes() {
    let dir = three_days();
    let md = String::from_utf8(ok(&[path(dir.path())])).expect("utf-8");
    let row = md
        .lines()
        .find(|l| l.starts_with("| Inloop en check-in |"))
        .expect("timeline row");
    assert!(row.contains("| Plenair | 15 min |"), "{row}");
    assert!(!row.contains("15:00"), "{row}");
    assert!(md.contains(" min |"), "the overview in minutes");
}

#[test]
fn csv_dialects_byte_for_byte() {
    let dir = three_days();
    let args = |dialect: &'static str| {
        ok(&[
            path(dir.path()),
            "--format",
            "csv",
            "--table",
            "blocks",
            "--csv-dialect",
            dialect,
        ])
    };
    let standard = args("standard");
    let head = "session,started,block,kind,planned_minutes,actual_minutes,";
    assert!(standard.starts_with(head.as_bytes()), "no byte-order mark");
    assert!(!standard.starts_with(b"\xEF\xBB\xBF"));
    let nl = args("excel-nl");
    assert!(nl.starts_with(b"\xEF\xBB\xBFsession;started;block;kind;planned_minutes;"));
    let text = String::from_utf8(nl[3..].to_vec()).expect("utf-8");
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches("\r\n").count(),
        text.matches('\n').count(),
        "every line ends in CRLF"
    );
    let first: Vec<&str> = text.lines().nth(1).expect("row").split(';').collect();
    assert_eq!(first[2], "Inloop en check-in");
    assert_eq!(first[4], "15", "minutes as a plain number");
    // Decimal minutes use a comma in Dutch Excel, a point in the standard dialect.
    assert!(
        text.lines()
            .skip(1)
            .any(|l| l.split(';').nth(5).is_some_and(|m| m.contains(','))),
        "{text}"
    );
    let plain = String::from_utf8(standard).expect("utf-8");
    assert!(!plain.contains(";"), "{plain}");
    // The default is the standard dialect.
    let default = ok(&[path(dir.path()), "--format", "csv", "--table", "blocks"]);
    assert_eq!(default, plain.into_bytes());
}

#[test]
fn the_workbook_has_typed_sheets_and_the_attendance_rule() {
    let dir = three_days();
    let file = workbook(dir.path(), &["--attendance-rule", "75"]);
    let mode = std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let mut book: Xlsx<_> = open_workbook(&file).expect("open");
    assert_eq!(
        book.sheet_names(),
        [
            "sessions",
            "blocks",
            "dilemmas",
            "groups",
            "attendance",
            "evaluations",
            "grades",
            "answers",
            "wishes",
            "harvest"
        ],
        "no notes sheet without --with-notes"
    );
    let blocks = book.worksheet_range("blocks").expect("blocks");
    let head: Vec<String> = blocks
        .rows()
        .next()
        .expect("head")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(head[4], "planned_minutes");
    let first = blocks.rows().nth(1).expect("row");
    assert_eq!(first[4], Data::Float(15.0), "minutes are numbers");
    assert!(
        matches!(first[1], Data::DateTime(_)),
        "start is an Excel time: {:?}",
        first[1]
    );
    if let Data::DateTime(t) = &first[1] {
        let day_fraction = t.as_f64().fract();
        assert!(
            (day_fraction - (9.0 * 60.0 + 32.0) / 1440.0).abs() < 1e-6,
            "09:32"
        );
    }
    let sessions = book.worksheet_range("sessions").expect("sessions");
    let day = sessions.rows().nth(1).expect("row");
    assert!(
        matches!(day[3], Data::DateTime(_)),
        "created is a date: {:?}",
        day[3]
    );
    assert_eq!(day[9], Data::Bool(true));

    let attendance = book.worksheet_range("attendance").expect("attendance");
    let rows: Vec<&[Data]> = attendance.rows().collect();
    let head: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        head,
        [
            "programme",
            "name",
            "day_1",
            "day_2",
            "day_3",
            "days_present",
            "days",
            "percentage",
            "rule_met"
        ]
    );
    // Who missed a day: 2 of 3 is 67%, under the rule of 75%; everyone else meets it.
    let absent_on = |d: usize| -> Vec<String> {
        day_log(d, d != 2, 42)
            .attendance
            .iter()
            .map(|m| m.name.clone())
            .collect()
    };
    for row in &rows[1..] {
        let name = row[1].to_string();
        let missed = (0..3).filter(|&d| absent_on(d).contains(&name)).count();
        assert_eq!(row[5], Data::Float((3 - missed) as f64), "{name}");
        let share = (3 - missed) as f64 / 3.0;
        assert!(
            (row[7].get_float().unwrap_or(-1.0) - share).abs() < 1e-9,
            "{name}: {:?}",
            row[7]
        );
        assert_eq!(row[8], Data::Bool(missed == 0), "{name} missed {missed}");
    }
    assert!(
        rows[1..].iter().any(|r| r[8] == Data::Bool(false)),
        "the fixture has someone under the rule"
    );
    let evaluations = book.worksheet_range("evaluations").expect("evaluations");
    assert_eq!(
        evaluations.rows().count(),
        1,
        "headers only: the fixture's days have no Evaluation block"
    );
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut log = day_log(0, true, 42);
    log.blocks[0].title = "=HYPERLINK(\"http://example.invalid\",\"klik\")".to_string();
    log.blocks[2].cards[0].outcome = Some("+31 6 12345678 bellen".to_string());
    log.blocks[5].takeaways[1].text = "@SUM(A1:A9)".to_string();
    log.blocks[3].title = "-2+3".to_string();
    write_log(dir.path(), &log);
    let file = workbook(dir.path(), &[]);
    let mut book: Xlsx<_> = open_workbook(&file).expect("open");
    for sheet in book.sheet_names() {
        let formulas = book.worksheet_formula(&sheet).expect("formulas");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} has a formula"
        );
    }
    let blocks = book.worksheet_range("blocks").expect("blocks");
    let titles: Vec<Data> = blocks.rows().skip(1).map(|r| r[2].clone()).collect();
    assert!(titles.contains(&Data::String(log.blocks[0].title.clone())));
    assert!(titles.contains(&Data::String("-2+3".to_string())));
    let harvest = workbook_text(&file).1;
    assert!(harvest.contains("@SUM(A1:A9)") && harvest.contains("+31 6 12345678"));
    // Dutch Excel's CSV: a leading ' keeps it text there too.
    let csv = ok(&[
        path(dir.path()),
        "--format",
        "csv",
        "--table",
        "blocks",
        "--csv-dialect",
        "excel-nl",
    ]);
    let csv = String::from_utf8(csv).expect("utf-8");
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(csv.contains(";'-2+3;"), "{csv}");
}

#[test]
fn a_workbook_needs_an_output_file_and_bad_combinations_exit_2() {
    let dir = three_days();
    let (code, out, err) = report(&[path(dir.path()), "--format", "xlsx"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("--output"), "{err}");
    let (code, _, err) = report(&[path(dir.path()), "--csv-dialect", "excel-nl"]);
    assert_eq!(code, 2);
    assert!(err.contains("--csv-dialect"), "{err}");
    let (code, _, _) = report(&[path(dir.path()), "--attendance-rule", "150"]);
    assert_eq!(code, 2);
    let (code, _, err) = report(&[path(dir.path()), "--format", "xlsx", "--table", "blocks"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn the_notes_sheet_is_there_with_notes() {
    let dir = three_days();
    let file = workbook(dir.path(), &["--with-notes"]);
    let (names, text) = workbook_text(&file);
    assert_eq!(names.last().map(String::as_str), Some("notes"));
    assert!(text.contains("card_note"));
}
