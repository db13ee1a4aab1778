//! Session logs: the record format, atomic durable writes, reading and resume.
//! A log on disk is a valid RON document at every moment.

pub mod record;

pub use record::{FORMAT_VERSION, SessionLog, Stamp};
