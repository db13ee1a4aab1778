//! The end of the session for the room: the session's title, "Bedankt!" big, the homework,
//! and when it finished.

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
    let mut bands = vec![
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
    ];
    if let Some(homework) = view.homework.as_ref().filter(|h| !h.trim().is_empty()) {
        bands.push(text(
            fill(strings.homework, &[homework]),
            Size::Quadrant,
            8,
            style.theme.text(),
        ));
        bands.push(Band::Gap);
    }
    bands.push(text(
        fill(strings.finished_at, &[&time_of_day(ended)]),
        Size::Quadrant,
        4,
        style.theme.dim(),
    ));
    stack::draw(buf, area, &bands);
}
