//! Diagnostics a person can act on: `path:line:col: error: what`, the line with a marker, a hint,
//! in English or, where a Dutch text was given, Dutch. miette renders the snippet; the first line is ours.

use crate::i18n::Lang;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceOffset, SourceSpan, SpanContents,
};
use std::fmt;
use std::sync::Arc;

/// One problem found in a file. `line` and `column` are 1-based (columns count characters);
/// both are 0 only when the problem concerns the whole file (it could not be read).
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file as the user named it (a path, or `bundled:<path>`).
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// How to fix it, when we can tell ("did you mean `minutes`?").
    pub hint: Option<String>,
    /// Related places, e.g. the line of a session that refers to a broken deck.
    pub notes: Vec<Note>,
    /// True when the problem is not the input but reading it (permission denied, I/O error).
    pub io_failure: bool,
    /// The message and hint in Dutch, where they have been written (`regie check --lang nl`);
    /// without it a Dutch rendering shows the English text.
    pub dutch: Option<Dutch>,
    snippet: Option<Snippet>,
}

/// A diagnostic's message and hint in Dutch.
#[derive(Debug, Clone, PartialEq)]
pub struct Dutch {
    pub message: String,
    pub hint: Option<String>,
}

/// The words around a diagnostic, in one language.
struct Words {
    error: &'static str,
    note: &'static str,
    help: &'static str,
}

const EN: Words = Words {
    error: "error",
    note: "note",
    help: "help",
};
const NL: Words = Words {
    error: "fout",
    note: "zie ook",
    help: "tip",
};

/// A related place shown after a diagnostic, as `path:line:col: note: message`.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The message in Dutch, where it has been written.
    pub dutch: Option<String>,
    snippet: Option<Snippet>,
}

impl Note {
    /// The message in Dutch, for a Dutch rendering.
    pub fn with_dutch(mut self, message: impl Into<String>) -> Self {
        self.dutch = Some(one_line(message.into()));
        self
    }
}

/// The text of a file and the span (in bytes) the marker goes under.
#[derive(Debug, Clone, PartialEq)]
struct Snippet {
    text: Arc<str>,
    offset: usize,
    len: usize,
    /// 1-based line of `offset`.
    line: usize,
}

/// A file's text with its display name; positions inside it become diagnostics.
#[derive(Debug, Clone)]
pub(crate) struct SourceText {
    pub label: String,
    pub text: Arc<str>,
    /// Byte offset of the start of each line, so positions are found without rescanning.
    line_starts: Arc<[usize]>,
}

impl SourceText {
    pub fn new(label: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        let text: Arc<str> = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            label: label.into(),
            text,
            line_starts,
        }
    }

    /// The 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let index = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[index.saturating_sub(1)];
        let column = 1 + self.text[line_start..offset].chars().count();
        (index.max(1), column)
    }

    fn snippet(&self, offset: usize, len: usize) -> Snippet {
        Snippet {
            text: self.text.clone(),
            offset,
            len,
            line: self.line_col(offset).0,
        }
    }

    /// An error at a byte span of this text.
    pub fn error_at(&self, offset: usize, len: usize, message: impl Into<String>) -> Diagnostic {
        let (offset, len) = clamp_span(&self.text, offset, len);
        let (line, column) = self.line_col(offset);
        Diagnostic {
            file: self.label.clone(),
            line,
            column,
            message: one_line(message.into()),
            hint: None,
            notes: Vec::new(),
            io_failure: false,
            dutch: None,
            snippet: Some(self.snippet(offset, len)),
        }
    }

    /// An error at a byte offset of this text that does not show the text: for files that
    /// are not RON, whose contents must not end up in a message (they may hold secrets).
    pub fn unquoted_error_at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let mut d = self.error_at(offset, 1, message);
        d.snippet = None;
        d
    }

    /// A note at a byte span of this text.
    pub fn note_at(&self, offset: usize, len: usize, message: impl Into<String>) -> Note {
        let (offset, len) = clamp_span(&self.text, offset, len);
        let (line, column) = self.line_col(offset);
        Note {
            file: self.label.clone(),
            line,
            column,
            message: one_line(message.into()),
            dutch: None,
            snippet: Some(self.snippet(offset, len)),
        }
    }
}

