//! The agenda panel (key a): every block with planned and actual start, and how far each
//! finished block ran over or under. Hidden by default: it is for the facilitator.

use super::format;
use crate::engine::clock;
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
    let log = app.engine().log();
    let day = app.day_clock(now);
    let total: i64 = log.blocks.iter().map(|b| b.planned_seconds).sum();
    let mut planned = day.planned_end - chrono::Duration::seconds(total);
    let current = app.current_index();
    let inner_width = usize::from(area.width.saturating_sub(2));
    let mut lines = vec![Line::styled(strings.header, theme.dim())];
    for (i, block) in log.blocks.iter().enumerate() {
        let clock = clock::block_clock(block, now);
        let actual = block
            .runs
            .first()
            .map(|r| format::time_of_day(r.from))
            .unwrap_or_else(|| "  -  ".to_string());
        let over = clock.elapsed - block.planned_seconds;
        let slip = if (block.ended.is_some() && i != current) || (i == current && over > 0) {
            format::slip(over)
        } else {
            String::new()
        };
        let marker = if i == current { "▶" } else { " " };
        let fixed = 13 + 1 + slip.chars().count() + 1;
        let title: String = block
            .title
            .chars()
            .take(inner_width.saturating_sub(fixed))
            .collect();
        let gap = inner_width.saturating_sub(fixed + title.chars().count());
        let style = if i == current {
            theme.accent()
        } else if i < current {
            theme.dim()
        } else {
            theme.text()
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} {actual} {marker}", format::time_of_day(planned)),
                style,
            ),
            Span::styled(title, style),
            Span::raw(" ".repeat(gap + 1)),
            Span::styled(slip, theme.warning()),
        ]));
        planned += chrono::Duration::seconds(block.planned_seconds);
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
