//! Evaluations in review and every export: the grade per day (average, count, spread), tops and
//! tips on the session screen, the trend over the days on the programme screen, and the forms
//! in Markdown, both CSV dialects and the workbook (read back with calamine).

use crate::support;
use crate::wishes_exports::{report, screen_text};

use calamine::{Data, Reader, Xlsx, open_workbook};
use regie::engine::record::{Answer, Form, FormSource, OpenAnswer, SessionLog};
use regie::engine::{Command as EngineCommand, Engine, ProgrammeHistory};
use regie::journal::writer::write_atomic;
use regie::script::{AnswerKind, BlockKind, LoadedSession, Question};
use std::path::Path;
use support::fixtures::{at, script};

/// The fixture day with an evaluation (grade, top and tip, a 1-5 scale and an open question)
/// in place of its harvest.
pub fn evaluated_script(source: &str) -> LoadedSession {
    let mut script = script();
    script.source = source.to_string();
    let last = script.session.blocks.len() - 1;
    script.session.blocks[last].title = "Evaluatie van de dag".to_string();
    script.session.blocks[last].kind = BlockKind::Evaluation {
        grade: true,
        top_and_tip: true,
        questions: vec![
            Question {
                text: "Het tempo was goed".to_string(),
                answer: AnswerKind::Scale { to: 5 },
            },
            Question {
                text: "Wat mis je nog?".to_string(),
                answer: AnswerKind::Open,
            },
        ],
    };
    script
}

/// Day `day` (0-based, a week apart) run to its evaluation, with these paper forms:
/// (grade, top, tip, tempo).
fn day_with_forms(day: i64, forms: &[(u8, &str, &str, u8)]) -> SessionLog {
    let start = at("09:35:00") + chrono::Duration::days(7 * day);
    let source = format!("sessions/leergang/dag-{}.ron", day + 1);
    let mut engine = Engine::new(
        evaluated_script(&source),
        ProgrammeHistory::default(),
        start,
    );
    engine.apply(EngineCommand::StartPause, start).unwrap();
    let mut log = engine.log().clone();
    log.session.identity.session = format!("leergang/dag-{}", day + 1);
    let last = log.blocks.len() - 1;
    let evaluation = log.blocks[last]
        .evaluation
        .as_mut()
        .expect("an Evaluation block has its record");
    for (i, (grade, top, tip, tempo)) in forms.iter().enumerate() {
        evaluation.forms.push(Form {
            at: start + chrono::Duration::minutes(400 + i as i64),
            source: FormSource::Paper,
            grade: Some(*grade),
            top: Some(OpenAnswer::new(*top)),
            tip: Some(OpenAnswer::new(*tip)),
            answers: vec![
                Some(Answer::Scale(*tempo)),
                (i == 0).then(|| Answer::Open(OpenAnswer::new("Meer tijd voor casussen"))),
            ],
        });
    }
    log
}

fn two_evaluated_days(dir: &Path) {
    let day1 = day_with_forms(
        0,
        &[
            (8, "Goede casus", "Bram K. mocht korter", 4),
            (7, "Fijne groep", "=SOM(A1) pauze eerder", 3),
        ],
    );
    let day2 = day_with_forms(1, &[(9, "Sterke spreker", "Zaal te warm", 5)]);
    write_atomic(&dir.join("2026-11-23-0935-dag-1.ron"), &day1).unwrap();
    write_atomic(&dir.join("2026-11-30-0935-dag-2.ron"), &day2).unwrap();
}

