//! Writing one run's log durably (temp file, fsync, rename, fsync the folder; mode 0600), under
//! a lock file that keeps a second runner off it; leftover temporary copies are cleaned.

use super::record::SessionLog;
use super::recorder::Recorder;
use crate::i18n::Lang;
use std::fs::{DirBuilder, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Why a log cannot be opened for writing.
#[derive(Debug)]
pub enum JournalError {
    /// The folder cannot be created or written.
    Folder { dir: PathBuf, error: io::Error },
    /// Another regie is running this log.
    InUse { path: PathBuf },
}

impl JournalError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (JournalError::Folder { dir, error }, Lang::Nl) => format!(
                "kan geen sessielogs schrijven in {}: {error}; kies een andere map met --log-dir",
                dir.display()
            ),
            (JournalError::Folder { dir, error }, Lang::En) => format!(
                "cannot write session logs to {}: {error}; choose another folder with --log-dir",
                dir.display()
            ),
            (JournalError::InUse { path }, Lang::Nl) => format!(
                "{} wordt door een andere regie geschreven; sluit die eerst af",
                path.display()
            ),
            (JournalError::InUse { path }, Lang::En) => format!(
                "{} is being written by another regie; close that one first",
                path.display()
            ),
        }
    }
}

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for JournalError {}

/// The log of one run, on disk.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    /// Held (and locked) while this run writes the log.
    lock: File,
    /// The language of the reasons a write is refused (English unless `speaking` says).
    lang: Lang,
}

impl Journal {
    /// A new log for `log` in `dir`, named `<date>-<time>-<session>.ron` (with `-2`, `-3`, ...
    /// when that name is taken), written at once so the folder is known to work.
    pub fn create(dir: &Path, log: &SessionLog) -> Result<Journal, JournalError> {
        let folder_error = |error| JournalError::Folder {
            dir: dir.to_path_buf(),
            error,
        };
        make_private_dir(dir).map_err(folder_error)?;
        clean_leftovers(dir);
        let stem = format!(
            "{}-{}",
            log.created.format("%Y-%m-%d-%H%M%S"),
            slug(&log.session.file)
        );
        for n in 1.. {
            let name = match n {
                1 => format!("{stem}.ron"),
                n => format!("{stem}-{n}.ron"),
            };
            let path = dir.join(&name);
            // The lock file reserves the name: `create_new` fails if another run took it.
            let lock = match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(lock_path(&path))
            {
                Ok(lock) => lock,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(folder_error(e)),
            };
            if path.exists() {
                // A finished run of the same second has this name: give the lock back.
                drop(lock);
                let _ = std::fs::remove_file(lock_path(&path));
                continue;
            }
            lock.try_lock().map_err(|e| folder_error(e.into()))?;
            let journal = Journal {
                path,
                lock,
                lang: Lang::En,
            };
            journal.write_file(log).map_err(folder_error)?;
            return Ok(journal);
        }
        unreachable!("an unbounded range always yields a name")
    }

    /// Continue writing the existing log at `path` (for `--resume`); cleans the folder's
    /// leftover temporary copies first.
    pub fn reopen(path: &Path) -> Result<Journal, JournalError> {
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        clean_leftovers(&dir);
        let lock = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(lock_path(path))
            .map_err(|error| JournalError::Folder {
                dir: dir.clone(),
                error,
            })?;
        match lock.try_lock() {
            Ok(()) => Ok(Journal {
                path: path.to_path_buf(),
                lock,
                lang: Lang::En,
            }),
            Err(TryLockError::WouldBlock) => Err(JournalError::InUse {
                path: path.to_path_buf(),
            }),
            Err(TryLockError::Error(error)) => Err(JournalError::Folder { dir, error }),
        }
    }

