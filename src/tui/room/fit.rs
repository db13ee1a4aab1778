//! Text in the largest size that fits: plain, or big pixel letters (tui-big-text) in three
//! sizes; words wrap whole, and a word too long for a line rules that size out.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// A text size, largest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Size {
    /// 8x8 cells per character.
    Full,
    /// 8 columns, 4 rows per character.
    Half,
    /// 4 columns, 4 rows per character.
    Quadrant,
    /// Ordinary text.
    Plain,
}

impl Size {
    /// From largest to smallest.
    pub const LADDER: [Size; 4] = [Size::Full, Size::Half, Size::Quadrant, Size::Plain];

    /// Columns and rows of one character.
    pub fn cell(self) -> (u16, u16) {
        match self {
            Size::Full => (8, 8),
            Size::Half => (8, 4),
            Size::Quadrant => (4, 4),
            Size::Plain => (1, 1),
        }
    }

    /// Characters that fit on a line `width` columns wide.
    pub fn chars_in(self, width: u16) -> usize {
        usize::from(width / self.cell().0)
    }

    /// Whether `text` can be set in this size (plain takes anything).
    pub fn can_set(self, text: &str) -> bool {
        self == Size::Plain || has_glyphs(text)
    }

    /// Columns `text` takes on one line.
    pub fn width_of(self, text: &str) -> u16 {
        let chars = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
        chars.saturating_mul(self.cell().0)
    }

    /// The sizes from `self` down to plain.
    pub fn and_smaller(self) -> impl Iterator<Item = Size> {
        Size::LADDER.into_iter().filter(move |s| *s >= self)
    }
}

/// Whether the big letters have a glyph for every character of `text`: ASCII and Latin-1
/// (ë, ï, é, ç, ß ...) but for the soft hyphen, '³' and '´'. Other letters ("ı" in Yıldız,
/// "ł", "ő") would come out as holes, so such text is set plain.
pub fn has_glyphs(text: &str) -> bool {
    const HOLES: [char; 3] = ['\u{ad}', '\u{b3}', '\u{b4}'];
    text.chars().all(|c| {
        c.is_whitespace()
            || (' '..='~').contains(&c)
            || (('\u{a1}'..='\u{ff}').contains(&c) && !HOLES.contains(&c))
    })
}

/// `text` in lines of at most `max` characters, broken between words only; `None` when a word
/// is longer than a line.
pub fn wrap(text: &str, max: usize) -> Option<Vec<String>> {
    if max == 0 {
        return None;
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if len > max {
            return None;
        }
        let used = line.chars().count();
        if used > 0 && used + 1 + len > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    Some(lines)
}

/// `text` in lines of at most `max` characters, cutting a word only when it is longer than a
/// whole line (plain text has nowhere else to go).
pub fn wrap_hard(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let words = text.split_whitespace().flat_map(|word| {
        let chars: Vec<char> = word.chars().collect();
        chars
            .chunks(max)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
    });
    let joined = words.collect::<Vec<_>>().join(" ");
    wrap(&joined, max).unwrap_or_default()
}

/// Paragraphs set in one size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub size: Size,
    /// Per paragraph, its lines.
    pub paragraphs: Vec<Vec<String>>,
}

impl Fitted {
    /// Rows all paragraphs take, with `gap` empty rows between two paragraphs.
    pub fn rows(&self, gap: u16) -> u16 {
        let lines: usize = self.paragraphs.iter().map(Vec::len).sum();
        let gaps = self.paragraphs.len().saturating_sub(1);
        let rows = lines * usize::from(self.size.cell().1) + gaps * usize::from(gap);
        u16::try_from(rows).unwrap_or(u16::MAX)
    }

    /// Columns of the widest line.
    pub fn width(&self) -> u16 {
        self.paragraphs
            .iter()
            .flatten()
            .map(|l| self.size.width_of(l))
            .max()
            .unwrap_or(0)
    }
}

/// `paragraphs` in the largest size from `largest` down that fits `width` x `height` with
/// `gap` rows between paragraphs; plain text, wrapped hard, when none does (it may then be
/// taller than `height`: the drawing cuts it).
pub fn fit(paragraphs: &[&str], width: u16, height: u16, gap: u16, largest: Size) -> Fitted {
    for size in largest.and_smaller() {
        if !paragraphs.iter().all(|p| size.can_set(p)) {
            continue;
        }
        let max = size.chars_in(width);
        let wrapped: Option<Vec<Vec<String>>> = paragraphs.iter().map(|p| wrap(p, max)).collect();
        if let Some(paragraphs) = wrapped {
            let fitted = Fitted { size, paragraphs };
            if fitted.rows(gap) <= height {
                return fitted;
            }
        }
    }
    Fitted {
        size: Size::Plain,
        paragraphs: paragraphs
            .iter()
            .map(|p| wrap_hard(p, usize::from(width)))
            .collect(),
    }
}

