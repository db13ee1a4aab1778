//! Evaluation forms from phones: what the phone page shows while an Evaluation block is on
//! screen (the questions, whether it is open, this phone's own form) and `POST /form`.

use super::clean;
use super::http::{Request, Response, form_value};
use super::routes::{ask, joined};
use super::server::{Shared, Snapshot};
use crate::engine::forms::{AnswerInput, FormInput, FormRefusal};
use crate::engine::phones::PhoneRefusal;
use crate::engine::record::{Answer, FormSource};
use crate::engine::{Command, Refusal};
use crate::script::{AnswerKind, MAX_ANSWER_CHARS, Question};
use serde::Serialize;

/// The form a phone fills in while an Evaluation block is on screen.
#[derive(Debug, Serialize)]
pub struct PhoneForm {
    /// Sent back with the form, so a form for a block no longer on screen is refused.
    pub block: usize,
    pub grade: bool,
    pub top_and_tip: bool,
    pub questions: Vec<Question>,
    /// The longest text answer, for the page's counter.
    pub max_chars: usize,
    /// This phone's form, if it sent one: it may send it again to change it.
    pub mine: Option<MyForm>,
}

/// What this phone sent (only this phone sees it).
#[derive(Debug, Serialize)]
pub struct MyForm {
    pub grade: Option<u8>,
    pub top: Option<String>,
    pub tip: Option<String>,
    /// Per question: a point as text, the text, or "" when skipped.
    pub answers: Vec<String>,
}

/// The form for device `device`, when an Evaluation block is on screen.
pub fn phone_form(snapshot: &Snapshot, device: u32) -> Option<PhoneForm> {
    let log = &snapshot.log;
    if log.finished.is_some() {
        return None;
    }
    let block = log.current.min(log.blocks.len().saturating_sub(1));
    let evaluation = log.blocks.get(block)?.evaluation.as_ref()?;
    let mine = evaluation
        .forms
        .iter()
        .find(|f| f.source == FormSource::Phone(device))
        .map(|form| MyForm {
            grade: form.grade,
            top: form.top.as_ref().map(|a| a.text.clone()),
            tip: form.tip.as_ref().map(|a| a.text.clone()),
            answers: form
                .answers
                .iter()
                .map(|a| match a {
                    Some(Answer::Scale(point)) => point.to_string(),
                    Some(Answer::Open(answer)) => answer.text.clone(),
                    None => String::new(),
                })
                .collect(),
        });
    Some(PhoneForm {
        block,
        grade: evaluation.grade,
        top_and_tip: evaluation.top_and_tip,
        questions: evaluation.questions.clone(),
        max_chars: MAX_ANSWER_CHARS,
        mine,
    })
}

/// POST /form with `block`, `grade` (1-10), `top`, `tip` and `q0`, `q1`, ... (empty or
/// missing: not answered). 204 when recorded; 400 for a form that does not fit (a grade out
/// of range, a text over 280 characters); 409 when no evaluation of that block is open.
pub fn submit(shared: &Shared, request: &Request) -> Response {
    let (snapshot, token) = match joined(shared, request) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let body = String::from_utf8_lossy(&request.body);
    let Some(block) = form_value(&body, "block").and_then(|b| b.parse::<usize>().ok()) else {
        return Response::status(400);
    };
    let Some(form) = read_form(&body, &snapshot, block) else {
        return Response::status(400);
    };
    match ask(shared, Command::PhoneForm { token, block, form }) {
        Some(Ok(())) => Response::status(204),
        Some(Err(Refusal::Form(FormRefusal::Stale) | Refusal::WrongBlock)) => Response::status(409),
        Some(Err(Refusal::Phone(PhoneRefusal::UnknownDevice | PhoneRefusal::Closed))) => {
            Response::status(403)
        }
        Some(Err(Refusal::Finished)) => Response::status(409),
        Some(Err(_)) => Response::status(400),
        None => Response::status(503),
    }
}

/// The form's fields, texts stripped of control and escape characters (one character over
/// the limit is kept, so that an over-long text is refused rather than cut); `None` when a
/// number is not a number.
fn read_form(body: &str, snapshot: &Snapshot, block: usize) -> Option<FormInput> {
    let text = |name: &str| {
        form_value(body, name)
            .map(|t| clean::plain_text(&t, MAX_ANSWER_CHARS + 1))
            .filter(|t| !t.is_empty())
    };
    let grade = match text("grade") {
        None => None,
        Some(g) => Some(g.parse::<u8>().ok()?),
    };
    let questions = snapshot
        .log
        .blocks
        .get(block)
        .and_then(|b| b.evaluation.as_ref())
        .map_or(&[][..], |e| &e.questions[..]);
    let mut answers = Vec::with_capacity(questions.len());
    for (q, question) in questions.iter().enumerate() {
        answers.push(match (text(&format!("q{q}")), question.answer) {
            (None, _) => None,
            (Some(point), AnswerKind::Scale { .. }) => {
                Some(AnswerInput::Scale(point.parse::<u8>().ok()?))
            }
            (Some(answer), AnswerKind::Open) => Some(AnswerInput::Open(answer)),
        });
    }
    Some(FormInput {
        grade,
        top: text("top"),
        tip: text("tip"),
        answers,
    })
}
