//! The one-line text input for notes and takeaways: a label, the text, a cursor.
//! Long text scrolls so the end (where the cursor is) stays visible.

use crate::engine::record::WishAspect;
use crate::tui::app::{App, Input, InputKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub struct InputStrings {
    pub note: &'static str,
    pub takeaway: &'static str,
    pub outcome: &'static str,
    pub minutes: &'static str,
    pub correct: &'static str,
    pub wish: &'static str,
    pub stand: &'static str,
    pub hint: &'static str,
}

const NL: InputStrings = InputStrings {
    note: "Notitie: ",
    takeaway: "Oogst: ",
    outcome: "Uitkomst: ",
    minutes: "Nog minuten: ",
    correct: "Wijzigen: ",
    wish: "Leerwens van {}: ",
    stand: "Waar staat {} nu: ",
    hint: "  (Enter: vastleggen, Esc: annuleren)",
};
const EN: InputStrings = InputStrings {
    note: "Note: ",
    takeaway: "Takeaway: ",
    outcome: "Outcome: ",
    minutes: "Minutes left: ",
    correct: "Edit: ",
    wish: "Learning wish of {}: ",
    stand: "Where {} stands now: ",
    hint: "  (Enter: record, Esc: cancel)",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, input: &Input) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let person = match input.kind {
        InputKind::Wish { row } => app.engine().wish_rows().into_iter().nth(row),
        _ => None,
    };
    let label = match (input.kind, &person) {
        (InputKind::Wish { .. }, Some(person)) => {
            let template = match person.aspect() {
                WishAspect::Wish => strings.wish,
                WishAspect::Stand => strings.stand,
            };
            super::format::fill(template, &[&person.name])
        }
        (InputKind::Note | InputKind::Wish { .. }, _) => strings.note.to_owned(),
        (InputKind::Takeaway, _) => strings.takeaway.to_owned(),
        (InputKind::Outcome, _) => strings.outcome.to_owned(),
        (InputKind::Minutes, _) => strings.minutes.to_owned(),
        (InputKind::Correct { .. }, _) => strings.correct.to_owned(),
    };
    let label = label.as_str();
    let room = usize::from(area.width)
        .saturating_sub(label.chars().count() + 1)
        .max(1);
    let count = input.text.chars().count();
    let shown: String = input
        .text
        .chars()
        .skip(count.saturating_sub(room))
        .collect();
    let mut spans = vec![
        Span::styled(label, theme.accent()),
        Span::styled(shown, theme.text()),
        Span::styled("█", theme.accent()),
    ];
    let used = label.chars().count() + count.min(room) + 1;
    if input.text.is_empty() && used + strings.hint.chars().count() <= usize::from(area.width) {
        spans.push(Span::styled(strings.hint, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
