//! Learning wishes typed from the keyboard on two days reach review and every export format
//! (Markdown, CSV in both dialects, the workbook read back with calamine); `--anonymise` takes
//! every name out of them.

use crate::support;
use crate::wishes_flow::{first_day, second_day};

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use regie::journal::writer::write_atomic;
use std::path::Path;
use support::fixtures::{NAMES, at};

const WISHES: [&str; 4] = [
    "Beter leren delegeren",
    "Tegenspraak durven geven",
    "Eerste taak overgedragen",
    "Wil leren onderhandelen",
];

fn two_days() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let day1 = first_day(at("09:35:00"));
    let day2 = second_day(&day1);
    write_atomic(&dir.path().join("2026-11-23-0935-dag-1.ron"), &day1).unwrap();
    write_atomic(&dir.path().join("2026-11-30-0935-dag-2.ron"), &day2).unwrap();
    dir
}

/// `regie report DIR ARGS` in Dutch: its standard output (the run must succeed).
pub fn report(dir: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("regie")
        .expect("binary")
        .env_remove("REGIE_LOG_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_NL.UTF-8")
        .arg("report")
        .arg(dir)
        .args(args)
        .output()
        .expect("run regie");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The wishes sheet of the workbook `regie report` writes, every cell as calamine reads it.
fn wishes_sheet(dir: &Path, extra: &[&str]) -> Vec<Vec<Data>> {
    let file = dir.join(format!("rapport{}.xlsx", extra.len()));
    let mut args = vec!["--format", "xlsx", "--output", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    report(dir, &args);
    let mut book: Xlsx<_> = open_workbook(&file).expect("a workbook calamine opens");
    let range = book.worksheet_range("wishes").expect("a wishes sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn wishes_typed_on_two_days_are_in_markdown_csv_and_the_workbook() {
    let dir = two_days();
    let markdown = report(dir.path(), &[]);
    assert!(markdown.contains("### Leerwensen"), "{markdown}");
    // The programme's table: the wish from day 1 beside where Chloë stood on day 2.
    assert!(
        markdown.contains("| Chloë de W. | Beter leren delegeren |  | Eerste taak overgedragen |"),
        "{markdown}"
    );
    for wish in WISHES {
        assert!(markdown.contains(wish), "{wish} missing from Markdown");
    }
    let csv = report(dir.path(), &["--format", "csv", "--table", "wishes"]);
    assert!(csv.starts_with("session,name,wish,stand\r\n"), "{csv}");
    assert!(
        csv.contains(",Chloë de W.,,Eerste taak overgedragen\r\n"),
        "{csv}"
    );
    let excel = report(
        dir.path(),
        &[
            "--format",
            "csv",
            "--table",
            "wishes",
            "--csv-dialect",
            "excel-nl",
        ],
    );
    assert!(excel.starts_with("\u{feff}session;name;wish;stand\r\n"));
    assert!(
        excel.contains(";Ismaïl A.;Tegenspraak durven geven;\r\n"),
        "{excel}"
    );

    let rows = wishes_sheet(dir.path(), &[]);
    assert_eq!(
        rows[0],
        ["session", "name", "wish", "stand"].map(|h| Data::String(h.into()))
    );
    let chloe: Vec<&Vec<Data>> = rows
        .iter()
        .filter(|r| r[1] == Data::String("Chloë de W.".into()))
        .collect();
    assert_eq!(chloe.len(), 2, "one row per day: {rows:?}");
    assert_eq!(chloe[0][2], Data::String("Beter leren delegeren".into()));
    assert_eq!(chloe[1][3], Data::String("Eerste taak overgedragen".into()));
}

#[test]
fn anonymised_reports_keep_the_wishes_and_name_nobody() {
    let dir = two_days();
    let mut all = report(dir.path(), &["--anonymise"]);
    for dialect in ["standard", "excel-nl"] {
        all.push_str(&report(
            dir.path(),
            &[
                "--format",
                "csv",
                "--table",
                "wishes",
                "--csv-dialect",
                dialect,
                "--anonymise",
            ],
        ));
    }
    for row in wishes_sheet(dir.path(), &["--anonymise"]) {
        for cell in row {
            all.push_str(&cell.to_string());
            all.push('\t');
        }
    }
    for name in NAMES {
        assert!(!all.contains(name), "{name} in an anonymised report");
    }
    for wish in WISHES {
        assert!(all.contains(wish), "{wish} missing");
    }
    assert!(
        all.contains("Deelnemer 0"),
        "pseudonyms stand in for the names"
    );
}

/// The text of the review screen's lines for session `i` or programme `i`.
pub fn screen_text(review: regie::review::Review, programme: bool, i: usize) -> String {
    use regie::tui::review::{ReviewApp, programme as programme_screen, session};
    use regie::tui::{Theme, ThemeName};
    let app = ReviewApp::new(review, regie::i18n::Lang::Nl, Theme::named(ThemeName::Dark));
    let (_, lines) = if programme {
        programme_screen::lines(&app, i, 100)
    } else {
        session::lines(&app, i, 100)
    };
    lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

#[test]
fn the_review_screens_show_each_days_wishes_and_the_programmes_wishes_per_day() {
    let dir = two_days();
    let loaded = regie::review::load(&[dir.path().to_path_buf()]).expect("logs");
    let review = regie::review::Review::build(loaded);
    assert_eq!(review.programmes.len(), 1, "two days of one programme");
    let day2 = screen_text(review, false, 1);
    assert!(day2.contains("Leerwensen"), "{day2}");
    assert!(
        day2.contains("Chloë de W.: Waar sta je nu: Eerste taak overgedragen"),
        "{day2}"
    );
    let loaded = regie::review::load(&[dir.path().to_path_buf()]).expect("logs");
    let programme = screen_text(regie::review::Review::build(loaded), true, 0);
    assert!(
        programme
            .contains("Chloë de W.: Beter leren delegeren\n    Dag 2: Eerste taak overgedragen"),
        "{programme}"
    );
}
