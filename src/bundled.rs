//! The sessions, cohorts and decks compiled into regie, offered from any folder (src/build.rs
//! rebuilds when files are added); read through the loaders' `Source`, named `bundled:<path>`.

use crate::script::kind::{TopLevel, top_level};
use crate::script::suggest::distance;
use crate::script::{FileKind, LoadError, LoadedSession, Source, load_session_from};
use include_dir::{Dir, include_dir};
use std::io;
use std::path::{Path, PathBuf};

static SESSIONS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/sessions");
static DECKS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/decks");

/// How diagnostics and logs name bundled files: `bundled:sessions/voorbeeld/kennismaking.ron`.
pub const PREFIX: &str = "bundled:";

/// The programme the picker lists first: a short example that uses every block kind.
pub const DEFAULT_PROGRAMME: &str = "voorbeeld";

/// Bundled content as a file source; paths look like `sessions/<programme>/<file>.ron` and
/// `decks/<file>.ron`, so the relative paths inside the files resolve as they do on disk.
#[derive(Debug, Clone, Copy, Default)]
pub struct BundledSource;

impl Source for BundledSource {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        file(path)
            .map(|f| f.contents().to_vec())
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "not bundled with regie"))
    }
}

fn file(path: &Path) -> Option<&'static include_dir::File<'static>> {
    let path = crate::script::source::normalize(path);
    let mut parts = path.components();
    let top = parts.next()?.as_os_str().to_str()?;
    let rest = parts.as_path();
    match top {
        "sessions" => SESSIONS.get_file(rest),
        "decks" => DECKS.get_file(rest),
        _ => None,
    }
}

/// Every bundled `.ron` file, as `sessions/...` or `decks/...` paths, sorted.
pub fn files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    collect(&SESSIONS, Path::new("sessions"), &mut out);
    collect(&DECKS, Path::new("decks"), &mut out);
    out.sort();
    out
}

fn collect(dir: &Dir<'static>, prefix: &Path, out: &mut Vec<PathBuf>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "ron") {
            out.push(prefix.join(file.path()));
        }
    }
    for sub in dir.dirs() {
        collect(sub, prefix, out);
    }
}

/// The bundled session files (those whose top level is `Session(`), the default programme
/// first, then by programme folder and file name.
pub fn session_files() -> Vec<PathBuf> {
    let mut sessions: Vec<PathBuf> = files()
        .into_iter()
        .filter(|p| {
            file(p).is_some_and(|f| {
                f.contents_utf8()
                    .is_some_and(|t| matches!(top_level(t), TopLevel::Kind(FileKind::Session, _)))
            })
        })
        .collect();
    sessions.sort_by_key(|p| listing_order(p));
    sessions
}

/// Sort key for session paths: the default programme first, then by path.
pub fn listing_order(path: &Path) -> (bool, PathBuf) {
    let default = Path::new("sessions").join(DEFAULT_PROGRAMME);
    (!path.starts_with(default), path.to_path_buf())
}

/// The bundled path a user may mean by `name`: `voorbeeld/kennismaking`, with or without
/// `.ron`, `sessions/` or the `bundled:` prefix.
pub fn find(name: &str) -> Option<PathBuf> {
    let name = name.strip_prefix(PREFIX).unwrap_or(name);
    let mut path = PathBuf::from(name);
    if path.extension().is_none() {
        path.set_extension("ron");
    }
    [path.clone(), Path::new("sessions").join(&path)]
        .into_iter()
        .find(|p| file(p).is_some())
}

/// Bundled session names a user may have meant by `name` (`dag-1`, `voorbeld/kennismaking`):
/// every name whose last part is `name`, else those within a few typos of it, at most five.
pub fn closest_names(name: &str) -> Vec<String> {
    let wanted = name.trim_end_matches(".ron").to_lowercase();
    let names: Vec<String> = session_files()
        .iter()
        .map(|p| short_name(&label(p)).to_string())
        .collect();
    let last_part = |n: &str| n.rsplit('/').next().unwrap_or(n).to_lowercase();
    let mut same_day: Vec<String> = names
        .iter()
        .filter(|n| last_part(n) == wanted || n.to_lowercase().ends_with(&format!("/{wanted}")))
        .cloned()
        .collect();
    if same_day.is_empty() {
        let limit = (wanted.chars().count() / 3).max(2);
        let mut near: Vec<(usize, &String)> = names
            .iter()
            .map(|n| {
                let whole = distance(&wanted, &n.to_lowercase());
                (whole.min(distance(&wanted, &last_part(n))), n)
            })
            .filter(|(d, _)| *d <= limit)
            .collect();
        near.sort();
        same_day = near.into_iter().map(|(_, n)| n.clone()).collect();
    }
    same_day.truncate(5);
    same_day
}

/// Load the bundled session at `path` (as given by `find` or `session_files`).
pub fn load(path: &Path) -> Result<LoadedSession, LoadError> {
    load_session_from(&BundledSource, path, label(path))
}

/// A session source as a person would type it: `voorbeeld/kennismaking` for bundled content
/// (what `regie run` accepts), the path itself for a file.
pub fn short_name(source: &str) -> &str {
    match source.strip_prefix(PREFIX) {
        Some(path) => {
            let path = path.strip_prefix("sessions/").unwrap_or(path);
            path.strip_suffix(".ron").unwrap_or(path)
        }
        None => source,
    }
}

/// How a bundled path is named in diagnostics and logs.
pub fn label(path: &Path) -> String {
    format!("{PREFIX}{}", path.display())
}

#[cfg(test)]
mod tests {
    use super::closest_names;

    #[test]
    fn a_day_without_its_programme_lists_the_programmes_that_have_it() {
        let names = closest_names("dag-1");
        assert!(names.len() >= 2, "{names:?}");
        assert!(names.iter().all(|n| n.ends_with("/dag-1")), "{names:?}");
        assert!(names.contains(&"leergang-ambtelijk-vakmanschap/dag-1".to_string()));
    }

    #[test]
    fn a_typo_of_a_bundled_name_finds_it_and_nonsense_finds_nothing() {
        assert_eq!(
            closest_names("voorbeld/kennismaking"),
            ["voorbeeld/kennismaking"]
        );
        assert!(closest_names("zzzzqqqq").is_empty());
    }
}
