//! The help overlay (key ?): every key of the runner and what it does, the same on every screen.
//! Esc or ? closes it.

use crate::tui::app::App;
use crate::tui::key_table;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Width of one column of keys.
const COLUMN: u16 = 48;

pub struct HelpStrings {
    pub title: &'static str,
    /// The title when not every key fits: the arrows scroll.
    pub title_scrolls: &'static str,
}

const NL: HelpStrings = HelpStrings {
    title: " Toetsen (? of Esc sluit) ",
    title_scrolls: " Toetsen (↑↓ meer · Esc sluit) ",
};
const EN: HelpStrings = HelpStrings {
    title: " Keys (? or Esc closes) ",
    title_scrolls: " Keys (↑↓ more · Esc closes) ",
};

/// The runner's keys, as the one key table lists them.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.settings.lang;
    let strings = lang.pick(&NL, &EN);
    let keys = key_table::help_lines(lang);
    let fits = keys.len() as u16 + 2 <= area.height || area.width >= 2 * COLUMN + 2;
    if fits {
        popup(frame, area, &app.settings.theme, strings.title, &keys);
    } else {
        // One column that does not fit: the arrows scroll it (App::help_offset).
        let from = app.help_offset.min(keys.len().saturating_sub(1));
        let title = strings.title_scrolls;
        popup(frame, area, &app.settings.theme, title, &keys[from..]);
    }
}

/// A bordered list of keys and what they do, centred on `area` (also used by `regie follow`).
pub fn popup(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    title: &'static str,
    keys: &[(&'static str, &'static str)],
) {
    let line = |(key, what): &(&'static str, &'static str)| {
        Line::from(vec![
            Span::styled(format!(" {key:<7}"), theme.accent()),
            Span::styled(*what, theme.text()),
        ])
    };
    // Two columns when one does not fit in height but two fit in width.
    let two_columns = keys.len() as u16 + 2 > area.height && area.width >= 2 * COLUMN + 2;
    let rows = if two_columns {
        keys.len().div_ceil(2)
    } else {
        keys.len()
    } as u16;
    let width = if two_columns {
        2 * COLUMN + 2
    } else {
        COLUMN + 2
    }
    .min(area.width);
    let popup = super::centered(area, width, rows + 2);
    frame.render_widget(Clear, popup);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(title)
        .border_style(theme.accent())
        .style(theme.base());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if two_columns {
        let (left, right) = keys.split_at(usize::from(rows));
        let [a, b] =
            Layout::horizontal([Constraint::Length(COLUMN), Constraint::Min(0)]).areas(inner);
        frame.render_widget(Paragraph::new(left.iter().map(line).collect::<Vec<_>>()), a);
        frame.render_widget(
            Paragraph::new(right.iter().map(line).collect::<Vec<_>>()),
            b,
        );
    } else {
        frame.render_widget(
            Paragraph::new(keys.iter().map(line).collect::<Vec<_>>()),
            inner,
        );
    }
}
