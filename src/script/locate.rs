//! Finding where a value sits in a file's text, so semantic errors (a duplicate name, a zero
//! duration) point at the offending value. A forgiving RON outline: positions only, no types.

use super::kind::skip_trivia;

/// Deeper nesting than this is not outlined (the typed parser rejects it anyway).
const MAX_DEPTH: usize = 64;

/// A value in the text, by byte span, with its children.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub start: usize,
    pub end: usize,
    children: Children,
}

#[derive(Debug, Clone, PartialEq)]
enum Children {
    None,
    /// `Name(...)` or `(...)`: named fields and/or positional items.
    Group {
        name: Option<String>,
        entries: Vec<Entry>,
    },
    /// `[...]`
    List(Vec<Node>),
    /// `{...}`: keys and values alternate.
    Map(Vec<Node>),
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    key: Option<String>,
    value: Node,
}

/// One step of a path into the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step<'a> {
    Field(&'a str),
    Index(usize),
}

/// The outline of a whole file; `None` when the text cannot be outlined at all.
pub(crate) fn outline(text: &str) -> Option<Node> {
    let mut p = Outliner { text, pos: 0 };
    p.pos = skip_trivia(text, 0);
    p.value(0)
}

/// Finds values of one text by path; outlines the text once.
#[derive(Debug, Clone)]
pub(crate) struct Locator {
    root: Option<Node>,
    top: usize,
}

impl Locator {
    pub fn new(text: &str) -> Self {
        Self {
            root: outline(text),
            top: skip_trivia(text, 0).min(text.len()),
        }
    }

