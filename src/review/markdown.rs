//! The Markdown evaluation report: the overview, each programme (attendance, pairs, time per
//! kind, dilemmas across days), then each session (timeline, dilemmas, groups, attendance, notes).

use super::bars::{self, Timeline};
use super::dilemma::{self, DilemmaResult};
use super::strings::{kind_name, status};
use super::{Programme, Review, SessionSummary};
use crate::engine::clock::is_present;
use crate::i18n::Lang;
use crate::journal::record::SessionLog;
use crate::text::{duration, fill, signed};
use std::fmt::Write;

/// Width in characters of the bars in the report's tables.
const BAR: usize = 24;

pub struct ReportStrings {
    pub title: &'static str,
    pub made_from: &'static str,
    pub unreadable: &'static str,
    pub overview: &'static str,
    pub overview_head: [&'static str; 7],
    pub programme: &'static str,
    pub days: &'static str,
    pub attendance: &'static str,
    pub person: &'static str,
    pub days_present: &'static str,
    pub legend_attendance: &'static str,
    pub pairs: &'static str,
    pub pairs_none: &'static str,
    pub discipline: &'static str,
    pub discipline_head: [&'static str; 7],
    pub dilemmas: &'static str,
    pub dilemma_head: [&'static str; 5],
    pub no_revote: &'static str,
    pub outcome: &'static str,
    pub session: &'static str,
    pub timeline: &'static str,
    pub timeline_head: [&'static str; 6],
    pub legend_timeline: &'static str,
    pub groups: &'static str,
    pub group: &'static str,
    pub reshuffled: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    pub notes: &'static str,
    pub takeaways: &'static str,
    pub no_logs: &'static str,
    pub day: &'static str,
}

const NL: ReportStrings = ReportStrings {
    title: "Evaluatie",
    made_from: "Gemaakt uit {} sessielog(s).",
    unreadable: "Niet leesbare logs (overgeslagen)",
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
    programme: "Programma",
    days: "{} dag(en)",
    attendance: "Aanwezigheid",
    person: "Deelnemer",
    days_present: "Dagen",
    legend_attendance: "✓ aanwezig · ✗ afwezig · – niet op de lijst",
    pairs: "Wie werkte met wie",
    pairs_none: "Geen groepsindelingen vastgelegd.",
    discipline: "Tijddiscipline per soort blok",
    discipline_head: [
        "Soort",
        "Blokken",
        "Overgeslagen",
        "Gepland",
        "Werkelijk",
        "Gem. verschil",
        "Uitgelopen",
    ],
    dilemmas: "Dilemma's",
    dilemma_head: [
        "Optie",
        "Stemming",
        "Herstemming",
        "Verschuiving",
        "Staafjes",
    ],
    no_revote: "geen herstemming",
    outcome: "Uitkomst",
    session: "Sessie",
    timeline: "Tijdlijn",
    timeline_head: ["Blok", "Soort", "Gepland", "Werkelijk", "Verschil", "Balk"],
    legend_timeline: "█ binnen de planning · ▓ uitgelopen · ░ geplande tijd niet gebruikt",
    groups: "Groepen",
    group: "Groep",
    reshuffled: "opnieuw ingedeeld: {} keer, de laatste indeling telt",
    present: "Aanwezig",
    absent: "Afwezig",
    notes: "Notities",
    takeaways: "Oogst",
    no_logs: "Geen leesbare sessielogs.",
    day: "Dag",
};

const EN: ReportStrings = ReportStrings {
    title: "Evaluation",
    made_from: "Made from {} session log(s).",
    unreadable: "Unreadable logs (skipped)",
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
    programme: "Programme",
    days: "{} day(s)",
    attendance: "Attendance",
    person: "Participant",
    days_present: "Days",
    legend_attendance: "✓ present · ✗ absent · – not on the list",
    pairs: "Who worked with whom",
    pairs_none: "No group splits recorded.",
    discipline: "Time discipline per block kind",
    discipline_head: [
        "Kind",
        "Blocks",
        "Skipped",
        "Planned",
        "Actual",
        "Mean difference",
        "Overran",
    ],
    dilemmas: "Dilemmas",
    dilemma_head: ["Option", "Vote", "Revote", "Shift", "Bars"],
    no_revote: "no revote",
    outcome: "Outcome",
    session: "Session",
    timeline: "Timeline",
    timeline_head: ["Block", "Kind", "Planned", "Actual", "Difference", "Bar"],
    legend_timeline: "█ within the plan · ▓ overrun · ░ planned time not used",
    groups: "Groups",
    group: "Group",
    reshuffled: "reshuffled: {} time(s), the last split counts",
    present: "Present",
    absent: "Absent",
    notes: "Notes",
    takeaways: "Harvest",
    no_logs: "No readable session logs.",
    day: "Day",
};

pub fn strings(lang: Lang) -> &'static ReportStrings {
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
        fill(s.made_from, &[&review.sessions.len().to_string()])
    );
    if review.sessions.is_empty() {
        let _ = writeln!(out, "{}\n", s.no_logs);
    } else {
        overview(&mut out, review, lang);
    }
    for programme in &review.programmes {
        programme_section(&mut out, review, programme, lang);
    }
    for (i, summary) in review.sessions.iter().enumerate() {
        session_section(&mut out, summary, &review.logs[i].1, i, lang);
    }
    if !review.errors.is_empty() {
        let _ = writeln!(out, "## {}\n", s.unreadable);
        for error in &review.errors {
            let _ = writeln!(out, "- `{}`", inline(&error.to_string()).replace('`', "'"));
        }
        out.push('\n');
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
                duration(summary.planned),
                duration(summary.actual),
                format!("{}/{}", summary.present, summary.participants),
                status(summary.finished, lang).to_string(),
            ],
        );
    }
    out.push('\n');
}

