//! The room's screen, projector-first: drawn from a `RoomView` alone (it has no private field),
//! with a countdown, cards, groups and names that grow with the screen in whole steps.

pub mod block;
pub mod card;
pub mod chrome;
pub mod clock;
pub mod digits;
pub mod evaluation;
pub mod finished;
pub mod fit;
pub mod groups;
pub mod harvest;
pub mod round;
pub mod stack;
pub mod strings;

use crate::engine::room::{Content, RoomView, Stage};
use crate::i18n::Lang;
use crate::tui::theme::Theme;
use crate::tui::view;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Block;
use strings::RoomStrings;

/// How the room's screen looks: colours, language, and whether the digits flash at zero.
#[derive(Debug, Clone, Copy)]
pub struct RoomStyle<'a> {
    pub theme: &'a Theme,
    pub lang: Lang,
    /// A short flash when a countdown reaches zero (on by default).
    pub flash: bool,
}

impl RoomStyle<'_> {
    pub fn strings(&self) -> &'static RoomStrings {
        self.lang.pick(&strings::NL, &strings::EN)
    }
}

/// Draw the room's screen for `view` in `area`: a header line, the block's screen, and a
/// footer line with the block's state and what comes next; below 20x5 one line says so.
pub fn draw(frame: &mut Frame, area: Rect, view: &RoomView, style: &RoomStyle) {
    frame.render_widget(Block::new().style(style.theme.base()), area);
    if area.width < view::MIN_WIDTH || area.height < view::MIN_HEIGHT {
        view::too_small(frame, area, style.lang, style.theme.text());
        return;
    }
    let buf = frame.buffer_mut();
    let header = Rect { height: 1, ..area };
    let footer = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    chrome::header(buf, header, view, style);
    chrome::footer(buf, footer, view, style);
    match &view.stage {
        Stage::Finished { ended } => finished::draw(buf, body, view, *ended, style),
        Stage::Block(block) => match &block.content {
            Content::Plenary => block::plenary(buf, body, block, style),
            Content::Break { back_at } => block::on_break(buf, body, block, *back_at, style),
            Content::Round(round) => round::draw(buf, body, block, round, style),
            Content::Card(card) => card::draw(buf, body, block, card.as_ref(), style),
            Content::Groups(groups) => groups::draw(buf, body, block, groups.as_deref(), style),
            Content::Harvest { takeaways } => harvest::draw(buf, body, block, takeaways, style),
            Content::Evaluation(evaluation) => {
                evaluation::draw(buf, body, block, evaluation, style)
            }
        },
    }
}
