//! Session, Deck and Cohort files: serde types, loading, validation and diagnostics.
//! Everything a user writes by hand passes through here before the engine sees it.

pub mod loaded;
pub mod types;

pub use loaded::LoadedSession;
pub use types::*;
