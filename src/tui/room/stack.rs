//! A column of bands (lines of text in the largest size that fits, one clock in big digits,
//! gaps), centred in its area; the digits get every row the text leaves, and on a small
//! screen the text shrinks to plain lines and then goes, before the digits do.

use super::digits;
use super::fit::{self, Align, Size};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// One band of the column.
#[derive(Debug, Clone)]
pub enum Band {
    /// A paragraph in the largest size from `largest` down within `max_rows`.
    Text {
        text: String,
        largest: Size,
        max_rows: u16,
        style: Style,
    },
    /// Big digits filling the rows left; `flash` paints the band's rows inverted.
    Digits {
        text: String,
        style: Style,
        flash: Option<Style>,
    },
    /// One empty row (the first to go when rows run out).
    Gap,
}

/// How a band was laid out.
#[derive(Debug, Clone)]
enum Placed {
    Text(fit::Fitted, u16, Style),
    Digits(Option<digits::Scale>, u16),
    Gap,
}

/// Draw `bands` centred in `area`; returns where the digits went (empty if nowhere).
pub fn draw(buf: &mut Buffer, area: Rect, bands: &[Band]) -> Rect {
    let placed = layout(area, bands);
    let total: u16 = placed.iter().map(|(_, p)| rows_of(p)).sum();
    let mut y = area.y + area.height.saturating_sub(total) / 2;
    let mut digits_rect = Rect::new(area.x, y, 0, 0);
    for (band, place) in &placed {
        let rows = rows_of(place);
        let band_area = Rect {
            y,
            height: rows,
            ..area
        };
        match (band, place) {
            (Band::Text { .. }, Placed::Text(fitted, _, style)) => {
                fit::draw(buf, band_area, fitted, 0, Align::Center, |_| *style);
            }
            (Band::Digits { text, style, flash }, Placed::Digits(scale, _)) => {
                let style = match flash {
                    Some(inverted) => {
                        buf.set_style(band_area, *inverted);
                        *inverted
                    }
                    None => *style,
                };
                digits_rect = draw_digits(buf, band_area, text, *scale, style);
            }
            _ => {}
        }
        y += rows;
    }
    digits_rect
}

/// Big digits centred in `area` at `scale`, or one plain line when they do not fit.
pub fn draw_digits(
    buf: &mut Buffer,
    area: Rect,
    text: &str,
    scale: Option<digits::Scale>,
    style: Style,
) -> Rect {
    match scale {
        Some(scale) => {
            let (w, h) = scale.size_of(text);
            let rect = Rect {
                x: area.x + area.width.saturating_sub(w) / 2,
                y: area.y + area.height.saturating_sub(h) / 2,
                width: w.min(area.width),
                height: h.min(area.height),
            };
            digits::draw(buf, rect, text, scale, style);
            rect
        }
        None => {
            let line = Rect {
                y: area.y + area.height.saturating_sub(1) / 2,
                height: area.height.min(1),
                ..area
            };
            fit::draw_line(buf, line, text, Size::Plain, style, Align::Center);
            line
        }
    }
}

fn rows_of(place: &Placed) -> u16 {
    match place {
        Placed::Text(_, rows, _) | Placed::Digits(_, rows) => *rows,
        Placed::Gap => 1,
    }
}

