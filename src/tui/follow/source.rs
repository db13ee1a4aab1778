//! The log being followed: looked at cheaply (size, time, inode) on every poll and re-read only
//! when it changed; a read that fails keeps the last good state and is tried again.

use super::pick::{Entry, LogIndex, Signature, newest_unfinished};
use crate::journal::record::{SessionLog, Stamp};
use crate::journal::{LogError, read_log};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often the folder is looked at for a newer session while one is being followed.
const FOLDER_EVERY: Duration = Duration::from_secs(2);
/// How soon a failed read is tried again when the file does not change.
const RETRY_EVERY: Duration = Duration::from_secs(1);

/// What to follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// This log file only.
    Log(PathBuf),
    /// The newest unfinished log of this folder, switching when a newer session starts.
    Folder(PathBuf),
    /// The same over every programme folder under this one (where runs write by default).
    Programmes(PathBuf),
}

/// What there is to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No unfinished log in the folder yet.
    NoSession,
    /// A log was found but has never been readable.
    Unreadable,
    /// The latest read succeeded.
    Live,
    /// The latest read failed: the last good state is shown.
    Stale,
}

/// The followed log and its last good state.
#[derive(Debug)]
pub struct Source {
    /// The folder's index when following a folder; `None` for one named log.
    index: Option<LogIndex>,
    followed: Option<PathBuf>,
    /// Signature of the followed file at its last read (good or not).
    seen: Option<Signature>,
    last_good: Option<SessionLog>,
    last_error: Option<LogError>,
    /// When the folder was last looked at, and when a failed read may be retried.
    folder_at: Option<Instant>,
    retry_at: Option<Instant>,
}

impl Source {
    pub fn new(target: Target) -> Source {
        let (index, followed) = match target {
            Target::Log(path) => (None, Some(path)),
            Target::Folder(dir) => (Some(LogIndex::new(dir)), None),
            Target::Programmes(root) => (Some(LogIndex::programmes(root)), None),
        };
        Source {
            index,
            followed,
            seen: None,
            last_good: None,
            last_error: None,
            folder_at: None,
            retry_at: None,
        }
    }

    /// The log file followed now, if any.
    pub fn followed(&self) -> Option<&Path> {
        self.followed.as_deref()
    }

    /// The last state read well.
    pub fn log(&self) -> Option<&SessionLog> {
        self.last_good.as_ref()
    }

    /// Why the latest read failed, while it does.
    pub fn error(&self) -> Option<&LogError> {
        self.last_error.as_ref()
    }

    pub fn status(&self) -> Status {
        match (&self.last_good, &self.last_error, &self.followed) {
            (Some(_), None, _) => Status::Live,
            (Some(_), Some(_), _) => Status::Stale,
            (None, _, Some(_)) => Status::Unreadable,
            (None, _, None) => Status::NoSession,
        }
    }

    /// Look again at `at`; whether what is shown changed (state, status or followed file).
    pub fn poll(&mut self, at: Instant) -> bool {
        let before = (self.status(), self.followed.clone());
        self.look_at_folder(at);
        let read = self.look_at_log(at);
        read || before != (self.status(), self.followed.clone())
    }

    /// In a folder: follow the newest unfinished log when there is none yet, when the one
    /// followed has finished, and every `FOLDER_EVERY` in case a newer session started.
    fn look_at_folder(&mut self, at: Instant) {
        let Some(index) = &mut self.index else {
            return;
        };
        let finished = self
            .last_good
            .as_ref()
            .is_some_and(|l| l.finished.is_some());
        let due = self.folder_at.is_none_or(|t| at >= t + FOLDER_EVERY);
        if self.followed.is_some() && !finished && !due {
            return;
        }
        self.folder_at = Some(at);
        let entries = index.refresh();
        let Some(newest) = newest_unfinished(&entries) else {
            return;
        };
        if self.followed.as_ref() == Some(&newest.path) {
            return;
        }
        if self.followed.is_none() || self.is_newer(newest) {
            self.followed = Some(newest.path.clone());
            self.seen = None;
            self.retry_at = None;
        }
    }

    /// Whether `entry` started after the log followed now (a new session in the folder).
    fn is_newer(&self, entry: &Entry) -> bool {
        let created: Option<Stamp> = self.last_good.as_ref().map(|l| l.created);
        created.is_none_or(|c| entry.created > c)
    }

