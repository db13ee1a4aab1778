//! Text in big pixel letters (tui-big-text), in the largest size that fits the space given.
//! Falls back to one bold line when even the smallest big size does not fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// Sizes from largest to smallest: (pixel size, columns per character, rows).
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// How many rows `text` takes in the largest size that fits `width` x `max_rows`.
pub fn rows_needed(text: &str, width: u16, max_rows: u16) -> u16 {
    let chars = text.chars().count() as u16;
    SIZES
        .iter()
        .find(|(_, cols, rows)| chars.saturating_mul(*cols) <= width && *rows <= max_rows)
        .map(|(_, _, rows)| *rows)
        .unwrap_or(1)
}

/// Draw `text` centred in `area` in the largest size that fits; returns the rows used.
pub fn draw(frame: &mut Frame, area: Rect, text: &str, style: Style) -> u16 {
    let chars = text.chars().count() as u16;
    let fit = SIZES
        .iter()
        .find(|(_, cols, rows)| chars.saturating_mul(*cols) <= area.width && *rows <= area.height);
    match fit {
        Some((size, _, rows)) => {
            let big = BigText::builder()
                .pixel_size(*size)
                .style(style)
                .lines(vec![Line::from(text.to_string())])
                .centered()
                .build();
            frame.render_widget(
                big,
                Rect {
                    height: *rows,
                    ..area
                },
            );
            *rows
        }
        None => {
            if area.height > 0 {
                frame.render_widget(
                    Paragraph::new(Line::from(text.to_string()))
                        .style(style.add_modifier(Modifier::BOLD))
                        .centered(),
                    Rect { height: 1, ..area },
                );
            }
            1
        }
    }
}
