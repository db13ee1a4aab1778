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
    pub insert_break: &'static str,
    pub insert_block: &'static str,
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
    insert_break: "Pauze invoegen, minuten [titel]: ",
    insert_block: "Blok invoegen, minuten [titel]: ",
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
    insert_break: "Insert a break, minutes [title]: ",
    insert_block: "Insert a block, minutes [title]: ",
    hint: "  (Enter: record, Esc: cancel)",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, input: &Input) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let label: std::borrow::Cow<str> = match input.kind {
        InputKind::Note => strings.note.into(),
        InputKind::Takeaway => strings.takeaway.into(),
        InputKind::Outcome => strings.outcome.into(),
        InputKind::Minutes => strings.minutes.into(),
        InputKind::Correct { .. } => strings.correct.into(),
        InputKind::Insert(crate::engine::InsertKind::Break) => strings.insert_break.into(),
        InputKind::Insert(crate::engine::InsertKind::Plenary) => strings.insert_block.into(),
        InputKind::Form(step) => super::evaluation::field_label(app, step).into(),
        InputKind::Wish { row } => match app.engine().wish_rows().into_iter().nth(row) {
            Some(person) => {
                let template = match person.aspect() {
                    WishAspect::Wish => strings.wish,
                    WishAspect::Stand => strings.stand,
                };
                super::format::fill(template, &[&person.name]).into()
            }
            None => strings.note.into(),
        },
    };
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
        Span::styled(label.clone(), theme.accent()),
        Span::styled(shown, theme.text()),
        Span::styled("█", theme.accent()),
    ];
    let used = label.chars().count() + count.min(room) + 1;
    // The paper form's texts count towards their limit.
    if let InputKind::Form(step) = input.kind
        && step != crate::tui::form_entry::FormStep::Grade
        && count > 0
    {
        spans.push(Span::styled(
            format!("  {count}/{}", crate::script::MAX_ANSWER_CHARS),
            theme.dim(),
        ));
    }
    if input.text.is_empty() && used + strings.hint.chars().count() <= usize::from(area.width) {
        spans.push(Span::styled(strings.hint, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
