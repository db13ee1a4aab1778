//! The agenda panel (key a): every block with planned and actual start, and how far each
//! finished block ran over or under. Hidden by default: it is for the facilitator.

use super::format;
use crate::engine::agenda::{Agenda, Standing, agenda};
use crate::journal::record::Stamp;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub struct AgendaStrings {
    pub title: &'static str,
    pub header: &'static str,
}

const NL: AgendaStrings = AgendaStrings {
    title: " Agenda (a) ",
    header: "plan  echt  blok",
};
const EN: AgendaStrings = AgendaStrings {
    title: " Agenda (a) ",
    header: "plan  real  block",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let Agenda { rows, day } = agenda(app.engine().log(), now);
    let inner_width = usize::from(area.width.saturating_sub(2));
    let mut lines = vec![Line::styled(strings.header, theme.dim())];
    for row in &rows {
        // Started blocks show when they really began; coming ones when they will at this pace.
        let (start, start_style) = match row.actual_start {
            Some(at) => (format::time_of_day(at), None),
            None => (format::time_of_day(row.projected_start), Some(theme.dim())),
        };
        let slip = row.over.map(format::slip).unwrap_or_default();
        let marker = if row.standing == Standing::Current {
            "▶"
        } else {
            " "
        };
        let fixed = 13 + 1 + slip.chars().count() + 1;
        let title = fit(&row.title, inner_width.saturating_sub(fixed));
        let gap = inner_width.saturating_sub(fixed + title.chars().count());
        let style = match row.standing {
            Standing::Current => theme.accent(),
            Standing::Done => theme.dim(),
            Standing::Coming => theme.text(),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} ", format::time_of_day(row.planned_start)),
                style,
            ),
            Span::styled(start, start_style.unwrap_or(style)),
            Span::styled(format!(" {marker}"), style),
            Span::styled(title, style),
            Span::raw(" ".repeat(gap + 1)),
            Span::styled(slip, theme.warning()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "{}  →  {} ({})",
            format::time_of_day(day.planned_end),
            format::time_of_day(day.projected_end),
            format::slip(day.slip)
        ),
        theme.text(),
    ));
    let panel = Paragraph::new(lines).block(
        Block::new()
            .borders(Borders::ALL)
            .title(strings.title)
            .border_style(theme.dim()),
    );
    frame.render_widget(panel, area);
}

/// `title` in at most `width` columns, with "…" where it was cut.
fn fit(title: &str, width: usize) -> String {
    if title.chars().count() <= width {
        return title.to_string();
    }
    let mut cut: String = title.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        cut.push('…');
    }
    cut
}
