//! The deck overlay (key K): every card of the block's deck by title, to show one instead of
//! the card on screen; arrows move, Enter shows it, Esc closes. For the facilitator only.

use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub struct DeckStrings {
    pub title: &'static str,
    pub on_screen: &'static str,
}

const NL: DeckStrings = DeckStrings {
    title: " Kaart kiezen · Enter toont · Esc sluit ",
    on_screen: "nu op het scherm",
};
const EN: DeckStrings = DeckStrings {
    title: " Pick a card · Enter shows · Esc closes ",
    on_screen: "on screen now",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let cards = app.deck_cards();
    let showing = app.current_card().map(|c| c.card.as_str());
    let width = 72.min(area.width);
    let height = (cards.len() as u16 + 2).min(area.height);
    let popup = super::centered(area, width, height);
    let visible = usize::from(height.saturating_sub(2)).max(1);
    let first = cursor.saturating_sub(visible - 1);
    let inner = usize::from(width.saturating_sub(4));
    let lines: Vec<Line> = cards
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, (id, title))| {
            let mark = if Some(id.as_str()) == showing {
                format!(" ({})", strings.on_screen)
            } else {
                String::new()
            };
            let room = inner.saturating_sub(mark.chars().count());
            let mut text: String = title.chars().take(room).collect();
            if title.chars().count() > room && room > 0 {
                text.pop();
                text.push('…');
            }
            let style = if i == cursor {
                theme.selected()
            } else {
                theme.text()
            };
            Line::styled(format!(" {text}{mark}"), style)
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).style(theme.base()).block(
            Block::new()
                .borders(Borders::ALL)
                .title(strings.title)
                .border_style(theme.accent()),
        ),
        popup,
    );
}
