//! The record of an Evaluation block: the forms handed in (typed from paper or sent by phone),
//! anonymous, with each open answer's moderation; and the figures read from them.

use super::record::Stamp;
use crate::script::locate::Step::{self, Field, Index};
use crate::script::{AnswerKind, BlockKind, GRADE_MAX, Question};
use serde::{Deserialize, Serialize};

/// What an Evaluation block asked and every form handed in. Kept in the block's log.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EvaluationLog {
    /// A grade 1-10 was asked.
    #[serde(default)]
    pub grade: bool,
    /// A top and a tip were asked.
    #[serde(default)]
    pub top_and_tip: bool,
    /// The session's own questions, as the script had them when the block ran.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Forms in the order they were handed in (a phone's replaced form keeps its place).
    #[serde(default)]
    pub forms: Vec<Form>,
    /// Forms taken back with undo, newest last, kept for the record (they count nowhere).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undone: Vec<Form>,
    /// Whether the grade distribution is shown to the room.
    #[serde(default)]
    pub revealed: bool,
}

/// One participant's answers. No name is ever stored; a phone's form names only its device's
/// place among the random tokens of the room (`PhonesLog::devices`), so that the same phone can
/// replace its form while the block is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Form {
    /// When it was handed in (or last replaced).
    pub at: Stamp,
    /// Where it came from.
    #[serde(default)]
    pub source: FormSource,
    /// The grade 1-10, if asked and given.
    #[serde(default)]
    pub grade: Option<u8>,
    /// What was good.
    #[serde(default)]
    pub top: Option<OpenAnswer>,
    /// What could be better.
    #[serde(default)]
    pub tip: Option<OpenAnswer>,
    /// One entry per question of the block, in its order; `None`: not answered.
    #[serde(default)]
    pub answers: Vec<Option<Answer>>,
}

/// Where a form came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FormSource {
    /// Typed by the facilitator from a paper form.
    #[default]
    Paper,
    /// Sent by a phone: index into `PhonesLog::devices` (a random token, nothing else).
    Phone(u32),
}

/// The answer to one of the block's own questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// A point on the question's scale, from 1.
    Scale(u8),
    /// A short text.
    Open(OpenAnswer),
}

/// A text a participant wrote, and whether the facilitator let the room see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenAnswer {
    pub text: String,
    #[serde(default)]
    pub moderation: Moderation,
}

/// The facilitator's decision on an open answer; only `Approved` ever reaches the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Moderation {
    #[default]
    Pending,
    Approved,
    Rejected,
}

impl OpenAnswer {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            moderation: Moderation::Pending,
        }
    }

    pub fn approved(&self) -> bool {
        self.moderation == Moderation::Approved
    }
}

impl EvaluationLog {
    /// The empty record of an Evaluation block (`None` for other kinds).
    pub fn for_kind(kind: &BlockKind) -> Option<EvaluationLog> {
        match kind {
            BlockKind::Evaluation {
                grade,
                top_and_tip,
                questions,
            } => Some(EvaluationLog {
                grade: *grade,
                top_and_tip: *top_and_tip,
                questions: questions.clone(),
                ..EvaluationLog::default()
            }),
            _ => None,
        }
    }

