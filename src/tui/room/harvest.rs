//! A harvest for the room: the title beside the block's clock, then the takeaways typed so
//! far, each a paragraph in the largest size that fits them all.

use super::RoomStyle;
use super::block;
use super::fit::{self, Align, Size};
use crate::engine::room::RoomBlock;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    block: &RoomBlock,
    takeaways: &[String],
    style: &RoomStyle,
) {
    let top = Rect {
        height: (area.height / 5).clamp(1, 8),
        ..area
    };
    block::title_beside_clock(buf, top, &block.title, &block.clock, style);
    let rest = Rect {
        x: area.x + 1,
        y: top.bottom() + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(top.height + 1),
    };
    if takeaways.is_empty() {
        let empty = style.strings().no_takeaways;
        let fitted = fit::fit(&[empty], rest.width, rest.height, 0, Size::Half);
        let y = rest.y + rest.height.saturating_sub(fitted.rows(0)) / 2;
        let at = Rect {
            y,
            height: rest.bottom().saturating_sub(y),
            ..rest
        };
        fit::draw(buf, at, &fitted, 0, Align::Center, |_| style.theme.dim());
        return;
    }
    let items: Vec<String> = takeaways.iter().map(|t| format!("· {t}")).collect();
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    let fitted = fit::fit(&items, rest.width, rest.height, 1, Size::Half);
    fit::draw(buf, rest, &fitted, 1, Align::Left, |_| style.theme.text());
}
