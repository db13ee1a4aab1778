//! After the last block: the session is finished; the homework, if the script has any.
//! q leaves; the log already says the session finished.

use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub struct FinishedStrings {
    pub done: &'static str,
    pub homework: &'static str,
    pub leave: &'static str,
}

const NL: FinishedStrings = FinishedStrings {
    done: "Sessie afgerond",
    homework: "Voor de volgende keer:",
    leave: "q: afsluiten",
};
const EN: FinishedStrings = FinishedStrings {
    done: "Session finished",
    homework: "For next time:",
    leave: "q: quit",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let mut lines = vec![Line::styled(strings.done, theme.title()), Line::raw("")];
    if let Some(homework) = &app.engine().script().session.homework {
        lines.push(Line::styled(strings.homework, theme.accent()));
        lines.push(Line::styled(homework.clone(), theme.text()));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(strings.leave, theme.dim()));
    let height = (lines.len() as u16 + 2).min(area.height);
    let middle = Rect {
        y: area.y + (area.height - height) / 2,
        height,
        ..area
    };
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).centered(),
        middle,
    );
}
