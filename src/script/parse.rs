//! Reading one file into its serde type: bytes to UTF-8 text, text to RON, with every
//! failure turned into a positioned diagnostic and, where one helps, a hint.

use super::diagnostic::{Diagnostic, SourceText, offset_of};
use super::kind::{FileKind, TopLevel, skip_trivia, top_level};
use super::source::Source;
use super::suggest::closest;
use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;
use std::io;
use std::path::Path;

/// The block kinds, as a hint lists them.
pub const BLOCK_KINDS_HINT: &str = "block kinds are: Plenary, Round(seconds_each: ..), \
Dilemmas(deck: \"..\", draw: ..), Break, Breakout(size: ..), Harvest, Wishes, Evaluation()";
/// The same in Dutch.
const BLOCK_KINDS_HINT_NL: &str = "bloksoorten zijn: Plenary, Round(seconds_each: ..), \
Dilemmas(deck: \"..\", draw: ..), Break, Breakout(size: ..), Harvest, Wishes, Evaluation()";

/// Read a file through `source` and decode it as UTF-8 text (a leading byte-order mark is
/// dropped, as editors do not count it either). Only `.ron` files are read, and only files that
/// look like RON are ever quoted in a diagnostic: a session may name any path as its deck or
/// cohort, and `/etc/passwd` or `/proc/self/environ` must not end up in an error message.
pub(crate) fn read_text(
    source: &dyn Source,
    path: &Path,
    label: &str,
) -> Result<SourceText, Box<Diagnostic>> {
    if path.extension().is_none_or(|e| e != "ron") {
        return Err(Box::new(
            Diagnostic::whole_file(
                label,
                "this is not a .ron file; regie reads sessions, decks and cohorts only from \
                 files named `*.ron`",
                false,
            )
            .with_hint("give the file a name ending in `.ron`; see docs/formats.md"),
        ));
    }
    let bytes = source
        .read(path)
        .map_err(|e| Box::new(read_failure(label, &e)))?;
    if let Some(offset) = not_ron(&bytes) {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let lossy = String::from_utf8_lossy(bytes);
        let src = SourceText::new(label, lossy.as_ref());
        return Err(Box::new(
            src.unquoted_error_at(
                offset,
                "the file does not look like RON (it does not start with a name and `(`); \
                 it is not shown here",
            )
            .with_hint(
                "a regie file starts with `Session(`, `Deck(` or `Cohort(`; see docs/formats.md",
            ),
        ));
    }
    decode(label, &bytes)
}

/// The byte offset (in the lossy text) of the first thing that is not RON-like, when the file
/// does not start like a RON value (`Name(`, `(`) after whitespace, comments and attributes.
/// Empty files pass: they hold nothing to quote, and say so themselves.
fn not_ron(bytes: &[u8]) -> Option<usize> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes);
    let start = skip_trivia(&text, 0);
    let rest = text.get(start..).unwrap_or("");
    if rest.is_empty() {
        return None;
    }
    let name = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let starts_like_a_name = rest[..name]
        .chars()
        .next()
        .is_none_or(|c| c.is_ascii_alphabetic() || c == '_');
    let after = skip_trivia(&text, start + name);
    let opens = text.get(after..).is_some_and(|t| t.starts_with('('));
    if starts_like_a_name && opens {
        None
    } else {
        // Positions are counted after the byte-order mark, like `decode` counts them.
        Some(start)
    }
}

fn read_failure(label: &str, error: &io::Error) -> Diagnostic {
    match error.kind() {
        io::ErrorKind::NotFound => Diagnostic::whole_file(label, "file not found", false)
            .with_dutch("bestand niet gevonden", None),
        io::ErrorKind::IsADirectory => {
            Diagnostic::whole_file(label, "this is a folder, not a file", false)
                .with_dutch("dit is een map, geen bestand", None)
        }
        // Special files and files past the size cap: the user's to fix (see `read_regular`).
        io::ErrorKind::InvalidInput | io::ErrorKind::FileTooLarge => {
            Diagnostic::whole_file(label, error.to_string(), false)
        }
        _ => Diagnostic::whole_file(label, format!("cannot read the file: {error}"), true),
    }
}

