//! Clock figures the screen shows: the engine's own clock functions over the log and `now`.
//! One implementation serves the runner, the follow view and review.

pub use crate::engine::clock::{block_clock, day_clock, is_present, seconds_between};
