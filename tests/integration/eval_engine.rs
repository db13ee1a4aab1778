//! The engine's Evaluation block with a driven clock: paper forms, undo, phones replacing their
//! own form, moderation and reveal, and what the room's view may show (issue 16, issue 15).

use crate::eval_fixture::{OPEN, engine, opened};

use chrono::Duration;
use regie::engine::forms::{AnswerInput, FormInput, FormRefusal};
use regie::engine::phones::PhoneRefusal;
use regie::engine::record::{FormSource, Moderation, OpenSlot, Part};
use regie::engine::room::{Content, RoomView, Stage};
use regie::engine::{Command, Engine, Event, ProgrammeHistory, Refusal, RoomOptions};
use regie::journal::parse_log;
use regie::journal::writer::to_ron;
use std::path::Path;

fn grade(g: u8) -> FormInput {
    FormInput {
        grade: Some(g),
        ..FormInput::default()
    }
}

fn paper(engine: &mut Engine, form: FormInput, after: i64) -> Result<Vec<Event>, Refusal> {
    engine.apply(
        Command::PaperForm { form },
        opened() + Duration::seconds(after),
    )
}

fn room(engine: &Engine) -> String {
    let view = RoomView::of(engine.log(), opened(), RoomOptions::default());
    serde_json::to_string(&view).expect("json")
}

fn with_phone(engine: &mut Engine, token: &str) {
    let _ = engine.apply(
        Command::OpenRoom {
            join_code: "1234".into(),
        },
        opened(),
    );
    engine
        .apply(
            Command::JoinPhone {
                token: token.into(),
            },
            opened(),
        )
        .expect("join");
}

#[test]
fn paper_forms_count_and_average_and_undo_takes_the_last_back() {
    let mut engine = engine();
    for (i, g) in [8, 7, 9, 6].into_iter().enumerate() {
        let events = paper(&mut engine, grade(g), i as i64 * 10).expect("recorded");
        assert_eq!(events, [Event::FormRecorded { forms: i + 1 }]);
    }
    let evaluation = engine.evaluation().unwrap();
    assert_eq!(evaluation.average_grade(), Some((4, 7.5)));
    assert_eq!(evaluation.forms[1].at, opened() + Duration::seconds(10));
    assert!(
        evaluation
            .forms
            .iter()
            .all(|f| f.source == FormSource::Paper)
    );

    let events = engine.apply(Command::UndoVote, opened()).expect("undo");
    assert_eq!(events, [Event::FormUndone { forms: 3 }]);
    let evaluation = engine.evaluation().unwrap();
    assert_eq!(evaluation.average_grade(), Some((3, 8.0)));
    assert_eq!(evaluation.undone[0].grade, Some(6), "kept for the record");
}

#[test]
fn a_form_that_does_not_fit_is_refused_and_changes_nothing() {
    let mut engine = engine();
    let refused = |form| {
        let mut engine = engine.clone();
        let before = engine.log().clone();
        let why = paper(&mut engine, form, 0).expect_err("refused");
        assert_eq!(engine.log(), &before);
        why
    };
    let form = |f: fn(&mut FormInput)| {
        let mut form = FormInput::default();
        f(&mut form);
        form
    };
    assert_eq!(refused(grade(0)), Refusal::Form(FormRefusal::Grade));
    assert_eq!(refused(grade(11)), Refusal::Form(FormRefusal::Grade));
    assert_eq!(
        refused(FormInput::default()),
        Refusal::Form(FormRefusal::Empty)
    );
    assert_eq!(
        refused(form(|f| f.top = Some("   ".into()))),
        Refusal::Form(FormRefusal::Empty),
        "blank text is no answer"
    );
    assert_eq!(
        refused(form(|f| f.tip = Some("é".repeat(281)))),
        Refusal::Form(FormRefusal::TooLong)
    );
    assert_eq!(
        refused(form(|f| f.answers = vec![Some(AnswerInput::Scale(6))])),
        Refusal::Form(FormRefusal::Answer { question: 0 })
    );
    assert_eq!(
        refused(form(|f| f.answers = vec![None, Some(AnswerInput::Scale(3))])),
        Refusal::Form(FormRefusal::Answer { question: 1 })
    );
    assert_eq!(
        refused(form(|f| f.answers = vec![None, None, None])),
        Refusal::Form(FormRefusal::NotAsked)
    );
    // 280 characters is allowed.
    paper(&mut engine, form(|f| f.tip = Some("é".repeat(280))), 0).expect("at the limit");
}

