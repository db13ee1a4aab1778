//! A bordered list popup with a highlighted row, scrolled to keep it in view: the shape of the
//! deck (K) and entries (e) overlays. Each row is cut with "…" to the popup's width.

use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Draw `rows` in a popup of at most `width` columns centred on `area`, row `cursor` selected.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    title: &str,
    rows: &[String],
    cursor: usize,
    width: u16,
) {
    let width = width.min(area.width);
    let height = (rows.len() as u16 + 2).min(area.height);
    let popup = super::centered(area, width, height);
    let visible = usize::from(height.saturating_sub(2)).max(1);
    let first = cursor.saturating_sub(visible - 1);
    let room = usize::from(width.saturating_sub(3));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, row)| {
            let style = if i == cursor {
                theme.selected()
            } else {
                theme.text()
            };
            Line::styled(format!(" {}", cut(row, room)), style)
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).style(theme.base()).block(
            Block::new()
                .borders(Borders::ALL)
                .title(title.to_string())
                .border_style(theme.accent()),
        ),
        popup,
    );
}

/// `text` on one line of at most `room` columns, "…" where it was cut.
pub fn cut(text: &str, room: usize) -> String {
    let one_line = text.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= room {
        return one_line;
    }
    let mut out: String = one_line.chars().take(room.saturating_sub(1)).collect();
    if room > 0 {
        out.push('…');
    }
    out
}
