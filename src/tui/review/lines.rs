//! Text helpers for the review screens: cut or pad to a width, wrap words, a section heading.
//! Widths count characters: the review's text (Dutch, bars, marks) is one column per character.

use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

/// `text` cut to `width` characters, with `…` when cut.
pub fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut s: String = text.chars().take(width - 1).collect();
    s.push('…');
    s
}

/// `text` cut or padded with spaces to exactly `width` characters.
pub fn fit(text: &str, width: usize) -> String {
    let s = cut(text, width);
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width - n))
}

/// `text` right-aligned in `width` characters (cut when longer).
pub fn right(text: &str, width: usize) -> String {
    let s = cut(text, width);
    let n = s.chars().count();
    format!("{}{s}", " ".repeat(width - n))
}

/// Word-wrap `text` at `width` characters; words longer than a line are cut into pieces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            lines.push(word.drain(..width).collect());
        }
        if word.is_empty() {
            continue;
        }
        if len > 0 && len + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.extend(word.iter());
        len += word.len();
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wrapped text as lines with a hanging indent: `first` before the first line, spaces after.
pub fn wrapped<'a>(
    first: &str,
    text: &str,
    width: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'a>> {
    let indent = first.chars().count();
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 {
                first.to_string()
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![Span::styled(lead, style), Span::styled(l, style)])
        })
        .collect()
}

/// A blank line and a bold heading.
pub fn heading<'a>(out: &mut Vec<Line<'a>>, text: &str, theme: &Theme) {
    if !out.is_empty() {
        out.push(Line::default());
    }
    out.push(Line::styled(text.to_string(), theme.accent()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_and_cuts_long_ones() {
        assert_eq!(wrap("één twee drie", 8), vec!["één twee", "drie"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
    }

    #[test]
    fn cut_marks_what_it_cut() {
        assert_eq!(cut("Chloë de W.", 6), "Chloë…");
        assert_eq!(fit("ë", 3), "ë  ");
        assert_eq!(right("7", 3), "  7");
        assert_eq!(cut("abc", 0), "");
    }
}
