//! A round for the room: who has the floor in big letters with their turn's countdown in big
//! digits, and the speaking order beside it (done dimmed, the speaker highlighted).

use super::RoomStyle;
use super::block;
use super::clock;
use super::fit::{self, Align, Size};
use super::stack::{self, Band};
use crate::engine::room::{RoomBlock, RoomRound};
use crate::text::fill;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Narrowest screen that keeps the order beside the speaker.
const ORDER_FROM: u16 = 60;

pub fn draw(buf: &mut Buffer, area: Rect, block: &RoomBlock, round: &RoomRound, style: &RoomStyle) {
    let strings = style.strings();
    let (main, side) = if area.width >= ORDER_FROM && !round.order.is_empty() {
        let side_width = area.width / 3;
        let main = Rect {
            width: area.width - side_width - 1,
            ..area
        };
        let side = Rect {
            x: main.right() + 1,
            width: side_width,
            ..area
        };
        (main, Some(side))
    } else {
        (area, None)
    };
    match &round.speaker {
        Some((name, turn)) => {
            // A name is not broken over lines: the largest size that holds it whole.
            let rows = if area.height >= 20 { 8 } else { 1 };
            let size = fit::one_line(&name.0, main.width, rows);
            let mut bands = vec![
                Band::Text {
                    text: strings.speaking.to_string(),
                    largest: Size::Plain,
                    max_rows: 1,
                    style: style.theme.dim(),
                },
                Band::Text {
                    text: name.0.clone(),
                    largest: size,
                    max_rows: size.cell().1,
                    style: style.theme.title(),
                },
                Band::Gap,
            ];
            bands.extend(block::clock_bands(turn, &clock::digits(turn), main, style));
            stack::draw(buf, main, &bands);
        }
        None => {
            let first = round.order.first().filter(|_| round.turns_taken == 0);
            let label = match first {
                Some(name) => fill(strings.first_up, &[&name.0]),
                None => strings.no_round.to_string(),
            };
            block::waiting(buf, main, block, &label, style.theme.text(), style);
        }
    }
    if let Some(side) = side {
        order(buf, side, round, style);
    }
}

/// "Volgorde 3/15" and the names in the largest size that fits them all.
fn order(buf: &mut Buffer, area: Rect, round: &RoomRound, style: &RoomStyle) {
    let strings = style.strings();
    let heading = format!(
        "{} {}/{}",
        strings.order,
        round.turns_taken.min(round.order.len()),
        round.order.len()
    );
    Line::styled(heading, style.theme.dim()).render(Rect { height: 1, ..area }, buf);
    let rest = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };
    let names: Vec<&str> = round.order.iter().map(|n| n.0.as_str()).collect();
    let fitted = fit::fit(&names, rest.width, rest.height, 0, Size::Quadrant);
    // The speaker by name (the facilitator may have taken someone out of turn); the turns
    // before theirs count as done.
    let speaking = round
        .speaker
        .as_ref()
        .and_then(|(name, _)| round.order.iter().position(|n| n == name));
    let done = round
        .turns_taken
        .saturating_sub(usize::from(round.speaker.is_some()));
    fit::draw(buf, rest, &fitted, 0, Align::Left, |i| {
        if Some(i) == speaking {
            style.theme.accent()
        } else if i < done {
            style.theme.dim()
        } else {
            style.theme.text()
        }
    });
}
