//! The facilitator-notes panel (key o): the script's notes for this block and what was typed.
//! Hidden by default, so the projected screen shows only what the room should see.

use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub struct NotesStrings {
    pub title: &'static str,
    pub none: &'static str,
    pub outcome: &'static str,
    pub remote: &'static str,
}

const NL: NotesStrings = NotesStrings {
    title: " Notities, alleen voor jou (o) ",
    none: "Geen notities bij dit blok.",
    outcome: "Uitkomst: {}",
    remote: "Afstandsbediening (geheim): {}",
};
const EN: NotesStrings = NotesStrings {
    title: " Notes, for you only (o) ",
    none: "No notes for this block.",
    outcome: "Outcome: {}",
    remote: "Remote (secret): {}",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let mut lines: Vec<Line> = Vec::new();
    let script_notes = app
        .engine()
        .script()
        .session
        .blocks
        .get(app.current_index())
        .map(|b| b.notes.trim())
        .unwrap_or_default();
    if !script_notes.is_empty() {
        lines.push(Line::styled(script_notes.to_string(), theme.text()));
    }
    let typed = app
        .current_card()
        .map(|card| &card.notes)
        .or(app.current_block().map(|block| &block.notes));
    for note in typed.into_iter().flatten() {
        lines.push(Line::styled(
            format!("{} {}", note.at.format("%H:%M"), note.text),
            theme.dim(),
        ));
    }
    if let Some(outcome) = app.current_card().and_then(|c| c.outcome.as_deref()) {
        lines.push(Line::styled(
            strings.outcome.replace("{}", outcome),
            theme.accent(),
        ));
    }
    if let Some(url) = app.join.as_ref().and_then(|join| join.remote.as_deref()) {
        lines.push(Line::styled(strings.remote.replace("{}", url), theme.dim()));
    }
    if lines.is_empty() {
        lines.push(Line::styled(strings.none, theme.dim()));
    }
    let panel = Paragraph::new(lines).wrap(Wrap { trim: true }).block(
        Block::new()
            .borders(Borders::ALL)
            .title(strings.title)
            .border_style(theme.dim()),
    );
    frame.render_widget(panel, area);
}
