//! Evaluation forms coming in: typed from paper or sent by a phone, checked against what the
//! block asks, undone, moderated and revealed; the engine's side of the Evaluation block.

use super::evaluation::{Answer, EvaluationLog, Form, FormSource, Moderation, OpenAnswer};
use super::evaluation::{OpenSlot, Part};
use super::record::Stamp;
use super::{Engine, Event, Refusal};
use crate::script::{AnswerKind, GRADE_MAX, MAX_ANSWER_CHARS};

/// One form's answers as typed or sent, before the engine checks them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormInput {
    pub grade: Option<u8>,
    pub top: Option<String>,
    pub tip: Option<String>,
    /// One per question of the block, in order; fewer means the rest are skipped.
    pub answers: Vec<Option<AnswerInput>>,
}

/// An answer to one of the block's questions, as typed or sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerInput {
    Scale(u8),
    Open(String),
}

/// Why a form was not taken; the state is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormRefusal {
    /// Nothing answered at all.
    Empty,
    /// A grade outside 1-10.
    Grade,
    /// A part the block does not ask (a grade, a top or tip, a question past the last).
    NotAsked,
    /// An answer of the wrong kind, or a point off its question's scale.
    Answer { question: usize },
    /// A text longer than `MAX_ANSWER_CHARS`.
    TooLong,
    /// A phone's form for a block that is no longer on screen.
    Stale,
    /// No open answer at that place.
    NoSuchAnswer,
}

impl Engine {
    /// The record of the Evaluation block on screen.
    pub fn evaluation(&self) -> Option<&EvaluationLog> {
        self.current_block().1.evaluation.as_ref()
    }

    /// Whether the block on screen is an Evaluation.
    pub fn on_evaluation(&self) -> bool {
        self.evaluation().is_some()
    }

    fn evaluation_mut(&mut self) -> Result<&mut EvaluationLog, Refusal> {
        self.current_log_mut()
            .evaluation
            .as_mut()
            .ok_or(Refusal::WrongBlock)
    }

    /// A paper form typed by the facilitator.
    pub(super) fn paper_form(
        &mut self,
        input: FormInput,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        let evaluation = self.evaluation_mut()?;
        let form = checked(evaluation, input, FormSource::Paper, now, None)?;
        evaluation.forms.push(form);
        Ok(vec![Event::FormRecorded {
            forms: evaluation.forms.len(),
        }])
    }

    /// A phone's form for block `block`; it replaces the phone's earlier form in that block.
    /// An answer whose text did not change keeps the facilitator's decision on it.
    pub(super) fn phone_form(
        &mut self,
        token: &str,
        block: usize,
        input: FormInput,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        let device = self.joined_device(token)?;
        if block != self.current_index() {
            return Err(Refusal::Form(FormRefusal::Stale));
        }
        let source = FormSource::Phone(device);
        let evaluation = self.evaluation_mut()?;
        let earlier = evaluation.forms.iter().position(|f| f.source == source);
        let form = checked(
            evaluation,
            input,
            source,
            now,
            earlier.map(|i| &evaluation.forms[i]),
        )?;
        match earlier {
            Some(i) => evaluation.forms[i] = form,
            None => evaluation.forms.push(form),
        }
        Ok(vec![Event::FormRecorded {
            forms: evaluation.forms.len(),
        }])
    }

    /// Take back the last form typed from paper (phones' forms stay); it is kept in `undone`.
    pub(super) fn undo_form(&mut self) -> Result<Vec<Event>, Refusal> {
        let evaluation = self.evaluation_mut()?;
        let last = evaluation
            .forms
            .iter()
            .rposition(|f| f.source == FormSource::Paper)
            .ok_or(Refusal::NothingToUndo)?;
        let form = evaluation.forms.remove(last);
        evaluation.undone.push(form);
        Ok(vec![Event::FormUndone {
            forms: evaluation.forms.len(),
        }])
    }

