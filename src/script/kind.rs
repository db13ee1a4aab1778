//! Which of the three formats a file holds, told from its top level (`Session(`, `Deck(`,
//! `Cohort(`), skipping leading whitespace, comments and `#![enable(..)]` attributes.

use std::fmt;

/// The three file formats users write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    Session,
    Deck,
    Cohort,
}

impl FileKind {
    pub const ALL: [FileKind; 3] = [FileKind::Session, FileKind::Deck, FileKind::Cohort];

    pub fn name(self) -> &'static str {
        match self {
            FileKind::Session => "Session",
            FileKind::Deck => "Deck",
            FileKind::Cohort => "Cohort",
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What the top level of a file starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopLevel {
    /// Nothing but whitespace and comments.
    Empty,
    /// One of the three formats, at this byte offset.
    Kind(FileKind, usize),
    /// Something else (an unnamed `(`, another name, garbage), at this byte offset.
    Other(usize),
}

/// Look at the first thing after whitespace, comments and attributes.
pub fn top_level(text: &str) -> TopLevel {
    let start = skip_trivia(text, 0);
    if start >= text.len() {
        return TopLevel::Empty;
    }
    let rest = &text[start..];
    let ident_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let ident = &rest[..ident_len];
    let after = skip_trivia(text, start + ident_len);
    let opens = text[after.min(text.len())..].starts_with('(');
    match FileKind::ALL.iter().find(|k| k.name() == ident) {
        Some(kind) if opens => TopLevel::Kind(*kind, start),
        _ => TopLevel::Other(start),
    }
}

/// The offset of the first byte at or after `from` that is not whitespace, a comment or an
/// `#![..]` attribute. Unclosed comments run to the end of the text.
pub fn skip_trivia(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        while i < bytes.len() && (bytes[i] as char).is_ascii_whitespace() {
            i += 1;
        }
        let rest = &bytes[i.min(bytes.len())..];
        if rest.starts_with(b"//") {
            i += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        } else if rest.starts_with(b"/*") {
            i = skip_block_comment(bytes, i);
        } else if rest.starts_with(b"#![") {
            i += rest
                .iter()
                .position(|&b| b == b']')
                .map_or(rest.len(), |p| p + 1);
        } else {
            // Non-ASCII whitespace (e.g. a no-break space) also counts as trivia.
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => return i.min(bytes.len()),
            }
        }
    }
}

fn skip_block_comment(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth = depth.saturating_sub(1);
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_kind_after_comments() {
        let text = "// dag 3\n/* a /* nested */ comment */\n  Session(\n";
        assert_eq!(top_level(text), TopLevel::Kind(FileKind::Session, 40));
        assert_eq!(
            top_level("Deck (title: \"x\")"),
            TopLevel::Kind(FileKind::Deck, 0)
        );
        assert_eq!(
            top_level("#![enable(implicit_some)]\nCohort("),
            TopLevel::Kind(FileKind::Cohort, 26)
        );
    }

    #[test]
    fn anything_else_is_other_or_empty() {
        assert_eq!(top_level("  // only a comment\n"), TopLevel::Empty);
        assert_eq!(top_level(""), TopLevel::Empty);
        assert_eq!(top_level("(title: \"x\")"), TopLevel::Other(0));
        assert_eq!(top_level("Sessions("), TopLevel::Other(0));
        assert_eq!(top_level("Session"), TopLevel::Other(0));
        assert_eq!(top_level("/* unclosed"), TopLevel::Empty);
    }

    proptest::proptest! {
        #[test]
        fn any_text_has_a_top_level_inside_it(text in "(?s:.{0,80})") {
            match top_level(&text) {
                TopLevel::Kind(_, at) | TopLevel::Other(at) => {
                    proptest::prop_assert!(at < text.len());
                    proptest::prop_assert!(text.is_char_boundary(at));
                }
                TopLevel::Empty => {}
            }
        }
    }
}
