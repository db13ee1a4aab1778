//! The review screen frame: a title row, the list or a session or a programme, a row of keys,
//! the help overlay on top. Below 20x5 one line says the terminal is too small.

use super::app::{Exported, ReviewApp, Screen};
use super::{help, list, programme, session};
use crate::text::fill;
use crate::tui::view::{MIN_HEIGHT, MIN_WIDTH};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub struct FrameStrings {
    pub too_small: &'static str,
    pub list_keys: &'static str,
    pub detail_keys: &'static str,
    pub export_prompt: &'static str,
    /// "{}" is the file (or the first of the CSV files) written.
    pub written: &'static str,
    pub written_many: &'static str,
    pub failed: &'static str,
}

const NL: FrameStrings = FrameStrings {
    too_small: "terminal te klein",
    list_keys: "↑↓ kiezen · Enter openen · e exporteren · ? hulp · q stoppen",
    detail_keys: "↑↓ scroll · n/p volgende · e exporteren · Esc terug · ? hulp",
    export_prompt: "Exporteren als: m Markdown · c CSV · x Excel · Esc annuleren",
    written: "Geschreven: {} (zonder notities, alleen voor jou leesbaar)",
    written_many: "{} bestanden geschreven: {} … (zonder notities, alleen voor jou leesbaar)",
    failed: "Exporteren mislukt: {}",
};
const EN: FrameStrings = FrameStrings {
    too_small: "terminal too small",
    list_keys: "↑↓ choose · Enter open · e export · ? help · q quit",
    detail_keys: "↑↓ scroll · n/p next/previous · e export · Esc back · ? help",
    export_prompt: "Export as: m Markdown · c CSV · x Excel · Esc cancel",
    written: "Written: {} (without notes, readable by you only)",
    written_many: "{} files written: {} … (without notes, readable by you only)",
    failed: "Export failed: {}",
};

/// What the last draw learned about the screen: how far it scrolls and how high a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drawn {
    pub scroll_limit: usize,
    pub page: usize,
}

/// Draw the whole review screen; hand the result to `ReviewApp::drawn`.
pub fn draw(frame: &mut Frame, app: &ReviewApp) -> Drawn {
    let area = frame.area();
    let theme = &app.theme;
    let strings = app.lang.pick(&NL, &EN);
    frame.render_widget(Block::new().style(theme.base()), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        if area.height > 0 {
            let line = Rect { height: 1, ..area };
            let text = strings.too_small;
            frame.render_widget(Paragraph::new(Line::styled(text, theme.text())), line);
        }
        return Drawn {
            scroll_limit: app.scroll,
            page: 1,
        };
    }
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let width = usize::from(body.width);
    let (title, lines, scroll) = match app.screen {
        Screen::List => {
            let (title, lines, first) = list::lines(app, width, usize::from(body.height));
            (title, lines, first)
        }
        Screen::Session(i) => {
            let (title, lines) = session::lines(app, i, width);
            (title, lines, app.scroll)
        }
        Screen::Programme(i) => {
            let (title, lines) = programme::lines(app, i, width);
            (title, lines, app.scroll)
        }
    };
    let height = usize::from(body.height);
    let scroll_limit = lines.len().saturating_sub(height);
    let first = if app.screen == Screen::List {
        scroll
    } else {
        scroll.min(scroll_limit)
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            super::lines::cut(&title, width),
            theme.title(),
        )),
        top,
    );
    let shown: Vec<Line> = lines.into_iter().skip(first).take(height).collect();
    frame.render_widget(Paragraph::new(shown), body);
    let (keys, style) = match (&app.exported, app.exporting) {
        (_, true) => (strings.export_prompt.to_string(), theme.accent()),
        (Some(Exported::Written(files)), _) => {
            let first = files
                .first()
                .map(|f| f.display().to_string())
                .unwrap_or_default();
            let text = if files.len() > 1 {
                fill(strings.written_many, &[&files.len().to_string(), &first])
            } else {
                fill(strings.written, &[&first])
            };
            (text, theme.accent())
        }
        (Some(Exported::Failed(message)), _) => (fill(strings.failed, &[message]), theme.warning()),
        (None, false) if app.screen == Screen::List => (strings.list_keys.to_string(), theme.dim()),
        (None, false) => (strings.detail_keys.to_string(), theme.dim()),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(super::lines::cut(&keys, width), style)),
        bottom,
    );
    if app.help {
        help::draw(frame, area, app);
    }
    Drawn {
        scroll_limit,
        page: height.saturating_sub(1).max(1),
    }
}
