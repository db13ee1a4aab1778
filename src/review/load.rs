//! Gathering logs from the paths on the command line: log files and folders of logs.
//! A corrupt log becomes an error with file:line and the rest is read; a missing path is bad input.

use crate::journal::record::SessionLog;
use crate::journal::{self, LogError};
use std::fmt;
use std::path::{Path, PathBuf};

/// Logs that could be read (oldest first, each once) and those that could not.
#[derive(Debug, Default)]
pub struct Loaded {
    pub logs: Vec<(PathBuf, SessionLog)>,
    pub errors: Vec<LogError>,
}

/// A path the user gave that cannot be used at all: the user must fix the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for InputError {}

/// Read every log named by `paths`: a file is one log, a folder is every `*.ron` log in it.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, InputError> {
    let mut loaded = Loaded::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| InputError {
            path: path.clone(),
            message: match e.kind() {
                std::io::ErrorKind::NotFound => {
                    "no such file or folder; give a session log or a folder of logs".to_string()
                }
                _ => format!("cannot be read: {e}"),
            },
        })?;
        if meta.is_dir() {
            let folder = journal::scan(path);
            loaded.logs.extend(folder.logs);
            loaded.errors.extend(folder.errors);
        } else {
            match journal::read_log(path) {
                Ok(log) => loaded.logs.push((path.clone(), log)),
                Err(error) => loaded.errors.push(error),
            }
        }
    }
    journal::folder::sort_oldest_first(&mut loaded.logs);
    loaded.logs.dedup_by(|a, b| same_file(&a.0, &b.0));
    Ok(loaded)
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}
