//! Where the runner writes its session log after every recorded action.
//! A trait so the screen runs (and is tested) the same with the real journal or in memory.

use super::record::SessionLog;

/// Writes the whole session log; errors come back as text to show the facilitator.
pub trait Recorder {
    /// Write the log where it belongs.
    fn write(&mut self, log: &SessionLog) -> Result<(), String>;
    /// The folder (or file) the log goes to, as shown on screen.
    fn place(&self) -> String;
    /// After a failed write: write to a fallback folder from now on; returns the new place.
    fn save_elsewhere(&mut self, log: &SessionLog) -> Result<String, String>;
}

/// Keeps the last written log in memory: for tests and the screen snapshots.
#[derive(Debug, Default)]
pub struct MemoryRecorder {
    pub written: Vec<SessionLog>,
    /// When set, every write fails with this text.
    pub fail_with: Option<String>,
}

impl Recorder for MemoryRecorder {
    fn write(&mut self, log: &SessionLog) -> Result<(), String> {
        match &self.fail_with {
            Some(error) => Err(error.clone()),
            None => {
                self.written.push(log.clone());
                Ok(())
            }
        }
    }

    fn place(&self) -> String {
        "logs/".to_string()
    }

    fn save_elsewhere(&mut self, log: &SessionLog) -> Result<String, String> {
        self.fail_with = None;
        self.written.push(log.clone());
        Ok("elsewhere/".to_string())
    }
}
