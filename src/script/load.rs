//! Loading a session with its cohort and decks, or a deck or cohort on its own: read, parse,
//! validate, and resolve the files a session refers to (relative to the session file).

use super::diagnostic::{Diagnostic, LoadError, SourceText};
use super::kind::FileKind;
use super::loaded::LoadedSession;
use super::locate::{Locator, Step};
use super::parse::{parse, read_text};
use super::source::{FsSource, Source, resolve};
use super::suggest::closest;
use super::types::{BlockKind, Cohort, Deck, Session};
use super::validate::{self, Checker};
use crate::i18n::Lang;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::Path;

/// Load a session file from disk, with its cohort and decks.
pub fn load_session(path: &Path) -> Result<LoadedSession, LoadError> {
    load_session_from(&FsSource, path, path.display().to_string())
}

/// Load a deck file from disk.
pub fn load_deck(path: &Path) -> Result<Deck, LoadError> {
    load_deck_from(&FsSource, path, path.display().to_string())
}

/// Load a cohort file from disk.
pub fn load_cohort(path: &Path) -> Result<Cohort, LoadError> {
    load_cohort_from(&FsSource, path, path.display().to_string())
}

/// Load a deck through `source`; `label` is how diagnostics name the file.
pub fn load_deck_from(source: &dyn Source, path: &Path, label: String) -> Result<Deck, LoadError> {
    load_checked(source, path, &label, FileKind::Deck, validate::deck)
        .map(|(deck, _)| deck)
        .map_err(LoadError::new)
}

/// Load a cohort through `source`; `label` is how diagnostics name the file.
pub fn load_cohort_from(
    source: &dyn Source,
    path: &Path,
    label: String,
) -> Result<Cohort, LoadError> {
    load_checked(source, path, &label, FileKind::Cohort, validate::cohort)
        .map(|(cohort, _)| cohort)
        .map_err(LoadError::new)
}

/// Load a session through `source`, with the cohort and decks it names (resolved relative to
/// `path` and read through the same source). `label` is how diagnostics name the session file;
/// the files it refers to are named the same way (`bundled:a/s.ron` -> `bundled:decks/d.ron`).
pub fn load_session_from(
    source: &dyn Source,
    path: &Path,
    label: String,
) -> Result<LoadedSession, LoadError> {
    let (session, src, own) =
        match parse_checked(source, path, &label, FileKind::Session, validate::session) {
            Parsed::Valid(session, src) => (session, src, Vec::new()),
            Parsed::Broken(session, src, found) => (session, src, found),
            Parsed::Unreadable(found) => return Err(LoadError::new(found)),
        };
    let locator = Locator::new(&src.text);
    let mut referred = Referrer {
        source,
        session_path: path,
        session_label: &label,
        src: &src,
        locator: &locator,
        own,
        others: Vec::new(),
    };

    let cohort = session.cohort.as_ref().and_then(|reference| {
        referred.load(
            FileKind::Cohort,
            reference,
            &[Step::Field("cohort")],
            validate::cohort,
        )
    });

    let mut decks: BTreeMap<String, Deck> = BTreeMap::new();
    // Each deck file is read once, however many blocks (or spellings of its path) use it.
    let mut by_path: BTreeMap<std::path::PathBuf, Option<Deck>> = BTreeMap::new();
    for (i, block) in session.blocks.iter().enumerate() {
        let BlockKind::Dilemmas { deck, draw, .. } = &block.kind else {
            continue;
        };
        let at = [
            Step::Field("blocks"),
            Step::Index(i),
            Step::Field("kind"),
            Step::Field("deck"),
        ];
        if deck.trim().is_empty() {
            continue; // reported by the session's own rules
        }
        let resolved = resolve(path, deck);
        let loaded = by_path
            .entry(resolved)
            .or_insert_with(|| referred.load(FileKind::Deck, deck, &at, validate::deck));
        if let Some(loaded) = loaded {
            decks.insert(deck.clone(), loaded.clone());
        }
        if let Some(loaded) = decks.get(deck)
            && *draw as usize > loaded.cards.len()
        {
            let (start, len) = locator.span(&[
                Step::Field("blocks"),
                Step::Index(i),
                Step::Field("kind"),
                Step::Field("draw"),
            ]);
            referred.own.push(
                src.error_at(
                    start,
                    len,
                    format!(
                        "block `{}` draws {draw} cards but deck `{deck}` has only {}",
                        block.title,
                        loaded.cards.len()
                    ),
                )
                .with_dutch(
                    format!(
                        "blok `{}` trekt {draw} kaarten maar deck `{deck}` heeft er maar {}",
                        block.title,
                        loaded.cards.len()
                    ),
                    Some("trek minder kaarten of voeg kaarten toe aan het deck".into()),
                )
                .with_hint("draw fewer cards or add cards to the deck"),
            );
        }
    }

    let Referrer {
        mut own, others, ..
    } = referred;
    if let Some(cohort) = &cohort {
        check_balance(&session, cohort, &src, &locator, &mut own);
    }

    if own.is_empty() && others.is_empty() {
        return Ok(LoadedSession {
            source: label,
            session,
            cohort,
            decks,
        });
    }
    own.sort_by_key(|d| (d.line, d.column));
    own.extend(others);
    Err(LoadError::new(own))
}