/// Sizes for every band kept: text first at its size, then plain; then gaps go, then text
/// from the end, as long as that lets the digits be big; when nothing does, plain text and
/// the digits on one plain line.
fn layout(area: Rect, bands: &[Band]) -> Vec<(&Band, Placed)> {
    let has_digits = bands.iter().any(|b| matches!(b, Band::Digits { .. }));
    let mut kept: Vec<&Band> = bands.iter().collect();
    let mut plain = false;
    loop {
        let (placed, fixed, scale) = attempt(&kept, plain, area);
        if fixed <= area.height && (!has_digits || scale.is_some()) {
            return finish(placed, scale, area.height - fixed);
        }
        if !plain {
            plain = true;
        } else if let Some(i) = kept.iter().rposition(|b| matches!(b, Band::Gap)) {
            kept.remove(i);
        } else if let Some(i) = kept.iter().rposition(|b| matches!(b, Band::Text { .. })) {
            kept.remove(i);
        } else {
            break;
        }
    }
    let mut kept: Vec<&Band> = bands.iter().filter(|b| !matches!(b, Band::Gap)).collect();
    loop {
        let (placed, fixed, _) = attempt(&kept, true, area);
        let wanted = fixed + u16::from(has_digits);
        let last_text = kept.iter().rposition(|b| matches!(b, Band::Text { .. }));
        match last_text {
            Some(i) if wanted > area.height => {
                kept.remove(i);
            }
            _ => return finish(placed, None, area.height.saturating_sub(fixed)),
        }
    }
}

/// Text and gaps placed (digits not yet), the rows they take, and the digits' scale in the
/// rows left.
fn attempt<'a>(
    kept: &[&'a Band],
    plain: bool,
    area: Rect,
) -> (Vec<(&'a Band, Placed)>, u16, Option<digits::Scale>) {
    let placed: Vec<(&Band, Placed)> = kept
        .iter()
        .map(|band| {
            let place = match band {
                Band::Text {
                    text,
                    largest,
                    max_rows,
                    style,
                } => {
                    let (largest, max_rows) = if plain {
                        (Size::Plain, 1)
                    } else {
                        (*largest, *max_rows)
                    };
                    let fitted = fit::fit(&[text], area.width, max_rows, 0, largest);
                    let rows = fitted.rows(0).min(max_rows).max(1);
                    Placed::Text(fitted, rows, *style)
                }
                Band::Digits { .. } => Placed::Digits(None, 0),
                Band::Gap => Placed::Gap,
            };
            (*band, place)
        })
        .collect();
    let fixed: u16 = placed.iter().map(|(_, p)| rows_of(p)).sum();
    let left = area.height.saturating_sub(fixed);
    let scale = kept.iter().find_map(|b| match b {
        Band::Digits { text, .. } => digits::fit(text, area.width.saturating_sub(2), left),
        _ => None,
    });
    (placed, fixed, scale)
}

fn finish(
    placed: Vec<(&Band, Placed)>,
    scale: Option<digits::Scale>,
    left: u16,
) -> Vec<(&Band, Placed)> {
    let digit_rows = scale.map_or(left.min(1), |s| digits::rows_for(s.y));
    placed
        .into_iter()
        .map(|(band, place)| match place {
            Placed::Digits(..) => (band, Placed::Digits(scale, digit_rows)),
            other => (band, other),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bands() -> Vec<Band> {
        vec![
            Band::Text {
                text: "Inloop en check-in".into(),
                largest: Size::Quadrant,
                max_rows: 4,
                style: Style::new(),
            },
            Band::Gap,
            Band::Digits {
                text: "12:34".into(),
                style: Style::new(),
                flash: None,
            },
        ]
    }

    #[test]
    fn the_digits_take_the_rows_the_title_leaves() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 120, 34));
        let area = buf.area;
        let digits = draw(&mut buf, area, &bands());
        assert!(digits.height >= 20, "{digits:?}");
    }

    #[test]
    fn on_a_low_screen_the_title_turns_plain_before_the_digits_shrink_away() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 6));
        let area = buf.area;
        let digits = draw(&mut buf, area, &bands());
        assert_eq!(digits.height, 4);
        let text: String = (0..60).map(|x| buf[(x, 0)].symbol()).collect();
        assert!(text.contains("Inloop en check-in"), "{text}");
    }

    #[test]
    fn any_small_area_is_drawn_without_panic() {
        for w in 0..30 {
            for h in 0..8 {
                let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
                let area = buf.area;
                draw(&mut buf, area, &bands());
            }
        }
    }
}
