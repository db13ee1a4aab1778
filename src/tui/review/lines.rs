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
/// At most `MAX_WRAPPED_LINES` lines: the text stops there, marked with `…`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    let mut cut_short = false;
    'words: for word in text.split_whitespace() {
        let mut rest = word;
        // A word longer than a line goes in pieces of a line each.
        while let Some((at, _)) = rest.char_indices().nth(width) {
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if lines.len() >= MAX_WRAPPED_LINES {
                cut_short = true;
                break 'words;
            }
            lines.push(rest[..at].to_string());
            rest = &rest[at..];
        }
        if rest.is_empty() {
            continue;
        }
        let n = rest.chars().count();
        if len > 0 && len + 1 + n > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if lines.len() >= MAX_WRAPPED_LINES {
            cut_short = true;
            break;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(rest);
        len += n;
    }
    if !cut_short && (len > 0 || lines.is_empty()) {
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