/// Breakout blocks may only balance on attributes some participant has (a typo would
/// silently balance nothing).
fn check_balance(
    session: &Session,
    cohort: &Cohort,
    src: &SourceText,
    locator: &Locator,
    found: &mut Vec<Diagnostic>,
) {
    let known: Vec<&str> = {
        let mut keys: Vec<&str> = cohort
            .participants
            .iter()
            .flat_map(|p| p.attributes.keys().map(String::as_str))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    };
    for (i, block) in session.blocks.iter().enumerate() {
        let BlockKind::Breakout { balance, .. } = &block.kind else {
            continue;
        };
        for (j, attribute) in balance.iter().enumerate() {
            if known.contains(&attribute.as_str()) {
                continue;
            }
            let (start, len) = locator.span(&[
                Step::Field("blocks"),
                Step::Index(i),
                Step::Field("kind"),
                Step::Field("balance"),
                Step::Index(j),
            ]);
            let (hint, hint_nl) = match closest(attribute, &known) {
                Some(name) => (
                    format!("did you mean `{name}`?"),
                    format!("bedoel je `{name}`?"),
                ),
                None if known.is_empty() => (
                    "the cohort's participants have no attributes".to_string(),
                    "de deelnemers in het cohort hebben geen kenmerken".to_string(),
                ),
                None => (
                    format!("attributes in the cohort: {}", known.join(", ")),
                    format!("kenmerken in het cohort: {}", known.join(", ")),
                ),
            };
            found.push(
                src.error_at(
                    start,
                    len,
                    format!("no participant in the cohort has the attribute `{attribute}`"),
                )
                .with_dutch(
                    format!("geen deelnemer in het cohort heeft het kenmerk `{attribute}`"),
                    Some(hint_nl),
                )
                .with_hint(hint),
            );
        }
    }
}

/// Loads the files a session refers to and reports their problems in the right place.
struct Referrer<'a> {
    source: &'a dyn Source,
    session_path: &'a Path,
    session_label: &'a str,
    src: &'a SourceText,
    locator: &'a Locator,
    own: Vec<Diagnostic>,
    others: Vec<Diagnostic>,
}

