//! Fuzz the session, deck and cohort loaders: never a panic; every error has a position.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regie::script::{MemSource, load_cohort_from, load_deck_from, load_session_from};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let path = Path::new("x/f.ron");
    let source = MemSource::new()
        .with(path, bytes.to_vec())
        .with("x/deck.ron", bytes.to_vec())
        .with("x/cohort.ron", bytes.to_vec());
    let label = "x/f.ron".to_string();
    let result = match which % 3 {
        0 => load_session_from(&source, path, label).map(|_| ()),
        1 => load_deck_from(&source, path, label).map(|_| ()),
        _ => load_cohort_from(&source, path, label).map(|_| ()),
    };
    if let Err(error) = result {
        for diagnostic in &error.diagnostics {
            assert!(!diagnostic.location().is_empty());
        }
        let _ = error.render();
    }
});