fn programme_section(out: &mut String, review: &Review, p: &Programme, lang: Lang) {
    let s = strings(lang);
    let _ = writeln!(out, "## {}: {}\n", s.programme, inline(&p.name));
    let _ = writeln!(out, "{}\n", fill(s.days, &[&p.sessions.len().to_string()]));
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

    let _ = writeln!(out, "### {}\n", s.attendance);
    let mut cols: Vec<String> = vec![s.person.to_string()];
    cols.extend((1..=p.sessions.len()).map(|d| format!("{} {d}", s.day)));
    cols.push(s.days_present.to_string());
    head(out, &cols.iter().map(String::as_str).collect::<Vec<_>>());
    for (i, (person, days)) in p.people.iter().zip(&p.attendance).enumerate() {
        let mut cells = vec![cell(person)];
        cells.extend(days.iter().map(|d| mark(*d).to_string()));
        cells.push(p.days_present(i).to_string());
        row(out, &cells);
    }
    let _ = writeln!(out, "\n{}\n", s.legend_attendance);

    let _ = writeln!(out, "### {}\n", s.pairs);
    if p.pairs.iter().flatten().all(|n| *n == 0) {
        let _ = writeln!(out, "{}\n", s.pairs_none);
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

    let _ = writeln!(out, "### {}\n", s.discipline);
    head(out, &s.discipline_head);
    for k in &p.kinds {
        row(
            out,
            &[
                cell(kind_name(&k.kind, lang)),
                k.blocks.to_string(),
                k.skipped.to_string(),
                duration(k.planned),
                duration(k.actual),
                signed(k.mean_difference()),
                k.overruns.to_string(),
            ],
        );
    }
    out.push('\n');

    if !p.dilemmas.is_empty() {
        let _ = writeln!(out, "### {}\n", s.dilemmas);
        for d in &p.dilemmas {
            let day = p.day_of(d.session);
            let _ = writeln!(out, "#### {} {day} · {}\n", s.day, inline(&d.title));
            dilemma_table(out, d, lang);
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

fn dilemma_table(out: &mut String, d: &DilemmaResult, lang: Lang) {
    let s = strings(lang);
    head(out, &s.dilemma_head);
    let top = d.top();
    for (i, o) in d.options.iter().enumerate() {
        let revote = o.revotes.map_or_else(String::new, |r| r.to_string());
        let shift = o.shift().map_or_else(String::new, |x| match x {
            0 => "±0".to_string(),
            x if x > 0 => format!("+{x}"),
            x => x.to_string(),
        });
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
        let _ = writeln!(out, "_{}_\n", s.no_revote);
    }
    if let Some(outcome) = &d.outcome {
        let _ = writeln!(out, "**{}:** {}\n", s.outcome, inline(outcome));
    }
    for note in &d.notes {
        let _ = writeln!(out, "- {}", inline(note));
    }
    if !d.notes.is_empty() {
        out.push('\n');
    }
}

fn session_section(
    out: &mut String,
    summary: &SessionSummary,
    log: &SessionLog,
    index: usize,
    lang: Lang,
) {
    let s = strings(lang);
    let _ = writeln!(
        out,
        "## {}: {} ({})\n",
        s.session,
        inline(&summary.title),
        lang.date_time(&summary.created)
    );
    let _ = writeln!(
        out,
        "`{}` · {} · {} {} → {} · {} {}/{}\n",
        summary.id,
        status(summary.finished, lang),
        s.timeline_head[2].to_lowercase(),
        duration(summary.planned),
        duration(summary.actual),
        s.present.to_lowercase(),
        summary.present,
        summary.participants
    );

    let _ = writeln!(out, "### {}\n", s.timeline);
    head(out, &s.timeline_head);
    let longest = summary.longest_block();
    for b in &summary.blocks {
        row(
            out,
            &[
                cell(&b.title),
                cell(kind_name(&b.kind, lang)),
                duration(b.planned),
                duration(b.actual),
                signed(b.difference()),
                Timeline::new(b.planned, b.actual, longest, BAR).text(),
            ],
        );
    }
    let _ = writeln!(out, "\n{}\n", s.legend_timeline);

    let cards = dilemma::of_session(index, log);
    if !cards.is_empty() {
        let _ = writeln!(out, "### {}\n", s.dilemmas);
        for d in &cards {
            let _ = writeln!(out, "#### {}\n", inline(&d.title));
            dilemma_table(out, d, lang);
        }
    }

    let splits: Vec<_> = log.blocks.iter().filter(|b| !b.splits.is_empty()).collect();
    if !splits.is_empty() {
        let _ = writeln!(out, "### {}\n", s.groups);
        for block in splits {
            let _ = writeln!(out, "**{}**", inline(&block.title));
            if block.splits.len() > 1 {
                let times = (block.splits.len() - 1).to_string();
                let _ = writeln!(out, "_{}_", fill(s.reshuffled, &[&times]));
            }
            out.push('\n');
            if let Some(kept) = block.splits.last() {
                for (g, group) in kept.groups.iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "- {} {}: {}",
                        s.group,
                        g + 1,
                        inline(&group.join(", "))
                    );
                }
            }
            out.push('\n');
        }
    }

    if !log.participants.is_empty() || !log.attendance.is_empty() {
        let _ = writeln!(out, "### {}\n", s.attendance);
        let people = super::session::people_of(log);
        let (here, away): (Vec<&String>, Vec<&String>) =
            people.iter().partition(|n| is_present(log, n));
        let list = |names: &[&String]| {
            inline(
                &names
                    .iter()
                    .map(|n| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        };
        let _ = writeln!(out, "- {} ({}): {}", s.present, here.len(), list(&here));
        if !away.is_empty() {
            let _ = writeln!(out, "- {} ({}): {}", s.absent, away.len(), list(&away));
        }
        out.push('\n');
    }

    let notes = super::session::block_notes(log);
    if !notes.is_empty() {
        let _ = writeln!(out, "### {}\n", s.notes);
        for (block, text) in notes {
            let _ = writeln!(out, "- _{}_: {}", inline(block), inline(text));
        }
        out.push('\n');
    }
    let takeaways: Vec<&str> = log
        .blocks
        .iter()
        .flat_map(|b| b.takeaways.iter().map(|n| n.text.as_str()))
        .collect();
    if !takeaways.is_empty() {
        let _ = writeln!(out, "### {}\n", s.takeaways);
        for text in takeaways {
            let _ = writeln!(out, "- {}", inline(text));
        }
        out.push('\n');
    }
}
