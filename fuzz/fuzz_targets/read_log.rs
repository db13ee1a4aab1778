//! Fuzz the session-log reader: never a panic; every error has a line and column.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regie::journal::parse_log;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Err(error) = parse_log(Path::new("log.ron"), data) {
        assert!(error.position.is_some(), "{error}");
    }
});
