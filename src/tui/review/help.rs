//! The help overlay of the review screens (key ?): every key and what it does.
//! A bordered box centred on the screen, styled like the runner's help.

use super::app::ReviewApp;
use super::lines::cut;
use crate::tui::view::centered;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Width of the key column.
const KEY: usize = 10;

pub struct ReviewHelpStrings {
    pub title: &'static str,
    pub keys: &'static [(&'static str, &'static str)],
}

const NL: ReviewHelpStrings = ReviewHelpStrings {
    title: " Toetsen (Esc sluit) ",
    keys: &[
        ("↑↓ j k", "kiezen / scrollen"),
        ("PgUp/Dn", "een scherm verder"),
        ("Enter", "sessie of programma openen"),
        ("n  →", "volgende sessie"),
        ("p  ←", "vorige sessie"),
        ("Esc", "terug naar de lijst"),
        ("e", "exporteren: m Markdown, c CSV, x Excel"),
        ("?", "deze hulp"),
        ("q", "stoppen"),
    ],
};
const EN: ReviewHelpStrings = ReviewHelpStrings {
    title: " Keys (Esc closes) ",
    keys: &[
        ("↑↓ j k", "choose / scroll"),
        ("PgUp/Dn", "a screen further"),
        ("Enter", "open session or programme"),
        ("n  →", "next session"),
        ("p  ←", "previous session"),
        ("Esc", "back to the list"),
        ("e", "export: m Markdown, c CSV, x Excel"),
        ("?", "this help"),
        ("q", "quit"),
    ],
};

pub fn draw(frame: &mut Frame, area: Rect, app: &ReviewApp) {
    let strings = app.lang.pick(&NL, &EN);
    let theme = &app.theme;
    let widest = strings
        .keys
        .iter()
        .map(|(_, what)| KEY + 1 + what.chars().count())
        .max()
        .unwrap_or(0)
        .max(strings.title.chars().count());
    let popup = centered(area, widest as u16 + 4, strings.keys.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(cut(
            strings.title,
            usize::from(popup.width.saturating_sub(2)),
        ))
        .border_style(theme.accent())
        .style(theme.base());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let lines: Vec<Line> = strings
        .keys
        .iter()
        .map(|(key, what)| {
            Line::from(vec![
                Span::styled(format!(" {key:<KEY$}"), theme.accent()),
                Span::styled(*what, theme.text()),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
