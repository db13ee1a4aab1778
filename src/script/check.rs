//! `regie check`: every Session, Deck and Cohort file under the given paths, checked in full,
//! each kind told from its top level; all errors of all files and a summary.

use super::diagnostic::Diagnostic;
use super::kind::{FileKind, TopLevel, top_level};
use super::load::load_any;
use super::parse::read_text;
use super::source::FsSource;
use crate::i18n::Lang;
use crate::text::{count, fill};
use std::io;
use std::path::{Path, PathBuf};

/// The outcome of checking one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    pub path: PathBuf,
    /// What the file holds, when its top level says so.
    pub kind: Option<FileKind>,
    /// Its problems, and those of the files it refers to; empty when valid.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn is_valid(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// The outcome of `regie check`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckReport {
    pub files: Vec<FileReport>,
    /// Problems with the paths themselves: missing, unreadable, a folder without `.ron` files.
    pub path_errors: Vec<Diagnostic>,
}

impl CheckReport {
    /// Every problem once (a broken deck checked on its own and through a session is one
    /// problem), paths first, then files in the order they were checked.
    pub fn diagnostics(&self) -> Vec<&Diagnostic> {
        let mut seen = std::collections::BTreeSet::new();
        self.path_errors
            .iter()
            .chain(self.files.iter().flat_map(|f| f.diagnostics.iter()))
            .filter(|d| seen.insert((&d.file, d.line, d.column, &d.message)))
            .collect()
    }

    pub fn valid_files(&self) -> usize {
        self.files.iter().filter(|f| f.is_valid()).count()
    }

    pub fn invalid_files(&self) -> usize {
        self.files.len() - self.valid_files()
    }

    /// `3 files checked: 2 valid, 1 with errors (4 errors)`.
    pub fn summary(&self) -> String {
        self.summary_in(Lang::En)
    }

    /// The summary in `lang`: `3 bestanden gecontroleerd: 2 goed, 1 met fouten (4 fouten)`.
    pub fn summary_in(&self, lang: Lang) -> String {
        let words = lang.pick(&SUMMARY_NL, &SUMMARY_EN);
        let mut line = fill(
            words.line,
            &[
                &count(self.files.len() as u64, words.file),
                &self.valid_files().to_string(),
                &self.invalid_files().to_string(),
            ],
        );
        let errors = self.diagnostics().len();
        if errors > 0 {
            line.push_str(&format!(" ({})", count(errors as u64, words.error)));
        }
        line
    }

    /// All diagnostics as text, separated by blank lines; `color` adds ANSI styles.
    pub fn render(&self, color: bool) -> String {
        self.render_in(color, Lang::En)
    }

    /// All diagnostics in `lang` (English where no Dutch text was written).
    pub fn render_in(&self, color: bool, lang: Lang) -> String {
        self.diagnostics()
            .iter()
            .map(|d| d.render_in(color, lang))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// 0 when every file is valid; 1 when something could not be read (the check is
    /// incomplete); otherwise 2 when any input is invalid.
    pub fn exit_code(&self) -> u8 {
        let all = self.diagnostics();
        if all.iter().any(|d| d.io_failure) {
            1
        } else if all.is_empty() {
            0
        } else {
            2
        }
    }
}

/// The words of the summary line; `{}` marks where a value goes.
struct SummaryWords {
    line: &'static str,
    file: (&'static str, &'static str),
    error: (&'static str, &'static str),
}

const SUMMARY_EN: SummaryWords = SummaryWords {
    line: "{} checked: {} valid, {} with errors",
    file: ("file", "files"),
    error: ("error", "errors"),
};
const SUMMARY_NL: SummaryWords = SummaryWords {
    line: "{} gecontroleerd: {} goed, {} met fouten",
    file: ("bestand", "bestanden"),
    error: ("fout", "fouten"),
};

/// Check files and folders (recursively, `*.ron` only; hidden folders are skipped).
pub fn check_paths(paths: &[PathBuf]) -> CheckReport {
    let mut report = CheckReport::default();
    for path in paths {
        let label = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => report.path_errors.push(
                Diagnostic::whole_file(label, "no such file or folder", false),
            ),
            Err(e) => report.path_errors.push(Diagnostic::whole_file(
                label,
                format!("cannot read: {e}"),
                true,
            )),
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                collect_ron_files(path, &mut files, &mut report.path_errors);
                if files.is_empty() {
                    report.path_errors.push(Diagnostic::whole_file(
                        label,
                        "this folder holds no .ron files",
                        false,
                    ));
                }
                for file in files {
                    report.files.push(check_file(&file));
                }
            }
            Ok(_) => report.files.push(check_file(path)),
        }
    }
    report
}

fn collect_ron_files(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Diagnostic::whole_file(
                dir.display().to_string(),
                format!("cannot read the folder: {e}"),
                true,
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        // Folders are entered only when they are real folders: a symlink loop cannot trap us.
        let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if is_dir {
            if !hidden {
                collect_ron_files(&path, files, errors);
            }
        } else if path.extension().is_some_and(|e| e == "ron") {
            files.push(path);
        }
    }
}

/// Check one file: tell its kind from the top level, then load it like regie would.
pub fn check_file(path: &Path) -> FileReport {
    let label = path.display().to_string();
    let mut report = FileReport {
        path: path.to_path_buf(),
        kind: None,
        diagnostics: Vec::new(),
    };
    let src = match read_text(&FsSource, path, &label) {
        Ok(src) => src,
        Err(d) => {
            report.diagnostics.push(*d);
            return report;
        }
    };
    let kind = match top_level(&src.text) {
        TopLevel::Kind(kind, _) => kind,
        TopLevel::Empty => {
            report
                .diagnostics
                .push(src.error_at(0, 1, "the file is empty").with_dutch(
                    "het bestand is leeg",
                    Some(
                        "een regie-bestand begint met `Session(`, `Deck(` of `Cohort(`; \
                         zie docs/formats.md"
                            .into(),
                    ),
                ).with_hint(
                "a regie file starts with `Session(`, `Deck(` or `Cohort(`; see docs/formats.md",
            ));
            return report;
        }
        TopLevel::Other(offset) => {
            let found: String = src.text[offset..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .take(20)
                .collect();
            report.diagnostics.push(
                src.error_at(
                    offset,
                    found.len(),
                    format!(
                        "expected `Session(`, `Deck(` or `Cohort(` at the top of the file, \
                         found `{found}`"
                    ),
                )
                .with_dutch(
                    format!(
                        "bovenaan het bestand hoort `Session(`, `Deck(` of `Cohort(`, \
                         niet `{found}`"
                    ),
                    Some(
                        "regie-bestanden zijn sessies, decks en cohorten; zie docs/formats.md"
                            .into(),
                    ),
                )
                .with_hint("regie files are sessions, decks and cohorts; see docs/formats.md"),
            );
            return report;
        }
    };
    report.kind = Some(kind);
    if let Err(e) = load_any(&FsSource, path, label, kind) {
        report.diagnostics = e.diagnostics;
    }
    report
}