fn sheet(file: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(file).expect("a workbook calamine opens");
    let range = book.worksheet_range(name).expect("sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn evaluations_are_in_markdown_with_grade_spread_tops_tips_and_the_trend() {
    let dir = tempfile::tempdir().unwrap();
    two_evaluated_days(dir.path());
    let md = report(dir.path(), &[]);
    assert!(md.contains("### Evaluatie"), "{md}");
    assert!(
        md.contains("Cijfer 7,5 · 2 met cijfer van 2 formulier(en)"),
        "{md}"
    );
    assert!(
        md.contains("Cijfer 9,0 · 1 met cijfer van 1 formulier(en)"),
        "{md}"
    );
    for text in [
        "Goede casus",
        "Bram K. mocht korter",
        "Zaal te warm",
        "Meer tijd voor casussen",
    ] {
        assert!(md.contains(text), "{text} missing");
    }
    assert!(
        md.contains("**Het tempo was goed**: gemiddeld 3,5 (schaal 1-5)"),
        "{md}"
    );
    // The spread: grade 8 and grade 7 once each on day 1.
    assert!(md.contains("| 7 | 1 | "), "{md}");
    assert!(md.contains("| 8 | 1 | "), "{md}");
    // The programme's trend over the days.
    assert!(md.contains("### Cijfer per dag"), "{md}");
    assert!(md.contains("| 1 | 2 | 7,5 | "), "{md}");
    assert!(md.contains("| 2 | 1 | 9,0 | "), "{md}");
}

#[test]
fn evaluations_are_in_both_csv_dialects_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    two_evaluated_days(dir.path());
    let forms = report(dir.path(), &["--format", "csv", "--table", "evaluations"]);
    let mut lines = forms.lines();
    assert_eq!(
        lines.next(),
        Some("session,block,form,at,source,grade,top,tip")
    );
    assert_eq!(lines.count(), 3, "one row per form: {forms}");
    assert!(
        forms.contains(",paper,8,Goede casus,Bram K. mocht korter"),
        "{forms}"
    );
    let grades = report(
        dir.path(),
        &[
            "--format",
            "csv",
            "--table",
            "grades",
            "--csv-dialect",
            "excel-nl",
        ],
    );
    assert!(grades.starts_with("\u{feff}session;block;forms;graded;average;grade_1;"));
    assert!(
        grades.contains(";Evaluatie van de dag;2;2;7,5;0;0;0;0;0;0;1;1;0;0\r\n"),
        "{grades}"
    );
    let nl = report(
        dir.path(),
        &[
            "--format",
            "csv",
            "--table",
            "evaluations",
            "--csv-dialect",
            "excel-nl",
        ],
    );
    assert!(
        nl.contains(";'=SOM(A1) pauze eerder"),
        "a tip stays text: {nl}"
    );
    let answers = report(dir.path(), &["--format", "csv", "--table", "answers"]);
    assert!(
        answers.contains(",1,Het tempo was goed,4,\r\n"),
        "{answers}"
    );
    assert!(
        answers.contains(",1,Wat mis je nog?,,Meer tijd voor casussen\r\n"),
        "{answers}"
    );
}

