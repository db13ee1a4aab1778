//! What the room sees of an Evaluation block: what the form asks (for phones), how many forms
//! are in, and only once revealed or approved: grades, scales, open answers and their words.

use super::evaluation::{EvaluationLog, Part};
use super::words::{WordCount, frequent_words};
use crate::script::{AnswerKind, Question};
use serde::Serialize;

/// The most words the room's word list shows.
pub const WORDS_SHOWN: usize = 12;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomEvaluation {
    /// What the form asks: a grade, a top and a tip, the block's questions.
    pub asks_grade: bool,
    pub asks_top_and_tip: bool,
    pub questions: Vec<Question>,
    /// How many forms are in (anyone may know this; it tells nothing of their content).
    pub forms: usize,
    /// Only once the facilitator revealed them.
    pub grades: Option<RoomGrades>,
    /// Per scale question (by place among the questions): forms per point, once revealed.
    pub scales: Vec<RoomScale>,
    /// Open answers the facilitator approved, in form order. Nothing else ever appears here.
    pub approved: Vec<RoomAnswer>,
    /// The most frequent words of the approved answers.
    pub words: Vec<WordCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomGrades {
    pub count: usize,
    pub average: f64,
    /// Forms per grade: index 0 is grade 1.
    pub distribution: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomScale {
    pub question: usize,
    pub to: u8,
    /// Answers per point: index 0 is point 1.
    pub counts: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomAnswer {
    pub part: Part,
    pub text: String,
}

impl RoomEvaluation {
    pub fn of(evaluation: &EvaluationLog) -> RoomEvaluation {
        let revealed = evaluation.revealed;
        let grades = evaluation
            .average_grade()
            .filter(|_| revealed)
            .map(|(count, average)| RoomGrades {
                count,
                average,
                distribution: evaluation.grade_distribution().to_vec(),
            });
        let scales = evaluation
            .questions
            .iter()
            .enumerate()
            .filter(|_| revealed)
            .filter_map(|(q, question)| match question.answer {
                AnswerKind::Scale { to } => {
                    let mut counts = vec![0; usize::from(to)];
                    for point in evaluation.scale_answers(q) {
                        if let Some(n) = counts.get_mut(usize::from(point).wrapping_sub(1)) {
                            *n += 1;
                        }
                    }
                    Some(RoomScale {
                        question: q,
                        to,
                        counts,
                    })
                }
                AnswerKind::Open => None,
            })
            .collect();
        let approved: Vec<RoomAnswer> = evaluation
            .open_answers()
            .filter(|(_, answer)| answer.approved())
            .map(|(slot, answer)| RoomAnswer {
                part: slot.part,
                text: answer.text.clone(),
            })
            .collect();
        let words = frequent_words(approved.iter().map(|a| a.text.as_str()), WORDS_SHOWN);
        RoomEvaluation {
            asks_grade: evaluation.grade,
            asks_top_and_tip: evaluation.top_and_tip,
            questions: evaluation.questions.clone(),
            forms: evaluation.forms.len(),
            grades,
            scales,
            approved,
            words,
        }
    }
}