    /// Approve or reject (or set back to pending) the open answer at `slot`.
    pub(super) fn moderate(
        &mut self,
        slot: OpenSlot,
        decision: Moderation,
    ) -> Result<Vec<Event>, Refusal> {
        let evaluation = self.evaluation_mut()?;
        let answer = evaluation
            .forms
            .get_mut(slot.form)
            .and_then(|form| match slot.part {
                Part::Top => form.top.as_mut(),
                Part::Tip => form.tip.as_mut(),
                Part::Question(q) => match form.answers.get_mut(q) {
                    Some(Some(Answer::Open(answer))) => Some(answer),
                    _ => None,
                },
            })
            .ok_or(Refusal::Form(FormRefusal::NoSuchAnswer))?;
        if answer.moderation == decision {
            return Ok(Vec::new());
        }
        answer.moderation = decision;
        Ok(vec![Event::Moderated])
    }

    /// Show or hide the grades and scales to the room.
    pub(super) fn toggle_evaluation_reveal(&mut self) -> Result<Vec<Event>, Refusal> {
        let evaluation = self.evaluation_mut()?;
        evaluation.revealed = !evaluation.revealed;
        Ok(vec![Event::RevealToggled {
            revealed: evaluation.revealed,
        }])
    }
}

/// `input` as a form of `evaluation`, or why not. Texts are trimmed; an empty text is no
/// answer. `earlier` is the form it replaces, whose unchanged answers keep their moderation.
fn checked(
    evaluation: &EvaluationLog,
    input: FormInput,
    source: FormSource,
    at: Stamp,
    earlier: Option<&Form>,
) -> Result<Form, Refusal> {
    let refuse = |why| Err(Refusal::Form(why));
    if let Some(grade) = input.grade {
        if !evaluation.grade {
            return refuse(FormRefusal::NotAsked);
        }
        if !(1..=GRADE_MAX).contains(&grade) {
            return refuse(FormRefusal::Grade);
        }
    }
    let top = open(input.top)?;
    let tip = open(input.tip)?;
    if (top.is_some() || tip.is_some()) && !evaluation.top_and_tip {
        return refuse(FormRefusal::NotAsked);
    }
    if input.answers.len() > evaluation.questions.len() {
        return refuse(FormRefusal::NotAsked);
    }
    let mut answers = Vec::with_capacity(evaluation.questions.len());
    for (question, (asked, given)) in evaluation
        .questions
        .iter()
        .zip(input.answers.into_iter().chain(std::iter::repeat(None)))
        .enumerate()
    {
        let answer = match (given, asked.answer) {
            (None, _) => None,
            (Some(AnswerInput::Scale(point)), AnswerKind::Scale { to })
                if (1..=to).contains(&point) =>
            {
                Some(Answer::Scale(point))
            }
            (Some(AnswerInput::Open(text)), AnswerKind::Open) => {
                open(Some(text))?.map(Answer::Open)
            }
            _ => return refuse(FormRefusal::Answer { question }),
        };
        answers.push(answer);
    }
    while answers.last() == Some(&None) {
        answers.pop();
    }
    if input.grade.is_none() && top.is_none() && tip.is_none() && answers.is_empty() {
        return refuse(FormRefusal::Empty);
    }
    let mut form = Form {
        at,
        source,
        grade: input.grade,
        top,
        tip,
        answers,
    };
    if let Some(earlier) = earlier {
        keep_decisions(&mut form, earlier);
    }
    Ok(form)
}

/// A trimmed text as an open answer awaiting moderation; empty is none, too long is refused.
fn open(text: Option<String>) -> Result<Option<OpenAnswer>, Refusal> {
    let Some(text) = text else { return Ok(None) };
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > MAX_ANSWER_CHARS {
        return Err(Refusal::Form(FormRefusal::TooLong));
    }
    Ok(Some(OpenAnswer::new(text)))
}

/// Answers of `form` with the same text as in `earlier` keep the decision taken on them.
fn keep_decisions(form: &mut Form, earlier: &Form) {
    let keep = |new: Option<&mut OpenAnswer>, old: Option<&OpenAnswer>| {
        if let (Some(new), Some(old)) = (new, old)
            && new.text == old.text
        {
            new.moderation = old.moderation;
        }
    };
    keep(form.top.as_mut(), earlier.top.as_ref());
    keep(form.tip.as_mut(), earlier.tip.as_ref());
    for (new, old) in form.answers.iter_mut().zip(&earlier.answers) {
        if let (Some(Answer::Open(new)), Some(Answer::Open(old))) = (new, old) {
            keep(Some(new), Some(old));
        }
    }
}
