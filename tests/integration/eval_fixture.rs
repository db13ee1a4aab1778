//! Shared by the eval_* tests: a short day ending in an Evaluation block (a grade, top and
//! tip, one 1-5 question and one open question), and keys typed into the runner.

use crate::support::fixtures::{at, settings};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use regie::engine::{Command, Engine, ProgrammeHistory};
use regie::i18n::Lang;
use regie::journal::MemoryRecorder;
use regie::journal::record::Stamp;
use regie::script::*;
use regie::tui::App;

pub const QUESTION: &str = "Ik kan dit morgen toepassen";
pub const OPEN: &str = "Wat neem je mee?";

pub fn evaluation_kind() -> BlockKind {
    BlockKind::Evaluation {
        grade: true,
        top_and_tip: true,
        questions: vec![
            Question {
                text: QUESTION.into(),
                answer: AnswerKind::Scale { to: 5 },
            },
            Question {
                text: OPEN.into(),
                answer: AnswerKind::Open,
            },
        ],
    }
}

pub fn script() -> LoadedSession {
    let block = |title: &str, minutes, kind| Block {
        title: String::from(title),
        minutes: Minutes(minutes),
        kind,
        notes: "GEHEIM: niet voor de zaal".into(),
    };
    LoadedSession {
        source: "dag-1.ron".into(),
        session: Session {
            title: "Dag 1 · Regels en ruimte".into(),
            programme: Some("testprogramma".into()),
            cohort: None,
            start: Some("15:30".into()),
            homework: None,
            blocks: vec![
                block("Afronding", 20, BlockKind::Plenary),
                block("Evaluatie", 15, evaluation_kind()),
            ],
        },
        cohort: None,
        decks: Default::default(),
    }
}

/// The moment the evaluation opens.
pub fn opened() -> Stamp {
    at("16:00:00")
}

/// A run on its Evaluation block, the clock running from `opened()`.
pub fn engine() -> Engine {
    let mut engine = Engine::new(script(), ProgrammeHistory::default(), at("15:30:00"));
    engine.apply(Command::Next, opened()).expect("next");
    engine.apply(Command::StartPause, opened()).expect("start");
    engine
}

pub fn app(lang: Lang) -> App {
    App::new(
        engine(),
        Box::new(MemoryRecorder::default()),
        settings(lang),
    )
}

/// Type `keys` into the runner at `now`, as a keyboard would: `\n` is Enter, `\x1b` Esc.
pub fn type_keys(app: &mut App, keys: &str, now: Stamp) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = regie::tui::keys::action(event, app.mode()) {
            app.step(action, now);
        }
    }
}
