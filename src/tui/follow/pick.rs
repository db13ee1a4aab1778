//! Which log to follow in a folder: the newest unfinished one (by creation time), found with a
//! small index that re-reads only the files whose size, time or inode changed since last look.

use crate::journal::folder::is_log_name;
use crate::journal::read_log;
use crate::journal::record::Stamp;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a log file looks like from outside: a new write (atomic rename) changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signature {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// The inode: every atomic rename gives a new one, even within one tick of the clock.
    pub inode: u64,
}

impl Signature {
    /// The signature of the file at `path`, or `None` when it cannot be looked at. The file is
    /// opened rather than only stat'ed: on NFS an open revalidates cached attributes
    /// (close-to-open consistency), so a change in a network folder is not hidden for seconds.
    pub fn of(path: &Path) -> Option<Signature> {
        let meta = std::fs::File::open(path).ok()?.metadata().ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some(Signature {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        })
    }
}

/// One log of the folder as far as picking needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub created: Stamp,
    pub finished: bool,
}

/// The newest unfinished log (ties on creation time: the later file name).
pub fn newest_unfinished<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Option<&'a Entry> {
    entries
        .into_iter()
        .filter(|e| !e.finished)
        .max_by(|a, b| a.created.cmp(&b.created).then(a.path.cmp(&b.path)))
}

/// The logs of one folder, each read once per change.
#[derive(Debug)]
pub struct LogIndex {
    dir: PathBuf,
    /// `dir` holds one folder per programme (the default place): look one level down.
    nested: bool,
    /// Per file: its signature when last read and what it held (`None`: could not be read).
    known: BTreeMap<PathBuf, (Signature, Option<Entry>)>,
}

impl LogIndex {
    pub fn new(dir: PathBuf) -> LogIndex {
        LogIndex {
            dir,
            nested: false,
            known: BTreeMap::new(),
        }
    }

    /// The logs of every programme folder under `root`, also those made later.
    pub fn programmes(root: PathBuf) -> LogIndex {
        LogIndex {
            nested: true,
            ..LogIndex::new(root)
        }
    }

    /// Look at the folder again (a missing folder is an empty one); the readable logs.
    pub fn refresh(&mut self) -> Vec<Entry> {
        let mut seen = BTreeMap::new();
        let dirs = if self.nested {
            crate::journal::folder::programme_dirs(&self.dir)
        } else {
            vec![self.dir.clone()]
        };
        let paths: Vec<PathBuf> = dirs
            .iter()
            .flat_map(|dir| {
                std::fs::read_dir(dir)
                    .map(|entries| entries.flatten().map(|e| e.path()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
            .collect();
        for path in paths.into_iter().filter(|p| is_log_name(p)) {
            let Some(signature) = Signature::of(&path).filter(|_| path.is_file()) else {
                continue;
            };
            let entry = match self.known.remove(&path) {
                Some((old, entry)) if old == signature => entry,
                _ => read_log(&path).ok().map(|log| Entry {
                    path: path.clone(),
                    created: log.created,
                    finished: log.finished.is_some(),
                }),
            };
            seen.insert(path, (signature, entry));
        }
        self.known = seen;
        self.known.values().filter_map(|(_, e)| e.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn entry(name: &str, created: &str, finished: bool) -> Entry {
        Entry {
            path: PathBuf::from(name),
            created: DateTime::parse_from_rfc3339(created).expect("stamp"),
            finished,
        }
    }

    #[test]
    fn the_newest_unfinished_log_wins_over_newer_finished_and_older_unfinished_ones() {
        let entries = [
            entry("a.ron", "2026-11-20T09:00:00+01:00", false),
            entry("b.ron", "2026-11-23T09:00:00+01:00", false),
            entry("c.ron", "2026-11-23T13:00:00+01:00", true),
        ];
        assert_eq!(
            newest_unfinished(&entries).map(|e| e.path.clone()),
            Some(PathBuf::from("b.ron"))
        );
    }

    #[test]
    fn creation_time_counts_not_the_file_name_and_ties_go_to_the_later_name() {
        let entries = [
            entry("z.ron", "2026-11-23T08:00:00+01:00", false),
            entry("a.ron", "2026-11-23T09:00:00+02:00", false),
            entry("m.ron", "2026-11-23T08:30:00+01:00", false),
            entry("n.ron", "2026-11-23T08:30:00+01:00", false),
        ];
        // 09:00+02:00 is 08:00+01:00: the same moment as z; the two 08:30 logs are newest.
        assert_eq!(
            newest_unfinished(&entries).map(|e| e.path.clone()),
            Some(PathBuf::from("n.ron"))
        );
    }

    #[test]
    fn nothing_unfinished_means_nothing_to_follow() {
        let entries = [entry("a.ron", "2026-11-20T09:00:00+01:00", true)];
        assert_eq!(newest_unfinished(&entries), None);
        assert_eq!(newest_unfinished(&[]), None);
    }
}
