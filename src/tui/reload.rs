//! Hot reload: the session file is looked at (one `stat`) at block boundaries and reloaded
//! when it changed, if it still checks and the run still fits; otherwise the old script stays.

use crate::engine::Engine;
use crate::script::{LoadedSession, load_session};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a look at a changed session file came to, for the message line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Reloaded; this many blocks still to come read differently now.
    Reloaded { changed_blocks: usize },
    /// Kept the old script: the file's first error as `file:line:col: message`.
    Invalid(String),
    /// Kept the old script: the file checks but no longer fits the run.
    DoesNotFit(String),
}

/// The session file of a run, and the version of it the run has.
#[derive(Debug, Clone)]
pub struct Watch {
    path: PathBuf,
    /// The files it reads (its decks and cohort), whose changes count as its own.
    files: Vec<PathBuf>,
    /// Latest modification time of those files at the last look.
    seen: Option<SystemTime>,
}

impl Watch {
    /// Watch the session file `script` was loaded from, as it is now; `None` for a bundled
    /// session (it cannot change).
    pub fn new(script: &LoadedSession) -> Option<Watch> {
        if script.source.starts_with(crate::bundled::PREFIX) {
            return None;
        }
        let path = PathBuf::from(&script.source);
        let files = files_of(&path, script);
        let seen = latest(&files);
        Some(Watch { path, files, seen })
    }

    /// Reload the file into `engine` if it (or a deck or cohort it names) changed since the
    /// last look; the caller looks only at block boundaries.
    pub fn reload_if_changed(&mut self, engine: &mut Engine) -> Option<Outcome> {
        let now = latest(&self.files);
        if now == self.seen {
            return None;
        }
        self.seen = now;
        Some(match load_session(&self.path) {
            Err(error) => Outcome::Invalid(
                error
                    .diagnostics
                    .first()
                    .map(|d| format!("{}: {}", d.location(), d.message))
                    .unwrap_or_default(),
            ),
            Ok(script) => match engine.reload(script) {
                Ok(done) => {
                    self.files = files_of(&self.path, engine.script());
                    Outcome::Reloaded {
                        changed_blocks: done.changed_blocks,
                    }
                }
                Err(mismatch) => Outcome::DoesNotFit(mismatch.0),
            },
        })
    }
}

/// The session file and the deck and cohort files it names (relative to it).
fn files_of(path: &Path, script: &LoadedSession) -> Vec<PathBuf> {
    let folder = path.parent().unwrap_or(Path::new(""));
    let named = script
        .decks
        .keys()
        .chain(script.session.cohort.as_ref())
        .map(|name| folder.join(name));
    std::iter::once(path.to_path_buf()).chain(named).collect()
}

/// The latest modification time of `files` (those that can be read).
fn latest(files: &[PathBuf]) -> Option<SystemTime> {
    files.iter().filter_map(|f| modified(f)).max()
}

/// When `path` was last modified, if it can be read.
fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