#[test]
fn forms_go_only_to_an_evaluation_on_screen() {
    let mut engine = Engine::new(
        crate::eval_fixture::script(),
        ProgrammeHistory::default(),
        opened(),
    );
    assert_eq!(paper(&mut engine, grade(8), 0), Err(Refusal::WrongBlock));
    assert_eq!(
        engine.apply(
            Command::Moderate {
                slot: OpenSlot {
                    form: 0,
                    part: Part::Top
                },
                decision: Moderation::Approved
            },
            opened()
        ),
        Err(Refusal::WrongBlock)
    );
}

#[test]
fn a_phone_replaces_its_own_form_and_unchanged_answers_keep_their_decision() {
    let mut engine = engine();
    with_phone(&mut engine, "tok-a");
    let send = |engine: &mut Engine, form: FormInput, block: usize| {
        engine.apply(
            Command::PhoneForm {
                token: "tok-a".into(),
                block,
                form,
            },
            opened(),
        )
    };
    paper(&mut engine, grade(6), 0).unwrap();
    let first = FormInput {
        grade: Some(7),
        top: Some("Fijne groep".into()),
        tip: Some("Meer pauze".into()),
        answers: vec![],
    };
    send(&mut engine, first.clone(), 1).expect("recorded");
    let slot = |part| OpenSlot { form: 1, part };
    engine
        .apply(
            Command::Moderate {
                slot: slot(Part::Top),
                decision: Moderation::Approved,
            },
            opened(),
        )
        .unwrap();
    let second = FormInput {
        grade: Some(9),
        tip: Some("Minder theorie".into()),
        ..first
    };
    let events = send(&mut engine, second, 1).expect("replaced");
    assert_eq!(
        events,
        [Event::FormRecorded { forms: 2 }],
        "still two forms"
    );
    let evaluation = engine.evaluation().unwrap();
    let form = &evaluation.forms[1];
    assert_eq!(form.grade, Some(9));
    assert_eq!(form.top.as_ref().unwrap().moderation, Moderation::Approved);
    assert_eq!(form.tip.as_ref().unwrap().moderation, Moderation::Pending);
    assert_eq!(form.source, FormSource::Phone(0));
    // Undo takes back paper forms only.
    engine.apply(Command::UndoVote, opened()).unwrap();
    assert_eq!(engine.evaluation().unwrap().forms.len(), 1);
    assert_eq!(
        engine.apply(Command::UndoVote, opened()),
        Err(Refusal::NothingToUndo)
    );
    // A form for another block, or from a device that never joined, is refused.
    assert_eq!(
        send(&mut engine, grade(5), 0),
        Err(Refusal::Form(FormRefusal::Stale))
    );
    assert_eq!(
        engine.apply(
            Command::PhoneForm {
                token: "tok-never".into(),
                block: 1,
                form: grade(5)
            },
            opened()
        ),
        Err(Refusal::Phone(PhoneRefusal::UnknownDevice))
    );
}

