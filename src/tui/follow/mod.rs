//! `regie follow`: the room's read-only screen of a session being run, from its log alone.
//! It watches the log (or the newest unfinished one of a folder) and draws the room's screen.

pub mod event_loop;
pub mod pick;
pub mod source;
#[cfg(test)]
mod testing;
pub mod view;

pub use event_loop::follow;
pub use source::{Source, Status, Target};
