//! Seeds nobody has to type, derived from the moment a draw or order is made.
//! The seed is recorded in the log, so the result can be reproduced from it.

use crate::engine::record::Stamp;

/// SplitMix64 of the time in nanoseconds mixed with a salt (the block index).
pub fn seed_at(now: Stamp, salt: u64) -> u64 {
    let nanos = now.timestamp_nanos_opt().unwrap_or_default() as u64;
    let mut z = nanos ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
