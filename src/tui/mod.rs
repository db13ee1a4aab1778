//! The only code that touches the terminal: event loop, screens, widgets and themes.
//! Screens draw from the engine's state; keys become engine commands.

pub mod app;
pub mod event_loop;
pub mod follow;
pub mod form_entry;
pub mod key_table;
pub mod keys;
pub mod picker;
pub mod reload;
pub mod review;
pub mod room;

pub mod theme;
pub mod view;

pub use crate::journal::Recorder;
pub use app::{App, Settings};
pub use event_loop::{pick_session, run_app};
pub use picker::{Choice, Picker};
pub use theme::{Theme, ThemeName};
