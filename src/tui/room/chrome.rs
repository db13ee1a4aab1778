//! The room screen's top and bottom lines: session title, block number and the time of day
//! (the day's end and slip only when the facilitator shows them); the block's state and what
//! comes next.

use super::RoomStyle;
use super::clock;
use super::strings::RoomStrings;
use crate::engine::room::{RoomView, Stage};
use crate::text::{fill, slip, time_of_day};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The top line: "Dag 3 · … · blok 3/6" on the left, "10:12" on the right.
pub fn header(buf: &mut Buffer, area: Rect, view: &RoomView, style: &RoomStyle) {
    let strings = style.strings();
    let mut right = time_of_day(view.now);
    if let Some(seconds) = view.slip_seconds {
        let ends = fill(strings.ends, &[&time_of_day(view.day_end), &slip(seconds)]);
        right = format!("{ends} · {right}");
    }
    let block = match view.stage {
        Stage::Block(_) => fill(
            strings.block_of,
            &[
                &view.block_number.to_string(),
                &view.block_count.to_string(),
            ],
        ),
        Stage::Finished { .. } => String::new(),
    };
    let left = [view.session_title.as_str(), block.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    sides(buf, area, &left, &right, style);
}

/// The bottom line: "Inloop · nog 12:34 · straks: Pauze (15 min)", shortened from the right
/// and then from the left when the screen is narrow.
pub fn footer(buf: &mut Buffer, area: Rect, view: &RoomView, style: &RoomStyle) {
    let Stage::Block(block) = &view.stage else {
        return;
    };
    let strings = style.strings();
    let status = clock::status(&block.clock, strings);
    let next = next_text(view, strings);
    let candidates = [
        format!("{} · {status} · {next}", block.title),
        format!("{status} · {next}"),
        status.clone(),
    ];
    let width = usize::from(area.width);
    let text = candidates
        .into_iter()
        .find(|t| t.chars().count() <= width)
        .unwrap_or(status);
    let line = Line::from(vec![Span::styled(text, style.theme.dim())]);
    line.centered().render(area, buf);
}

/// "straks: Pauze (15 min)" or "laatste blok".
pub fn next_text(view: &RoomView, strings: &RoomStrings) -> String {
    match &view.next {
        Some(next) => fill(strings.next, &[&next.title, &next.minutes.to_string()]),
        None => strings.last.to_string(),
    }
}

/// `left` and `right` on one line, the right side kept whole and the left cut to what is left.
fn sides(buf: &mut Buffer, area: Rect, left: &str, right: &str, style: &RoomStyle) {
    let width = usize::from(area.width);
    let right_len = right.chars().count();
    let right = if right_len + 1 > width { "" } else { right };
    let room = width.saturating_sub(right.chars().count() + 2);
    let left: String = if room == 0 {
        String::new()
    } else if left.chars().count() > room {
        let cut: String = left.chars().take(room.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        left.to_string()
    };
    Line::styled(format!(" {left}"), style.theme.dim()).render(area, buf);
    Line::styled(format!("{right} "), style.theme.dim())
        .right_aligned()
        .render(area, buf);
}