/// Bytes to text, or an error at the first byte that is not UTF-8.
pub(crate) fn decode(label: &str, bytes: &[u8]) -> Result<SourceText, Box<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(SourceText::new(label, text)),
        Err(e) => {
            let bad = e.valid_up_to();
            // Show the text up to and including the bad byte's line, with the bad byte
            // replaced; the prefix is unchanged, so offsets agree.
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let src = SourceText::new(label, lossy);
            let (line, column) = src.line_col(bad);
            let byte = bytes.get(bad).copied().unwrap_or(0);
            let mut d = src.error_at(
                bad,
                1,
                format!(
                    "the file is not valid UTF-8 text: byte 0x{byte:02X} at line {line}, \
                     column {column} is not a character"
                ),
            );
            d.hint = Some(
                "save the file as UTF-8 (in most editors: \"Save as\", encoding \"UTF-8\")"
                    .to_string(),
            );
            Err(Box::new(d))
        }
    }
}

/// Parse text of a known kind into its type.
pub(crate) fn parse<T: DeserializeOwned>(
    src: &SourceText,
    kind: FileKind,
) -> Result<T, Box<Diagnostic>> {
    if top_level(&src.text) == TopLevel::Empty && skip_trivia(&src.text, 0) >= src.text.len() {
        return Err(Box::new(
            src.error_at(0, 1, "the file is empty")
                .with_dutch(
                    "het bestand is leeg",
                    Some(format!(
                        "een {kind}-bestand begint met `{kind}(`; zie docs/formats.md"
                    )),
                )
                .with_hint(format!(
                    "a {kind} file starts with `{kind}(`; see docs/formats.md"
                )),
        ));
    }
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    match options.from_str::<T>(&src.text) {
        Ok(value) => Ok(value),
        Err(error) => Err(Box::new(ron_diagnostic(src, kind, &error))),
    }
}

fn ron_diagnostic(src: &SourceText, kind: FileKind, error: &SpannedError) -> Diagnostic {
    let text: &str = &src.text;
    let (start, end) = (error.span.start, error.span.end);
    let mut offset = offset_of(text, start.line, start.col);
    let mut len = 1;
    if end.line == start.line && end.col > start.col {
        len = offset_of(text, end.line, end.col)
            .saturating_sub(offset)
            .max(1);
    }
    if let Some(quote) = unclosed_string(text, offset) {
        return src
            .error_at(quote, 1, "unclosed string: this `\"` has no closing `\"`")
            .with_hint("end the text with a `\"` before the line ends")
            .with_dutch(
                "string niet afgesloten: deze `\"` heeft geen afsluitende `\"`",
                Some("sluit de tekst af met een `\"` voor het einde van de regel".into()),
            );
    }
    if is_value_type_error(&error.code) {
        // ron may report a list's first value at its `[`: point at the value itself.
        let value = skip_trivia_and(text, offset, b"[(,:");
        if value > offset && value < text.len() {
            offset = value;
            len = 1;
        }
    }
    let message = ron_message(&error.code);
    let hint = shape_hint(&error.code, text, offset).or_else(|| ron_hint(&error.code, kind));
    let (hint_en, hint_nl) = match hint {
        Some((en, nl)) => (Some(en), Some(nl)),
        None => (None, None),
    };
    let mut d = src
        .error_at(offset, len, message.0)
        .with_dutch(message.1, hint_nl);
    d.hint = hint_en;
    d
}

