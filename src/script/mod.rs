//! Session, Deck and Cohort files: serde types, loading, validation and diagnostics.
//! Everything a user writes by hand passes through here before the engine sees it.

pub mod check;
pub mod diagnostic;
pub mod kind;
pub mod load;
pub mod loaded;
pub(crate) mod locate;
mod parse;
pub mod source;
pub mod suggest;
pub mod types;
pub mod validate;

pub use check::{CheckReport, FileReport, check_paths};
pub use diagnostic::{Diagnostic, LoadError, Note};
pub use kind::FileKind;
pub use load::{
    load_cohort, load_cohort_from, load_deck, load_deck_from, load_session, load_session_from,
};
pub use loaded::LoadedSession;
pub use source::{FsSource, MemSource, Source};
pub use types::*;