    /// Give the reasons a write is refused in `lang` (they are shown on the runner's screen).
    pub fn speaking(mut self, lang: Lang) -> Journal {
        self.lang = lang;
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// Replace the log on disk by `log`, atomically and durably.
    fn write_file(&self, log: &SessionLog) -> io::Result<()> {
        write_atomic(&self.path, log)
    }

    /// Make sure this run still holds the log: its lock file is the one locked when the run
    /// began. A lock file removed (by a cleanup or a sync tool) is made again at once; one
    /// that another regie has made and locked since means this run must stop writing.
    fn keep_lock(&mut self) -> Result<(), String> {
        let path = lock_path(&self.path);
        let ours = self.lock.metadata().map_err(|e| e.to_string())?;
        match std::fs::metadata(&path) {
            Ok(now) if (now.dev(), now.ino()) == (ours.dev(), ours.ino()) => Ok(()),
            Ok(_) => Err(taken_over(&self.path, self.lang)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let lock = OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(&path)
                    .map_err(|_| taken_over(&self.path, self.lang))?;
                lock.try_lock()
                    .map_err(|_| taken_over(&self.path, self.lang))?;
                // The old lock's file is gone; keep it locked and open until the new one is ours.
                self.lock = lock;
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        }
    }
}

/// Why a runner stopped writing its log: another regie took it over.
fn taken_over(log: &Path, lang: Lang) -> String {
    let log = log.display();
    match lang {
        Lang::Nl => format!(
            "het slot van de log is verwijderd en een andere regie heeft {log} overgenomen; \
             deze run schrijft er niet meer in (s bewaart wat deze run vastlegde elders)"
        ),
        Lang::En => format!(
            "its lock file was removed and another regie has taken {log} over; this run no \
             longer writes it (s saves this run's record elsewhere)"
        ),
    }
}

/// Mark the unfinished run at `path` abandoned (a new run of its session starts instead):
/// taken under its lock and written atomically, never deleted.
pub fn abandon(path: &Path, log: &SessionLog, at: super::Stamp) -> Result<(), JournalError> {
    let journal = Journal::reopen(path)?;
    let mut log = log.clone();
    super::identity::abandon(&mut log, at);
    journal
        .write_file(&log)
        .map_err(|error| JournalError::Folder {
            dir: journal.dir().to_path_buf(),
            error,
        })
}

/// Remove the temporary copies (`.<log>.XXXXXX`) that a write cut short by a crash or a kill
/// left in `dir`, except those of a log another regie is running now (its lock is held).
pub fn clean_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(log) = name.to_str().and_then(leftover_of) else {
            continue;
        };
        if !entry.file_type().is_ok_and(|t| t.is_file()) || is_in_use(&dir.join(log)) {
            continue;
        }
        let _ = std::fs::remove_file(entry.path());
    }
}

/// The log a file name is a temporary copy of: `.<log>.ron.XXXXXX` (six letters or digits).
fn leftover_of(name: &str) -> Option<&str> {
    let rest = name.strip_prefix('.')?;
    let (log, suffix) = rest.rsplit_once('.')?;
    let random = suffix.len() == 6 && suffix.chars().all(|c| c.is_ascii_alphanumeric());
    (random && log.ends_with(".ron") && !log.starts_with('.')).then_some(log)
}

/// Whether a regie (another process, or another journal of this one) holds the lock of `log`.
pub fn is_in_use(log: &Path) -> bool {
    match File::open(lock_path(log)) {
        Ok(lock) => matches!(lock.try_lock(), Err(TryLockError::WouldBlock)),
        Err(_) => false,
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        // Remove the lock file only if it is still ours (another regie may have taken over).
        let path = lock_path(&self.path);
        let same = match (self.lock.metadata(), std::fs::metadata(&path)) {
            (Ok(ours), Ok(now)) => (ours.dev(), ours.ino()) == (now.dev(), now.ino()),
            _ => false,
        };
        if same {
            let _ = std::fs::remove_file(path);
        }
        let _ = self.lock.unlock();
    }
}

