//! One session: a timeline of planned vs actual per block (overruns in the overrun colour), the
//! dilemmas as vote and revote bars with the shift, groups, attendance, notes and the harvest.

use super::app::ReviewApp;
use super::lines::{cut, fit, heading, right, wrapped};
use crate::i18n::Lang;
use crate::review::bars::{self, Timeline};
use crate::review::dilemma::DilemmaResult;
use crate::review::evaluation::{EvaluationResult, QuestionAnswers, grade_text};
use crate::review::model::SessionReport;
use crate::review::strings::{Words, status, words};
use crate::text::signed;
use crate::text::{duration, fill};
use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

/// What only the screen says; the section headings are the report's (`review::strings`).
pub struct SessionStrings {
    pub vote: &'static str,
    pub revote: &'static str,
    pub summary: &'static str,
}

const NL: SessionStrings = SessionStrings {
    vote: "stem",
    revote: "herstem",
    summary: "{} · gepland {} · werkelijk {} · aanwezig {}",
};
const EN: SessionStrings = SessionStrings {
    vote: "vote",
    revote: "revote",
    summary: "{} · planned {} · actual {} · present {}",
};

/// The title row and every line of session `index` at `width` columns.
pub fn lines(app: &ReviewApp, index: usize, width: usize) -> (String, Vec<Line<'static>>) {
    let s = app.lang.pick(&NL, &EN);
    let w = words(app.lang);
    let theme = &app.theme;
    let Some(report) = SessionReport::build(&app.review, index) else {
        return (String::new(), Vec::new());
    };
    let summary = report.summary;
    let title = format!(
        "{} · {}",
        summary.title,
        app.lang.date_time(&summary.created)
    );
    let mut out: Vec<Line<'static>> = Vec::new();
    let people = format!("{}/{}", summary.present, summary.participants);
    let state = status(summary.finished, app.lang);
    let line = fill(
        s.summary,
        &[
            state,
            &duration(summary.planned),
            &duration(summary.actual),
            &people,
        ],
    );
    let style = if summary.finished {
        theme.dim()
    } else {
        theme.overrun()
    };
    out.extend(wrapped("", &line, width, style));
    if let Some(programme) = &summary.programme {
        out.push(Line::styled(cut(programme, width), theme.dim()));
    }

    heading(&mut out, w.timeline, theme);
    let longest = summary.longest_block();
    let name_width = (width / 3).clamp(6, 28);
    let figures = 22; // " 15:00 → 18:30 +03:30"
    let bar_width = width.saturating_sub(name_width + figures + 2);
    for b in &summary.blocks {
        let t = Timeline::new(b.planned, b.actual, longest, bar_width);
        let mut spans = vec![Span::styled(
            format!("{} ", fit(&b.marked_title(app.lang), name_width)),
            theme.text(),
        )];
        if bar_width >= 4 {
            spans.push(Span::styled(
                bars::RAN.to_string().repeat(t.ran),
                theme.accent(),
            ));
            spans.push(Span::styled(
                bars::OVER.to_string().repeat(t.over),
                theme.overrun(),
            ));
            spans.push(Span::styled(
                bars::UNUSED.to_string().repeat(t.unused),
                theme.dim(),
            ));
            spans.push(Span::raw(
                " ".repeat(bar_width + 1 - (t.ran + t.over + t.unused)),
            ));
        }
        let diff_style = if b.overran() {
            theme.overrun()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(
            format!(
                "{} → {}",
                right(&duration(b.planned), 5),
                fit(&duration(b.actual), 5)
            ),
            theme.text(),
        ));
        if b.ran() {
            spans.push(Span::styled(
                format!(" {}", signed(b.difference())),
                diff_style,
            ));
        } else {
            spans.push(Span::styled(" –", theme.dim()));
        }
        out.push(Line::from(spans));
    }
    if bar_width >= 4 {
        out.push(Line::styled(cut(w.legend_timeline, width), theme.dim()));
    }

    if !report.dilemmas.is_empty() {
        heading(&mut out, w.dilemmas, theme);
        for d in &report.dilemmas {
            dilemma_lines(&mut out, d, app.lang, width, theme);
        }
    }

    if !report.groups.is_empty() {
        heading(&mut out, w.groups, theme);
        for block in &report.groups {
            out.push(Line::styled(cut(&block.block, width), theme.title()));
            if block.reshuffles > 0 {
                let times = crate::text::count(block.reshuffles as u64, w.times);
                out.extend(wrapped(
                    "  ",
                    &fill(w.reshuffled, &[&times]),
                    width,
                    theme.dim(),
                ));
            }
            for (g, group) in block.groups.iter().enumerate() {
                let lead = format!("  {} {}: ", w.group, g + 1);
                out.extend(wrapped(&lead, &group.join(", "), width, theme.text()));
            }
        }
    }

    if report.has_attendance() {
        heading(&mut out, w.attendance, theme);
        let lead = format!("{} ({}): ", w.present, report.present.len());
        out.extend(wrapped(
            &lead,
            &report.present.join(", "),
            width,
            theme.text(),
        ));
        if !report.absent.is_empty() {
            let lead = format!("{} ({}): ", w.absent, report.absent.len());
            out.extend(wrapped(
                &lead,
                &report.absent.join(", "),
                width,
                theme.warning(),
            ));
        }
    }

    if !report.notes.is_empty() {
        heading(&mut out, w.notes, theme);
        for note in &report.notes {
            out.extend(wrapped(
                "· ",
                &format!("{}: {}", note.block, note.text),
                width,
                theme.text(),
            ));
        }
    }
    if !report.takeaways.is_empty() {
        heading(&mut out, w.takeaways, theme);
        for text in &report.takeaways {
            out.extend(wrapped("· ", text, width, theme.text()));
        }
    }
    if !report.evaluations.is_empty() {
        heading(&mut out, w.evaluation, theme);
        for e in &report.evaluations {
            evaluation_lines(&mut out, e, app.lang, width, theme);
        }
    }
    if !report.wishes.is_empty() {
        heading(&mut out, w.wishes, theme);
        for person in &report.wishes {
            let mut text = person.wish.clone().unwrap_or_default();
            if let Some(stand) = &person.stand {
                if !text.is_empty() {
                    text.push_str(" · ");
                }
                text.push_str(&format!("{}: {stand}", w.stand));
            }
            out.extend(wrapped(
                &format!("{}: ", person.name),
                &text,
                width,
                theme.text(),
            ));
        }
    }
    (title, out)
}