/// The largest size in which `text` fits on one line `width` wide and `height` high.
pub fn one_line(text: &str, width: u16, height: u16) -> Size {
    Size::LADDER
        .into_iter()
        .find(|s| s.can_set(text) && s.width_of(text) <= width && s.cell().1 <= height)
        .unwrap_or(Size::Plain)
}

/// How a line sits in its area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

/// Draw one line of `text` in `size` at the top of `area` (cut at its right edge).
pub fn draw_line(buf: &mut Buffer, area: Rect, text: &str, size: Size, style: Style, align: Align) {
    let area = area.intersection(buf.area);
    let (_, rows) = size.cell();
    let width = size.width_of(text).min(area.width);
    let x = match align {
        Align::Left => area.x,
        Align::Center => area.x + (area.width - width) / 2,
    };
    let rect = Rect {
        x,
        y: area.y,
        width,
        height: rows.min(area.height),
    };
    if rect.is_empty() {
        return;
    }
    match size {
        Size::Plain => Line::styled(text.to_string(), style).render(rect, buf),
        big => {
            let pixel = match big {
                Size::Full => PixelSize::Full,
                Size::Half => PixelSize::HalfHeight,
                _ => PixelSize::Quadrant,
            };
            BigText::builder()
                .pixel_size(pixel)
                .style(style)
                .lines(vec![Line::from(text.to_string())])
                .build()
                .render(rect, buf);
        }
    }
}

/// Draw fitted paragraphs from the top of `area`, `gap` rows apart, each paragraph in the
/// style `style_of(index)`; lines past the bottom are dropped. Returns the rows used.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    fitted: &Fitted,
    gap: u16,
    align: Align,
    style_of: impl Fn(usize) -> Style,
) -> u16 {
    let (_, rows) = fitted.size.cell();
    let mut y = area.y;
    for (i, paragraph) in fitted.paragraphs.iter().enumerate() {
        if i > 0 {
            y = y.saturating_add(gap);
        }
        for line in paragraph {
            if y.saturating_add(rows) > area.bottom() {
                return y - area.y;
            }
            let at = Rect {
                y,
                height: rows,
                ..area
            };
            draw_line(buf, at, line, fitted.size, style_of(i), align);
            y += rows;
        }
    }
    y.min(area.bottom()) - area.y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_whole_and_a_long_word_rules_a_size_out() {
        assert_eq!(
            wrap("de regel of de ruimte", 9),
            Some(vec!["de regel".into(), "of de".into(), "ruimte".into()])
        );
        assert_eq!(wrap("gemeentegrond", 5), None);
        assert_eq!(
            wrap_hard("gemeentegrond ok", 5),
            vec!["gemee", "ntegr", "ond", "ok"]
        );
    }

    #[test]
    fn the_largest_size_that_fits_is_chosen() {
        let short = fit(&["Oogst"], 200, 60, 1, Size::Full);
        assert_eq!(short.size, Size::Full);
        let long = fit(&["Welke waarden botsen hier?"], 120, 4, 1, Size::Full);
        assert_eq!(long.size, Size::Quadrant);
        assert_eq!(
            long.paragraphs,
            vec![vec!["Welke waarden botsen hier?".to_string()]]
        );
        let none = fit(&["Welke waarden botsen hier?"], 10, 2, 1, Size::Full);
        assert_eq!(none.size, Size::Plain);
        assert_eq!(
            none.paragraphs[0],
            vec!["Welke", "waarden", "botsen", "hier?"]
        );
    }

    #[test]
    fn a_letter_without_a_big_glyph_sets_the_text_plain() {
        assert_eq!(
            fit(&["Mehmet Yıldız"], 200, 60, 0, Size::Full).size,
            Size::Plain
        );
        assert_eq!(one_line("Mehmet Yıldız", 200, 8), Size::Plain);
        assert_eq!(one_line("Chloë de W.", 200, 8), Size::Full);
    }

    #[test]
    fn every_character_said_to_have_a_glyph_has_ink() {
        for c in ('!'..='~')
            .chain('\u{a1}'..='\u{ff}')
            .filter(|c| has_glyphs(&c.to_string()))
        {
            let mut buf = Buffer::empty(Rect::new(0, 0, 8, 8));
            let area = buf.area;
            draw_line(
                &mut buf,
                area,
                &c.to_string(),
                Size::Full,
                Style::new(),
                Align::Left,
            );
            let inked = buf.content().iter().any(|cell| cell.symbol() != " ");
            assert!(inked, "{c:?} ({:#x}) has no glyph", c as u32);
        }
    }

    #[test]
    fn dutch_letters_are_drawn_in_big_text() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 8));
        let area = buf.area;
        draw_line(&mut buf, area, "ë", Size::Full, Style::new(), Align::Left);
        let inked = buf.content().iter().filter(|c| c.symbol() != " ").count();
        assert!(inked > 4, "ë has no glyph");
    }
}
