//! The picker screen: a title, the sessions to choose from (title and where it comes from),
//! and the keys. Like the runner it degrades to one line below 20x5.

use crate::i18n::Lang;
use crate::tui::picker::Picker;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub struct PickerStrings {
    pub title: &'static str,
    pub keys: &'static str,
    pub none: &'static str,
}

const NL: PickerStrings = PickerStrings {
    title: "regie — kies een sessie",
    keys: "↑↓ kiezen · Enter starten · q stoppen",
    none: "Geen sessies gevonden (ingebouwd of in ./sessions).",
};
const EN: PickerStrings = PickerStrings {
    title: "regie — pick a session",
    keys: "↑↓ choose · Enter run · q quit",
    none: "No sessions found (bundled or in ./sessions).",
};

pub fn draw(frame: &mut Frame, picker: &Picker, theme: &Theme, lang: Lang) {
    let strings = lang.pick(&NL, &EN);
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base()), area);
    if area.width < super::MIN_WIDTH || area.height < super::MIN_HEIGHT {
        super::too_small(frame, area, lang, theme.text());
        return;
    }
    let [top, _, list, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(strings.title, theme.title())),
        top,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(strings.keys, theme.dim())),
        keys,
    );
    if picker.choices.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(strings.none, theme.dim())),
            list,
        );
        return;
    }
    let visible = usize::from(list.height).max(1);
    let first = picker.cursor.saturating_sub(visible - 1);
    let width = usize::from(list.width);
    let lines: Vec<Line> = picker
        .choices
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, choice)| {
            let title_width = (width * 3 / 5).max(1);
            let title: String = choice
                .title
                .chars()
                .take(title_width.saturating_sub(3))
                .collect();
            let style = if i == picker.cursor {
                theme.selected()
            } else {
                theme.text()
            };
            let marker = if i == picker.cursor { "▶" } else { " " };
            Line::from(vec![
                Span::styled(
                    format!("{marker}{title:<w$} ", w = title_width.saturating_sub(3)),
                    style,
                ),
                Span::styled(format!(" {}", choice.short_source()), theme.dim()),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
