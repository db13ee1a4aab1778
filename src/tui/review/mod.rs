//! `regie review`: browse recorded sessions in the terminal: the list, one session, a programme.
//! The screens draw from `review::Review` (pure); this folder only adds keys, state and drawing.

pub mod app;
pub mod draw;
pub mod event_loop;
pub mod help;
pub mod keys;
pub mod lines;
pub mod list;
pub mod programme;
pub mod session;

pub use app::{ReviewAction, ReviewApp, Screen};
pub use draw::draw;
pub use event_loop::run;
