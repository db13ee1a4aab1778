//! Where script files come from: the filesystem, memory, or content bundled into regie.
//! Loaders read every file (session, cohort, decks) through one `Source`.

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Something that can hand out the bytes of a file by path.
pub trait Source {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
}

/// The real filesystem.
#[derive(Debug, Clone, Copy, Default)]
pub struct FsSource;

impl Source for FsSource {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }
}

/// Files held in memory, by path (handy for tests and generated content).
#[derive(Debug, Clone, Default)]
pub struct MemSource {
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl MemSource {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add (or replace) a file; the path is normalised like the loaders normalise theirs.
    pub fn with(mut self, path: impl AsRef<Path>, bytes: impl Into<Vec<u8>>) -> Self {
        self.insert(path, bytes);
        self
    }

    pub fn insert(&mut self, path: impl AsRef<Path>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(normalize(path.as_ref()), bytes.into());
    }
}

impl Source for MemSource {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.files
            .get(&normalize(path))
            .cloned()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such file"))
    }
}

/// Resolve `reference` (as written inside the file at `from`) relative to that file's folder.
pub fn resolve(from: &Path, reference: &str) -> PathBuf {
    let base = from.parent().unwrap_or(Path::new(""));
    normalize(&base.join(reference))
}

/// Lexically remove `.` and `name/..` from a path, without touching the filesystem.
pub fn normalize(path: &Path) -> PathBuf {
    let mut parts: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match parts.last() {
                Some(Component::Normal(_)) => {
                    parts.pop();
                }
                Some(Component::RootDir) | Some(Component::Prefix(_)) => {}
                _ => parts.push(component),
            },
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        return PathBuf::from(".");
    }
    parts.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_to_the_referring_file() {
        assert_eq!(
            resolve(Path::new("sessions/lav/dag-3.ron"), "../../decks/regel.ron"),
            PathBuf::from("decks/regel.ron")
        );
        assert_eq!(
            resolve(Path::new("dag.ron"), "cohort.ron"),
            PathBuf::from("cohort.ron")
        );
        assert_eq!(
            resolve(Path::new("a/dag.ron"), "../../x.ron"),
            PathBuf::from("../x.ron")
        );
        assert_eq!(
            resolve(Path::new("/srv/a/dag.ron"), "/etc/x.ron"),
            PathBuf::from("/etc/x.ron")
        );
    }

    #[test]
    fn memory_source_finds_normalised_paths() {
        let src = MemSource::new().with("a/b.ron", "x");
        assert_eq!(src.read(Path::new("a/./c/../b.ron")).unwrap(), b"x");
        assert!(src.read(Path::new("a/c.ron")).is_err());
    }
}
