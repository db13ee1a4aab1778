//! Plenary and break blocks: the title, the countdown in digits as big as the screen allows,
//! "GEPAUZEERD" big while paused; a break shows "terug om" and the time of day in big digits.

use super::RoomStyle;
use super::clock;
use super::digits;
use super::fit::{self, Align, Size};
use super::stack::{self, Band};
use crate::engine::record::Stamp;
use crate::engine::room::{Phase, RoomBlock, RoomClock};
use crate::text::time_of_day;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Body rows from which a title or label may be set in big letters.
const BIG_TEXT_FROM: u16 = 20;

pub fn plenary(buf: &mut Buffer, area: Rect, block: &RoomBlock, style: &RoomStyle) {
    let mut bands = vec![title_band(&block.title, area, style), Band::Gap];
    bands.extend(clock_bands(
        &block.clock,
        &clock::digits(&block.clock),
        area,
        style,
    ));
    stack::draw(buf, area, &bands);
}

pub fn on_break(
    buf: &mut Buffer,
    area: Rect,
    block: &RoomBlock,
    back_at: Stamp,
    style: &RoomStyle,
) {
    let strings = style.strings();
    let mut bands = vec![title_band(&block.title, area, style), Band::Gap];
    let shown = if block.clock.phase == Phase::Over {
        clock::digits(&block.clock)
    } else {
        bands.push(label_band(strings.back_at, area, style));
        time_of_day(back_at)
    };
    bands.extend(clock_bands(&block.clock, &shown, area, style));
    stack::draw(buf, area, &bands);
}

/// The title, a line saying what the room waits for (a card, the groups, the first speaker)
/// and the block's clock.
pub fn waiting(
    buf: &mut Buffer,
    area: Rect,
    block: &RoomBlock,
    text: &str,
    text_style: ratatui::style::Style,
    style: &RoomStyle,
) {
    let mut bands = vec![
        title_band(&block.title, area, style),
        Band::Gap,
        Band::Text {
            text: text.to_string(),
            largest: Size::Quadrant,
            max_rows: if area.height >= BIG_TEXT_FROM { 4 } else { 1 },
            style: text_style,
        },
        Band::Gap,
    ];
    bands.extend(clock_bands(
        &block.clock,
        &clock::digits(&block.clock),
        area,
        style,
    ));
    stack::draw(buf, area, &bands);
}

/// The block's title: big letters on a screen tall enough, else one plain line.
pub fn title_band(title: &str, area: Rect, style: &RoomStyle) -> Band {
    Band::Text {
        text: title.to_string(),
        largest: Size::Quadrant,
        max_rows: if area.height >= BIG_TEXT_FROM { 4 } else { 1 },
        style: style.theme.title(),
    }
}

fn label_band(text: &str, area: Rect, style: &RoomStyle) -> Band {
    Band::Text {
        text: text.to_string(),
        largest: Size::Quadrant,
        max_rows: if area.height >= BIG_TEXT_FROM { 4 } else { 1 },
        style: style.theme.text(),
    }
}

/// `shown` in big digits coloured by the clock's phase (flashing just past zero), with
/// "GEPAUZEERD" big under it while paused and "begint zo" before the start.
pub fn clock_bands(clock: &RoomClock, shown: &str, area: Rect, style: &RoomStyle) -> Vec<Band> {
    let strings = style.strings();
    let theme = style.theme;
    let mut bands = vec![Band::Digits {
        text: shown.to_string(),
        style: clock::style(clock.phase, theme),
        flash: clock::flashing(clock, style.flash).then(|| clock::flash_style(theme)),
    }];
    let under = match clock.phase {
        Phase::Paused => Some((strings.paused_big, Size::Half, theme.title())),
        Phase::Ready => Some((strings.ready, Size::Quadrant, theme.dim())),
        _ => None,
    };
    if let Some((text, largest, text_style)) = under {
        bands.push(Band::Gap);
        bands.push(Band::Text {
            text: text.to_string(),
            largest,
            max_rows: if area.height >= BIG_TEXT_FROM { 4 } else { 1 },
            style: text_style,
        });
    }
    bands
}

/// `title` left in the largest letters that fit, `clock` right in digits that fit in two
/// fifths of the width (flashing just past zero).
pub fn title_beside_clock(
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    clock: &RoomClock,
    style: &RoomStyle,
) {
    let shown = clock::digits(clock);
    let flashing = clock::flashing(clock, style.flash);
    let clock_style = if flashing {
        clock::flash_style(style.theme)
    } else {
        clock::style(clock.phase, style.theme)
    };
    let scale = digits::fit(&shown, area.width * 2 / 5, area.height);
    let clock_width = match scale {
        Some(s) => s.size_of(&shown).0,
        None => shown.chars().count() as u16,
    };
    let clock_area = Rect {
        x: area.right().saturating_sub(clock_width + 1),
        width: clock_width.min(area.width),
        ..area
    };
    if flashing {
        buf.set_style(clock_area, clock_style);
    }
    stack::draw_digits(buf, clock_area, &shown, scale, clock_style);
    let title_area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(clock_width + 4),
        ..area
    };
    let fitted = fit::fit(&[title], title_area.width, area.height, 0, Size::Full);
    let top = title_area.y + area.height.saturating_sub(fitted.rows(0)) / 2;
    fit::draw(
        buf,
        Rect {
            y: top,
            height: title_area.bottom().saturating_sub(top),
            ..title_area
        },
        &fitted,
        0,
        Align::Left,
        |_| style.theme.title(),
    );
}
