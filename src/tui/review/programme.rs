//! A programme over its days: attendance matrix (people x days), who worked with whom how often,
//! time discipline per block kind, learning wishes with where people stood, and the dilemmas.

use super::app::ReviewApp;
use super::lines::{cut, fit, heading, right, wrapped};
use super::session::dilemma_lines;
use crate::review::bars;
use crate::review::evaluation::grade_text;
use crate::review::strings::{kind_name, status, words};
use crate::text::signed;
use crate::text::{duration, fill};
use ratatui::text::{Line, Span};

/// What only the programme screen says; the section headings are the report's.
pub struct ProgrammeStrings {
    pub title: &'static str,
    pub days: &'static str,
    pub discipline_head: &'static str,
}

const NL: ProgrammeStrings = ProgrammeStrings {
    title: "Programma {} · {}",
    days: "Dagen",
    discipline_head: "blokken  gepland  werkelijk  gem.verschil  uitgelopen",
};
const EN: ProgrammeStrings = ProgrammeStrings {
    title: "Programme {} · {}",
    days: "Days",
    discipline_head: "blocks  planned   actual      mean diff.  overran",
};

/// The title row and every line of programme `index` at `width` columns.
pub fn lines(app: &ReviewApp, index: usize, width: usize) -> (String, Vec<Line<'static>>) {
    let s = app.lang.pick(&NL, &EN);
    let w = words(app.lang);
    let theme = &app.theme;
    let review = &app.review;
    let Some(p) = review.programmes.get(index) else {
        return (String::new(), Vec::new());
    };
    let days = crate::text::count(p.sessions.len() as u64, w.days);
    let title = fill(s.title, &[&p.name, &days]);
    let mut out: Vec<Line<'static>> = Vec::new();

    heading(&mut out, s.days, theme);
    for (day, &i) in p.sessions.iter().enumerate() {
        let Some(summary) = review.sessions.get(i) else {
            continue;
        };
        let mut spans = vec![Span::styled(
            format!("{:>2}. {} ", day + 1, app.lang.date_time(&summary.created)),
            theme.dim(),
        )];
        if !summary.finished {
            spans.push(Span::styled(
                format!("{} ", status(false, app.lang)),
                theme.overrun(),
            ));
        }
        spans.push(Span::styled(summary.title.clone(), theme.text()));
        out.push(Line::from(spans));
    }

    let name_width = p
        .people
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 18);
    heading(&mut out, w.attendance, theme);
    let mut head = format!("{} ", " ".repeat(name_width));
    for d in 1..=p.sessions.len() {
        head.push_str(&right(&d.to_string(), 3));
    }
    out.push(Line::styled(head, theme.dim()));
    for (person, name) in p.people.iter().enumerate() {
        let mut spans = vec![Span::styled(
            format!("{} ", fit(name, name_width)),
            theme.text(),
        )];
        for day in p.attendance.get(person).into_iter().flatten() {
            let (mark, style) = match day {
                Some(true) => ("✓", theme.text()),
                Some(false) => ("✗", theme.warning()),
                None => ("–", theme.dim()),
            };
            spans.push(Span::styled(format!("  {mark}"), style));
        }
        spans.push(Span::styled(
            format!("  {}/{}", p.days_present(person), p.sessions.len()),
            theme.dim(),
        ));
        out.push(Line::from(spans));
    }
    out.push(Line::styled(cut(w.legend_attendance, width), theme.dim()));

    heading(&mut out, w.pairs, theme);
    if p.pairs.iter().flatten().all(|n| *n == 0) {
        out.push(Line::styled(w.pairs_none, theme.dim()));
    } else {
        let mut head = format!("{} ", " ".repeat(name_width + 3));
        for b in 1..=p.people.len() {
            head.push_str(&right(&b.to_string(), 3));
        }
        out.push(Line::styled(head, theme.dim()));
        for (a, name) in p.people.iter().enumerate() {
            let mut spans = vec![Span::styled(
                format!(
                    "{} {} ",
                    right(&(a + 1).to_string(), 2),
                    fit(name, name_width)
                ),
                theme.text(),
            )];
            for (b, n) in p.pairs[a].iter().enumerate() {
                let (text, style) = match (a == b, *n) {
                    (true, _) => ("·".to_string(), theme.dim()),
                    (false, 0) => (String::new(), theme.dim()),
                    (false, 1) => ("1".to_string(), theme.text()),
                    (false, n) => (n.to_string(), theme.warning()),
                };
                spans.push(Span::styled(right(&text, 3), style));
            }
            out.push(Line::from(spans));
        }
    }

    heading(&mut out, w.discipline, theme);
    let kind_width = 12;
    out.push(Line::styled(
        format!("{} {}", " ".repeat(kind_width), s.discipline_head),
        theme.dim(),
    ));
    for k in &p.kinds {
        let late = k.mean_difference() > 0;
        out.push(Line::from(vec![
            Span::styled(
                format!("{} ", fit(kind_name(k.kind, app.lang), kind_width)),
                theme.text(),
            ),
            Span::styled(
                format!(
                    "{}  {}  {}  ",
                    right(&k.blocks.to_string(), 7),
                    right(&duration(k.planned), 7),
                    right(&duration(k.actual), 9),
                ),
                theme.text(),
            ),
            Span::styled(
                right(&signed(k.mean_difference()), 12),
                if late { theme.overrun() } else { theme.text() },
            ),
            Span::styled(
                format!("  {}", right(&k.overruns.to_string(), 10)),
                theme.text(),
            ),
        ]));
    }

    if p.grades.iter().any(|g| g.graded > 0) {
        heading(&mut out, w.grade_trend, theme);
        for (day, g) in p.grades.iter().enumerate() {
            let tenths = g.average.map_or(0, |a| (a * 10.0).round() as u32);
            out.push(Line::from(vec![
                Span::styled(
                    format!(
                        "{:>2}. {} ",
                        day + 1,
                        right(&grade_text(g.average, app.lang), 4)
                    ),
                    theme.text(),
                ),
                Span::styled(bars::count_bar(tenths, 100, 20, bars::VOTE), theme.accent()),
                Span::styled(format!(" ({})", g.graded), theme.dim()),
            ]));
        }
    }

    if !p.wishes.is_empty() {
        heading(&mut out, w.wishes, theme);
        for person in &p.wishes {
            out.extend(wrapped(
                &format!("{}: ", person.name),
                person.wish.as_deref().unwrap_or("–"),
                width,
                theme.text(),
            ));
            for (day, stand) in person.stands.iter().enumerate() {
                if let Some(stand) = stand {
                    let lead = format!("    {} {}: ", w.day, day + 1);
                    out.extend(wrapped(&lead, stand, width, theme.dim()));
                }
            }
        }
    }

    if !p.dilemmas.is_empty() {
        heading(&mut out, w.dilemmas, theme);
        for d in &p.dilemmas {
            let day = p.day_of(d.session);
            out.push(Line::styled(format!("{} {day}", w.day), theme.dim()));
            dilemma_lines(&mut out, d, app.lang, width, theme);
        }
    }
    (title, out)
}