/// One Evaluation block: its grade, the spread over 1-10 as a line of columns, tops, tips and
/// the answers to the session's own questions.
fn evaluation_lines(
    out: &mut Vec<Line<'static>>,
    e: &EvaluationResult,
    lang: Lang,
    width: usize,
    theme: &Theme,
) {
    let w = words(lang);
    let line = fill(
        w.grade_line,
        &[
            &grade_text(e.average, lang),
            &e.graded.to_string(),
            &e.forms.to_string(),
        ],
    );
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", e.block), theme.title()),
        Span::styled(line, theme.text()),
    ]));
    if e.graded > 0 {
        out.push(Line::from(vec![
            Span::styled(format!("{} ", w.spread), theme.dim()),
            Span::styled("▕", theme.dim()),
            Span::styled(bars::spread(&e.spread), theme_vote(theme)),
            Span::styled("▏", theme.dim()),
        ]));
    }
    for (label, texts) in [(w.tops, &e.tops), (w.tips, &e.tips)] {
        for text in texts.iter() {
            out.extend(wrapped(&format!("{label}: "), text, width, theme.text()));
        }
    }
    for q in &e.questions {
        match &q.answers {
            QuestionAnswers::Scale { to, average, .. } => {
                let average = fill(
                    w.scale_average,
                    &[&grade_text(*average, lang), &to.to_string()],
                );
                out.extend(wrapped(
                    &format!("{}: ", q.text),
                    &average,
                    width,
                    theme.text(),
                ));
            }
            QuestionAnswers::Open(texts) => {
                for text in texts {
                    out.extend(wrapped(&format!("{}: ", q.text), text, width, theme.text()));
                }
            }
        }
    }
}

/// A card's title, then per option its text and a vote bar and a revote bar with the shift.
pub fn dilemma_lines(
    out: &mut Vec<Line<'static>>,
    d: &DilemmaResult,
    lang: crate::i18n::Lang,
    width: usize,
    theme: &Theme,
) {
    let s = lang.pick(&NL, &EN);
    let w: &Words = words(lang);
    out.push(Line::styled(cut(&d.title, width), theme.title()));
    let top = d.top();
    let bar_width = width.saturating_sub(16).min(40);
    for (i, o) in d.options.iter().enumerate() {
        out.extend(wrapped(
            &format!("  {}. ", i + 1),
            &o.text,
            width,
            theme.text(),
        ));
        let bar = |label: &str, count: u32, glyph: char, style| {
            Line::from(vec![
                Span::styled(format!("     {} ", fit(label, 7)), theme.dim()),
                Span::styled(bars::count_bar(count, top, bar_width, glyph), style),
                Span::styled(format!(" {count}"), theme.text()),
            ])
        };
        out.push(bar(s.vote, o.votes, bars::VOTE, theme_vote(theme)));
        if let (Some(r), Some(shift)) = (o.revotes, o.shift()) {
            let mut line = bar(s.revote, r, bars::REVOTE, theme_revote(theme));
            let shift = format!(" ({})", crate::review::markdown::shift_text(shift));
            line.push_span(Span::styled(shift, theme.accent()));
            out.push(line);
        }
    }
    if d.total_revotes().is_none() {
        out.push(Line::styled(
            cut(&format!("     {}", w.no_revote), width),
            theme.dim(),
        ));
    }
    if let Some(outcome) = &d.outcome {
        out.extend(wrapped(
            &format!("  {}: ", w.outcome),
            outcome,
            width,
            theme.accent(),
        ));
    }
    for note in &d.notes {
        out.extend(wrapped("  · ", note, width, theme.text()));
    }
}

fn theme_vote(theme: &Theme) -> ratatui::style::Style {
    ratatui::style::Style::new().fg(theme.vote)
}
fn theme_revote(theme: &Theme) -> ratatui::style::Style {
    ratatui::style::Style::new().fg(theme.revote)
}