impl Recorder for Journal {
    fn write(&mut self, log: &SessionLog) -> Result<(), String> {
        // The folder may have been removed under us (an unplugged stick, a cleanup): recreate it.
        make_private_dir(self.dir()).map_err(|e| e.to_string())?;
        self.keep_lock()?;
        self.write_file(log).map_err(|e| e.to_string())
    }

    fn place(&self) -> String {
        self.path.display().to_string()
    }

    fn save_elsewhere(&mut self, log: &SessionLog) -> Result<String, String> {
        let mut errors = Vec::new();
        for dir in fallback_dirs() {
            match Journal::create(&dir, log) {
                Ok(other) => {
                    *self = other.speaking(self.lang);
                    return Ok(self.place());
                }
                Err(error) => errors.push(error.message(self.lang)),
            }
        }
        Err(errors.join("; "))
    }
}

/// Where logs go when the chosen folder fails, in order: `~/regie-logs`, then `regie-logs` in
/// the system's temporary folder.
pub fn fallback_dirs() -> Vec<PathBuf> {
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| PathBuf::from(h).join("regie-logs"));
    home.into_iter()
        .chain([std::env::temp_dir().join("regie-logs")])
        .collect()
}

/// Serialise `log` and write it to `path`: temp file in the same folder, fsync, rename,
/// fsync the folder (atomic-write-file does the last three); the file is mode 0600.
pub fn write_atomic(path: &Path, log: &SessionLog) -> io::Result<()> {
    let text = to_ron(log);
    let mut options = atomic_write_file::OpenOptions::new();
    options.mode(0o600);
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.commit()
}

/// The log as pretty RON text (what is on disk).
pub fn to_ron(log: &SessionLog) -> String {
    let config = ron::ser::PrettyConfig::default().struct_names(true);
    // A `SessionLog` holds only strings, numbers, options, lists and timestamps: it always
    // serialises.
    ron::ser::to_string_pretty(log, config).expect("a session log always serialises")
}

/// Make the log folder (private to its owner) if it does not exist, before anything is written.
pub fn ensure_folder(dir: &Path) -> Result<(), JournalError> {
    make_private_dir(dir).map_err(|error| JournalError::Folder {
        dir: dir.to_path_buf(),
        error,
    })
}

fn make_private_dir(dir: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

fn lock_path(log: &Path) -> PathBuf {
    let name = log.file_name().and_then(|n| n.to_str()).unwrap_or("log");
    log.with_file_name(format!(".{name}.lock"))
}

/// The file-name part of a session: its file stem, letters and digits, dashes elsewhere.
fn slug(file: &str) -> String {
    let stem = Path::new(file.rsplit(':').next().unwrap_or(file))
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("sessie");
    let slug: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    if slug.trim_matches('-').is_empty() {
        "sessie".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_atomic_writers_copies_count_as_leftovers() {
        assert_eq!(leftover_of(".dag.ron.a1B2c3"), Some("dag.ron"));
        assert_eq!(
            leftover_of(".2026-12-02-dag-2.ron.XyZ123"),
            Some("2026-12-02-dag-2.ron")
        );
        assert_eq!(leftover_of(".dag.ron.lock"), None);
        assert_eq!(leftover_of("dag.ron.a1B2c3"), None);
        assert_eq!(leftover_of(".dag.ron.a1B2c"), None);
        assert_eq!(leftover_of(".notities.txt.a1B2c3"), None);
        assert_eq!(leftover_of("..dag.ron.lock.a1B2c3"), None);
    }

    #[test]
    fn slugs_keep_letters_and_drop_the_rest() {
        assert_eq!(slug("sessions/leergang/dag-3.ron"), "dag-3");
        assert_eq!(slug("bundled:voorbeeld/kennismaking.ron"), "kennismaking");
        assert_eq!(slug("café zaal.ron"), "café-zaal");
        assert_eq!(slug(""), "sessie");
    }
}