impl Diagnostic {
    /// A problem with a whole file that has no position (it could not be read).
    pub fn whole_file(
        file: impl Into<String>,
        message: impl Into<String>,
        io_failure: bool,
    ) -> Self {
        Self {
            file: file.into(),
            line: 0,
            column: 0,
            message: one_line(message.into()),
            hint: None,
            notes: Vec::new(),
            io_failure,
            dutch: None,
            snippet: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The message and hint in Dutch, for a Dutch rendering.
    pub fn with_dutch(mut self, message: impl Into<String>, hint: Option<String>) -> Self {
        self.dutch = Some(Dutch {
            message: one_line(message.into()),
            hint,
        });
        self
    }

    /// Set the hint in English and Dutch (for diagnostics already stored in a list).
    pub fn hint_in(&mut self, en: impl Into<String>, nl: impl Into<String>) -> &mut Self {
        self.hint = Some(en.into());
        let dutch = self.dutch.get_or_insert_with(|| Dutch {
            message: self.message.clone(),
            hint: None,
        });
        dutch.hint = Some(nl.into());
        self
    }

    pub fn with_note(mut self, note: Note) -> Self {
        self.notes.push(note);
        self
    }

    /// Add a note in place (for diagnostics already stored in a list).
    pub fn with_note_mut(&mut self, note: Note) -> &mut Self {
        self.notes.push(note);
        self
    }

    /// `path:line:col` (or just `path` for whole-file problems).
    pub fn location(&self) -> String {
        location(&self.file, self.line, self.column)
    }

    /// The diagnostic as text: header line, snippet, hint, then notes. `color` adds ANSI styles.
    pub fn render(&self, color: bool) -> String {
        self.render_in(color, Lang::En)
    }

    /// The message and hint in `lang` (English where no Dutch was written).
    pub fn text(&self, lang: Lang) -> (&str, Option<&str>) {
        match (lang, &self.dutch) {
            (Lang::Nl, Some(dutch)) => (&dutch.message, dutch.hint.as_deref()),
            _ => (&self.message, self.hint.as_deref()),
        }
    }

    /// The diagnostic as text in `lang`: header line, snippet, hint, then notes.
    pub fn render_in(&self, color: bool, lang: Lang) -> String {
        let words = lang.pick(&NL, &EN);
        let (error_word, note_word) = if color {
            (
                format!("\u{1b}[1;31m{}\u{1b}[0m", words.error),
                format!("\u{1b}[1;36m{}\u{1b}[0m", words.note),
            )
        } else {
            (words.error.to_string(), words.note.to_string())
        };
        let (message, hint) = self.text(lang);
        let mut out = format!("{}: {error_word}: {message}\n", self.location());
        if let Some(snippet) = &self.snippet {
            out.push_str(&render_snippet(snippet, hint, color, words.help));
        } else if let Some(hint) = hint {
            out.push_str(&format!("  {}: {hint}\n", words.help));
        }
        for note in &self.notes {
            out.push_str(&format!(
                "{}: {note_word}: {}\n",
                location(&note.file, note.line, note.column),
                match (lang, &note.dutch) {
                    (Lang::Nl, Some(dutch)) => dutch,
                    _ => &note.message,
                }
            ));
            if let Some(snippet) = &note.snippet {
                out.push_str(&render_snippet(snippet, None, color, words.help));
            }
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Messages quote user text; a newline or control character in it would break the
/// one-line header, so those are written as escapes (`\n`).
fn one_line(message: String) -> String {
    if !message.chars().any(char::is_control) {
        return message;
    }
    message
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn location(file: &str, line: usize, column: usize) -> String {
    if line == 0 {
        file.to_string()
    } else {
        format!("{file}:{line}:{column}")
    }
}

/// The byte offset of a 1-based line and character column; clamped to the line's end and
/// the text's end, so a position past either never spills into the next line.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line = line.max(1);
    let column = column.max(1);
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    // miette agrees with ron on counting characters; it is our reference for the column.
    let within = SourceOffset::from_location(&text[start..end], 1, column).offset();
    start + within.min(end - start)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Keep a span inside the text and on character boundaries; at least one character long
/// when the text has one, so the marker is visible.
fn clamp_span(text: &str, offset: usize, len: usize) -> (usize, usize) {
    let mut offset = floor_char_boundary(text, offset.min(text.len()));
    if offset == text.len() && offset > 0 {
        // Point at the last character rather than past the end.
        offset = floor_char_boundary(text, offset - 1);
        if text[offset..].starts_with('\n') && offset > 0 {
            offset = floor_char_boundary(text, offset - 1);
        }
    }
    let mut end = offset.saturating_add(len.max(1)).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    // A marker never runs past the end of its line.
    if let Some(nl) = text[offset..end].find('\n') {
        end = offset + nl.max(1);
    }
    (offset, end.saturating_sub(offset))
}

/// A snippet whose lines are all at most this long (in characters) is shown as it is. Past it,
/// every line of the snippet is clipped to `SHOWN_CHARS` around the marker: miette pads the
/// marker with a width argument, which panics past 65535, and a line of a megabyte is no help
/// on a terminal anyway.
const CLIP_PAST: usize = 1000;
/// The part of each line a clipped snippet shows, in characters.
const SHOWN_CHARS: usize = 100;
/// Characters shown before the marker on a clipped line.
const SHOWN_BEFORE: usize = 40;

/// The few lines around a span, numbered as in the whole file: miette scans its source from
/// the start for every snippet, which a file with thousands of errors cannot afford.
#[derive(Debug)]
struct Window {
    text: String,
    /// 0-based line number of the window's first line in the file.
    first_line: usize,
    /// Where the marker starts in `text`, and its 0-based character column in the file (on a
    /// clipped line the two differ; the snippet's `[line:col]` shows the file's).
    label_offset: usize,
    label_column: Option<usize>,
}

impl SourceCode for Window {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        let column = match self.label_column {
            Some(column) if before == 0 && after == 0 && span.offset() == self.label_offset => {
                column
            }
            _ => inner.column(),
        };
        Ok(Box::new(MietteSpanContents::new(
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            column,
            inner.line_count(),
        )))
    }
}

/// The line of the snippet with one line of context on each side, and the span within it.
fn window(snippet: &Snippet) -> (Window, usize, usize) {
    let text: &str = &snippet.text;
    let offset = snippet.offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let (start, first_line) = if line_start == 0 {
        (0, snippet.line.saturating_sub(1))
    } else {
        let previous = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        (previous, snippet.line.saturating_sub(2))
    };
    let after = (offset + snippet.len).min(text.len());
    let line_end = text[after..].find('\n').map_or(text.len(), |i| after + i);
    let end = if line_end < text.len() {
        text[line_end + 1..]
            .find('\n')
            .map_or(text.len(), |i| line_end + 1 + i)
    } else {
        text.len()
    };
    let long = text[start..end]
        .split('\n')
        .any(|line| line.len() > CLIP_PAST && line.chars().nth(CLIP_PAST).is_some());
    if !long {
        let window = Window {
            text: text[start..end].to_string(),
            first_line,
            label_offset: offset - start,
            label_column: None,
        };
        return (window, offset - start, snippet.len);
    }
    // Clip every line of the window to the same columns, so they stay aligned.
    let column = text[line_start..offset].chars().count();
    let span_chars = text[offset..after].chars().count().max(1);
    let from = column.saturating_sub(SHOWN_BEFORE);
    let columns = from..from + SHOWN_CHARS;
    let mut out = String::new();
    let mut marker = (0, 0);
    let mut line_at = start;
    for line in text[start..end].split('\n') {
        if line_at > start {
            out.push('\n');
        }
        let (clipped, a, b) = clip(line, columns.clone(), column, column + span_chars);
        if line_at == line_start {
            marker = (out.len() + a, out.len() + b);
        }
        out.push_str(&clipped);
        line_at += line.len() + 1;
    }
    let window = Window {
        text: out,
        first_line,
        label_offset: marker.0,
        label_column: Some(column),
    };
    (window, marker.0, (marker.1 - marker.0).max(1))
}

/// The characters of `line` in `columns`, with `…` where something was left out, and the
/// byte offsets in the result of character columns `a` and `b` (clamped to what is shown).
fn clip(line: &str, columns: std::ops::Range<usize>, a: usize, b: usize) -> (String, usize, usize) {
    let mut out = String::new();
    if columns.start > 0 {
        out.push('…');
    }
    let (mut at_a, mut at_b) = (None, None);
    let mut shown_end = None;
    for (n, c) in line.chars().enumerate().skip(columns.start) {
        if n == a {
            at_a = Some(out.len());
        }
        if n == b {
            at_b = Some(out.len());
        }
        if n >= columns.end {
            shown_end = Some(out.len());
            out.push('…');
            break;
        }
        out.push(c);
    }
    let end = shown_end.unwrap_or(out.len());
    let a = at_a.unwrap_or(end).min(end);
    let b = at_b.unwrap_or(end).clamp(a, end);
    (out, a, b)
}

/// A miette report that only carries the snippet; the header is written by us.
#[derive(Debug)]
struct SnippetReport<'a> {
    window: Window,
    span: LabeledSpan,
    help: Option<&'a str>,
}

impl fmt::Display for SnippetReport<'_> {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for SnippetReport<'_> {}

impl miette::Diagnostic for SnippetReport<'_> {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.window)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.span.clone())))
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
}

/// The snippet as miette draws it, its `help:` written as `help_word`.
fn render_snippet(snippet: &Snippet, hint: Option<&str>, color: bool, help_word: &str) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .with_width(100)
        .with_links(false);
    let (window, offset, len) = window(snippet);
    let report = SnippetReport {
        window,
        span: LabeledSpan::new(None, offset, len),
        help: hint,
    };
    let mut rendered = String::new();
    if handler.render_report(&mut rendered, &report).is_err() {
        return String::new();
    }
    // miette starts with its own header line (`  × ` and our empty message); ours is
    // already written.
    let lines = rendered.lines().skip(1);
    let mut out = String::new();
    for line in lines {
        let line = line.trim_end();
        match line.split_once("help:") {
            Some((lead, rest)) if without_styles(lead).trim().is_empty() => {
                out.push_str(&format!("{lead}{help_word}:{rest}"));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// `text` without its ANSI style sequences (`ESC [ ... m`).
fn without_styles(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|&c| c == 'm');
        } else {
            out.push(c);
        }
    }
    out
}

/// Everything wrong with a file (and the files it refers to).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    pub fn new(diagnostics: Vec<Diagnostic>) -> Self {
        Self { diagnostics }
    }

    /// All diagnostics as plain text (no colour), separated by blank lines.
    pub fn render(&self) -> String {
        self.render_styled(false)
    }

    /// All diagnostics, with ANSI colour when `color` (use it only on a terminal).
    pub fn render_styled(&self, color: bool) -> String {
        self.render_in(color, Lang::En)
    }

    /// All diagnostics in `lang`, with ANSI colour when `color`.
    pub fn render_in(&self, color: bool, lang: Lang) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render_in(color, lang))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Exit code for the command line: 1 when a file could not be read, else 2 (bad input).
    pub fn exit_code(&self) -> u8 {
        if self.diagnostics.iter().any(|d| d.io_failure) {
            1
        } else {
            2
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let src = SourceText::new("f", "ab\nçd\n");
        assert_eq!(src.line_col(0), (1, 1));
        assert_eq!(src.line_col(2), (1, 3));
        assert_eq!(src.line_col(3), (2, 1));
        assert_eq!(src.line_col(5), (2, 2)); // after the two-byte ç
        assert_eq!(src.line_col(4), (2, 1)); // inside ç: its start
        assert_eq!(src.line_col(99), (3, 1));
        assert_eq!(SourceText::new("f", "").line_col(0), (1, 1));
    }

    #[test]
    fn snippets_of_later_lines_are_numbered_as_in_the_file() {
        let text: String = (1..=40).map(|i| format!("line {i}\n")).collect();
        let src = SourceText::new("f", text.as_str());
        let offset = text.find("line 30").unwrap();
        let d = src.error_at(offset, 4, "m");
        assert_eq!((d.line, d.column), (30, 1));
        let shown = d.to_string();
        assert!(shown.contains("29 │ line 29"), "{shown}");
        assert!(shown.contains("30 │ line 30"), "{shown}");
        assert!(shown.contains("31 │ line 31"), "{shown}");
        assert!(
            !shown.contains("line 28") && !shown.contains("line 32"),
            "{shown}"
        );
        assert!(shown.contains("[30:1]"), "{shown}");
    }

    #[test]
    fn offset_of_is_the_inverse_and_clamps() {
        let text = "ab\nçd\nx";
        assert_eq!(offset_of(text, 2, 2), 5);
        assert_eq!(offset_of(text, 2, 40), 6); // end of line 2, not into line 3
        assert_eq!(offset_of(text, 9, 1), text.len());
        assert_eq!(offset_of(text, 0, 0), 0);
    }

    #[test]
    fn rendering_starts_with_the_grep_friendly_line() {
        let src = SourceText::new("s.ron", "Session(\n  titel: \"x\",\n)\n");
        let d = src
            .error_at(11, 5, "Unexpected field named `titel`")
            .with_hint("did you mean `title`?");
        let text = d.to_string();
        let first = text.lines().next().unwrap();
        assert_eq!(first, "s.ron:2:3: error: Unexpected field named `titel`");
        assert!(text.contains("titel: \"x\""), "{text}");
        assert!(text.contains("did you mean `title`?"), "{text}");
        assert!(!text.contains('\u{1b}'), "plain text has no colour codes");
        assert!(d.render(true).contains("\u{1b}[1;31merror\u{1b}[0m"));
    }

    #[test]
    fn a_marker_far_along_a_long_line_is_shown_clipped_with_its_real_column() {
        let far = " ".repeat(70_000);
        let text = format!("Session(\n{far}Oops\n)\n");
        let src = SourceText::new("s.ron", text.as_str());
        let d = src.error_at(text.find("Oops").unwrap(), 4, "m");
        assert_eq!((d.line, d.column), (2, 70_001));
        let shown = d.to_string();
        assert!(shown.starts_with("s.ron:2:70001: error: m\n"), "{shown}");
        assert!(shown.contains("[2:70001]"), "{shown}");
        assert!(shown.contains("…") && shown.contains("Oops"), "{shown}");
        assert!(shown.lines().all(|l| l.chars().count() < 200), "{shown}");
        // The marker sits under `Oops`.
        let lines: Vec<&str> = shown.lines().collect();
        let code = lines.iter().position(|l| l.contains("Oops")).unwrap();
        let at = lines[code].chars().position(|c| c == 'O').unwrap();
        let marker: Vec<char> = lines[code + 1].chars().collect();
        assert!(marker[at] != ' ', "{shown}");
        assert_eq!(marker[at - 1], ' ', "{shown}");
        // A wide span (a 70,000-character string) is cut, too, as is colour output.
        let text = format!("(x: \"{far}\")");
        let src = SourceText::new("s.ron", text.as_str());
        let d = src.error_at(4, text.len() - 5, "m");
        assert!(d.render(true).lines().all(|l| l.chars().count() < 300));
    }

    #[test]
    fn an_unquoted_error_has_a_place_but_no_text() {
        let src = SourceText::new("f.ron", "\n  root:x:0:0\n");
        let d = src.unquoted_error_at(3, "not RON");
        assert_eq!((d.line, d.column), (2, 3));
        assert!(!d.to_string().contains("root"), "{d}");
    }

    #[test]
    fn spans_at_or_past_the_end_never_panic() {
        for text in ["", "\n", "x", "é", "a\n\n"] {
            let src = SourceText::new("f.ron", text);
            for offset in 0..6 {
                let d = src.error_at(offset, 3, "m");
                assert!(d.line >= 1 && d.column >= 1);
                let _ = d.to_string();
            }
        }
    }
}
