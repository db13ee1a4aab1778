//! The entries overlay (key e): what was typed in this block (notes, card notes, the outcome,
//! takeaways); Enter edits the highlighted line, d deletes it. The log keeps the old text.

use super::pick_list;
use crate::journal::record::EntryKind;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;

pub struct EntriesStrings {
    pub title: &'static str,
    pub note: &'static str,
    pub card_note: &'static str,
    pub outcome: &'static str,
    pub takeaway: &'static str,
}

const NL: EntriesStrings = EntriesStrings {
    title: " Wijzigen · Enter bewerkt · d wist · Esc sluit ",
    note: "notitie",
    card_note: "kaart",
    outcome: "uitkomst",
    takeaway: "oogst",
};
const EN: EntriesStrings = EntriesStrings {
    title: " Edit · Enter edits · d deletes · Esc closes ",
    note: "note",
    card_note: "card",
    outcome: "outcome",
    takeaway: "takeaway",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let rows: Vec<String> = app
        .engine()
        .entries()
        .into_iter()
        .map(|entry| {
            let kind = match entry.kind {
                EntryKind::Note => strings.note,
                EntryKind::CardNote => strings.card_note,
                EntryKind::Outcome => strings.outcome,
                EntryKind::Takeaway => strings.takeaway,
            };
            format!("{kind:<9} {}", entry.text)
        })
        .collect();
    let theme = &app.settings.theme;
    pick_list::draw(frame, area, theme, strings.title, &rows, cursor, 80);
}
