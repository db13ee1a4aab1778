//! The deck overlay (key K): every card of the block's deck by title, to show one instead of
//! the card on screen; arrows move, Enter shows it, Esc closes. For the facilitator only.

use super::pick_list;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;

pub struct DeckStrings {
    pub title: &'static str,
    pub on_screen: &'static str,
}

const NL: DeckStrings = DeckStrings {
    title: " Kaart kiezen · Enter toont · Esc sluit ",
    on_screen: "▶ ",
};
const EN: DeckStrings = DeckStrings {
    title: " Pick a card · Enter shows · Esc closes ",
    on_screen: "▶ ",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let showing = app.current_card().map(|c| c.card.as_str());
    let rows: Vec<String> = app
        .deck_cards()
        .into_iter()
        .map(|(id, title)| {
            let mark = if Some(id.as_str()) == showing {
                strings.on_screen
            } else {
                "  "
            };
            format!("{mark}{title}")
        })
        .collect();
    let theme = &app.settings.theme;
    pick_list::draw(frame, area, theme, strings.title, &rows, cursor, 72);
}
