//! `regie groups --history LOGDIR`: breakouts recorded in the log folder count as pairs who
//! already met, for the same cohort only; a missing folder is refused with exit code 2.

use crate::support;

use regie::journal::writer::write_atomic;
use support::fixtures::{fresh_log, split};

const COHORT: &str = r#"Cohort(
    name: "Viertal",
    participants: [(name: "Anouk V."), (name: "Bram K."), (name: "Chloë de W."), (name: "Daan S.")],
)
"#;

/// A log folder with one day on which `pairs` worked together, for cohort `cohort`.
fn folder_with(dir: &std::path::Path, cohort: &str, pairs: &[[&str; 2]]) {
    let mut log = fresh_log();
    log.session.cohort = Some(cohort.to_string());
    let mut groups = split(log.created);
    groups.groups = pairs
        .iter()
        .map(|p| p.iter().map(|n| n.to_string()).collect())
        .collect();
    log.blocks[4].splits.push(groups);
    std::fs::create_dir_all(dir).unwrap();
    write_atomic(&dir.join(format!("{cohort}.ron")), &log).unwrap();
}

fn pairs_of(csv: &str) -> Vec<(String, String)> {
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let mut pairs = Vec::new();
    for a in &rows {
        for b in &rows {
            if a[1] == b[1] && a[2] < b[2] {
                pairs.push((a[2].to_string(), b[2].to_string()));
            }
        }
    }
    pairs
}

fn split_with_history(work: &std::path::Path, seed: u64) -> Vec<(String, String)> {
    let out = support::e2e::regie()
        .current_dir(work)
        .args([
            "groups",
            "--cohort",
            "c.ron",
            "--size",
            "2",
            "--history",
            "logs",
        ])
        .args(["--format", "csv", "--seed", &seed.to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    pairs_of(&String::from_utf8(out.stdout).unwrap())
}

#[test]
fn pairs_from_earlier_days_of_the_cohort_do_not_meet_again() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("c.ron"), COHORT).unwrap();
    let logs = work.path().join("logs");
    folder_with(
        &logs,
        "Viertal",
        &[["Anouk V.", "Bram K."], ["Chloë de W.", "Daan S."]],
    );
    // Another cohort's day names the other pairings: it must not count.
    folder_with(
        &logs,
        "Andere groep",
        &[["Anouk V.", "Chloë de W."], ["Bram K.", "Daan S."]],
    );
    for seed in 0..8 {
        let pairs = split_with_history(work.path(), seed);
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        for met in [("Anouk V.", "Bram K."), ("Chloë de W.", "Daan S.")] {
            assert!(
                !pairs.contains(&(met.0.to_string(), met.1.to_string())),
                "seed {seed}: {met:?} met again: {pairs:?}"
            );
        }
    }
}

#[test]
fn a_history_folder_that_does_not_exist_is_refused() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("c.ron"), COHORT).unwrap();
    let out = support::e2e::regie()
        .current_dir(work.path())
        .args([
            "groups",
            "--cohort",
            "c.ron",
            "--size",
            "2",
            "--history",
            "nergens",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--history nergens"));
}