    /// The grades given, in the order of the forms.
    pub fn grades(&self) -> impl Iterator<Item = u8> + '_ {
        self.forms.iter().filter_map(|f| f.grade)
    }

    /// How many forms gave a grade, and their average (`None` without grades).
    pub fn average_grade(&self) -> Option<(usize, f64)> {
        count_and_average(self.grades())
    }

    /// How many forms answered scale question `question`, and their average.
    pub fn scale_average(&self, question: usize) -> Option<(usize, f64)> {
        count_and_average(self.scale_answers(question))
    }

    /// How many forms gave each grade: index 0 is grade 1, index 9 grade 10.
    pub fn grade_distribution(&self) -> [u32; GRADE_MAX as usize] {
        let mut counts = [0; GRADE_MAX as usize];
        for grade in self.grades() {
            if let Some(count) = counts.get_mut(usize::from(grade).wrapping_sub(1)) {
                *count += 1;
            }
        }
        counts
    }

    /// Every open answer of every form, in form order: tops, tips, then the open questions.
    pub fn open_answers(&self) -> impl Iterator<Item = (OpenSlot, &OpenAnswer)> + '_ {
        self.forms.iter().enumerate().flat_map(|(form, f)| {
            let top = f.top.as_ref().map(|a| {
                (
                    OpenSlot {
                        form,
                        part: Part::Top,
                    },
                    a,
                )
            });
            let tip = f.tip.as_ref().map(|a| {
                (
                    OpenSlot {
                        form,
                        part: Part::Tip,
                    },
                    a,
                )
            });
            let questions = f
                .answers
                .iter()
                .enumerate()
                .filter_map(move |(q, a)| match a {
                    Some(Answer::Open(a)) => Some((
                        OpenSlot {
                            form,
                            part: Part::Question(q),
                        },
                        a,
                    )),
                    _ => None,
                });
            top.into_iter().chain(tip).chain(questions)
        })
    }

    /// The answers to scale question `question` (by its place), in form order.
    pub fn scale_answers(&self, question: usize) -> impl Iterator<Item = u8> + '_ {
        self.forms
            .iter()
            .filter_map(move |f| match f.answers.get(question) {
                Some(Some(Answer::Scale(point))) => Some(*point),
                _ => None,
            })
    }

    /// The largest point of question `question`'s scale, if it is a scale question.
    pub fn scale_of(&self, question: usize) -> Option<u8> {
        self.questions.get(question)?.scale()
    }
}

/// How many `points` there are and their average (`None` for none).
fn count_and_average(points: impl Iterator<Item = u8>) -> Option<(usize, f64)> {
    let (count, sum) = points.fold((0usize, 0u32), |(n, s), p| (n + 1, s + u32::from(p)));
    (count > 0).then(|| (count, f64::from(sum) / count as f64))
}

/// Where an open answer sits: which form, which part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OpenSlot {
    /// Index into `EvaluationLog::forms`.
    pub form: usize,
    pub part: Part,
}

/// A part of a form that holds an open answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Part {
    Top,
    Tip,
    /// The open question at this place among the block's questions.
    Question(usize),
}

/// A number in a log's evaluation that regie could not have written: the path to it below the
/// `evaluation` field, and what is wrong. Texts are not checked: any text reads safely.
pub(super) fn flaw(log: &EvaluationLog) -> Option<(Vec<Step<'static>>, String)> {
    let lists = [("forms", &log.forms), ("undone", &log.undone)];
    for (list, forms) in lists {
        for (f, form) in forms.iter().enumerate() {
            let at = |rest: &[Step<'static>]| {
                let mut path = vec![Field(list), Index(f)];
                path.extend_from_slice(rest);
                path
            };
            if let Some(grade) = form.grade
                && !(1..=GRADE_MAX).contains(&grade)
            {
                return Some((
                    at(&[Field("grade")]),
                    format!("a form with grade {grade}; a grade is 1 to {GRADE_MAX}"),
                ));
            }
            if form.answers.len() > log.questions.len() {
                return Some((
                    at(&[Field("answers")]),
                    format!(
                        "a form with {} answers to {} questions",
                        form.answers.len(),
                        log.questions.len()
                    ),
                ));
            }
            for (q, answer) in form.answers.iter().enumerate() {
                let fits = match (answer, log.questions[q].answer) {
                    (None, _) => true,
                    (Some(Answer::Scale(point)), AnswerKind::Scale { to }) => {
                        (1..=to).contains(point)
                    }
                    (Some(Answer::Open(_)), AnswerKind::Open) => true,
                    _ => false,
                };
                if !fits {
                    return Some((
                        at(&[Field("answers"), Index(q)]),
                        format!("the answer to question {} does not fit its kind", q + 1),
                    ));
                }
            }
        }
    }
    None
}

/// Every time stamp of an evaluation, with its path below the `evaluation` field.
pub(super) fn stamps(
    log: &EvaluationLog,
) -> impl Iterator<Item = (Stamp, Vec<Step<'static>>)> + '_ {
    let lists = [("forms", &log.forms), ("undone", &log.undone)];
    lists.into_iter().flat_map(|(list, forms)| {
        forms
            .iter()
            .enumerate()
            .map(move |(f, form)| (form.at, vec![Field(list), Index(f), Field("at")]))
    })
}
