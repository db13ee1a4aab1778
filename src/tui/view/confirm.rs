//! The questions before leaving: quit (q or Ctrl-C) and end the session (n on the last block).
//! y confirms, any other key goes back; the quit question says the log is kept.

use crate::tui::app::{App, Overlay};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub struct ConfirmStrings {
    pub question: &'static str,
    pub kept: &'static str,
    pub finish: &'static str,
    pub finish_how: &'static str,
}

const NL: ConfirmStrings = ConfirmStrings {
    question: "Stoppen? y: ja · andere toets: nee",
    kept: "De log blijft bewaard; regie run --resume gaat verder.",
    finish: "Dit is het laatste blok. Sessie beëindigen? y: ja · andere toets: nee",
    finish_how: "p gaat daarna nog terug.",
};
const EN: ConfirmStrings = ConfirmStrings {
    question: "Quit? y: yes · any other key: no",
    kept: "The log is kept; regie run --resume continues.",
    finish: "This is the last block. End the session? y: yes · any other key: no",
    finish_how: "p still goes back afterwards.",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let (question, how, rows) = match app.overlay {
        Overlay::FinishConfirm => (strings.finish, strings.finish_how, 6),
        _ => (strings.question, strings.kept, 5),
    };
    ask(frame, area, theme, question, how, rows);
}

/// A question in a bordered box centred on `area`: the question, then how to answer it.
pub fn ask(
    frame: &mut Frame,
    area: Rect,
    theme: &crate::tui::theme::Theme,
    question: &str,
    how: &str,
    rows: u16,
) {
    let width = 40.min(area.width);
    let height = rows.min(area.height);
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(question.to_string(), theme.title()),
            Line::styled(how.to_string(), theme.dim()),
        ])
        .wrap(Wrap { trim: true })
        .style(theme.base())
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.warning()),
        ),
        popup,
    );
}
