//! The log folder: where logs go by default (one per-user folder per programme), and reading
//! every log in it at once. A log that cannot be read is reported, never silently dropped.

use super::read::{LogError, read_log};
use super::record::SessionLog;
use std::path::{Path, PathBuf};

/// The environment variable that names the log folder when `--log-dir` is not given.
pub const LOG_DIR_VAR: &str = "REGIE_LOG_DIR";

/// `--log-dir` if given, else `$REGIE_LOG_DIR`, else `logs` in the current folder.
pub fn default_log_dir(flag: Option<PathBuf>) -> PathBuf {
    chosen_log_dir(flag).unwrap_or_else(|| PathBuf::from("logs"))
}

/// The folders a reader (review, report, follow) looks in when given none: `--log-dir` or
/// `$REGIE_LOG_DIR` if set; else every programme's folder under `data_logs` (where runs write
/// by default), and `./logs` when it exists (logs of older versions).
pub fn reading_dirs(flag: Option<PathBuf>) -> Vec<PathBuf> {
    if let Some(chosen) = chosen_log_dir(flag) {
        return vec![chosen];
    }
    let mut dirs = programme_dirs(&data_logs());
    let here = PathBuf::from("logs");
    if here.is_dir() {
        dirs.push(here);
    }
    dirs
}

/// The programme folders directly under `root`, sorted (none when it does not exist).
pub fn programme_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// `--log-dir` if given, else `$REGIE_LOG_DIR` if set.
pub fn chosen_log_dir(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| {
        std::env::var_os(LOG_DIR_VAR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// Where the runner keeps the logs of `programme`: `--log-dir` if given, else `$REGIE_LOG_DIR`,
/// else `<data folder>/regie/logs/<programme>` (see `data_logs`), so every day of a programme
/// is found wherever regie was started. Sessions without a programme share `losse-sessies`.
pub fn programme_log_dir(flag: Option<PathBuf>, programme: Option<&str>) -> PathBuf {
    chosen_log_dir(flag).unwrap_or_else(|| data_logs().join(programme_folder(programme)))
}

/// The per-user folder holding one log folder per programme: `$XDG_DATA_HOME/regie/logs`, else
/// `~/.local/share/regie/logs`, else `logs` in the current folder when neither is known.
pub fn data_logs() -> PathBuf {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    let data = var("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".local/share")));
    match data {
        Some(data) => data.join("regie").join("logs"),
        None => PathBuf::from("logs"),
    }
}

/// The folder name for a programme's logs: its name with path separators and leading dots
/// replaced, so a name can never point outside the logs folder.
pub fn programme_folder(programme: Option<&str>) -> String {
    let name: String = programme
        .unwrap_or("")
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | '\0') || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let name = name.trim_start_matches('.');
    if name.trim_matches('-').is_empty() {
        LOOSE_SESSIONS.to_string()
    } else {
        name.to_string()
    }
}

/// The log folder (under `data_logs`) of sessions that name no programme.
pub const LOOSE_SESSIONS: &str = "losse-sessies";

/// Where `--rehearsal` runs are recorded: a folder inside the log folder, so reports and the
/// programme's history (which read only the log folder itself) never see them.
pub fn rehearsal_dir(log_dir: &Path) -> PathBuf {
    log_dir.join("rehearsal")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_programme_name_never_leads_out_of_the_logs_folder() {
        assert_eq!(programme_folder(Some("leergang")), "leergang");
        assert_eq!(programme_folder(Some("../../etc")), "-..-etc");
        assert_eq!(programme_folder(Some("/")), LOOSE_SESSIONS);
        assert_eq!(programme_folder(Some(".verborgen")), "verborgen");
        assert_eq!(programme_folder(Some("Teamdag 2026")), "Teamdag 2026");
        assert_eq!(programme_folder(None), LOOSE_SESSIONS);
        assert_eq!(programme_folder(Some("  ")), LOOSE_SESSIONS);
    }

    #[test]
    fn rehearsals_are_a_folder_inside_the_log_folder() {
        let dir = Path::new("/data/regie/logs/leergang");
        assert_eq!(rehearsal_dir(dir), dir.join("rehearsal"));
    }
}