/// The opening quote of a string that was not closed where it was meant to be, when that is
/// what a parse error at `error` comes from: the file ends inside a string; or the error sits
/// on the line where a string that runs over a line break ends, or on a letter or digit glued
/// to a string's end (`"A, notes: "x`): its closing quote was the next string's opening one.
/// Regie's files have no text over several lines, so such a string is a slip.
fn unclosed_string(text: &str, error: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut first_multiline = None;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'/' if bytes.get(at + 1) == Some(&b'/') || bytes.get(at + 1) == Some(&b'*') => {
                let after = skip_trivia(text, at);
                at = if after > at { after } else { at + 1 };
            }
            b'"' => {
                let open = at;
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                if at >= bytes.len() {
                    return first_multiline.or(Some(open));
                }
                let end = at;
                at += 1;
                let spans_lines = text[open..end].contains('\n');
                if spans_lines {
                    first_multiline.get_or_insert(open);
                    let error_line_start = text[..error.min(text.len())].rfind('\n');
                    let end_line_start = text[..end].rfind('\n');
                    if error >= end && error_line_start == end_line_start {
                        return Some(open);
                    }
                }
                let glued = text[at..].chars().next().is_some_and(char::is_alphanumeric);
                if glued && error == at {
                    return Some(open);
                }
                if open > error {
                    return None;
                }
            }
            _ => at += 1,
        }
    }
    None
}

fn is_value_type_error(code: &RonError) -> bool {
    matches!(
        code,
        RonError::ExpectedString
            | RonError::ExpectedInteger
            | RonError::ExpectedFloat
            | RonError::ExpectedBoolean
            | RonError::InvalidValueForType { .. }
    )
}

/// Skip whitespace, comments and the given punctuation.
fn skip_trivia_and(text: &str, mut offset: usize, punctuation: &[u8]) -> usize {
    loop {
        offset = skip_trivia(text, offset);
        match text.as_bytes().get(offset) {
            Some(b) if punctuation.contains(b) => offset += 1,
            _ => return offset,
        }
    }
}

/// ron's message, with serde's Rust type names replaced by words a user knows, in English and
/// Dutch (ron's own words where we have none: those stay English in both).
fn ron_message(code: &RonError) -> (String, String) {
    let (en, nl) = match code {
        RonError::Eof => (
            "unexpected end of file".to_string(),
            "het bestand houdt onverwacht op".to_string(),
        ),
        RonError::SuggestRawIdentifier(found) => (
            format!("expected a field name, found `{found}`"),
            format!("hier hoort een veldnaam, niet `{found}`"),
        ),
        RonError::NoSuchStructField { found, outer, .. } => match outer {
            Some(outer) => (
                format!("unknown field `{found}` in `{outer}`"),
                format!("onbekend veld `{found}` in `{outer}`"),
            ),
            None => (
                format!("unknown field `{found}`"),
                format!("onbekend veld `{found}`"),
            ),
        },
        RonError::MissingStructField { field, outer } => match outer {
            Some(outer) => (
                format!("missing field `{field}` in `{outer}`"),
                format!("veld `{field}` ontbreekt in `{outer}`"),
            ),
            None => (
                format!("missing field `{field}`"),
                format!("veld `{field}` ontbreekt"),
            ),
        },
        RonError::NoSuchEnumVariant { found, outer, .. } => match outer.as_deref() {
            Some("BlockKind") => (
                format!("unknown block kind `{found}`"),
                format!("onbekende bloksoort `{found}`"),
            ),
            Some("DrawOrder") => (
                format!("unknown draw order `{found}`"),
                format!("onbekende trekvolgorde `{found}`"),
            ),
            Some("AnswerKind") => (
                format!("unknown kind of answer `{found}`"),
                format!("onbekend soort antwoord `{found}`"),
            ),
            Some(outer) => (
                format!("unknown `{found}` for `{outer}`"),
                format!("onbekend: `{found}` voor `{outer}`"),
            ),
            None => (format!("unknown `{found}`"), format!("onbekend: `{found}`")),
        },
        RonError::TrailingCharacters => (
            "unexpected text after the end of the top-level value".to_string(),
            "er staat nog tekst na het einde van het bestand".to_string(),
        ),
        RonError::ExpectedComma => (
            "expected comma".to_string(),
            "hier hoort een komma".to_string(),
        ),
        other => (other.to_string(), other.to_string()),
    };
    let en = en
        .replace("u32", "a whole number")
        .replace("a string", "text in double quotes");
    (lowercase_first(&en), lowercase_first(&nl))
}

