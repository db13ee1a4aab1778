//! An Evaluation block on the facilitator's screen: the running count and average of the forms,
//! the grade distribution, scale questions, and how many open answers await moderation.

use super::block;
use super::format::{count, fill};
use crate::engine::forms::FormRefusal;
use crate::engine::record::{EvaluationLog, Moderation, Stamp};
use crate::i18n::Lang;
use crate::script::GRADE_MAX;
use crate::tui::app::App;
use crate::tui::form_entry::FormStep;
use crate::tui::key_table::key_of;
use crate::tui::keys::Action;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub struct EvaluationStrings {
    pub forms: (&'static str, &'static str),
    /// "{} forms, average {}".
    pub average: &'static str,
    /// After the forms when some have no grade: " ({} with a grade)".
    pub graded: &'static str,
    pub no_forms: &'static str,
    /// After `no_forms`: which key types a form.
    pub type_hint: &'static str,
    /// "{} waiting · {} approved · {} rejected — {}: moderate".
    pub moderation: &'static str,
    pub shown: &'static str,
    pub hidden: &'static str,
    /// Labels of the input line, "{}" is the form's number.
    pub grade_field: &'static str,
    pub top_field: &'static str,
    pub tip_field: &'static str,
    pub question_field: &'static str,
    /// Refusals, on the status line.
    pub empty: &'static str,
    pub grade: &'static str,
    pub not_asked: &'static str,
    pub answer: &'static str,
    pub too_long: &'static str,
    pub stale: &'static str,
    pub no_such_answer: &'static str,
}

const NL: EvaluationStrings = EvaluationStrings {
    forms: ("formulier", "formulieren"),
    average: "{}, gemiddeld {}",
    graded: " ({} met cijfer)",
    no_forms: "Nog geen formulieren",
    type_hint: " — {}: typ een papieren formulier (cijfer, Enter; Enter slaat over)",
    moderation: "Open antwoorden: {} wachten · {} goedgekeurd · {} afgewezen — {}: beoordelen",
    shown: "Cijfers getoond aan de zaal",
    hidden: "Cijfers verborgen voor de zaal",
    grade_field: "Formulier {} · cijfer 1-10: ",
    top_field: "Formulier {} · top: ",
    tip_field: "Formulier {} · tip: ",
    question_field: "Formulier {} · {}: ",
    empty: "een leeg formulier telt niet",
    grade: "een cijfer is een heel getal van 1 tot en met 10",
    not_asked: "dat vraagt dit blok niet",
    answer: "antwoord op vraag {} past niet bij de vraag",
    too_long: "te lang: een antwoord is hoogstens 280 tekens",
    stale: "dit formulier hoort bij een ander blok",
    no_such_answer: "dat antwoord bestaat niet meer",
};

const EN: EvaluationStrings = EvaluationStrings {
    forms: ("form", "forms"),
    average: "{}, average {}",
    graded: " ({} with a grade)",
    no_forms: "No forms yet",
    type_hint: " — {}: type a paper form (grade, Enter; Enter skips)",
    moderation: "Open answers: {} waiting · {} approved · {} rejected — {}: moderate",
    shown: "Grades shown to the room",
    hidden: "Grades hidden from the room",
    grade_field: "Form {} · grade 1-10: ",
    top_field: "Form {} · top: ",
    tip_field: "Form {} · tip: ",
    question_field: "Form {} · {}: ",
    empty: "an empty form does not count",
    grade: "a grade is a whole number from 1 to 10",
    not_asked: "this block does not ask that",
    answer: "the answer to question {} does not fit the question",
    too_long: "too long: an answer is at most 280 characters",
    stale: "this form belongs to another block",
    no_such_answer: "that answer no longer exists",
};

pub fn strings(lang: Lang) -> &'static EvaluationStrings {
    lang.pick(&NL, &EN)
}

/// "12 formulieren, gemiddeld 7,6" (or "12 formulieren" without grades); when some forms have
/// no grade, the average says over how many: "12 formulieren (11 met cijfer), gemiddeld 7,6".
pub fn tally(evaluation: &EvaluationLog, lang: Lang) -> String {
    let s = strings(lang);
    let mut forms = count(evaluation.forms.len() as u64, s.forms);
    match evaluation.average_grade() {
        Some((graded, average)) => {
            if graded < evaluation.forms.len() {
                forms.push_str(&fill(s.graded, &[&graded.to_string()]));
            }
            fill(s.average, &[&forms, &lang.one_decimal(average)])
        }
        None => forms,
    }
}

