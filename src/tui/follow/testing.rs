//! Test helpers of the follow module: a small session with a facilitator note, and its logs
//! at chosen moments, written to disk the way the journal writes them.

use crate::engine::{Engine, ProgrammeHistory};
use crate::journal::record::SessionLog;
use crate::script::{Block, BlockKind, LoadedSession, Minutes, Session};
use std::collections::BTreeMap;
use std::path::Path;

/// Four blocks; the first carries the note "GEHEIM", which the room must never see.
pub fn script() -> LoadedSession {
    let block = |title: &str, minutes, kind, notes: &str| Block {
        title: title.into(),
        minutes: Minutes(minutes),
        kind,
        notes: notes.into(),
    };
    LoadedSession {
        source: "sessions/dag.ron".into(),
        session: Session {
            title: "Dag".into(),
            programme: None,
            cohort: None,
            start: Some("09:30".into()),
            homework: Some("Lees hoofdstuk 2".into()),
            blocks: vec![
                block("Welkom", 10, BlockKind::Plenary, "GEHEIM"),
                block("Rondje", 20, BlockKind::Round { seconds_each: 90 }, ""),
                block("Pauze", 15, BlockKind::Break, ""),
                block("Oogst", 5, BlockKind::Harvest, ""),
            ],
        },
        cohort: None,
        decks: BTreeMap::new(),
    }
}

/// A log of `script()` titled `title`, created at `created` (RFC 3339), on block `current`.
pub fn log(title: &str, created: &str, current: usize, finished: bool) -> SessionLog {
    let created = chrono::DateTime::parse_from_rfc3339(created).expect("test stamp");
    let engine = Engine::new(script(), ProgrammeHistory::default(), created);
    let mut log = engine.log().clone();
    log.session.title = title.into();
    log.current = current;
    log.finished = finished.then_some(created);
    log
}

/// Write `text` like the journal does: a temporary file renamed over the log.
pub fn write(path: &Path, text: &str) {
    let temp = path.with_extension("tmp");
    std::fs::write(&temp, text).expect("write");
    std::fs::rename(&temp, path).expect("rename");
}

/// The log as RON text.
pub fn ron(log: &SessionLog) -> String {
    ron::ser::to_string_pretty(log, ron::ser::PrettyConfig::default()).expect("ron")
}
