//! Which session a run is of, however its path was typed: `<programme>/<file in its folder>`,
//! or a loose file's canonical path. Resume, the picker and the count of days all match on it.

use super::record::{SessionLog, Stamp};
use crate::engine::Engine;
use std::path::{Component, Path, PathBuf};

/// The identity of the session `source` (a path as typed, or `bundled:<path>`) that declares
/// `programme`. A bundled session and a copy of its file in a folder named after its programme
/// have the same identity; so do `dag.ron`, `./x/../dag.ron` and its absolute path.
pub fn session_identity(source: &str, programme: Option<&str>) -> String {
    let bundled = source.strip_prefix(crate::bundled::PREFIX);
    let path = match bundled {
        Some(path) => PathBuf::from(path),
        None => canonical(Path::new(source)),
    };
    match programme {
        Some(programme) => {
            let folder = path
                .ancestors()
                .skip(1)
                .find(|dir| dir.file_name().is_some_and(|n| n == programme))
                .or(path.parent())
                .unwrap_or(Path::new(""));
            let inside = path.strip_prefix(folder).unwrap_or(&path);
            format!("{programme}/{}", slashed(inside))
        }
        None if bundled.is_some() => source.to_string(),
        None => slashed(&path),
    }
}

/// The identity a log was recorded with; for logs older than the field, worked out from the
/// session file it names (relative paths as seen from the current folder).
pub fn of_log(log: &SessionLog) -> String {
    if log.session.identity.session.is_empty() {
        session_identity(&log.session.file, log.session.programme.as_deref())
    } else {
        log.session.identity.session.clone()
    }
}

/// `engine`'s log with its identity and the session file's path filled in (and marked a
/// rehearsal when it is one); a log continued from before the field existed gets them too.
pub fn stamp(engine: Engine, rehearsal: bool) -> Engine {
    let mut log = engine.log().clone();
    log.session.identity.session = of_log(&log);
    let file = &engine.script().source;
    if log.session.identity.path.is_empty() && !file.starts_with(crate::bundled::PREFIX) {
        log.session.identity.path = slashed(&canonical(Path::new(file)));
    }
    log.session.identity.rehearsal |= rehearsal;
    if &log == engine.log() {
        return engine;
    }
    let (script, history) = (engine.script().clone(), engine.history().clone());
    // Only the identity changed, and the engine ran with this script: the log still fits.
    Engine::resume(script, history, log).unwrap_or(engine)
}

/// Mark `log` abandoned at `at`: a new run of its session was started instead.
pub fn abandon(log: &mut SessionLog, at: Stamp) {
    log.session.identity.abandoned.get_or_insert(at);
}

/// Whether `log` is a run that was left before its end and may still be continued.
pub fn is_unfinished(log: &SessionLog) -> bool {
    log.finished.is_none() && log.session.identity.abandoned.is_none()
}

/// The absolute path with `.` and `..` resolved: the file's canonical path when it exists,
/// else the path joined to the current folder and cleaned.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let absolute = std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_path_buf());
    let mut clean = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                clean.pop();
            }
            other => clean.push(other),
        }
    }
    clean
}

fn slashed(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundled_session_and_its_copy_on_disk_are_the_same_session() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("sessions/leergang");
        std::fs::create_dir_all(&folder).expect("folders");
        let file = folder.join("dag-2.ron");
        std::fs::write(&file, "Session()").expect("write");
        let bundled = session_identity("bundled:sessions/leergang/dag-2.ron", Some("leergang"));
        assert_eq!(bundled, "leergang/dag-2.ron");
        let on_disk = session_identity(file.to_str().expect("utf-8"), Some("leergang"));
        assert_eq!(on_disk, bundled);
    }

    #[test]
    fn however_a_loose_file_is_typed_it_is_one_session() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sub = dir.path().join("teamdag");
        std::fs::create_dir_all(&sub).expect("folders");
        let file = sub.join("middag.ron");
        std::fs::write(&file, "Session()").expect("write");
        let plain = session_identity(file.to_str().expect("utf-8"), None);
        let roundabout = sub.join("../teamdag/./middag.ron");
        assert_eq!(
            session_identity(roundabout.to_str().expect("utf-8"), None),
            plain
        );
        assert!(plain.starts_with('/') && plain.ends_with("teamdag/middag.ron"));
        // With a programme whose folder is not an ancestor: the file's own folder counts.
        assert_eq!(
            session_identity(file.to_str().expect("utf-8"), Some("Teamdag 2026")),
            "Teamdag 2026/middag.ron"
        );
    }

    #[test]
    fn subfolders_of_the_programme_folder_stay_in_the_identity() {
        assert_eq!(
            session_identity("bundled:sessions/p/deel-1/dag.ron", Some("p")),
            "p/deel-1/dag.ron"
        );
        assert_ne!(
            session_identity("bundled:sessions/p/deel-1/dag.ron", Some("p")),
            session_identity("bundled:sessions/p/deel-2/dag.ron", Some("p"))
        );
    }
}
