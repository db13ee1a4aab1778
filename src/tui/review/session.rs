//! One session: a timeline of planned vs actual per block (overruns in the overrun colour), the
//! dilemmas as vote and revote bars with the shift, groups, attendance, notes and the harvest.

use super::app::ReviewApp;
use super::lines::{cut, fit, heading, right, wrapped};
use crate::engine::clock::is_present;
use crate::review::bars::{self, Timeline};
use crate::review::dilemma::{self, DilemmaResult};
use crate::review::session::people_of;
use crate::review::strings::status;
use crate::text::signed;
use crate::text::{duration, fill};
use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

pub struct SessionStrings {
    pub timeline: &'static str,
    pub legend: &'static str,
    pub dilemmas: &'static str,
    pub vote: &'static str,
    pub revote: &'static str,
    pub no_revote: &'static str,
    pub outcome: &'static str,
    pub groups: &'static str,
    pub group: &'static str,
    pub reshuffled: &'static str,
    pub attendance: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    pub notes: &'static str,
    pub harvest: &'static str,
    pub summary: &'static str,
}

const NL: SessionStrings = SessionStrings {
    timeline: "Tijdlijn: gepland en werkelijk",
    legend: "█ binnen de planning · ▓ uitgelopen · ░ niet gebruikt",
    dilemmas: "Dilemma's: stemming → herstemming",
    vote: "stem",
    revote: "herstem",
    no_revote: "geen herstemming",
    outcome: "Uitkomst: ",
    groups: "Groepen",
    group: "Groep",
    reshuffled: "(opnieuw ingedeeld: {}×)",
    attendance: "Aanwezigheid",
    present: "Aanwezig",
    absent: "Afwezig",
    notes: "Notities",
    harvest: "Oogst",
    summary: "{} · gepland {} · werkelijk {} · aanwezig {}",
};
const EN: SessionStrings = SessionStrings {
    timeline: "Timeline: planned and actual",
    legend: "█ within the plan · ▓ overrun · ░ unused",
    dilemmas: "Dilemmas: vote → revote",
    vote: "vote",
    revote: "revote",
    no_revote: "no revote",
    outcome: "Outcome: ",
    groups: "Groups",
    group: "Group",
    reshuffled: "(reshuffled: {}×)",
    attendance: "Attendance",
    present: "Present",
    absent: "Absent",
    notes: "Notes",
    harvest: "Harvest",
    summary: "{} · planned {} · actual {} · present {}",
};

/// The title row and every line of session `index` at `width` columns.
pub fn lines(app: &ReviewApp, index: usize, width: usize) -> (String, Vec<Line<'static>>) {
    let s = app.lang.pick(&NL, &EN);
    let theme = &app.theme;
    let (Some(summary), Some((_, log))) =
        (app.review.sessions.get(index), app.review.logs.get(index))
    else {
        return (String::new(), Vec::new());
    };
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

    heading(&mut out, s.timeline, theme);
    let longest = summary.longest_block();
    let name_width = (width / 3).clamp(6, 28);
    let figures = 22; // " 15:00 → 18:30 +03:30"
    let bar_width = width.saturating_sub(name_width + figures + 2);
    for b in &summary.blocks {
        let t = Timeline::new(b.planned, b.actual, longest, bar_width);
        let mut spans = vec![Span::styled(
            format!("{} ", fit(&b.title, name_width)),
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
        out.push(Line::styled(cut(s.legend, width), theme.dim()));
    }

    let cards = dilemma::of_session(index, log);
    if !cards.is_empty() {
        heading(&mut out, s.dilemmas, theme);
        for d in &cards {
            dilemma_lines(&mut out, d, s, width, theme);
        }
    }

    let broke_out: Vec<_> = log.blocks.iter().filter(|b| !b.splits.is_empty()).collect();
    if !broke_out.is_empty() {
        heading(&mut out, s.groups, theme);
        for block in broke_out {
            let mut head = block.title.clone();
            if block.splits.len() > 1 {
                head.push(' ');
                head.push_str(&fill(
                    s.reshuffled,
                    &[&(block.splits.len() - 1).to_string()],
                ));
            }
            out.push(Line::styled(cut(&head, width), theme.title()));
            if let Some(kept) = block.splits.last() {
                for (g, group) in kept.groups.iter().enumerate() {
                    let lead = format!("  {} {}: ", s.group, g + 1);
                    out.extend(wrapped(&lead, &group.join(", "), width, theme.text()));
                }
            }
        }
    }

    let everyone = people_of(log);
    if !everyone.is_empty() {
        heading(&mut out, s.attendance, theme);
        let (here, away): (Vec<String>, Vec<String>) =
            everyone.into_iter().partition(|n| is_present(log, n));
        let lead = format!("{} ({}): ", s.present, here.len());
        out.extend(wrapped(&lead, &here.join(", "), width, theme.text()));
        if !away.is_empty() {
            let lead = format!("{} ({}): ", s.absent, away.len());
            out.extend(wrapped(&lead, &away.join(", "), width, theme.warning()));
        }
    }

    let notes = crate::review::session::block_notes(log);
    if !notes.is_empty() {
        heading(&mut out, s.notes, theme);
        for (block, text) in notes {
            out.extend(wrapped(
                "· ",
                &format!("{block}: {text}"),
                width,
                theme.text(),
            ));
        }
    }
    let takeaways: Vec<&str> = log
        .blocks
        .iter()
        .flat_map(|b| b.takeaways.iter().map(|n| n.text.as_str()))
        .collect();
    if !takeaways.is_empty() {
        heading(&mut out, s.harvest, theme);
        for text in takeaways {
            out.extend(wrapped("· ", text, width, theme.text()));
        }
    }
    (title, out)
}

/// A card's title, then per option its text and a vote bar and a revote bar with the shift.
pub fn dilemma_lines(
    out: &mut Vec<Line<'static>>,
    d: &DilemmaResult,
    s: &SessionStrings,
    width: usize,
    theme: &Theme,
) {
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
            let shift = match shift {
                0 => " (±0)".to_string(),
                x if x > 0 => format!(" (+{x})"),
                x => format!(" ({x})"),
            };
            line.push_span(Span::styled(shift, theme.accent()));
            out.push(line);
        }
    }
    if d.total_revotes().is_none() {
        out.push(Line::styled(
            cut(&format!("     {}", s.no_revote), width),
            theme.dim(),
        ));
    }
    if let Some(outcome) = &d.outcome {
        out.extend(wrapped(
            &format!("  {}", s.outcome),
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

pub fn strings(lang: crate::i18n::Lang) -> &'static SessionStrings {
    lang.pick(&NL, &EN)
}
