//! The moderation list (key g): every open answer of the evaluation on screen (tops, tips,
//! open questions) with its decision; Enter approves (or takes it back), d rejects.

use super::pick_list;
use crate::engine::record::{Moderation, Part};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;

pub struct ModerationStrings {
    pub title: &'static str,
    pub top: &'static str,
    pub tip: &'static str,
    pub question: &'static str,
    pub pending: &'static str,
    pub approved: &'static str,
    pub rejected: &'static str,
}

const NL: ModerationStrings = ModerationStrings {
    title: " Open antwoorden · Enter keurt goed · d wijst af · Esc sluit ",
    top: "top",
    tip: "tip",
    question: "vraag",
    pending: "·",
    approved: "✓",
    rejected: "✗",
};
const EN: ModerationStrings = ModerationStrings {
    title: " Open answers · Enter approves · d rejects · Esc closes ",
    top: "top",
    tip: "tip",
    question: "question",
    pending: "·",
    approved: "✓",
    rejected: "✗",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let Some(evaluation) = app.engine().evaluation() else {
        return;
    };
    let rows: Vec<String> = evaluation
        .open_answers()
        .map(|(slot, answer)| {
            let mark = match answer.moderation {
                Moderation::Pending => strings.pending,
                Moderation::Approved => strings.approved,
                Moderation::Rejected => strings.rejected,
            };
            let part = match slot.part {
                Part::Top => strings.top.to_string(),
                Part::Tip => strings.tip.to_string(),
                Part::Question(q) => format!("{} {}", strings.question, q + 1),
            };
            format!("{mark} {part:<11} {}", answer.text)
        })
        .collect();
    let theme = &app.settings.theme;
    pick_list::draw(frame, area, theme, strings.title, &rows, cursor, 100);
}
