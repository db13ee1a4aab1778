//! Where script files come from: the filesystem, memory, or content bundled into regie.
//! Loaders read every file (session, cohort, decks) through one `Source`; disk reads are capped.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

/// The largest session, deck or cohort file regie reads: 10 MB (a course of a year is < 1 MB).
pub const MAX_SCRIPT_BYTES: u64 = 10_000_000;

/// Something that can hand out the bytes of a file by path.
pub trait Source {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
}

/// The real filesystem.
#[derive(Debug, Clone, Copy, Default)]
pub struct FsSource;

impl Source for FsSource {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        read_regular(path, MAX_SCRIPT_BYTES)
    }
}

/// Read a regular file of at most `limit` bytes. A FIFO, device or socket is refused before it
/// is opened for reading (a FIFO would block, `/dev/zero` never ends), with `InvalidInput`; a
/// file past the limit (also one that grows while read) with `FileTooLarge`. Both errors
/// carry a sentence for the user.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    not_special(&std::fs::metadata(path)?)?;
    let file = open_without_blocking(path)?;
    // The path may have been swapped between the two looks: trust only the open file.
    let meta = file.metadata()?;
    not_special(&meta)?;
    let too_large = || {
        io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!(
                "the file is larger than {}; regie reads files up to that size",
                megabytes(limit)
            ),
        )
    };
    if meta.len() > limit {
        return Err(too_large());
    }
    // Files under /proc say they are empty: the cap holds while reading, too.
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// `10 MB` for 10,000,000 bytes.
pub fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes / 1_000_000)
}

fn not_special(meta: &std::fs::Metadata) -> io::Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    if meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "this is a folder, not a file",
        ));
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "this is {}, not a regular file; regie reads only regular files",
            special_kind(meta)
        ),
    ))
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &std::fs::Metadata) -> &'static str {
    "a special file"
}

/// Open for reading without waiting for a writer, should the path turn into a FIFO after
/// it was looked at (O_NONBLOCK has no effect on reading a regular file).
fn open_without_blocking(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(0o4000); // O_NONBLOCK
    }
    #[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(0x0004); // O_NONBLOCK
    }
    options.open(path)
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
    fn special_files_and_files_past_the_cap_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.ron");
        std::fs::write(&big, vec![b' '; 101]).unwrap();
        let error = read_regular(&big, 100).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::FileTooLarge);
        assert!(error.to_string().contains("larger than"), "{error}");
        assert_eq!(read_regular(&big, 101).unwrap().len(), 101);
        let error = read_regular(dir.path(), 100).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
        #[cfg(unix)]
        {
            let error = read_regular(Path::new("/dev/zero"), 100).unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
            assert!(error.to_string().contains("a device"), "{error}");
        }
    }

    #[test]
    fn memory_source_finds_normalised_paths() {
        let src = MemSource::new().with("a/b.ron", "x");
        assert_eq!(src.read(Path::new("a/./c/../b.ron")).unwrap(), b"x");
        assert!(src.read(Path::new("a/c.ron")).is_err());
    }
}
