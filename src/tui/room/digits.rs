//! The room's digit font: 5x7 pixel digits, ':', '+', '-', drawn at any whole scale with half
//! blocks (two pixels per cell, one above the other), so a countdown can fill any screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Pixel rows of every glyph.
pub const GLYPH_HEIGHT: u16 = 7;
/// Empty pixel columns between two glyphs.
const GAP: u16 = 1;

/// The bitmap of `c`, one string per pixel row ('#' is ink); `None` for a character the font
/// does not have.
fn glyph(c: char) -> Option<[&'static str; 7]> {
    Some(match c {
        '0' => [
            ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.",
        ],
        '1' => [
            "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###.",
        ],
        '2' => [
            ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####",
        ],
        '3' => [
            "####.", "....#", "....#", ".###.", "....#", "....#", "####.",
        ],
        '4' => [
            "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#.",
        ],
        '5' => [
            "#####", "#....", "####.", "....#", "....#", "#...#", ".###.",
        ],
        '6' => [
            "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###.",
        ],
        '7' => [
            "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#...",
        ],
        '8' => [
            ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###.",
        ],
        '9' => [
            ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##..",
        ],
        ':' => [".", ".", "#", ".", "#", ".", "."],
        '+' => [
            ".....", "..#..", "..#..", "#####", "..#..", "..#..", ".....",
        ],
        '-' => [
            ".....", ".....", ".....", "#####", ".....", ".....", ".....",
        ],
        ' ' => ["..", "..", "..", "..", "..", "..", ".."],
        _ => return None,
    })
}

/// Whether every character of `text` is in the font.
pub fn can_draw(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| glyph(c).is_some())
}

/// How many pixel columns `text` takes (glyphs and the gaps between them).
pub fn pixel_width(text: &str) -> u16 {
    let glyphs: u16 = text
        .chars()
        .filter_map(glyph)
        .map(|g| g[0].len() as u16)
        .sum();
    glyphs + GAP * (text.chars().count() as u16).saturating_sub(1)
}

/// A whole-number scale: each pixel is `x` columns wide and `y` half rows high.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub x: u16,
    pub y: u16,
}

impl Scale {
    /// The columns and rows `text` takes at this scale.
    pub fn size_of(self, text: &str) -> (u16, u16) {
        (pixel_width(text).saturating_mul(self.x), rows_for(self.y))
    }
}

/// Terminal rows of a glyph `y` half rows per pixel high.
pub fn rows_for(y: u16) -> u16 {
    (GLYPH_HEIGHT * y).div_ceil(2)
}

/// The largest scale at which `text` fits `width` x `height`, with pixels kept near square
/// (neither side more than half as long again as the other, where the space allows);
/// `None` when even scale 1 does not fit or the font lacks a character.
pub fn fit(text: &str, width: u16, height: u16) -> Option<Scale> {
    if !can_draw(text) {
        return None;
    }
    let px = pixel_width(text).max(1);
    let max_x = width / px;
    let max_y = (1..=height.saturating_mul(2) / GLYPH_HEIGHT + 1)
        .rev()
        .find(|&y| rows_for(y) <= height)
        .unwrap_or(0);
    if max_x == 0 || max_y == 0 {
        return None;
    }
    let longest = |other: u16| (other * 3).div_ceil(2).max(1);
    Some(Scale {
        x: max_x.min(longest(max_y)),
        y: max_y.min(longest(max_x)),
    })
}

/// Draw `text` at `scale` with its top left corner at `area`'s; pixels outside `area` are
/// dropped. Cells without ink are left as they are.
pub fn draw(buf: &mut Buffer, area: Rect, text: &str, scale: Scale, style: Style) {
    let area = area.intersection(buf.area);
    let mut left = 0u16;
    for c in text.chars() {
        let Some(rows) = glyph(c) else { continue };
        let width = rows[0].len() as u16;
        let ink = |px: u16, py: u16| -> bool {
            rows.get(py as usize)
                .and_then(|r| r.as_bytes().get(px as usize))
                .is_some_and(|b| *b == b'#')
        };
        for cx in 0..width * scale.x {
            for cy in 0..rows_for(scale.y) {
                let (x, y) = (area.x + left + cx, area.y + cy);
                if x >= area.right() || y >= area.bottom() {
                    continue;
                }
                let px = cx / scale.x;
                let top = ink(px, (2 * cy) / scale.y);
                let bottom = ink(px, (2 * cy + 1) / scale.y);
                let symbol = match (top, bottom) {
                    (true, true) => "█",
                    (true, false) => "▀",
                    (false, true) => "▄",
                    (false, false) => continue,
                };
                buf[(x, y)].set_symbol(symbol).set_style(style);
            }
        }
        left = left.saturating_add((width + GAP) * scale.x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(text: &str, scale: Scale) -> Vec<String> {
        let (w, h) = scale.size_of(text);
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        let area = buf.area;
        draw(&mut buf, area, text, scale, Style::new());
        (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn every_glyph_has_seven_rows_of_one_width() {
        for c in "0123456789:+- ".chars() {
            let rows = glyph(c).expect("in the font");
            assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{c:?}");
        }
    }

    #[test]
    fn scale_one_packs_two_pixel_rows_in_a_cell() {
        assert_eq!(
            rendered("1", Scale { x: 1, y: 1 }),
            vec![" ▄█  ", "  █  ", "  █  ", " ▀▀▀ "]
        );
    }

    #[test]
    fn a_larger_scale_makes_the_glyph_larger_in_whole_steps() {
        let small = Scale { x: 1, y: 1 }.size_of("12:34");
        let large = Scale { x: 3, y: 4 }.size_of("12:34");
        assert_eq!(small, (25, 4));
        assert_eq!(large, (75, 14));
        assert_eq!(rendered("8", Scale { x: 2, y: 2 })[0], "  ██████  ");
    }

    #[test]
    fn fit_uses_the_space_and_keeps_pixels_near_square() {
        assert_eq!(fit("12:34", 78, 18), Some(Scale { x: 3, y: 5 }));
        // A wide, low space: the digits do not turn into bricks.
        assert_eq!(fit("12:34", 300, 4), Some(Scale { x: 2, y: 1 }));
        assert_eq!(fit("12:34", 24, 10), None);
        assert_eq!(fit("12:34", 80, 3), None);
        assert_eq!(fit("ab", 80, 30), None);
    }
}
