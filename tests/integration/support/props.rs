//! Property-test settings shared by the fuzz-like tests: the case count can be raised for a
//! longer search (`PROPTEST_CASES=50000 cargo test --test log_props`); failures are not saved.

use proptest::test_runner::Config as ProptestConfig;

/// `cases` cases unless `PROPTEST_CASES` says otherwise.
pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