/// "Expected comma" -> "expected comma", like our own messages; "UTF-8 ..." stays.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// Block kinds that carry fields, with an example of each.
const KINDS_WITH_FIELDS: [(&str, &str); 3] = [
    ("Round", "Round(seconds_each: 90)"),
    ("Dilemmas", "Dilemmas(deck: \"kaarten.ron\", draw: 3)"),
    ("Breakout", "Breakout(size: 4)"),
];

/// Hints that depend on what the text looks like at the error: the usual slips of someone
/// writing RON by hand (`Plenary()`, `Round`, `"Plenary"`, `15.5`, `Round(90)`). English, Dutch.
fn shape_hint(code: &RonError, text: &str, offset: usize) -> Option<(String, String)> {
    let here = text.get(offset..).and_then(|t| t.chars().next());
    let before = word_before(text, offset);
    let both = |en: &str, nl: &str| Some((en.to_string(), nl.to_string()));
    match code {
        RonError::ExpectedStructLike if before == "Evaluation" => both(
            "write `Evaluation()` for a grade 1-10, a top and a tip; its fields (grade, \
             top_and_tip, questions) go between the brackets",
            "schrijf `Evaluation()` voor een cijfer 1-10, een top en een tip; de velden (grade, \
             top_and_tip, questions) staan tussen de haakjes",
        ),
        RonError::ExpectedStructLike => KINDS_WITH_FIELDS
            .iter()
            .find(|(name, _)| *name == before)
            .map(|(name, example)| {
                (
                    format!("`{name}` needs its fields, e.g. `{example}`"),
                    format!("`{name}` heeft velden nodig, bijvoorbeeld `{example}`"),
                )
            }),
        RonError::ExpectedComma if here == Some('(') => ["Plenary", "Break", "Harvest", "Wishes"]
            .contains(&before)
            .then(|| {
                (
                    format!("`{before}` has no fields: write `kind: {before}`"),
                    format!("`{before}` heeft geen velden: schrijf `kind: {before}`"),
                )
            }),
        RonError::ExpectedComma
            if here == Some('.')
                && before.chars().all(|c| c.is_ascii_digit())
                && !before.is_empty() =>
        {
            Some((
                format!("only whole numbers are allowed here: write `{before}`, not a fraction"),
                format!("hier mogen alleen hele getallen: schrijf `{before}`, zonder breuk"),
            ))
        }
        RonError::ExpectedIdentifier if here == Some('"') => both(
            "block kinds and other names are written without quotes, e.g. `kind: Plenary`",
            "bloksoorten en andere namen staan zonder aanhalingstekens, bijvoorbeeld `kind: Plenary`",
        ),
        RonError::SuggestRawIdentifier(_) => both(
            "fields are written as `name: value`, e.g. `Round(seconds_each: 90)`",
            "velden schrijf je als `naam: waarde`, bijvoorbeeld `Round(seconds_each: 90)`",
        ),
        RonError::ExpectedArray => both(
            "a list goes between square brackets, e.g. `[\"Ja\", \"Nee\"]`",
            "een lijst staat tussen vierkante haken, bijvoorbeeld `[\"Ja\", \"Nee\"]`",
        ),
        _ => None,
    }
}

/// The identifier or number that ends right before `offset` (spaces skipped), or "".
fn word_before(text: &str, offset: usize) -> &str {
    let Some(head) = text.get(..offset.min(text.len())) else {
        return "";
    };
    let head = head.trim_end();
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
        .last()
        .map_or(head.len(), |(i, _)| i);
    &head[start..]
}

