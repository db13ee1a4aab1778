//! The runner's screen: a pure function of the `App` and the time, one file per region.
//! Smaller terminals drop panels first, then big digits; below 20x5 one line says so.

pub mod agenda;
pub mod attendance;
pub mod big;
pub mod block;
pub mod card;
pub mod confirm;
pub mod deck;
pub mod entries;
pub mod evaluation;
pub mod finished;
pub use crate::text as format;
pub mod groups;
pub mod harvest;
pub mod header;
pub mod help;
pub mod input;
pub mod join;
pub mod moderation;
pub mod notes;
pub mod pick_list;
pub mod picker;
pub mod picker_list;
pub mod plan;
pub mod round;
pub mod status;
pub mod wishes;

use super::app::{App, Overlay};
use crate::engine::RoomView;
use crate::i18n::Lang;
use crate::journal::record::Stamp;
use crate::script::BlockKind;
use crate::tui::room::RoomStyle;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// Smallest terminal that shows the runner.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// Narrowest screen that keeps the agenda panel beside the block.
const AGENDA_MIN_WIDTH: u16 = 70;
const AGENDA_WIDTH: u16 = 34;
/// On wide screens the agenda takes up to this share of the width, so titles are not cut.
const AGENDA_SHARE: u16 = 3;
const AGENDA_MAX_WIDTH: u16 = 64;
/// Lowest screen that keeps the notes panel under the block.
const NOTES_MIN_HEIGHT: u16 = 16;
const NOTES_HEIGHT: u16 = 6;

pub struct TooSmallStrings {
    pub too_small: &'static str,
}

const TOO_SMALL_NL: TooSmallStrings = TooSmallStrings {
    too_small: "terminal te klein",
};
const TOO_SMALL_EN: TooSmallStrings = TooSmallStrings {
    too_small: "terminal too small",
};

/// Draw the whole runner screen.
pub fn draw(frame: &mut Frame, app: &App, now: Stamp) {
    let area = frame.area();
    let theme = &app.settings.theme;
    frame.render_widget(Block::new().style(theme.base()), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, app.settings.lang, theme.text());
        return;
    }
    // Projector mode: the room's screen alone, drawn from the room's snapshot; opening a list,
    // a question or the input line brings the facilitator's screen back while it is open.
    if app.projecting() {
        let view = RoomView::of(app.engine().log(), now, app.room_options());
        let style = RoomStyle {
            theme,
            lang: app.settings.lang,
            flash: app.flash,
        };
        crate::tui::room::draw(frame, area, &view, &style);
        return;
    }
    let bottom = status::bottom_rows(app, area);
    let [top, body, bottom_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(bottom),
    ])
    .areas(area);
    header::draw(frame, top, app, now);
    status::draw(frame, bottom_area, app, now);

    let (main, agenda) = if app.show_agenda && body.width >= AGENDA_MIN_WIDTH {
        let [main, side] = Layout::horizontal([
            Constraint::Min(1),
            Constraint::Length(agenda_width(body.width)),
        ])
        .areas(body);
        (main, Some(side))
    } else {
        (body, None)
    };
    let (main, notes) = if app.show_notes && main.height >= NOTES_MIN_HEIGHT {
        let [main, under] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(NOTES_HEIGHT)]).areas(main);
        (main, Some(under))
    } else {
        (main, None)
    };

    if app.engine().log().finished.is_some() {
        finished::draw(frame, main, app);
    } else {
        match app.current_kind() {
            Some(BlockKind::Round { .. }) => round::draw(frame, main, app, now),
            Some(BlockKind::Dilemmas { .. }) => card::draw(frame, main, app, now),
            Some(BlockKind::Breakout { .. }) => groups::draw(frame, main, app, now),
            Some(BlockKind::Harvest) => harvest::draw(frame, main, app, now),
            Some(BlockKind::Wishes) => wishes::draw(frame, main, app, now),
            Some(BlockKind::Evaluation { .. }) => evaluation::draw(frame, main, app, now),
            Some(BlockKind::Break) | Some(BlockKind::Plenary) | None => {
                block::draw(frame, main, app, now)
            }
        }
    }
    if let Some(side) = agenda {
        agenda::draw(frame, side, app, now);
    }
    if let Some(under) = notes {
        notes::draw(frame, under, app);
    }

    match &app.overlay {
        Overlay::None | Overlay::Swap { .. } => {}
        Overlay::Help => help::draw(frame, area, app),
        Overlay::Attendance { cursor } => attendance::draw(frame, body, app, *cursor),
        Overlay::CardPick { cursor } => deck::draw(frame, body, app, *cursor),
        Overlay::Entries { cursor } => entries::draw(frame, body, app, *cursor),
        Overlay::QuitConfirm | Overlay::FinishConfirm => confirm::draw(frame, body, app),
        Overlay::Join => join::draw(frame, area, app),
        Overlay::Wishes { cursor } => wishes::draw_panel(frame, body, app, *cursor),
        Overlay::Moderation { cursor } => moderation::draw(frame, body, app, *cursor),
        Overlay::Plan { cursor } => plan::draw(frame, body, app, *cursor, now),
        Overlay::DropConfirm { index } => plan::draw_drop(frame, body, app, *index),
    }
}

/// The agenda's width: 34 columns, more on wide screens (a third, at most 64).
fn agenda_width(body: u16) -> u16 {
    (body / AGENDA_SHARE).clamp(AGENDA_WIDTH, AGENDA_MAX_WIDTH)
}

/// One line saying the terminal is too small (below `MIN_WIDTH` x `MIN_HEIGHT`).
pub fn too_small(frame: &mut Frame, area: Rect, lang: Lang, style: ratatui::style::Style) {
    let strings = lang.pick(&TOO_SMALL_NL, &TOO_SMALL_EN);
    if area.height > 0 {
        let line = Rect { height: 1, ..area };
        frame.render_widget(
            Paragraph::new(Line::from(strings.too_small)).style(style),
            line,
        );
    }
}

/// A rectangle of at most `width` x `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Number of rows `text` takes when wrapped at `width` columns (word wrap, at least one).
pub fn wrapped_rows(text: &str, width: u16) -> u16 {
    if width == 0 {
        return 0;
    }
    Paragraph::new(text)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .line_count(width)
        .max(1) as u16
}