    /// The byte span (start, length) of the deepest value on `path` that could be found (a
    /// value we cannot find falls back to its enclosing item, a text we cannot outline to
    /// its first value), never a panic.
    pub fn span(&self, path: &[Step<'_>]) -> (usize, usize) {
        match &self.root {
            Some(root) => {
                let node = root.find(path);
                (node.start, node.end.saturating_sub(node.start).max(1))
            }
            None => (self.top, 1),
        }
    }
}

#[cfg(test)]
fn locate(text: &str, path: &[Step<'_>]) -> (usize, usize) {
    Locator::new(text).span(path)
}

impl Node {
    /// The deepest node along `path`; `Some(x)` wrappers are looked through.
    pub fn find(&self, path: &[Step<'_>]) -> &Node {
        let mut node = self.unwrap_some();
        for step in path {
            match node.child(*step) {
                Some(next) => node = next.unwrap_some(),
                None => break,
            }
        }
        node
    }

    fn child(&self, step: Step<'_>) -> Option<&Node> {
        match (&self.children, step) {
            (Children::Group { entries, .. }, Step::Field(name)) => entries
                .iter()
                .find(|e| e.key.as_deref() == Some(name))
                .map(|e| &e.value),
            (Children::Group { entries, .. }, Step::Index(i)) => entries
                .iter()
                .filter(|e| e.key.is_none())
                .nth(i)
                .map(|e| &e.value),
            (Children::List(items), Step::Index(i)) => items.get(i),
            (Children::Map(items), Step::Index(i)) => items.get(2 * i + 1),
            _ => None,
        }
    }

    fn unwrap_some(&self) -> &Node {
        match &self.children {
            Children::Group {
                name: Some(name),
                entries,
            } if name == "Some" && entries.len() == 1 && entries[0].key.is_none() => {
                entries[0].value.unwrap_some()
            }
            _ => self,
        }
    }
}

struct Outliner<'a> {
    text: &'a str,
    pos: usize,
}

impl Outliner<'_> {
    fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn skip(&mut self) {
        self.pos = skip_trivia(self.text, self.pos);
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip();
        let start = self.pos;
        let c = self.peek()?;
        let children = match c {
            b'(' => self.group(None, depth)?,
            b'[' => Children::List(self.list(b']', depth)?),
            b'{' => Children::Map(self.map(depth)?),
            b'"' => {
                self.quoted(b'"')?;
                Children::None
            }
            b'\'' => {
                self.quoted(b'\'')?;
                Children::None
            }
            b'r' if matches!(self.bytes().get(self.pos + 1), Some(b'#') | Some(b'"')) => {
                self.raw_string()?;
                Children::None
            }
            b'b' if self.bytes().get(self.pos + 1) == Some(&b'"') => {
                self.pos += 1;
                self.quoted(b'"')?;
                Children::None
            }
            _ => {
                let word = self.word();
                if word.is_empty() {
                    return None;
                }
                let after_word = self.pos;
                self.skip();
                let is_ident = word
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_');
                if is_ident && self.peek() == Some(b'(') {
                    self.group(Some(word), depth)?
                } else {
                    self.pos = after_word;
                    Children::None
                }
            }
        };
        Some(Node {
            start,
            end: self.pos,
            children,
        })
    }

    /// A run of identifier or number characters.
    fn word(&mut self) -> String {
        let rest = &self.text[self.pos..];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-' | '#')))
            .unwrap_or(rest.len());
        self.pos += len;
        rest[..len].to_string()
    }

    fn group(&mut self, name: Option<String>, depth: usize) -> Option<Children> {
        self.pos += 1; // '('
        let mut entries = Vec::new();
        loop {
            self.skip();
            match self.peek()? {
                b')' => {
                    self.pos += 1;
                    return Some(Children::Group { name, entries });
                }
                b',' => self.pos += 1,
                _ => {
                    let key = self.field_name();
                    let value = self.value(depth + 1)?;
                    entries.push(Entry { key, value });
                }
            }
        }
    }

    /// `name:` at the cursor (consumed), or nothing (cursor unchanged).
    fn field_name(&mut self) -> Option<String> {
        let save = self.pos;
        let rest = &self.text[self.pos..];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if len == 0 {
            return None;
        }
        let name = rest[..len].to_string();
        self.pos += len;
        self.skip();
        if self.peek() == Some(b':') && self.bytes().get(self.pos + 1) != Some(&b':') {
            self.pos += 1;
            Some(name)
        } else {
            self.pos = save;
            None
        }
    }

    fn list(&mut self, close: u8, depth: usize) -> Option<Vec<Node>> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip();
            match self.peek()? {
                c if c == close => {
                    self.pos += 1;
                    return Some(items);
                }
                b',' => self.pos += 1,
                _ => items.push(self.value(depth + 1)?),
            }
        }
    }

    fn map(&mut self, depth: usize) -> Option<Vec<Node>> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip();
            match self.peek()? {
                b'}' => {
                    self.pos += 1;
                    return Some(items);
                }
                b',' | b':' => self.pos += 1,
                _ => items.push(self.value(depth + 1)?),
            }
        }
    }

    /// A string or char literal closed by `quote`, with backslash escapes.
    fn quoted(&mut self, quote: u8) -> Option<()> {
        self.pos += 1; // opening quote
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            self.pos += 1;
            if b == b'\\' {
                self.pos += 1;
            } else if b == quote {
                return Some(());
            }
        }
        None
    }

    fn raw_string(&mut self) -> Option<()> {
        self.pos += 1; // 'r'
        let hashes = self.text[self.pos..]
            .bytes()
            .take_while(|&b| b == b'#')
            .count();
        self.pos += hashes;
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        let closing = format!("\"{}", "#".repeat(hashes));
        let end = self.text[self.pos..].find(&closing)?;
        self.pos += end + closing.len();
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Step::{Field, Index};

    const SESSION: &str = r##"// a comment with "quotes" and (parens
Session(
    title: "Dag 3",
    cohort: Some("cohort.ron"),
    blocks: [
        (title: "In", minutes: 15, kind: Plenary),
        (title: "Kaart (1)", minutes: 0, kind: Dilemmas(deck: r#"d.ron"#, draw: 2)),
    ],
)
"##;

    fn at<'a>(text: &'a str, path: &[Step<'_>]) -> &'a str {
        let (start, len) = locate(text, path);
        &text[start..start + len]
    }

    #[test]
    fn finds_fields_items_and_looks_through_some() {
        assert_eq!(at(SESSION, &[Field("title")]), "\"Dag 3\"");
        assert_eq!(at(SESSION, &[Field("cohort")]), "\"cohort.ron\"");
        assert_eq!(
            at(SESSION, &[Field("blocks"), Index(1), Field("minutes")]),
            "0"
        );
        assert_eq!(
            at(
                SESSION,
                &[Field("blocks"), Index(1), Field("kind"), Field("deck")]
            ),
            "r#\"d.ron\"#"
        );
    }

    #[test]
    fn falls_back_to_the_enclosing_item() {
        let found = at(SESSION, &[Field("blocks"), Index(0), Field("notes")]);
        assert!(found.starts_with("(title: \"In\""), "{found}");
        let found = at(SESSION, &[Field("blocks"), Index(7)]);
        assert!(found.starts_with('['), "{found}");
    }

    #[test]
    fn broken_text_falls_back_to_the_top_and_never_panics() {
        for text in ["", "   ", "Session(", "(\"", "r#", "[[[", "é(", "\"\\"] {
            let (start, len) = locate(text, &[Step::Field("x"), Step::Index(3)]);
            assert!(start <= text.len() && len >= 1, "{text:?}");
        }
        let deep = "[".repeat(10_000);
        let _ = locate(&deep, &[Step::Index(0)]);
    }

    proptest::proptest! {
        #[test]
        fn any_text_and_path_gives_a_span_inside_the_text(
            text in "[ -~\n\téç·]{0,200}",
            steps in proptest::collection::vec((proptest::bool::ANY, 0usize..4), 0..5),
        ) {
            let fields = ["title", "blocks", "kind", "minutes"];
            let path: Vec<Step<'_>> = steps
                .iter()
                .map(|&(field, i)| if field { Field(fields[i]) } else { Index(i) })
                .collect();
            let (start, len) = Locator::new(&text).span(&path);
            proptest::prop_assert!(start <= text.len());
            proptest::prop_assert!(len >= 1);
        }
    }
}
