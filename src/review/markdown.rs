//! The Markdown evaluation report: the overview, each programme (attendance, pairs, time per
//! kind, dilemmas across days), then each session, all rendered from the report model.

use super::bars::{self, Timeline};
use super::dilemma::DilemmaResult;
use super::evaluation::{EvaluationResult, QuestionAnswers, grade_text};
use super::model::SessionReport;
use super::strings::{Words, kind_name, minutes, signed_minutes, status, words};
use super::{Programme, Review};
use crate::i18n::Lang;
use crate::text::{count, fill};
use std::fmt::Write;

/// Width in characters of the bars in the report's tables.
const BAR: usize = 24;

/// What only the Markdown report says: its title, table headers and a few sentences.
pub struct MarkdownStrings {
    pub title: &'static str,
    pub made_from: &'static str,
    pub session_logs: (&'static str, &'static str),
    pub unreadable: &'static str,
    pub unreadable_count: &'static str,
    pub logs: (&'static str, &'static str),
    pub overview: &'static str,
    pub overview_head: [&'static str; 7],
    pub person: &'static str,
    pub days_present: &'static str,
    pub discipline_head: [&'static str; 7],
    pub dilemma_head: [&'static str; 5],
    pub session: &'static str,
    pub timeline_head: [&'static str; 6],
    pub summary: &'static str,
    pub no_logs: &'static str,
}

const NL: MarkdownStrings = MarkdownStrings {
    title: "Evaluatie",
    made_from: "Gemaakt uit {}.",
    session_logs: ("sessielog", "sessielogs"),
    unreadable: "Niet leesbare logs (overgeslagen)",
    unreadable_count: "{} niet leesbaar (overgeslagen).",
    logs: ("log", "logs"),
    overview: "Overzicht",
    overview_head: [
        "Datum",
        "Sessie",
        "Programma",
        "Gepland",
        "Werkelijk",
        "Aanwezig",
        "Status",
    ],
    person: "Deelnemer",
    days_present: "Dagen",
    discipline_head: [
        "Soort",
        "Blokken",
        "Overgeslagen",
        "Gepland",
        "Werkelijk",
        "Gem. verschil",
        "Uitgelopen",
    ],
    dilemma_head: [
        "Optie",
        "Stemming",
        "Herstemming",
        "Verschuiving",
        "Staafjes",
    ],
    session: "Sessie",
    timeline_head: ["Blok", "Soort", "Gepland", "Werkelijk", "Verschil", "Balk"],
    summary: "{} · gepland {} → werkelijk {} · aanwezig {}",
    no_logs: "Geen leesbare sessielogs.",
};

const EN: MarkdownStrings = MarkdownStrings {
    title: "Evaluation",
    made_from: "Made from {}.",
    session_logs: ("session log", "session logs"),
    unreadable: "Unreadable logs (skipped)",
    unreadable_count: "{} unreadable (skipped).",
    logs: ("log", "logs"),
    overview: "Overview",
    overview_head: [
        "Date",
        "Session",
        "Programme",
        "Planned",
        "Actual",
        "Present",
        "Status",
    ],
    person: "Participant",
    days_present: "Days",
    discipline_head: [
        "Kind",
        "Blocks",
        "Skipped",
        "Planned",
        "Actual",
        "Mean difference",
        "Overran",
    ],
    dilemma_head: ["Option", "Vote", "Revote", "Shift", "Bars"],
    session: "Session",
    timeline_head: ["Block", "Kind", "Planned", "Actual", "Difference", "Bar"],
    summary: "{} · planned {} → actual {} · present {}",
    no_logs: "No readable session logs.",
};

pub fn strings(lang: Lang) -> &'static MarkdownStrings {
    lang.pick(&NL, &EN)
}

/// A table cell: no line breaks, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// A text line for Markdown outside tables: line breaks kept as spaces.
fn inline(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        out.push_str(c);
        out.push_str(" |");
    }
    out.push('\n');
}

fn head(out: &mut String, cells: &[&str]) {
    row(out, &cells.iter().map(|c| cell(c)).collect::<Vec<_>>());
    out.push('|');
    for _ in cells {
        out.push_str(" --- |");
    }
    out.push('\n');
}

/// The whole report.
pub fn render(review: &Review, lang: Lang) -> String {
    let s = strings(lang);
    let mut out = String::with_capacity(4096 + review.sessions.len() * 2048);
    let heading = match review.programmes.as_slice() {
        [only] if only.sessions.len() == review.sessions.len() => {
            format!("{}: {}", s.title, only.name)
        }
        _ => s.title.to_string(),
    };
    let _ = writeln!(out, "# {}\n", inline(&heading));
    let _ = writeln!(
        out,
        "{}\n",
        fill(
            s.made_from,
            &[&count(review.sessions.len() as u64, s.session_logs)]
        )
    );
    if review.sessions.is_empty() {
        let _ = writeln!(out, "{}\n", s.no_logs);
    } else {
        overview(&mut out, review, lang);
    }
    for programme in &review.programmes {
        programme_section(&mut out, review, programme, lang);
    }
    for i in 0..review.sessions.len() {
        if let Some(report) = SessionReport::build(review, i) {
            session_section(&mut out, &report, lang);
        }
    }
    if !review.errors.is_empty() {
        if review.privacy.anonymise.is_some() {
            // File names may hold names: say how many, not which.
            let logs = count(review.errors.len() as u64, s.logs);
            let _ = writeln!(out, "{}\n", fill(s.unreadable_count, &[&logs]));
        } else {
            let _ = writeln!(out, "## {}\n", s.unreadable);
            for error in &review.errors {
                let _ = writeln!(out, "- `{}`", inline(&error.to_string()).replace('`', "'"));
            }
            out.push('\n');
        }
    }
    out
}

fn overview(out: &mut String, review: &Review, lang: Lang) {
    let s = strings(lang);
    let _ = writeln!(out, "## {}\n", s.overview);
    head(out, &s.overview_head);
    for summary in &review.sessions {
        row(
            out,
            &[
                lang.date_time(&summary.created),
                cell(&summary.title),
                cell(summary.programme.as_deref().unwrap_or("")),
                minutes(summary.planned, lang),
                minutes(summary.actual, lang),
                format!("{}/{}", summary.present, summary.participants),
                status(summary.finished, lang).to_string(),
            ],
        );
    }
    out.push('\n');
}

fn programme_section(out: &mut String, review: &Review, p: &Programme, lang: Lang) {
    let s = strings(lang);
    let w = words(lang);
    let _ = writeln!(out, "## {}: {}\n", w.programme, inline(&p.name));
    let _ = writeln!(out, "{}\n", count(p.sessions.len() as u64, w.days));
    for (day, &i) in p.sessions.iter().enumerate() {
        if let Some(summary) = review.sessions.get(i) {
            let _ = writeln!(
                out,
                "{}. {} · {}{}",
                day + 1,
                lang.date_time(&summary.created),
                inline(&summary.title),
                if summary.finished {
                    String::new()
                } else {
                    format!(" ({})", status(false, lang))
                }
            );
        }
    }
    out.push('\n');

    let _ = writeln!(out, "### {}\n", w.attendance);
    let mut cols: Vec<String> = vec![s.person.to_string()];
    cols.extend((1..=p.sessions.len()).map(|d| format!("{} {d}", w.day)));
    cols.push(s.days_present.to_string());
    head(out, &cols.iter().map(String::as_str).collect::<Vec<_>>());
    for (i, (person, days)) in p.people.iter().zip(&p.attendance).enumerate() {
        let mut cells = vec![cell(person)];
        cells.extend(days.iter().map(|d| mark(*d).to_string()));
        cells.push(p.days_present(i).to_string());
        row(out, &cells);
    }
    let _ = writeln!(out, "\n{}\n", w.legend_attendance);

    let _ = writeln!(out, "### {}\n", w.pairs);
    if p.pairs.iter().flatten().all(|n| *n == 0) {
        let _ = writeln!(out, "{}\n", w.pairs_none);
    } else {
        let mut cols: Vec<String> = vec![s.person.to_string()];
        cols.extend((1..=p.people.len()).map(|n| n.to_string()));
        head(out, &cols.iter().map(String::as_str).collect::<Vec<_>>());
        for (a, person) in p.people.iter().enumerate() {
            let mut cells = vec![format!("{} {}", a + 1, cell(person))];
            cells.extend(
                p.pairs[a]
                    .iter()
                    .enumerate()
                    .map(|(b, n)| match (a == b, n) {
                        (true, _) => "·".to_string(),
                        (false, 0) => String::new(),
                        (false, n) => n.to_string(),
                    }),
            );
            row(out, &cells);
        }
        out.push('\n');
    }

    let _ = writeln!(out, "### {}\n", w.discipline);
    head(out, &s.discipline_head);
    for k in &p.kinds {
        row(
            out,
            &[
                cell(kind_name(k.kind, lang)),
                k.blocks.to_string(),
                k.skipped.to_string(),
                minutes(k.planned, lang),
                minutes(k.actual, lang),
                signed_minutes(k.mean_difference()),
                k.overruns.to_string(),
            ],
        );
    }
    out.push('\n');

    if p.grades.iter().any(|g| g.graded > 0) {
        let _ = writeln!(out, "### {}\n", w.grade_trend);
        head(out, &[w.day, w.forms, w.grade, s.dilemma_head[4]]);
        for (day, g) in p.grades.iter().enumerate() {
            // Bars out of ten: the trend reads down the column.
            let tenths = g.average.map_or(0, |a| (a * 10.0).round() as u32);
            row(
                out,
                &[
                    (day + 1).to_string(),
                    g.graded.to_string(),
                    grade_text(g.average, lang),
                    bars::count_bar(tenths, 100, BAR, bars::VOTE),
                ],
            );
        }
        out.push('\n');
    }

    if !p.wishes.is_empty() {
        let _ = writeln!(out, "### {}\n", w.wishes);
        let mut cols: Vec<String> = vec![s.person.to_string(), w.wish.to_string()];
        cols.extend((1..=p.sessions.len()).map(|d| format!("{} {d}", w.day)));
        head(out, &cols.iter().map(String::as_str).collect::<Vec<_>>());
        for person in &p.wishes {
            let mut cells = vec![
                cell(&person.name),
                person.wish.as_deref().map_or_else(String::new, cell),
            ];
            cells.extend(
                person
                    .stands
                    .iter()
                    .map(|t| t.as_deref().map_or_else(String::new, cell)),
            );
            row(out, &cells);
        }
        let _ = writeln!(out, "\n{}\n", w.legend_wishes);
    }

    if !p.dilemmas.is_empty() {
        let _ = writeln!(out, "### {}\n", w.dilemmas);
        for d in &p.dilemmas {
            let day = p.day_of(d.session);
            let _ = writeln!(out, "#### {} {day} · {}\n", w.day, inline(&d.title));
            dilemma_table(out, d, lang);
        }
    }
}

/// One Evaluation block: the grade line, the spread per grade as bars, tops, tips, questions.
fn evaluation_section(out: &mut String, e: &EvaluationResult, lang: Lang) {
    let w = words(lang);
    let _ = writeln!(out, "#### {}\n", inline(&e.block));
    let line = fill(
        w.grade_line,
        &[
            &grade_text(e.average, lang),
            &e.graded.to_string(),
            &e.forms.to_string(),
        ],
    );
    let _ = writeln!(out, "{line}\n");
    if e.graded > 0 {
        head(out, &[w.grade, w.forms, w.spread]);
        let top = e.spread.iter().copied().max().unwrap_or(0);
        for (i, n) in e.spread.iter().enumerate() {
            row(
                out,
                &[
                    (i + 1).to_string(),
                    n.to_string(),
                    bars::count_bar(*n, top, BAR / 2, bars::VOTE),
                ],
            );
        }
        out.push('\n');
    }
    for (label, texts) in [(w.tops, &e.tops), (w.tips, &e.tips)] {
        if texts.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{label}**\n");
        for text in texts {
            let _ = writeln!(out, "- {}", inline(text));
        }
        out.push('\n');
    }
    for q in &e.questions {
        match &q.answers {
            QuestionAnswers::Scale { to, average, .. } => {
                let average = fill(
                    w.scale_average,
                    &[&grade_text(*average, lang), &to.to_string()],
                );
                let _ = writeln!(out, "**{}**: {average}\n", inline(&q.text));
            }
            QuestionAnswers::Open(texts) => {
                let _ = writeln!(out, "**{}**\n", inline(&q.text));
                for text in texts {
                    let _ = writeln!(out, "- {}", inline(text));
                }
                out.push('\n');
            }
        }
    }
}

fn mark(day: Option<bool>) -> &'static str {
    match day {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "–",
    }
}

/// A shift in votes: "+2", "-1", "±0".
pub fn shift_text(shift: i64) -> String {
    match shift {
        0 => "±0".to_string(),
        x if x > 0 => format!("+{x}"),
        x => x.to_string(),
    }
}

fn dilemma_table(out: &mut String, d: &DilemmaResult, lang: Lang) {
    let s = strings(lang);
    let w = words(lang);
    head(out, &s.dilemma_head);
    let top = d.top();
    for (i, o) in d.options.iter().enumerate() {
        let revote = o.revotes.map_or_else(String::new, |r| r.to_string());
        let shift = o.shift().map_or_else(String::new, shift_text);
        let mut bar = bars::count_bar(o.votes, top, BAR / 2, bars::VOTE);
        if let Some(r) = o.revotes {
            bar.push(' ');
            bar.push_str(&bars::count_bar(r, top, BAR / 2, bars::REVOTE));
        }
        row(
            out,
            &[
                format!("{}. {}", i + 1, cell(&o.text)),
                o.votes.to_string(),
                revote,
                shift,
                bar,
            ],
        );
    }
    out.push('\n');
    if d.total_revotes().is_none() {
        let _ = writeln!(out, "_{}_\n", w.no_revote);
    }
    if let Some(outcome) = &d.outcome {
        let _ = writeln!(out, "**{}:** {}\n", w.outcome, inline(outcome));
    }
    for note in &d.notes {
        let _ = writeln!(out, "- {}", inline(note));
    }
    if !d.notes.is_empty() {
        out.push('\n');
    }
}

fn session_section(out: &mut String, r: &SessionReport, lang: Lang) {
    let s = strings(lang);
    let w: &Words = words(lang);
    let summary = r.summary;
    let _ = writeln!(
        out,
        "## {}: {} ({})\n",
        s.session,
        inline(&summary.title),
        lang.date_time(&summary.created)
    );
    let people = format!("{}/{}", summary.present, summary.participants);
    let line = fill(
        s.summary,
        &[
            status(summary.finished, lang),
            &minutes(summary.planned, lang),
            &minutes(summary.actual, lang),
            &people,
        ],
    );
    let _ = writeln!(out, "`{}` · {line}\n", summary.id.replace('`', "'"));

    let _ = writeln!(out, "### {}\n", w.timeline);
    head(out, &s.timeline_head);
    let longest = summary.longest_block();
    for b in &summary.blocks {
        row(
            out,
            &[
                cell(&b.marked_title(lang)),
                cell(kind_name(b.kind, lang)),
                minutes(b.planned, lang),
                minutes(b.actual, lang),
                if b.ran() {
                    signed_minutes(b.difference())
                } else {
                    "–".to_string()
                },
                Timeline::new(b.planned, b.actual, longest, BAR).text(),
            ],
        );
    }
    let _ = writeln!(out, "\n{}\n", w.legend_timeline);

    if !r.dilemmas.is_empty() {
        let _ = writeln!(out, "### {}\n", w.dilemmas);
        for d in &r.dilemmas {
            let _ = writeln!(out, "#### {}\n", inline(&d.title));
            dilemma_table(out, d, lang);
        }
    }

    if !r.groups.is_empty() {
        let _ = writeln!(out, "### {}\n", w.groups);
        for block in &r.groups {
            let _ = writeln!(out, "**{}**", inline(&block.block));
            if block.reshuffles > 0 {
                let times = count(block.reshuffles as u64, w.times);
                let _ = writeln!(out, "_{}_", fill(w.reshuffled, &[&times]));
            }
            out.push('\n');
            for (g, group) in block.groups.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "- {} {}: {}",
                    w.group,
                    g + 1,
                    inline(&group.join(", "))
                );
            }
            out.push('\n');
        }
    }

    if r.has_attendance() {
        let _ = writeln!(out, "### {}\n", w.attendance);
        let list = |names: &[String]| inline(&names.join(", "));
        let _ = writeln!(
            out,
            "- {} ({}): {}",
            w.present,
            r.present.len(),
            list(&r.present)
        );
        if !r.absent.is_empty() {
            let _ = writeln!(
                out,
                "- {} ({}): {}",
                w.absent,
                r.absent.len(),
                list(&r.absent)
            );
        }
        out.push('\n');
    }

    if !r.notes.is_empty() {
        let _ = writeln!(out, "### {}\n", w.notes);
        for note in &r.notes {
            let _ = writeln!(out, "- _{}_: {}", inline(&note.block), inline(&note.text));
        }
        out.push('\n');
    }
    if !r.takeaways.is_empty() {
        let _ = writeln!(out, "### {}\n", w.takeaways);
        for text in &r.takeaways {
            let _ = writeln!(out, "- {}", inline(text));
        }
        out.push('\n');
    }
    if !r.evaluations.is_empty() {
        let _ = writeln!(out, "### {}\n", w.evaluation);
        for e in &r.evaluations {
            evaluation_section(out, e, lang);
        }
    }
    if !r.wishes.is_empty() {
        let _ = writeln!(out, "### {}\n", w.wishes);
        head(out, &[s.person, w.wish, w.stand]);
        let text = |t: &Option<String>| t.as_deref().map_or_else(String::new, cell);
        for person in &r.wishes {
            row(
                out,
                &[cell(&person.name), text(&person.wish), text(&person.stand)],
            );
        }
        out.push('\n');
    }
}
