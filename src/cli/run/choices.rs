//! The sessions `regie` without arguments offers: those under ./sessions and the bundled ones
//! no local file overrides, each with its length, start and any unfinished run.

use super::RunOptions;
use super::open;
use crate::bundled;
use crate::journal::identity::session_identity;
use crate::journal::{self, LogFolder, folder};
use crate::script::{LoadedSession, load_session};
use crate::tui::Choice;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Sessions to pick from: every session file under ./sessions, and the bundled ones that no
/// local file of the same path overrides (the picker puts them in order). A session with an
/// unfinished run in its log folder (where `options` would write) says where it stopped.
pub fn list(options: &RunOptions) -> Vec<Choice> {
    let mut local = Vec::new();
    collect_ron(Path::new("sessions"), &mut local);
    let mut listed: Vec<(PathBuf, LoadedSession)> = local
        .into_iter()
        .filter_map(|path| Some((path.clone(), load_session(&path).ok()?)))
        .collect();
    for path in bundled::session_files() {
        if listed.iter().any(|(p, _)| p == &path) {
            continue;
        }
        if let Ok(session) = bundled::load(&path) {
            listed.push((path, session));
        }
    }
    let mut folders = BTreeMap::new();
    listed
        .into_iter()
        .map(|(_, script)| Choice {
            unfinished: unfinished(&script, options, &mut folders),
            ..Choice::of(script.source.as_str(), &script.session)
        })
        .collect()
}

/// The session's unfinished run, if its log folder has one (each folder read once).
fn unfinished(
    script: &LoadedSession,
    options: &RunOptions,
    folders: &mut BTreeMap<PathBuf, LogFolder>,
) -> Option<crate::tui::picker::Unfinished> {
    let programme = script.session.programme.as_deref();
    let mut dir = folder::programme_log_dir(options.log_dir.clone(), programme);
    if options.rehearsal {
        dir = folder::rehearsal_dir(&dir);
    }
    let logs = folders
        .entry(dir)
        .or_insert_with_key(|dir| journal::scan(dir));
    let identity = session_identity(&script.source, programme);
    let (path, log) = journal::find_resumable(&logs.logs, &identity)?;
    Some(open::unfinished(path, log))
}

fn collect_ron(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_ron(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}
