//! The quit question (q or Ctrl-C): y quits, any other key goes back.
//! It says the log is kept, so the facilitator knows `--resume` can continue.

use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub struct ConfirmStrings {
    pub question: &'static str,
    pub kept: &'static str,
}

const NL: ConfirmStrings = ConfirmStrings {
    question: "Stoppen? y: ja · andere toets: nee",
    kept: "De log blijft bewaard; regie run --resume gaat verder.",
};
const EN: ConfirmStrings = ConfirmStrings {
    question: "Quit? y: yes · any other key: no",
    kept: "The log is kept; regie run --resume continues.",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let width = 40.min(area.width);
    let height = 5.min(area.height);
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(strings.question, theme.title()),
            Line::styled(strings.kept, theme.dim()),
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
