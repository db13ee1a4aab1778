//! Fuzz the session-log reader: never a panic; every error has a line and column; whatever it
//! accepts, the clocks can compute with (a huge `planned_seconds` once panicked `day_clock`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use regie::engine::clock::{block_clock, card_clock, day_clock};
use regie::journal::parse_log;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    match parse_log(Path::new("log.ron"), data) {
        Ok(log) => {
            let now = log.created;
            let _ = day_clock(&log, now);
            for block in &log.blocks {
                let _ = block_clock(block, now);
                for card in &block.cards {
                    let _ = card_clock(block, card, now);
                }
            }
        }
        Err(error) => assert!(error.position.is_some(), "{error}"),
    }
});
