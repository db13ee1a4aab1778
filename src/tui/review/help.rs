//! The help overlay of the review screens (key ?): every key and what it does.
//! Drawn with the runner's help popup so both look and read the same.

use super::app::ReviewApp;
use ratatui::Frame;
use ratatui::layout::Rect;

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
        ("?", "this help"),
        ("q", "quit"),
    ],
};

pub fn draw(frame: &mut Frame, area: Rect, app: &ReviewApp) {
    let strings = app.lang.pick(&NL, &EN);
    crate::tui::view::help::popup(frame, area, &app.theme, strings.title, strings.keys);
}
