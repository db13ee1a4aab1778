//! The picker's list as lines: a heading for own and bundled sessions, one per programme, and
//! each session's full title wrapped, with its start, length and any unfinished run beside it.

use crate::i18n::Lang;
use crate::text::count;
use crate::tui::picker::{Choice, Origin, Picker};
use crate::tui::room::fit::wrap_hard;
use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

pub struct ListStrings {
    pub own: &'static str,
    pub bundled: &'static str,
    pub no_programme: &'static str,
    pub session: (&'static str, &'static str),
    /// Hours and minutes: "6 u 30" / "6 h 30".
    pub hours: &'static str,
}

const NL: ListStrings = ListStrings {
    own: "Eigen sessies (./sessions)",
    bundled: "Meegeleverd met regie",
    no_programme: "zonder programma",
    session: ("sessie", "sessies"),
    hours: "u",
};
const EN: ListStrings = ListStrings {
    own: "Your sessions (./sessions)",
    bundled: "Bundled with regie",
    no_programme: "no programme",
    session: ("session", "sessions"),
    hours: "h",
};

/// Columns before a session's title: the cursor mark and the programme's indent.
const INDENT: usize = 4;
/// A title column narrower than this leaves no room beside it: start and length are left out.
const MIN_TITLE: usize = 16;

/// The list's lines at `width`, each with the session it belongs to (`None` for headings).
pub fn lines(
    picker: &Picker,
    width: usize,
    theme: &Theme,
    lang: Lang,
) -> Vec<(Line<'static>, Option<usize>)> {
    let strings = lang.pick(&NL, &EN);
    let metas: Vec<String> = picker.choices.iter().map(|c| meta(c, strings)).collect();
    let meta_width = metas.iter().map(|m| m.chars().count()).max().unwrap_or(0);
    let beside = width >= INDENT + MIN_TITLE + 2 + meta_width;
    let title_width = if beside {
        width - INDENT - 2 - meta_width
    } else {
        width.saturating_sub(INDENT).max(1)
    };
    let mut out = Vec::new();
    let mut group = None;
    for (i, choice) in picker.choices.iter().enumerate() {
        if group.map(|(origin, _)| origin) != Some(choice.origin()) {
            let heading = match choice.origin() {
                Origin::Own => strings.own,
                Origin::Bundled => strings.bundled,
            };
            if !out.is_empty() {
                out.push((Line::default(), None));
            }
            out.push((Line::styled(heading.to_string(), theme.title()), None));
        }
        if group != Some(choice.group()) {
            let size = picker.choices[i..]
                .iter()
                .take_while(|c| c.group() == choice.group())
                .count();
            let name = choice.programme.as_deref().unwrap_or(strings.no_programme);
            let text = format!("  {name} · {}", count(size as u64, strings.session));
            out.push((Line::styled(text, theme.accent()), None));
        }
        group = Some(choice.group());
        let chosen = i == picker.cursor;
        let style = if chosen {
            theme.selected()
        } else {
            theme.text()
        };
        let rows = wrap_hard(&choice.title, title_width);
        let total = rows.len();
        let source = choice.short_source();
        let last = rows.last().map_or(0, |r| r.chars().count());
        let source_on_last = last + 2 + source.chars().count() <= title_width;
        for (n, row) in rows.into_iter().enumerate() {
            let marker = if chosen && n == 0 { "  ▶ " } else { "    " };
            let used = row.chars().count();
            let mut spans = vec![Span::styled(format!("{marker}{row}"), style)];
            let mut fill = title_width.saturating_sub(used);
            if n + 1 == total && source_on_last {
                spans.push(Span::styled(format!("  {source}"), theme.dim()));
                fill = fill.saturating_sub(2 + source.chars().count());
            }
            if n == 0 && beside {
                spans.push(Span::raw(" ".repeat(fill + 2)));
                spans.extend(meta_spans(choice, &metas[i], theme));
            }
            out.push((Line::from(spans), Some(i)));
        }
        if !source_on_last {
            for row in wrap_hard(source, title_width) {
                out.push((
                    Line::styled(format!("{}{row}", " ".repeat(INDENT)), theme.dim()),
                    Some(i),
                ));
            }
        }
        if !beside && !metas[i].is_empty() {
            for row in wrap_hard(&metas[i], title_width) {
                out.push((
                    Line::styled(format!("{}{row}", " ".repeat(INDENT)), theme.dim()),
                    Some(i),
                ));
            }
        }
    }
    out
}

/// What stands beside a title: "09:30 · 6 u 30 · ↻ 3/6".
fn meta(choice: &Choice, strings: &ListStrings) -> String {
    let mut parts: Vec<String> = choice.start.iter().cloned().collect();
    parts.push(length(choice.minutes, strings));
    if let Some(run) = &choice.unfinished {
        parts.push(format!("↻ {}/{}", run.block + 1, run.blocks));
    }
    parts.join(" · ")
}

/// The meta text with the unfinished run's mark stressed.
fn meta_spans(choice: &Choice, meta: &str, theme: &Theme) -> Vec<Span<'static>> {
    match (meta.find('↻'), &choice.unfinished) {
        (Some(at), Some(_)) => vec![
            Span::styled(meta[..at].to_string(), theme.dim()),
            Span::styled(meta[at..].to_string(), theme.warning()),
        ],
        _ => vec![Span::styled(meta.to_string(), theme.dim())],
    }
}

/// A planned length: "45 min", "2 u 00", "6 u 30".
fn length(minutes: u32, strings: &ListStrings) -> String {
    if minutes < 60 {
        format!("{minutes} min")
    } else {
        format!("{} {} {:02}", minutes / 60, strings.hours, minutes % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_read_in_hours_and_minutes() {
        assert_eq!(length(45, &NL), "45 min");
        assert_eq!(length(60, &NL), "1 u 00");
        assert_eq!(length(390, &EN), "6 h 30");
    }
}
