//! The end of the session for the room: the session's title, "Bedankt!" big, and when it
//! finished.

use super::RoomStyle;
use super::fit::Size;
use super::stack::{self, Band};
use crate::engine::record::Stamp;
use crate::engine::room::RoomView;
use crate::text::{fill, time_of_day};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(buf: &mut Buffer, area: Rect, view: &RoomView, ended: Stamp, style: &RoomStyle) {
    let strings = style.strings();
    let text = |text: String, largest, max_rows, style| Band::Text {
        text,
        largest,
        max_rows,
        style,
    };
    let bands = [
        text(
            view.session_title.clone(),
            Size::Quadrant,
            4,
            style.theme.text(),
        ),
        Band::Gap,
        text(
            strings.thanks.to_string(),
            Size::Full,
            8,
            style.theme.accent(),
        ),
        Band::Gap,
        text(
            fill(strings.finished_at, &[&time_of_day(ended)]),
            Size::Quadrant,
            4,
            style.theme.dim(),
        ),
    ];
    stack::draw(buf, area, &bands);
}
