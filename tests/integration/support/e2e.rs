//! Shared by the end-to-end tests: the binary under test, a folder holding a session's files,
//! and waiting for the session log it writes.

use regie::journal::record::SessionLog;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::pty::PATIENCE;

/// The `regie` binary cargo built for these tests.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_regie"))
}

/// The variables regie takes its interface language from. Tests clear them, so regie speaks
/// its default (Dutch) whatever locale the machine running the tests has.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// `regie` as a command to run to its end, with the machine's locale cleared.
pub fn regie() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(binary());
    for var in LOCALE_VARS {
        command.env_remove(var);
    }
    // Never the user's own data folder (the default log folders live there).
    command.env("XDG_DATA_HOME", hermetic_data());
    command
}

/// Run `command` to its end: its exit code (-1 when a signal ended it), stdout and stderr.
pub fn outcome(command: &mut assert_cmd::Command) -> (i32, String, String) {
    let out = command.output().expect("run regie");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A data folder for tests that give none of their own: `XDG_DATA_HOME` under the system's
/// temporary folder.
pub fn hermetic_data() -> PathBuf {
    std::env::temp_dir().join("regie-tests-data")
}

/// Where the runner keeps a programme's logs by default, under `data` (as `XDG_DATA_HOME`).
pub fn programme_logs(data: &Path, programme: &str) -> PathBuf {
    data.join("regie/logs").join(programme)
}

/// A temporary folder with `files` (name, text) written in it.
pub fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write a test file");
    }
    dir
}

/// The session logs in `dir` (lock files and other files left out).
pub fn logs_in(dir: &Path) -> Vec<PathBuf> {
    let mut logs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    logs.retain(|p| regie::journal::folder::is_log_name(p));
    logs
}

/// The one log in `dir`, if there is exactly one and it reads.
pub fn only_log(dir: &Path) -> Option<SessionLog> {
    match logs_in(dir).as_slice() {
        [only] => regie::journal::read_log(only).ok(),
        _ => None,
    }
}

/// Wait until the only log in `dir` satisfies `check`; returns it.
pub fn wait_for_log(dir: &Path, what: &str, check: impl Fn(&SessionLog) -> bool) -> SessionLog {
    let start = Instant::now();
    loop {
        if let Some(log) = only_log(dir)
            && check(&log)
        {
            return log;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "waited {PATIENCE:?} for a log in {dir:?} where {what}; logs: {:?}",
            logs_in(dir)
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}
