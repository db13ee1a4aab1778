//! Shared helpers for the `check_*` tests: a temporary copy of the valid fixture programme
//! that a test edits, and assertions on where a diagnostic points.
#![allow(dead_code)]

use regie::script::{Diagnostic, LoadError};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// A temporary folder holding a copy of `tests/fixtures/valid`.
pub struct Programme {
    pub dir: TempDir,
}

impl Programme {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        copy_dir(&Path::new(FIXTURES).join("valid"), dir.path());
        Self { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("fixture file")
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(path, text).expect("write fixture");
    }

    /// Replace the first `from` in file `rel` by `to`; the test is wrong if `from` is absent.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert!(text.contains(from), "`{from}` not in {rel}");
        self.write(rel, text.replacen(from, to, 1));
        self
    }

    pub fn session(&self) -> Result<regie::script::LoadedSession, LoadError> {
        regie::script::load_session(&self.path("dag-1.ron"))
    }

    /// The errors of loading the session; the test fails when it loads.
    pub fn session_errors(&self) -> Vec<Diagnostic> {
        match self.session() {
            Ok(_) => panic!("the session loaded, but an error was expected"),
            Err(e) => e.diagnostics,
        }
    }

    /// 1-based line and column of the first occurrence of `needle` in file `rel`.
    pub fn position_of(&self, rel: &str, needle: &str) -> (usize, usize) {
        position_of(&self.read(rel), needle)
    }

    /// Assert `d` is in file `rel` exactly at the first `needle` and mentions `message`.
    pub fn assert_at(&self, d: &Diagnostic, rel: &str, needle: &str, message: &str) {
        let (line, column) = self.position_of(rel, needle);
        assert!(
            d.file.ends_with(rel),
            "expected a diagnostic in {rel}, got:\n{d}"
        );
        assert_eq!((d.line, d.column), (line, column), "wrong place:\n{d}");
        assert!(d.message.contains(message), "expected `{message}` in:\n{d}");
        let first = d.to_string().lines().next().unwrap_or_default().to_string();
        assert_eq!(
            first,
            format!("{}:{line}:{column}: error: {}", d.file, d.message),
            "the first line must be grep-able"
        );
    }
}

pub fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// The one error; fails (showing them) when there are more or none.
pub fn single(diagnostics: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(
        diagnostics.len(),
        1,
        "expected one error, got:\n{}",
        LoadError::new(diagnostics.to_vec())
    );
    &diagnostics[0]
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("fixtures folder") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("folder");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy fixture");
        }
    }
}
