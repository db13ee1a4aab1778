//! A bordered list popup with a highlighted row, scrolled to keep it in view: the shape of the
//! deck (K), entries (e), attendance and wishes overlays. Each row is cut with "…" to the popup's width.

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
    let room = usize::from(width.min(area.width).saturating_sub(3));
    let list = List {
        title,
        len: rows.len(),
        cursor,
        width,
        empty: None,
    };
    popup(frame, area, theme, list, |i, selected| {
        let style = if selected {
            theme.selected()
        } else {
            theme.text()
        };
        Line::styled(format!(" {}", cut(&rows[i], room)), style)
    });
}

/// What a list popup shows: `len` rows, `cursor` selected, at most `width` columns, and the
/// line shown when there are no rows (without one, an empty list is an empty box).
pub struct List<'a> {
    pub title: &'a str,
    pub len: usize,
    pub cursor: usize,
    pub width: u16,
    pub empty: Option<&'a str>,
}

/// Draw a list popup centred on `area`, scrolled to keep the cursor in view; `row(i, selected)`
/// draws row `i` (the attendance, wishes, deck and entries overlays).
pub fn popup<'a>(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    list: List<'_>,
    row: impl Fn(usize, bool) -> Line<'a>,
) {
    let width = list.width.min(area.width);
    let shown = if list.empty.is_some() {
        list.len.max(1)
    } else {
        list.len
    };
    let height = (shown as u16 + 2).min(area.height);
    let popup = super::centered(area, width, height);
    let visible = usize::from(height.saturating_sub(2)).max(1);
    let first = list.cursor.saturating_sub(visible - 1);
    let mut lines: Vec<Line> = (first..list.len)
        .take(visible)
        .map(|i| row(i, i == list.cursor))
        .collect();
    if let (0, Some(empty)) = (list.len, list.empty) {
        lines.push(Line::styled(empty.to_string(), theme.dim()));
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).style(theme.base()).block(
            Block::new()
                .borders(Borders::ALL)
                .title(list.title.to_string())
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