#[test]
fn the_room_sees_only_approved_answers_and_grades_once_revealed() {
    let mut engine = engine();
    let secret = "GEHEIMPJE niet tonen";
    for (g, top, open) in [
        (8, "Veel geoefend met de groep", secret),
        (7, "De groep was fijn", "Oefenen met casussen"),
    ] {
        let form = FormInput {
            grade: Some(g),
            top: Some(top.into()),
            tip: None,
            answers: vec![None, Some(AnswerInput::Open(open.into()))],
        };
        paper(&mut engine, form, 0).unwrap();
    }
    let json = room(&engine);
    assert!(
        !json.contains("geoefend") && !json.contains(secret),
        "{json}"
    );
    assert!(json.contains("\"forms\":2"));
    assert!(json.contains("\"grades\":null"), "hidden before reveal");
    for (form, part) in [(0, Part::Top), (1, Part::Top), (1, Part::Question(1))] {
        engine
            .apply(
                Command::Moderate {
                    slot: OpenSlot { form, part },
                    decision: Moderation::Approved,
                },
                opened(),
            )
            .unwrap();
    }
    engine
        .apply(
            Command::Moderate {
                slot: OpenSlot {
                    form: 0,
                    part: Part::Question(1),
                },
                decision: Moderation::Rejected,
            },
            opened(),
        )
        .unwrap();
    engine.apply(Command::ToggleReveal, opened()).unwrap();
    let view = RoomView::of(engine.log(), opened(), RoomOptions::default());
    let Stage::Block(block) = &view.stage else {
        panic!("a block")
    };
    let Content::Evaluation(evaluation) = &block.content else {
        panic!("an evaluation")
    };
    let texts: Vec<&str> = evaluation
        .approved
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Veel geoefend met de groep",
            "De groep was fijn",
            "Oefenen met casussen"
        ]
    );
    let grades = evaluation.grades.as_ref().expect("revealed");
    assert_eq!((grades.count, grades.average), (2, 7.5));
    assert_eq!(grades.distribution[6..8], [1, 1]);
    assert_eq!(evaluation.words[0], ("groep".to_string(), 2));
    assert!(!room(&engine).contains(secret));
    assert!(!room(&engine).contains("GEHEIM"), "no facilitator notes");
    assert_eq!(evaluation.questions[1].text, OPEN);
}

#[test]
fn forms_survive_a_crash_and_resume() {
    let mut engine = engine();
    paper(&mut engine, grade(8), 0).unwrap();
    with_phone(&mut engine, "tok-b");
    engine
        .apply(
            Command::PhoneForm {
                token: "tok-b".into(),
                block: 1,
                form: grade(6),
            },
            opened(),
        )
        .unwrap();
    let text = to_ron(engine.log());
    let read = parse_log(Path::new("logs/dag-1.ron"), text.as_bytes()).expect("reads");
    let mut resumed = Engine::resume(
        crate::eval_fixture::script(),
        ProgrammeHistory::default(),
        read,
    )
    .expect("fits");
    assert_eq!(resumed.evaluation(), engine.evaluation());
    // The same phone replaces its form after the resume rather than adding one.
    resumed
        .apply(
            Command::PhoneForm {
                token: "tok-b".into(),
                block: 1,
                form: grade(7),
            },
            opened(),
        )
        .unwrap();
    assert_eq!(
        resumed.evaluation().unwrap().average_grade(),
        Some((2, 7.5))
    );
}

#[test]
fn a_changed_question_in_the_script_refuses_the_resume() {
    let engine = engine();
    let refused = Engine::resume(
        fewer_questions(),
        ProgrammeHistory::default(),
        engine.log().clone(),
    );
    let why = refused.expect_err("refused").to_string();
    assert!(why.contains("other questions"), "{why}");
}

/// The fixture's script with the evaluation's open question dropped.
fn fewer_questions() -> regie::script::LoadedSession {
    let mut script = crate::eval_fixture::script();
    if let regie::script::BlockKind::Evaluation { questions, .. } =
        &mut script.session.blocks[1].kind
    {
        questions.pop();
    }
    script
}

#[test]
fn a_reloaded_session_file_changes_an_evaluation_still_to_come_but_not_one_with_forms() {
    let mut coming = Engine::new(
        crate::eval_fixture::script(),
        ProgrammeHistory::default(),
        opened(),
    );
    let reloaded = coming.reload(fewer_questions()).expect("taken");
    assert_eq!(reloaded.changed_blocks, 1);
    assert_eq!(
        coming.log().blocks[1]
            .evaluation
            .as_ref()
            .unwrap()
            .questions
            .len(),
        1
    );

    let mut with_forms = engine();
    paper(&mut with_forms, grade(8), 0).unwrap();
    let before = with_forms.log().clone();
    let refused = with_forms.reload(fewer_questions());
    assert!(refused.is_err(), "forms were given to the old questions");
    assert_eq!(with_forms.log(), &before);
}
