//! Typing paper evaluation forms: the steps of one form (grade, top, tip, the block's own
//! questions) and what a typed line puts in the form being typed. Enter on an empty line skips.

use crate::engine::forms::{AnswerInput, FormInput, FormRefusal};
use crate::engine::record::EvaluationLog;
use crate::script::{AnswerKind, GRADE_MAX, MAX_ANSWER_CHARS};

/// One field of a paper form, in the order they are typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormStep {
    Grade,
    Top,
    Tip,
    /// The block's question at this place.
    Question(usize),
}

/// The fields of the block's form, in typing order.
pub fn steps(evaluation: &EvaluationLog) -> Vec<FormStep> {
    let mut steps = Vec::new();
    if evaluation.grade {
        steps.push(FormStep::Grade);
    }
    if evaluation.top_and_tip {
        steps.extend([FormStep::Top, FormStep::Tip]);
    }
    steps.extend((0..evaluation.questions.len()).map(FormStep::Question));
    steps
}

/// The step after `step`, or `None` when the form is complete.
pub fn next(evaluation: &EvaluationLog, step: FormStep) -> Option<FormStep> {
    let steps = steps(evaluation);
    let at = steps.iter().position(|s| *s == step)?;
    steps.get(at + 1).copied()
}

/// Put the typed `text` in `form` at `step`. An empty line leaves the field empty; a grade or
/// scale point that is not a whole number in range, or a text too long, is refused.
pub fn fill(
    form: &mut FormInput,
    evaluation: &EvaluationLog,
    step: FormStep,
    text: &str,
) -> Result<(), FormRefusal> {
    let text = text.trim();
    let given = (!text.is_empty()).then(|| text.to_owned());
    if given
        .as_ref()
        .is_some_and(|t| t.chars().count() > MAX_ANSWER_CHARS)
    {
        return Err(FormRefusal::TooLong);
    }
    match step {
        FormStep::Grade => {
            form.grade = match &given {
                None => None,
                Some(t) => Some(point(t, GRADE_MAX).ok_or(FormRefusal::Grade)?),
            }
        }
        FormStep::Top => form.top = given,
        FormStep::Tip => form.tip = given,
        FormStep::Question(q) => {
            let kind = evaluation.questions.get(q).map(|question| question.answer);
            let answer = match (given, kind) {
                (None, _) | (_, None) => None,
                (Some(t), Some(AnswerKind::Scale { to })) => Some(AnswerInput::Scale(
                    point(&t, to).ok_or(FormRefusal::Answer { question: q })?,
                )),
                (Some(t), Some(AnswerKind::Open)) => Some(AnswerInput::Open(t)),
            };
            if form.answers.len() <= q {
                form.answers.resize(q + 1, None);
            }
            form.answers[q] = answer;
        }
    }
    Ok(())
}

/// A whole number from 1 to `to`.
fn point(text: &str, to: u8) -> Option<u8> {
    text.parse::<u8>().ok().filter(|p| (1..=to).contains(p))
}

/// Whether nothing at all was typed in `form`.
pub fn is_blank(form: &FormInput) -> bool {
    form.grade.is_none()
        && form.top.is_none()
        && form.tip.is_none()
        && form.answers.iter().all(Option::is_none)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::Question;

    fn asked() -> EvaluationLog {
        EvaluationLog {
            grade: true,
            top_and_tip: true,
            questions: vec![Question {
                text: "Toepasbaar?".into(),
                answer: AnswerKind::Scale { to: 5 },
            }],
            ..EvaluationLog::default()
        }
    }

    #[test]
    fn a_form_is_grade_top_tip_then_the_questions() {
        let e = asked();
        assert_eq!(
            steps(&e),
            [
                FormStep::Grade,
                FormStep::Top,
                FormStep::Tip,
                FormStep::Question(0)
            ]
        );
        assert_eq!(next(&e, FormStep::Tip), Some(FormStep::Question(0)));
        assert_eq!(next(&e, FormStep::Question(0)), None);
    }

    #[test]
    fn grades_and_points_must_be_whole_and_in_range() {
        let e = asked();
        let mut form = FormInput::default();
        for bad in ["0", "11", "7,5", "zeven"] {
            assert_eq!(
                fill(&mut form, &e, FormStep::Grade, bad),
                Err(FormRefusal::Grade),
                "{bad}"
            );
        }
        fill(&mut form, &e, FormStep::Grade, " 10 ").unwrap();
        assert_eq!(
            fill(&mut form, &e, FormStep::Question(0), "6"),
            Err(FormRefusal::Answer { question: 0 })
        );
        fill(&mut form, &e, FormStep::Question(0), "5").unwrap();
        fill(&mut form, &e, FormStep::Top, "").unwrap();
        assert_eq!(form.grade, Some(10));
        assert_eq!(form.top, None);
        assert_eq!(form.answers, [Some(AnswerInput::Scale(5))]);
        assert_eq!(
            fill(&mut form, &e, FormStep::Tip, &"x".repeat(281)),
            Err(FormRefusal::TooLong)
        );
    }
}