impl Referrer<'_> {
    fn load<T: DeserializeOwned>(
        &mut self,
        kind: FileKind,
        reference: &str,
        at: &[Step<'_>],
        rules: fn(&T, &mut Checker<'_>),
    ) -> Option<T> {
        let path = resolve(self.session_path, reference);
        let label = child_label(self.session_label, self.session_path, &path);
        let what = kind.name().to_lowercase();
        match load_checked(self.source, &path, &label, kind, rules) {
            Ok((value, _)) => Some(value),
            Err(diagnostics) => {
                let (start, len) = self.locator.span(at);
                // The first problem in the file says where the session uses it.
                let mut first = true;
                for d in diagnostics {
                    if d.line == 0 {
                        // The file itself is missing or unreadable: say so where it is named.
                        let folder = folder_of(self.session_label);
                        let mut here = self
                            .src
                            .error_at(
                                start,
                                len,
                                format!(
                                    "{what} file `{reference}`: {} (looked for `{label}`)",
                                    d.message
                                ),
                            )
                            .with_dutch(
                                format!(
                                    "{what}-bestand `{reference}`: {} (gezocht naar `{label}`)",
                                    d.text(Lang::Nl).0
                                ),
                                Some(format!(
                                    "paden gaan uit van de map van dit sessiebestand ({folder})"
                                )),
                            );
                        here.io_failure = d.io_failure;
                        here.hint = Some(format!(
                            "paths are relative to the folder of this session file ({folder})"
                        ));
                        self.own.push(here);
                    } else if std::mem::take(&mut first) {
                        let note = self
                            .src
                            .note_at(start, len, format!("the {what} `{reference}` is used here"))
                            .with_dutch(format!("hier wordt {what} `{reference}` gebruikt"));
                        self.others.push(d.with_note(note));
                    } else {
                        self.others.push(d);
                    }
                }
                None
            }
        }
    }
}

fn folder_of(label: &str) -> String {
    match Path::new(label).parent() {
        Some(p) if !p.as_os_str().is_empty() => format!("`{}`", p.display()),
        _ => "the current folder".to_string(),
    }
}

/// How to name a referred file: like the session is named (`bundled:` prefix kept).
fn child_label(session_label: &str, session_path: &Path, child: &Path) -> String {
    let shown = session_path.display().to_string();
    let prefix = session_label.strip_suffix(shown.as_str()).unwrap_or("");
    format!("{prefix}{}", child.display())
}

/// Read, parse and apply `rules` to one file; every problem as a diagnostic.
fn load_checked<T: DeserializeOwned>(
    source: &dyn Source,
    path: &Path,
    label: &str,
    kind: FileKind,
    rules: fn(&T, &mut Checker<'_>),
) -> Result<(T, SourceText), Vec<Diagnostic>> {
    match parse_checked(source, path, label, kind, rules) {
        Parsed::Valid(value, src) => Ok((value, src)),
        Parsed::Broken(_, _, found) | Parsed::Unreadable(found) => Err(found),
    }
}

/// A file that parsed may still break rules; its value is kept so the files it refers to
/// can be checked too.
enum Parsed<T> {
    Valid(T, SourceText),
    Broken(T, SourceText, Vec<Diagnostic>),
    Unreadable(Vec<Diagnostic>),
}

fn parse_checked<T: DeserializeOwned>(
    source: &dyn Source,
    path: &Path,
    label: &str,
    kind: FileKind,
    rules: fn(&T, &mut Checker<'_>),
) -> Parsed<T> {
    let src = match read_text(source, path, label) {
        Ok(src) => src,
        Err(d) => return Parsed::Unreadable(vec![*d]),
    };
    let value: T = match parse(&src, kind) {
        Ok(value) => value,
        Err(d) => return Parsed::Unreadable(vec![*d]),
    };
    let mut checker = Checker::new(&src);
    rules(&value, &mut checker);
    let mut found = checker.found;
    found.sort_by_key(|d| (d.line, d.column));
    if found.is_empty() {
        Parsed::Valid(value, src)
    } else {
        Parsed::Broken(value, src, found)
    }
}

/// Load any of the three kinds, for `regie check`; the session's referred files included.
pub(crate) fn load_any(
    source: &dyn Source,
    path: &Path,
    label: String,
    kind: FileKind,
) -> Result<(), LoadError> {
    match kind {
        FileKind::Session => load_session_from(source, path, label).map(|_| ()),
        FileKind::Deck => load_deck_from(source, path, label).map(|_| ()),
        FileKind::Cohort => load_cohort_from(source, path, label).map(|_| ()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::source::MemSource;

    #[test]
    fn referred_files_are_named_like_the_session() {
        assert_eq!(
            child_label(
                "bundled:sessions/lav/dag-1.ron",
                Path::new("sessions/lav/dag-1.ron"),
                Path::new("decks/d.ron")
            ),
            "bundled:decks/d.ron"
        );
        assert_eq!(
            child_label("s/dag.ron", Path::new("s/dag.ron"), Path::new("s/c.ron")),
            "s/c.ron"
        );
    }

    #[test]
    fn bundled_content_reports_bundled_paths() {
        let source = MemSource::new()
            .with(
                "sessions/a/dag.ron",
                "Session(title: \"x\", cohort: \"../../c.ron\", \
                 blocks: [(title: \"a\", minutes: 5, kind: Break)])",
            )
            .with("c.ron", "Cohort(name: \"\", participants: [(name: \"A\")])");
        let err = load_session_from(
            &source,
            Path::new("sessions/a/dag.ron"),
            "bundled:sessions/a/dag.ron".to_string(),
        )
        .unwrap_err();
        let d = &err.diagnostics[0];
        assert_eq!(d.file, "bundled:c.ron");
        assert_eq!(d.notes[0].file, "bundled:sessions/a/dag.ron");
    }
}
