//! regie: run live workshop sessions from a terminal.
//! The pure core (script, engine, groups, journal, review) and the terminal shell (tui).

pub mod bundled;
pub mod cli;
pub mod engine;
pub mod groups;
pub mod i18n;
pub mod journal;
pub mod review;
pub mod room;
pub mod script;
pub mod text;
pub mod tui;
