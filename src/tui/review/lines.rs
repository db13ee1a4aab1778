//! Text helpers for the review screens: cut or pad to a width, wrap words, a section heading.
//! Widths count characters: the review's text (Dutch, bars, marks) is one column per character.

use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

/// `text` cut to `width` characters, with `…` when cut. Reads no further than `width`
/// characters into `text`, however long it is.
pub fn cut(text: &str, width: usize) -> String {
    if text.chars().nth(width).is_none() {
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

/// The most lines one text is wrapped into. A screen shows a few dozen; a note of megabytes
/// is cut after these (its last line ends in `…`) rather than wrapped whole on every draw, so
/// wrapping costs what can be shown, not what was typed.
pub const MAX_WRAPPED_LINES: usize = 500;

/// Word-wrap `text` at `width` characters; words longer than a line are cut into pieces.
/// Reads the text once, from the start, and only as far as it can show: at most
/// `MAX_WRAPPED_LINES` lines (or that many lines' worth of characters, spaces included), after
/// which the last line ends in `…`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut budget = MAX_WRAPPED_LINES
        .saturating_mul(width + 1)
        .saturating_mul(2);
    let mut lines: Vec<String> = Vec::new();
    let (mut line, mut len) = (String::new(), 0);
    let (mut word, mut word_len) = (String::new(), 0);
    let mut chars = text.chars();
    // True when the text does not fit in what wrapping reads.
    let cut_short = loop {
        if budget == 0 || lines.len() >= MAX_WRAPPED_LINES {
            let rest = word_len > 0 || !chars.as_str().is_empty();
            if rest || (len > 0 && lines.len() >= MAX_WRAPPED_LINES) {
                break true;
            }
        }
        budget = budget.saturating_sub(1);
        let next = chars.next();
        if let Some(c) = next.filter(|c| !c.is_whitespace()) {
            if word_len == width {
                // A word longer than a line goes in pieces of a line each.
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                    len = 0;
                }
                lines.push(std::mem::take(&mut word));
                word_len = 0;
            }
            word.push(c);
            word_len += 1;
            continue;
        }
        if word_len > 0 {
            if len > 0 && len + 1 + word_len > width {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.push_str(&word);
            len += word_len;
            word.clear();
            word_len = 0;
        }
        if next.is_none() {
            break false;
        }
    };
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    if cut_short {
        lines.truncate(MAX_WRAPPED_LINES);
        if let Some(last) = lines.last_mut() {
            let mut marked: String = last.chars().take(width - 1).collect();
            marked.push('…');
            *last = marked;
        }
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
    fn a_huge_note_is_wrapped_only_as_far_as_a_screen_can_show() {
        for note in ["x".repeat(5_000_000), "woord ".repeat(1_000_000)] {
            let lines = wrap(&note, 80);
            assert!(lines.len() <= MAX_WRAPPED_LINES, "{} lines", lines.len());
            assert_eq!(lines.len(), MAX_WRAPPED_LINES);
            assert!(lines.iter().all(|l| l.chars().count() <= 80));
            let last = lines.last().unwrap();
            assert!(last.ends_with('…'), "the cut is marked: {last}");
        }
        // Short notes are whole.
        assert_eq!(wrap("kort", 80), vec!["kort"]);
    }

    #[test]
    fn cut_marks_what_it_cut() {
        assert_eq!(cut("Chloë de W.", 6), "Chloë…");
        assert_eq!(fit("ë", 3), "ë  ");
        assert_eq!(right("7", 3), "  7");
        assert_eq!(cut("abc", 0), "");
    }
}