/// Why a form or a moderation was refused, for the status line.
pub fn refusal_text(why: FormRefusal, lang: Lang) -> String {
    let s = strings(lang);
    match why {
        FormRefusal::Empty => s.empty.into(),
        FormRefusal::Grade => s.grade.into(),
        FormRefusal::NotAsked => s.not_asked.into(),
        FormRefusal::Answer { question } => fill(s.answer, &[&(question + 1).to_string()]),
        FormRefusal::TooLong => s.too_long.into(),
        FormRefusal::Stale => s.stale.into(),
        FormRefusal::NoSuchAnswer => s.no_such_answer.into(),
    }
}

/// The input line's label for a field of the form being typed.
pub fn field_label(app: &App, step: FormStep) -> String {
    let s = strings(app.settings.lang);
    let evaluation = app.engine().evaluation();
    let number = (evaluation.map_or(0, |e| e.forms.len()) + 1).to_string();
    match step {
        FormStep::Grade => fill(s.grade_field, &[&number]),
        FormStep::Top => fill(s.top_field, &[&number]),
        FormStep::Tip => fill(s.tip_field, &[&number]),
        FormStep::Question(q) => {
            let question = evaluation.and_then(|e| e.questions.get(q));
            let text = question.map_or(String::new(), |question| match question.scale() {
                Some(to) => format!("{} (1-{to})", question.text),
                None => question.text.clone(),
            });
            fill(s.question_field, &[&number, &text])
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let lang = app.settings.lang;
    let s = strings(lang);
    let theme = &app.settings.theme;
    let (Some(evaluation), Some(below)) = (
        app.engine().evaluation(),
        block::title_with_clock(frame, area, app, now, 16),
    ) else {
        return;
    };
    let mut lines = vec![Line::default()];
    if evaluation.forms.is_empty() {
        let hint = fill(s.type_hint, &[key_of(&Action::Enter)]);
        lines.push(Line::styled(format!("{}{hint}", s.no_forms), theme.dim()));
    } else {
        lines.push(Line::styled(tally(evaluation, lang), theme.title()));
    }
    if evaluation.grade && !evaluation.forms.is_empty() {
        lines.push(Line::default());
        lines.extend(bars(
            &evaluation.grade_distribution(),
            below.width,
            theme.accent(),
            theme.dim(),
        ));
    }
    for (q, question) in evaluation.questions.iter().enumerate() {
        if let Some(to) = question.scale() {
            let text = match evaluation.scale_average(q) {
                None => format!("{} (1-{to}): –", question.text),
                Some((answers, average)) => format!(
                    "{} (1-{to}): {} · {}",
                    question.text,
                    lang.one_decimal(average),
                    count(answers as u64, s.forms)
                ),
            };
            lines.push(Line::styled(text, theme.text()));
        }
    }
    let decisions: Vec<Moderation> = evaluation
        .open_answers()
        .map(|(_, a)| a.moderation)
        .collect();
    if !decisions.is_empty() {
        let n = |m: Moderation| decisions.iter().filter(|d| **d == m).count().to_string();
        lines.push(Line::default());
        lines.push(Line::styled(
            fill(
                s.moderation,
                &[
                    &n(Moderation::Pending),
                    &n(Moderation::Approved),
                    &n(Moderation::Rejected),
                    key_of(&Action::Moderate),
                ],
            ),
            theme.text(),
        ));
    }
    if evaluation.grade || evaluation.questions.iter().any(|q| q.scale().is_some()) {
        let shown = if evaluation.revealed {
            s.shown
        } else {
            s.hidden
        };
        lines.push(Line::styled(shown, theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), below);
}

/// One row per grade from the highest given to the lowest given: "10 ████ 3".
fn bars(
    counts: &[u32; GRADE_MAX as usize],
    width: u16,
    bar: ratatui::style::Style,
    label: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let room = u32::from(width.saturating_sub(10)).max(1);
    let lowest = counts.iter().position(|&n| n > 0).unwrap_or(0);
    let highest = counts.iter().rposition(|&n| n > 0).unwrap_or(0);
    counts
        .iter()
        .enumerate()
        .take(highest + 1)
        .skip(lowest)
        .rev()
        .map(|(i, &n)| {
            let length = (n * room).div_ceil(most).min(room) as usize;
            let mut spans = vec![Span::styled(format!("{:>2} ", i + 1), label)];
            if n > 0 {
                spans.push(Span::styled("█".repeat(length), bar));
                spans.push(Span::styled(format!(" {n}"), label));
            }
            Line::from(spans)
        })
        .collect()
}