/// The hint for a ron error, English and Dutch.
fn ron_hint(code: &RonError, kind: FileKind) -> Option<(String, String)> {
    let both = |en: &str, nl: &str| Some((en.to_string(), nl.to_string()));
    let whole_number = || {
        both(
            "write a whole number without quotes, e.g. `15`",
            "schrijf een heel getal zonder aanhalingstekens, bijvoorbeeld `15`",
        )
    };
    match code {
        RonError::NoSuchStructField {
            expected, found, ..
        } => {
            let fields = expected.join(", ");
            Some(match closest(found, expected) {
                Some(name) => (
                    format!("did you mean `{name}`? (fields here: {fields})"),
                    format!("bedoel je `{name}`? (velden hier: {fields})"),
                ),
                None => (
                    format!("fields here: {fields}"),
                    format!("velden hier: {fields}"),
                ),
            })
        }
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let is_block_kind = expected.contains(&"Plenary");
            let is_answer_kind = expected.contains(&"Scale");
            let name = closest(found, expected);
            let (list_en, list_nl) = if is_block_kind {
                (
                    BLOCK_KINDS_HINT.to_string(),
                    BLOCK_KINDS_HINT_NL.to_string(),
                )
            } else if is_answer_kind {
                (
                    "an answer is `Scale(to: 5)` (1 to 5; up to 10) or `Open` (a short text)"
                        .to_string(),
                    "een antwoord is `Scale(to: 5)` (1 tot 5; tot 10) of `Open` (een korte tekst)"
                        .to_string(),
                )
            } else {
                let valid = expected.join(", ");
                (format!("valid here: {valid}"), format!("hier kan: {valid}"))
            };
            Some(match name {
                Some(n) => (
                    format!("did you mean `{n}`? {list_en}"),
                    format!("bedoel je `{n}`? {list_nl}"),
                ),
                None => (list_en, list_nl),
            })
        }
        RonError::MissingStructField { field, .. } => Some((
            format!("add `{field}: ...`; see docs/formats.md for what it holds"),
            format!("voeg `{field}: ...` toe; docs/formats.md zegt wat erin hoort"),
        )),
        RonError::DuplicateStructField { field, .. } => Some((
            format!("remove one of the two `{field}:` fields"),
            format!("haal een van de twee velden `{field}:` weg"),
        )),
        RonError::ExpectedDifferentStructName { .. } | RonError::ExpectedNamedStructLike(_) => {
            Some((
                format!("this file must hold one `{kind}(...)`"),
                format!("dit bestand hoort één `{kind}(...)` te bevatten"),
            ))
        }
        RonError::TrailingCharacters => Some((
            format!("a file holds exactly one `{kind}(...)`; remove what follows its closing `)`"),
            format!(
                "een bestand bevat precies één `{kind}(...)`; haal weg wat na de laatste `)` staat"
            ),
        )),
        RonError::Eof => both(
            "a closing `)`, `]` or `\"` is probably missing",
            "waarschijnlijk ontbreekt een afsluitende `)`, `]` of `\"`",
        ),
        RonError::ExpectedComma => both(
            "separate fields and list items with a comma `,`",
            "zet een komma `,` tussen velden en tussen de items van een lijst",
        ),
        RonError::ExpectedString | RonError::ExpectedStringEnd => both(
            "text goes between double quotes: \"like this\"",
            "tekst staat tussen dubbele aanhalingstekens: \"zo dus\"",
        ),
        RonError::ExpectedInteger => whole_number(),
        RonError::InvalidValueForType { expected, .. } if expected.contains("u32") => {
            whole_number()
        }
        RonError::IntegerOutOfBounds => both(
            "write a whole number of 0 or more, e.g. `15`",
            "schrijf een heel getal van 0 of meer, bijvoorbeeld `15`",
        ),
        _ => None,
    }
}
