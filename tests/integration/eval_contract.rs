//! The Evaluation block as files hold it (issue 16): the script kind parses with its defaults,
//! `regie check` points at every broken rule, and the forms in a session log read back, also
//! from logs written before evaluations existed.

use crate::common;
use crate::support;

use common::{Programme, single};
use regie::engine::record::{
    Answer, EvaluationLog, Form, FormSource, Moderation, OpenAnswer, SessionLog,
};
use regie::journal::parse_log;
use regie::journal::writer::to_ron;
use regie::script::{AnswerKind, BlockKind, BlockKindTag, Question};
use std::path::Path;
use support::fixtures::{at, fresh_log};

const S: &str = "dag-1.ron";
const HARVEST: &str = "kind: Harvest";

#[test]
fn evaluation_with_nothing_written_asks_a_grade_a_top_and_a_tip() {
    let p = Programme::new();
    p.edit(S, HARVEST, "kind: Evaluation()");
    let loaded = p.session().expect("valid");
    assert_eq!(
        loaded.session.blocks[5].kind,
        BlockKind::Evaluation {
            grade: true,
            top_and_tip: true,
            questions: vec![]
        }
    );
    assert_eq!(
        loaded.session.blocks[5].kind.tag(),
        BlockKindTag::Evaluation
    );
}

#[test]
fn evaluation_questions_and_the_mid_day_question_parse() {
    let p = Programme::new();
    p.edit(
        S,
        HARVEST,
        "kind: Evaluation(grade: false, top_and_tip: false, questions: [\
         (text: \"Hoe sta je erin?\", answer: Scale(to: 10)), \
         (text: \"Wat neem je mee?\", answer: Open)])",
    );
    let loaded = p.session().expect("valid");
    let BlockKind::Evaluation {
        grade,
        top_and_tip,
        questions,
    } = &loaded.session.blocks[5].kind
    else {
        panic!("not an evaluation")
    };
    assert!(!grade && !top_and_tip);
    assert_eq!(questions[0].answer, AnswerKind::Scale { to: 10 });
    assert_eq!(questions[1].answer, AnswerKind::Open);
}

#[test]
fn a_bare_evaluation_says_to_add_brackets() {
    let p = Programme::new();
    p.edit(S, HARVEST, "kind: Evaluation");
    let errors = p.session_errors();
    let d = single(&errors);
    let hint = d.hint.as_deref().unwrap_or_default();
    assert!(hint.contains("`Evaluation()`"), "{hint}");
}

#[test]
fn an_evaluation_that_asks_nothing_is_an_error_at_its_kind() {
    let p = Programme::new();
    p.edit(
        S,
        HARVEST,
        "kind: Evaluation(grade: false, top_and_tip: false)",
    );
    let errors = p.session_errors();
    p.assert_at(
        single(&errors),
        S,
        "Evaluation(grade: false",
        "asks nothing",
    );
}

#[test]
fn question_rules_point_at_the_question() {
    let p = Programme::new();
    p.edit(
        S,
        HARVEST,
        "kind: Evaluation(questions: [\
         (text: \"Nuttig?\", answer: Scale(to: 11)), \
         (text: \" nuttig? \", answer: Open), \
         (text: \"\", answer: Open)])",
    );
    let errors = p.session_errors();
    assert_eq!(errors.len(), 3, "{errors:?}");
    p.assert_at(&errors[0], S, "11", "a scale from 1 to 11");
    p.assert_at(&errors[1], S, "\" nuttig? \"", "asked twice");
    p.assert_at(&errors[2], S, "\"\", answer", "no text");
}

#[test]
fn an_unknown_answer_kind_names_the_two_kinds() {
    let p = Programme::new();
    p.edit(
        S,
        HARVEST,
        "kind: Evaluation(questions: [(text: \"Nuttig?\", answer: Schaal)])",
    );
    let errors = p.session_errors();
    let d = single(&errors);
    p.assert_at(d, S, "Schaal", "unknown kind of answer `Schaal`");
    let hint = d.hint.as_deref().unwrap_or_default();
    assert!(
        hint.contains("Scale(to: 5)") && hint.contains("Open"),
        "{hint}"
    );
}

fn evaluation_log() -> EvaluationLog {
    EvaluationLog {
        grade: true,
        top_and_tip: true,
        questions: vec![Question {
            text: "Kun je dit toepassen?".into(),
            answer: AnswerKind::Scale { to: 5 },
        }],
        forms: vec![
            Form {
                at: at("16:10:00"),
                source: FormSource::Paper,
                grade: Some(8),
                top: Some(OpenAnswer::new("Veel geoefend, fijne groep")),
                tip: None,
                answers: vec![Some(Answer::Scale(4))],
            },
            Form {
                at: at("16:11:00"),
                source: FormSource::Phone(0),
                grade: Some(7),
                top: None,
                tip: Some(OpenAnswer {
                    text: "Minder theorie".into(),
                    moderation: Moderation::Approved,
                }),
                answers: vec![None],
            },
        ],
        undone: vec![],
        revealed: false,
    }
}

fn log_with_forms() -> SessionLog {
    let mut log = fresh_log();
    log.blocks[5].kind = BlockKindTag::Evaluation;
    log.blocks[5].evaluation = Some(evaluation_log());
    log
}

#[test]
fn forms_in_a_log_read_back_as_written() {
    let log = log_with_forms();
    let text = to_ron(&log);
    assert!(text.contains("kind: \"Evaluation\""), "{text}");
    let read = parse_log(Path::new("logs/dag.ron"), text.as_bytes()).expect("reads");
    assert_eq!(read, log);
    let evaluation = read.blocks[5].evaluation.as_ref().unwrap();
    assert_eq!(evaluation.average_grade(), Some((2, 7.5)));
    assert_eq!(evaluation.grade_distribution()[6..8], [1, 1]);
    assert_eq!(evaluation.scale_answers(0).collect::<Vec<_>>(), [4]);
    assert_eq!(evaluation.open_answers().count(), 2);
}

#[test]
fn a_log_without_evaluations_still_reads_and_writes_none() {
    let log = fresh_log();
    let text = to_ron(&log);
    assert!(!text.contains("evaluation"), "older logs' shape is kept");
    let read = parse_log(Path::new("logs/dag.ron"), text.as_bytes()).expect("reads");
    assert!(read.blocks.iter().all(|b| b.evaluation.is_none()));
}

#[test]
fn a_grade_outside_one_to_ten_in_a_log_is_refused_at_its_place() {
    let text = to_ron(&log_with_forms()).replacen("grade: Some(8)", "grade: Some(11)", 1);
    let error = parse_log(Path::new("logs/dag.ron"), text.as_bytes()).expect_err("refused");
    assert!(error.message.contains("grade 11"), "{error}");
    let offset = text.find("grade: Some(11)").unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    assert_eq!(error.position.map(|(l, _)| l), Some(line), "{error}");
}

#[test]
fn a_scale_answer_past_its_scale_is_refused() {
    let text = to_ron(&log_with_forms()).replacen("Scale(4)", "Scale(6)", 1);
    let error = parse_log(Path::new("logs/dag.ron"), text.as_bytes()).expect_err("refused");
    assert!(error.message.contains("question 1"), "{error}");
}
