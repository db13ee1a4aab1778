//! The log folder: where logs go by default, and reading every log in it at once.
//! A log that cannot be read is reported, never silently dropped, and never stops the rest.

use super::read::{LogError, read_log};
use super::record::SessionLog;
use std::path::{Path, PathBuf};

/// The environment variable that names the log folder when `--log-dir` is not given.
pub const LOG_DIR_VAR: &str = "REGIE_LOG_DIR";

/// `--log-dir` if given, else `$REGIE_LOG_DIR`, else `logs` in the current folder.
pub fn default_log_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os(LOG_DIR_VAR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(|| PathBuf::from("logs"))
}

/// Every log of a folder that could be read (oldest first), and what could not.
#[derive(Debug, Default)]
pub struct LogFolder {
    pub logs: Vec<(PathBuf, SessionLog)>,
    pub errors: Vec<LogError>,
}

impl LogFolder {
    /// Just the logs, oldest first.
    pub fn sessions(&self) -> impl Iterator<Item = &SessionLog> {
        self.logs.iter().map(|(_, log)| log)
    }
}

/// Read every `*.ron` log directly in `dir` (not below it). A missing folder is an empty one.
pub fn scan(dir: &Path) -> LogFolder {
    let mut folder = LogFolder::default();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return folder,
        Err(e) => {
            folder.errors.push(LogError {
                path: dir.to_path_buf(),
                position: None,
                message: format!("cannot read the log folder: {e}"),
            });
            return folder;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_log_name(p) && p.is_file())
        .collect();
    paths.sort();
    for path in paths {
        match read_log(&path) {
            Ok(log) => folder.logs.push((path, log)),
            Err(error) => folder.errors.push(error),
        }
    }
    sort_oldest_first(&mut folder.logs);
    folder
}

/// Order logs by when their run was opened, then by file name (the order of a programme).
pub fn sort_oldest_first(logs: &mut [(PathBuf, SessionLog)]) {
    logs.sort_by(|a, b| a.1.created.cmp(&b.1.created).then(a.0.cmp(&b.0)));
}

/// A session log's file name: `*.ron`, not hidden (lock and temporary files start with `.`).
pub fn is_log_name(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_none_or(|n| n.starts_with('.'));
    !hidden && path.extension().is_some_and(|e| e == "ron")
}