#[test]
fn the_workbook_has_one_typed_row_per_form_and_a_summary_per_day() {
    let dir = tempfile::tempdir().unwrap();
    two_evaluated_days(dir.path());
    let file = dir.path().join("evaluatie.xlsx");
    report(
        dir.path(),
        &["--format", "xlsx", "--output", file.to_str().unwrap()],
    );
    let forms = sheet(&file, "evaluations");
    assert_eq!(forms.len(), 4, "header and three forms");
    assert_eq!(forms[1][5], Data::Float(8.0), "a grade is a number");
    assert!(
        matches!(forms[1][3], Data::DateTime(_)),
        "{:?}",
        forms[1][3]
    );
    assert_eq!(forms[2][7], Data::String("=SOM(A1) pauze eerder".into()));
    let grades = sheet(&file, "grades");
    assert_eq!(grades[1][4], Data::Float(7.5));
    assert_eq!(grades[2][4], Data::Float(9.0));
    assert_eq!(grades[1][5 + 6], Data::Float(1.0), "one 7 on day 1");
    let answers = sheet(&file, "answers");
    assert!(answers.iter().any(|r| r[4] == Data::Float(5.0)));
    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    let formulas = book.worksheet_formula("evaluations").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn review_screens_show_the_grade_spread_tops_tips_and_the_trend() {
    use regie::review::{Review, load};
    let dir = tempfile::tempdir().unwrap();
    two_evaluated_days(dir.path());
    let review = || Review::build(load(&[dir.path().to_path_buf()]).unwrap());
    let day1 = screen_text(review(), false, 0);
    assert!(
        day1.contains("Evaluatie van de dag: Cijfer 7,5 · 2 met cijfer van 2 formulier(en)"),
        "{day1}"
    );
    assert!(day1.contains("Spreiding 1-10 ▕      ██  ▏"), "{day1}");
    assert!(day1.contains("Tops: Goede casus"), "{day1}");
    assert!(day1.contains("Tips: Bram K. mocht korter"), "{day1}");
    let trend = screen_text(review(), true, 0);
    assert!(trend.contains("Cijfer per dag"), "{trend}");
    assert!(trend.contains(" 1.  7,5 ███████████████ (2)"), "{trend}");
    assert!(trend.contains(" 2.  9,0 ██████████████████ (1)"), "{trend}");
}

#[test]
fn anonymised_reports_replace_names_inside_tops_and_tips() {
    let dir = tempfile::tempdir().unwrap();
    two_evaluated_days(dir.path());
    let md = report(dir.path(), &["--anonymise"]);
    let csv = report(
        dir.path(),
        &["--format", "csv", "--table", "evaluations", "--anonymise"],
    );
    for out in [&md, &csv] {
        assert!(!out.contains("Bram"), "a name in a tip: {out}");
        assert!(out.contains("mocht korter"), "the tip stays");
    }
}

/// An evaluation typed from paper forms with the runner's keys (as the facilitator does),
/// then read back by `regie report` in every format and by the review screen.
#[test]
fn an_evaluation_typed_from_the_keyboard_appears_in_review_and_every_export() {
    use crate::eval_fixture::{app, opened, type_keys};
    use regie::i18n::Lang;
    let mut runner = app(Lang::Nl);
    let now = opened();
    // Enter opens a form: grade, top, tip, the 1-5 question, the open question; Enter each.
    type_keys(
        &mut runner,
        "\n8\nVeel geoefend met de groep\nMeer pauzes\n4\nDe groep als klankbord\n",
        now,
    );
    type_keys(&mut runner, "6\nDe casus\nTrager tempo\n2\n\n", now);
    type_keys(&mut runner, "\x1b", now);
    let log = runner.engine().log().clone();
    assert_eq!(
        runner.engine().evaluation().expect("on screen").forms.len(),
        2,
        "two forms typed"
    );
    let dir = tempfile::tempdir().unwrap();
    write_atomic(&dir.path().join("2026-11-23-1530-dag-1.ron"), &log).unwrap();

    let md = report(dir.path(), &[]);
    assert!(
        md.contains("Cijfer 7,0 · 2 met cijfer van 2 formulier(en)"),
        "{md}"
    );
    for text in [
        "Veel geoefend met de groep",
        "Meer pauzes",
        "Trager tempo",
        "De groep als klankbord",
    ] {
        assert!(md.contains(text), "{text} missing from Markdown");
    }
    assert!(md.contains("gemiddeld 3,0 (schaal 1-5)"), "{md}");
    for dialect in ["standard", "excel-nl"] {
        let args = [
            "--format",
            "csv",
            "--table",
            "evaluations",
            "--csv-dialect",
            dialect,
        ];
        let csv = report(dir.path(), &args);
        let sep = if dialect == "standard" { ',' } else { ';' };
        assert!(
            csv.contains(&format!(
                "{sep}paper{sep}8{sep}Veel geoefend met de groep{sep}Meer pauzes"
            )),
            "{dialect}: {csv}"
        );
        let answers = report(
            dir.path(),
            &[
                "--format",
                "csv",
                "--table",
                "answers",
                "--csv-dialect",
                dialect,
            ],
        );
        assert!(answers.contains("De groep als klankbord"), "{answers}");
    }
    let file = dir.path().join("dag.xlsx");
    report(
        dir.path(),
        &["--format", "xlsx", "--output", file.to_str().unwrap()],
    );
    let forms = sheet(&file, "evaluations");
    assert_eq!(forms.len(), 3);
    assert_eq!(forms[1][5], Data::Float(8.0));
    assert_eq!(forms[2][5], Data::Float(6.0));
    assert_eq!(forms[2][7], Data::String("Trager tempo".into()));
    let grades = sheet(&file, "grades");
    assert_eq!(grades[1][4], Data::Float(7.0));

    let review =
        regie::review::Review::build(regie::review::load(&[dir.path().to_path_buf()]).unwrap());
    let screen = screen_text(review, false, 0);
    assert!(
        screen.contains("Evaluatie: Cijfer 7,0 · 2 met cijfer van 2 formulier(en)"),
        "{screen}"
    );
    assert!(screen.contains("Tips: Meer pauzes"), "{screen}");
}
