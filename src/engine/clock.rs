//! Time arithmetic of a block and of the day, derived from the log and `now`.
//! Pure functions: tests drive them with any clock.

use crate::journal::record::Stamp;

/// A block's clock at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockClock {
    /// Seconds the clock has run.
    pub elapsed: i64,
    /// Planned seconds plus adjustments.
    pub allotted: i64,
    /// `allotted - elapsed`; negative once the block overruns.
    pub remaining: i64,
    pub running: bool,
    /// The clock has run at least once.
    pub started: bool,
}

/// The day at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayClock {
    /// When the last block is expected to end, at the current pace.
    pub projected_end: Stamp,
    /// When it was planned to end (planned start, or actual start, plus the planned blocks).
    pub planned_end: Stamp,
    /// `projected_end - planned_end` in seconds: positive runs late.
    pub slip: i64,
}
