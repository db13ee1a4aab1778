//! `regie follow`: the room's read-only copy of a session being run, rebuilt from its log alone.
//! It watches the log (or the newest unfinished one of a folder) and draws the runner's views.

pub mod event_loop;
pub mod pick;
pub mod script;
pub mod source;
#[cfg(test)]
mod testing;
pub mod view;

pub use event_loop::follow;
pub use script::audience_app;
pub use source::{Source, Status, Target};
