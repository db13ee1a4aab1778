//! An evaluation for the room: the title beside the clock, how many forms are in, and what the
//! facilitator let through: the grade distribution once revealed, approved answers, their words.

use super::RoomStyle;
use super::block;
use super::fit::{self, Align, Size};
use crate::engine::room::RoomBlock;
use crate::engine::room_evaluation::RoomEvaluation;
use crate::text::{count, fill};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct RoomEvaluationStrings {
    pub forms: (&'static str, &'static str),
    /// "{} forms · average {}".
    pub average: &'static str,
    pub invite: &'static str,
    pub words: &'static str,
}

const NL: RoomEvaluationStrings = RoomEvaluationStrings {
    forms: ("formulier ingevuld", "formulieren ingevuld"),
    average: "{} · gemiddeld {}",
    invite: "Vul het formulier in, op je telefoon of op papier",
    words: "Veel genoemd: ",
};
const EN: RoomEvaluationStrings = RoomEvaluationStrings {
    forms: ("form filled in", "forms filled in"),
    average: "{} · average {}",
    invite: "Fill in the form, on your phone or on paper",
    words: "Often named: ",
};

pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    block: &RoomBlock,
    evaluation: &RoomEvaluation,
    style: &RoomStyle,
) {
    let strings = style.lang.pick(&NL, &EN);
    let theme = style.theme;
    let top = Rect {
        height: (area.height / 5).clamp(1, 8),
        ..area
    };
    block::title_beside_clock(buf, top, &block.title, &block.clock, style);
    let mut rest = Rect {
        x: area.x + 1,
        y: top.bottom() + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(top.height + 1),
    };
    let forms = count(evaluation.forms as u64, strings.forms);
    let summary = match &evaluation.grades {
        Some(grades) => fill(
            strings.average,
            &[&forms, &style.lang.one_decimal(grades.average)],
        ),
        None => forms,
    };
    let line = |buf: &mut Buffer, rest: &mut Rect, line: Line| {
        if rest.height > 0 {
            line.render(Rect { height: 1, ..*rest }, buf);
            rest.y += 1;
            rest.height -= 1;
        }
    };
    line(buf, &mut rest, Line::styled(summary, theme.title()));
    if let Some(grades) = &evaluation.grades {
        let most = grades
            .distribution
            .iter()
            .copied()
            .max()
            .unwrap_or(0)
            .max(1);
        let room = u32::from(rest.width.saturating_sub(10)).max(1);
        let bars = usize::from(rest.height / 2).min(grades.distribution.len());
        // Highest grades first; on a low screen only the grades given are listed.
        let shown: Vec<(usize, u32)> = grades
            .distribution
            .iter()
            .copied()
            .enumerate()
            .rev()
            .filter(|(_, n)| bars >= grades.distribution.len() || *n > 0)
            .take(bars)
            .collect();
        for (i, n) in shown {
            let length = (n * room).div_ceil(most).min(room) as usize;
            line(
                buf,
                &mut rest,
                Line::from(vec![
                    Span::styled(format!("{:>2} ", i + 1), theme.dim()),
                    Span::styled("█".repeat(length), theme.accent()),
                    Span::styled(
                        if n > 0 {
                            format!(" {n}")
                        } else {
                            String::new()
                        },
                        theme.dim(),
                    ),
                ]),
            );
        }
    }
    if !evaluation.words.is_empty() {
        let words: Vec<String> = evaluation
            .words
            .iter()
            .map(|(word, n)| format!("{word} ({n})"))
            .collect();
        line(buf, &mut rest, Line::default());
        line(
            buf,
            &mut rest,
            Line::from(vec![
                Span::styled(strings.words, theme.dim()),
                Span::styled(words.join(" · "), theme.accent()),
            ]),
        );
    }
    line(buf, &mut rest, Line::default());
    if evaluation.approved.is_empty() {
        if evaluation.grades.is_none() {
            let fitted = fit::fit(&[strings.invite], rest.width, rest.height, 0, Size::Plain);
            fit::draw(buf, rest, &fitted, 0, Align::Center, |_| theme.dim());
        }
        return;
    }
    let items: Vec<String> = evaluation
        .approved
        .iter()
        .map(|a| format!("· {}", a.text))
        .collect();
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    let fitted = fit::fit(&items, rest.width, rest.height, 0, Size::Plain);
    fit::draw(buf, rest, &fitted, 0, Align::Left, |_| theme.text());
}
