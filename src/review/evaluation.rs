//! Evaluations in review: per Evaluation block the grade (average, count, spread over 1-10),
//! tops, tips and the session's own questions; per programme the grade of each day (the trend).

use crate::engine::record::{Answer, BlockKindTag, EvaluationLog, SessionLog};
use crate::script::{AnswerKind, GRADE_MAX};

/// The results of one Evaluation block.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluationResult {
    pub block: String,
    /// Forms handed in (with or without a grade).
    pub forms: usize,
    /// Forms with a grade, and their average.
    pub graded: usize,
    pub average: Option<f64>,
    /// How many forms gave each grade: index 0 is grade 1.
    pub spread: [u32; GRADE_MAX as usize],
    /// Every top and tip written, in form order (moderation decides what the room saw; the
    /// organiser's report has them all).
    pub tops: Vec<String>,
    pub tips: Vec<String>,
    pub questions: Vec<QuestionResult>,
}

/// The answers to one of the session's own questions.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    pub text: String,
    pub answers: QuestionAnswers,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionAnswers {
    /// Points on a scale 1..=`to`: how many gave each, and the average.
    Scale {
        to: u8,
        counts: Vec<u32>,
        average: Option<f64>,
    },
    Open(Vec<String>),
}

/// The grade of one day of a programme: every Evaluation block of that day's forms together.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayGrade {
    /// Forms with a grade.
    pub graded: usize,
    pub average: Option<f64>,
}

/// The blocks of `log` that record an evaluation (every Evaluation block that has its record).
pub fn logs_of(log: &SessionLog) -> impl Iterator<Item = (&str, &EvaluationLog)> {
    log.blocks.iter().filter_map(|b| {
        (b.kind == BlockKindTag::Evaluation)
            .then_some(b.evaluation.as_ref())
            .flatten()
            .map(|e| (b.title.as_str(), e))
    })
}

/// The result of every Evaluation block of `log`, in block order.
pub fn of_session(log: &SessionLog) -> Vec<EvaluationResult> {
    logs_of(log).map(|(block, e)| result(block, e)).collect()
}

/// The grade of a day: all graded forms of its Evaluation blocks.
pub fn day_grade(log: &SessionLog) -> DayGrade {
    let (graded, sum) = logs_of(log)
        .flat_map(|(_, e)| e.grades())
        .fold((0usize, 0u32), |(n, s), g| (n + 1, s + u32::from(g)));
    DayGrade {
        graded,
        average: (graded > 0).then(|| f64::from(sum) / graded as f64),
    }
}

fn result(block: &str, e: &EvaluationLog) -> EvaluationResult {
    let texts = |answers: Vec<Option<&crate::engine::record::OpenAnswer>>| -> Vec<String> {
        answers
            .into_iter()
            .flatten()
            .map(|a| a.text.clone())
            .collect()
    };
    let average = e.average_grade();
    EvaluationResult {
        block: block.to_string(),
        forms: e.forms.len(),
        graded: average.map_or(0, |(n, _)| n),
        average: average.map(|(_, a)| a),
        spread: e.grade_distribution(),
        tops: texts(e.forms.iter().map(|f| f.top.as_ref()).collect()),
        tips: texts(e.forms.iter().map(|f| f.tip.as_ref()).collect()),
        questions: e
            .questions
            .iter()
            .enumerate()
            .map(|(q, question)| QuestionResult {
                text: question.text.clone(),
                answers: match question.answer {
                    AnswerKind::Scale { to } => {
                        let mut counts = vec![0u32; usize::from(to)];
                        let (mut n, mut sum) = (0u32, 0u32);
                        for point in e.scale_answers(q) {
                            if let Some(c) = counts.get_mut(usize::from(point).wrapping_sub(1)) {
                                *c += 1;
                                n += 1;
                                sum += u32::from(point);
                            }
                        }
                        QuestionAnswers::Scale {
                            to,
                            counts,
                            average: (n > 0).then(|| f64::from(sum) / f64::from(n)),
                        }
                    }
                    AnswerKind::Open => QuestionAnswers::Open(
                        e.forms
                            .iter()
                            .filter_map(|f| match f.answers.get(q) {
                                Some(Some(Answer::Open(a))) => Some(a.text.clone()),
                                _ => None,
                            })
                            .collect(),
                    ),
                },
            })
            .collect(),
    }
}

/// An average as the report writes it: one decimal, a decimal comma in Dutch ("7,4").
pub fn grade_text(average: Option<f64>, lang: crate::i18n::Lang) -> String {
    match average {
        None => "–".to_string(),
        Some(a) => {
            let text = format!("{a:.1}");
            match lang {
                crate::i18n::Lang::Nl => text.replace('.', ","),
                crate::i18n::Lang::En => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::record::{Form, FormSource, OpenAnswer};
    use crate::script::Question;

    fn form(grade: Option<u8>, top: Option<&str>, answers: Vec<Option<Answer>>) -> Form {
        Form {
            at: chrono::DateTime::parse_from_rfc3339("2026-09-01T16:00:00+02:00").unwrap(),
            source: FormSource::Paper,
            grade,
            top: top.map(OpenAnswer::new),
            tip: None,
            answers,
        }
    }

    #[test]
    fn average_spread_and_questions_count_only_what_was_answered() {
        let e = EvaluationLog {
            grade: true,
            top_and_tip: true,
            questions: vec![
                Question {
                    text: "Tempo".into(),
                    answer: AnswerKind::Scale { to: 5 },
                },
                Question {
                    text: "Wat mis je?".into(),
                    answer: AnswerKind::Open,
                },
            ],
            forms: vec![
                form(
                    Some(8),
                    Some("Goede casus"),
                    vec![Some(Answer::Scale(4)), None],
                ),
                form(
                    Some(7),
                    None,
                    vec![
                        Some(Answer::Scale(2)),
                        Some(Answer::Open(OpenAnswer::new("Pauze"))),
                    ],
                ),
                form(None, None, vec![]),
            ],
            ..EvaluationLog::default()
        };
        let r = result("Evaluatie", &e);
        assert_eq!((r.forms, r.graded), (3, 2));
        assert_eq!(r.average, Some(7.5));
        assert_eq!(r.spread[6..8], [1, 1]);
        assert_eq!(r.tops, ["Goede casus"]);
        assert_eq!(
            r.questions[0].answers,
            QuestionAnswers::Scale {
                to: 5,
                counts: vec![0, 1, 0, 1, 0],
                average: Some(3.0)
            }
        );
        assert_eq!(
            r.questions[1].answers,
            QuestionAnswers::Open(vec!["Pauze".into()])
        );
        assert_eq!(grade_text(r.average, crate::i18n::Lang::Nl), "7,5");
    }
}
