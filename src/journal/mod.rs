//! Session logs: the record format, atomic durable writes, reading, history and resume.
//! A log on disk is a valid RON document at every moment; nothing here knows the terminal.

pub mod days;
pub mod folder;
pub mod history;
pub mod identity;
pub mod read;
/// The record is the engine's state type; the journal only writes and reads it.
pub use crate::engine::record;
pub mod recorder;
pub mod writer;

pub use folder::{LogFolder, default_log_dir, reading_dirs, scan};
pub use history::{find_resumable, history_before};
pub use read::{LogError, parse_log, read_log};
pub use record::{FORMAT_VERSION, SessionLog, Stamp};
pub use recorder::{MemoryRecorder, Recorder};
pub use writer::{Journal, JournalError};