    /// Re-read the followed log if it changed (or a failed read is due again); whether the
    /// last good state changed.
    fn look_at_log(&mut self, at: Instant) -> bool {
        let Some(path) = self.followed.clone() else {
            return false;
        };
        let signature = Signature::of(&path);
        let changed = signature.is_none() || signature != self.seen;
        let retry = self.last_error.is_some() && self.retry_at.is_none_or(|t| at >= t);
        if !changed && !retry {
            return false;
        }
        self.seen = signature;
        match read_log(&path) {
            Ok(log) => {
                self.last_error = None;
                self.retry_at = None;
                if self.last_good.as_ref() == Some(&log) {
                    return false;
                }
                self.last_good = Some(log);
                true
            }
            Err(error) => {
                self.last_error = Some(error);
                self.retry_at = Some(at + RETRY_EVERY);
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::follow::testing::{log, ron, write};

    #[test]
    fn a_broken_read_keeps_the_last_good_state_and_a_good_one_replaces_it() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("dag.ron");
        write(
            &path,
            &ron(&log("Dag", "2026-11-23T09:00:00+01:00", 0, false)),
        );
        let mut source = Source::new(Target::Log(path.clone()));
        let t = Instant::now();
        assert!(source.poll(t));
        assert_eq!(source.status(), Status::Live);

        write(&path, "SessionLog(format: 1, session: (title: \"Da");
        assert!(source.poll(t), "the status turns stale");
        assert_eq!(source.status(), Status::Stale);
        assert_eq!(source.log().map(|l| l.current), Some(0));
        assert!(source.error().is_some());
        // Unchanged and broken: nothing new to show, not even after a retry.
        assert!(!source.poll(t));
        assert!(!source.poll(t + RETRY_EVERY));

        write(
            &path,
            &ron(&log("Dag", "2026-11-23T09:00:00+01:00", 1, false)),
        );
        assert!(source.poll(t + RETRY_EVERY));
        assert_eq!(source.status(), Status::Live);
        assert_eq!(source.log().map(|l| l.current), Some(1));
        // Nothing changed: no redraw.
        assert!(!source.poll(t + RETRY_EVERY * 2));
    }

    #[test]
    fn a_log_missing_for_a_moment_keeps_the_state_too() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("dag.ron");
        write(
            &path,
            &ron(&log("Dag", "2026-11-23T09:00:00+01:00", 1, false)),
        );
        let mut source = Source::new(Target::Log(path.clone()));
        let t = Instant::now();
        source.poll(t);
        std::fs::remove_file(&path).expect("remove");
        source.poll(t);
        assert_eq!(source.status(), Status::Stale);
        assert_eq!(source.log().map(|l| l.current), Some(1));
    }

    #[test]
    fn a_folder_waits_for_an_unfinished_log_then_follows_it_and_a_newer_one() {
        let dir = tempfile::tempdir().expect("dir");
        let mut source = Source::new(Target::Folder(dir.path().join("logs")));
        let t = Instant::now();
        assert!(!source.poll(t));
        assert_eq!(source.status(), Status::NoSession);

        std::fs::create_dir(dir.path().join("logs")).expect("mkdir");
        let old = dir.path().join("logs/2026-11-22-dag.ron");
        write(
            &old,
            &ron(&log("Gisteren", "2026-11-22T09:00:00+01:00", 0, true)),
        );
        // A finished log is not followed.
        assert!(!source.poll(t));
        assert_eq!(source.status(), Status::NoSession);

        let today = dir.path().join("logs/2026-11-23-dag.ron");
        write(
            &today,
            &ron(&log("Vandaag", "2026-11-23T09:00:00+01:00", 0, false)),
        );
        // A broken file in the folder is skipped, not followed.
        std::fs::write(dir.path().join("logs/kapot.ron"), "SessionLog(").expect("write");
        assert!(source.poll(t));
        assert_eq!(source.followed(), Some(today.as_path()));
        assert_eq!(
            source.log().map(|l| l.session.title.as_str()),
            Some("Vandaag")
        );

        // A newer session starts: followed after the folder is looked at again.
        let later = dir.path().join("logs/2026-11-23-middag.ron");
        write(
            &later,
            &ron(&log("Middag", "2026-11-23T13:00:00+01:00", 0, false)),
        );
        assert!(!source.poll(t));
        assert!(source.poll(t + FOLDER_EVERY));
        assert_eq!(source.followed(), Some(later.as_path()));
    }

    #[test]
    fn a_finished_session_stays_on_screen_until_a_newer_one_starts() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("a.ron");
        write(
            &path,
            &ron(&log("Ochtend", "2026-11-23T09:00:00+01:00", 0, false)),
        );
        let mut source = Source::new(Target::Folder(dir.path().to_path_buf()));
        let t = Instant::now();
        source.poll(t);
        write(
            &path,
            &ron(&log("Ochtend", "2026-11-23T09:00:00+01:00", 1, true)),
        );
        // An older unfinished log does not take over from the finished one.
        let older = dir.path().join("b.ron");
        write(
            &older,
            &ron(&log("Oud", "2026-11-20T09:00:00+01:00", 0, false)),
        );
        assert!(source.poll(t));
        assert!(!source.poll(t + FOLDER_EVERY));
        assert_eq!(source.followed(), Some(path.as_path()));
        assert!(source.log().is_some_and(|l| l.finished.is_some()));
    }
}
