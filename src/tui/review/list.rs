//! The list of recorded sessions: programmes first, then sessions newest first, each with date,
//! title, programme, planned vs actual length, attendance and finished or not; unreadable logs last.

use super::app::{Entry, ReviewApp};
use super::lines::{fit, right, wrapped};
use crate::text::{count, duration, fill};
use ratatui::text::{Line, Span};

pub struct ListStrings {
    pub title: &'static str,
    pub programmes: &'static str,
    pub unreadable_count: &'static str,
    /// The nouns counted in the title: sessions and programmes.
    pub sessions: (&'static str, &'static str),
    pub programme_count: (&'static str, &'static str),
    pub programme: &'static str,
    pub days: (&'static str, &'static str),
    pub empty: &'static str,
    pub unreadable: &'static str,
    pub unfinished: &'static str,
}

const NL: ListStrings = ListStrings {
    title: "regie review — {}",
    programmes: " · {}",
    unreadable_count: " · {} onleesbaar",
    programme: "Programma",
    days: ("dag", "dagen"),
    sessions: ("sessie", "sessies"),
    programme_count: ("programma", "programma's"),
    empty: "Geen leesbare sessielogs gevonden.",
    unreadable: "Niet leesbaar (overgeslagen):",
    unfinished: "ONAF",
};
const EN: ListStrings = ListStrings {
    title: "regie review — {}",
    programmes: " · {}",
    unreadable_count: " · {} unreadable",
    programme: "Programme",
    days: ("day", "days"),
    sessions: ("session", "sessions"),
    programme_count: ("programme", "programmes"),
    empty: "No readable session logs found.",
    unreadable: "Unreadable (skipped):",
    unfinished: "UNFIN",
};

/// The title, every row, and the first row to show so the cursor is on screen.
pub fn lines(app: &ReviewApp, width: usize, height: usize) -> (String, Vec<Line<'static>>, usize) {
    let s = app.lang.pick(&NL, &EN);
    let theme = &app.theme;
    let review = &app.review;
    let mut title = fill(s.title, &[&count(review.sessions.len() as u64, s.sessions)]);
    if !review.programmes.is_empty() {
        title.push_str(&fill(
            s.programmes,
            &[&count(review.programmes.len() as u64, s.programme_count)],
        ));
    }
    if !review.errors.is_empty() {
        title.push_str(&fill(
            s.unreadable_count,
            &[&review.errors.len().to_string()],
        ));
    }
    let entries = app.entries();
    let mut out: Vec<Line<'static>> = Vec::new();
    if entries.is_empty() {
        out.push(Line::styled(s.empty, theme.dim()));
    }
    for (row, entry) in entries.iter().enumerate() {
        let selected = row == app.cursor;
        let marker = if selected { "▶ " } else { "  " };
        let line = match *entry {
            Entry::Programme(i) => {
                let p = &review.programmes[i];
                let days = count(p.sessions.len() as u64, s.days);
                let text = format!("{marker}{}: {} · {days}", s.programme, p.name);
                Line::styled(
                    fit(&text, width),
                    if selected {
                        theme.selected()
                    } else {
                        theme.accent()
                    },
                )
            }
            Entry::Session(i) => session_row(app, i, marker, selected, width, s),
        };
        out.push(line);
    }
    if !review.errors.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(s.unreadable, theme.warning()));
        for error in &review.errors {
            out.extend(wrapped("  ", &error.to_string(), width, theme.dim()));
        }
    }
    let first = app.cursor.saturating_sub(height.saturating_sub(1));
    (title, out, first)
}

fn session_row(
    app: &ReviewApp,
    i: usize,
    marker: &str,
    selected: bool,
    width: usize,
    s: &ListStrings,
) -> Line<'static> {
    let theme = &app.theme;
    let summary = &app.review.sessions[i];
    let style = |normal| if selected { theme.selected() } else { normal };
    let date = if width >= 40 {
        app.lang.date_time(&summary.created)
    } else {
        app.lang.day_month(&summary.created)
    };
    let status = if summary.finished {
        "✓"
    } else {
        s.unfinished
    };
    let show_length = width >= 70;
    let show_people = width >= 50;
    let show_programme = width >= 100;
    let fixed = 2
        + date.chars().count()
        + 1
        + 6
        + if show_length { 20 } else { 0 }
        + if show_people { 7 } else { 0 }
        + if show_programme { 24 } else { 0 };
    let title_width = width.saturating_sub(fixed).max(4);
    let mut spans = vec![
        Span::styled(format!("{marker}{date} "), style(theme.dim())),
        Span::styled(fit(&summary.title, title_width), style(theme.text())),
    ];
    if show_programme {
        let programme = summary.programme.as_deref().unwrap_or("");
        spans.push(Span::styled(
            format!("  {}", fit(programme, 22)),
            style(theme.dim()),
        ));
    }
    if show_length {
        spans.push(Span::styled(
            format!("  {} → ", right(&duration(summary.planned), 7)),
            style(theme.dim()),
        ));
        let late = summary.actual > summary.planned;
        spans.push(Span::styled(
            fit(&duration(summary.actual), 7),
            style(if late { theme.overrun() } else { theme.text() }),
        ));
    }
    if show_people {
        let people = format!("{}/{}", summary.present, summary.participants);
        spans.push(Span::styled(
            format!(" {}", right(&people, 6)),
            style(theme.text()),
        ));
    }
    spans.push(Span::styled(
        format!(" {}", fit(status, 5)),
        style(if summary.finished {
            theme.text()
        } else {
            theme.overrun()
        }),
    ));
    Line::from(spans)
}
