//! Session logs on disk: private files, never overwritten, one writer per log, a folder that
//! disappears or turns read-only, corrupt logs reported and skipped, history and resume.

use crate::support;

use regie::journal::{self, Journal, Recorder, read_log};
use std::os::unix::fs::PermissionsExt;
use support::fixtures::{fresh_log, log_on};

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_new_log_is_written_at_once_private_and_reads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("logs");
    let log = fresh_log();
    let journal = Journal::create(&logs, &log).unwrap();
    assert_eq!(mode(journal.path()), 0o600, "logs hold names: owner only");
    assert_eq!(mode(&logs), 0o700, "a folder regie makes is owner only");
    assert_eq!(read_log(journal.path()).unwrap(), log);
    let name = journal.path().file_name().unwrap().to_string_lossy();
    assert!(
        name.starts_with("2026-") && name.ends_with(".ron"),
        "{name}"
    );
}

#[test]
fn every_write_replaces_the_whole_document_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::create(dir.path(), &fresh_log()).unwrap();
    let later = log_on(3, 60);
    journal.write(&later).unwrap();
    assert_eq!(read_log(journal.path()).unwrap(), later);
    drop(journal);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 1, "only the log itself remains: {left:?}");
}

#[test]
fn two_runs_started_in_the_same_second_get_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let log = fresh_log();
    let a = Journal::create(dir.path(), &log).unwrap();
    let b = Journal::create(dir.path(), &log).unwrap();
    assert_ne!(a.path(), b.path());
    assert!(b.path().to_string_lossy().ends_with("-2.ron"));
    assert_eq!(journal::scan(dir.path()).logs.len(), 2);
}

#[test]
fn a_log_being_written_cannot_be_reopened_by_a_second_runner() {
    let dir = tempfile::tempdir().unwrap();
    let first = Journal::create(dir.path(), &fresh_log()).unwrap();
    let error = Journal::reopen(first.path()).unwrap_err();
    assert!(error.to_string().contains("another regie"), "{error}");
    let path = first.path().to_path_buf();
    drop(first);
    assert!(
        Journal::reopen(&path).is_ok(),
        "free again once the first one is gone"
    );
}

#[test]
fn a_folder_removed_during_the_session_is_made_again_on_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("stick");
    let mut journal = Journal::create(&logs, &fresh_log()).unwrap();
    std::fs::remove_dir_all(&logs).unwrap();
    let later = log_on(2, 0);
    journal.write(&later).unwrap();
    assert_eq!(read_log(journal.path()).unwrap(), later);
}

#[test]
fn a_path_that_is_a_file_not_a_folder_is_refused_before_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain");
    std::fs::write(&file, "x").unwrap();
    let error = Journal::create(&file, &fresh_log()).unwrap_err();
    assert!(
        error.to_string().contains("cannot write session logs"),
        "{error}"
    );
}

#[test]
fn scanning_reports_a_corrupt_log_with_its_line_and_reads_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let good = Journal::create(dir.path(), &fresh_log()).unwrap();
    let text = std::fs::read_to_string(good.path()).unwrap();
    let cut = &text[..text.len() / 2];
    std::fs::write(dir.path().join("broken.ron"), cut).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a log").unwrap();
    let folder = journal::scan(dir.path());
    assert_eq!(folder.logs.len(), 1);
    assert_eq!(folder.errors.len(), 1);
    let error = folder.errors[0].to_string();
    assert!(error.contains("broken.ron:"), "{error}");
    assert!(folder.errors[0].position.is_some(), "{error}");
}

#[test]
fn a_missing_log_folder_is_an_empty_programme() {
    let folder = journal::scan(std::path::Path::new("/nonexistent/regie/logs"));
    assert!(folder.logs.is_empty() && folder.errors.is_empty());
}

#[test]
fn resume_finds_the_newest_unfinished_log_of_the_same_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = fresh_log();
    old.created -= chrono::Duration::days(1);
    old.finished = Some(old.created);
    let mut newer = log_on(2, 0);
    newer.created += chrono::Duration::minutes(1);
    let mut other = log_on(1, 0);
    other.session.file = "sessions/andere.ron".into();
    other.created += chrono::Duration::minutes(5);
    for log in [&old, &newer, &other] {
        std::mem::forget(Journal::create(dir.path(), log).unwrap());
    }
    let folder = journal::scan(dir.path());
    let (_, found) = journal::find_resumable(&folder.logs, &newer.session.file).unwrap();
    assert_eq!(found, &newer);
    assert!(journal::find_resumable(&folder.logs, "sessions/nooit.ron").is_none());
}

#[test]
fn history_holds_cards_and_splits_of_earlier_runs_of_the_same_programme_and_cohort_only() {
    let mut day1 = log_on(2, 0);
    day1.created -= chrono::Duration::days(7);
    day1.blocks[2].cards.push(support::fixtures::card_log(
        day1.created,
        vec![1, 2],
        None,
        false,
    ));
    day1.blocks[4]
        .splits
        .push(support::fixtures::split(day1.created));
    let mut elsewhere = day1.clone();
    elsewhere.session.cohort = Some("Andere groep".into());
    elsewhere.blocks[2].cards[0].card = "andere-kaart".into();
    let today = fresh_log();
    let logs = vec![
        ("a.ron".into(), day1.clone()),
        ("b.ron".into(), elsewhere),
        ("c.ron".into(), today.clone()),
    ];
    let history = journal::history::history_of(&logs, &today);
    let cards: Vec<_> = history
        .played_cards
        .iter()
        .map(|(_, c)| c.clone())
        .collect();
    assert_eq!(cards, [day1.blocks[2].cards[0].card.clone()]);
    assert_eq!(
        history.splits,
        vec![day1.blocks[4].splits[0].groups.clone()]
    );
}

#[test]
fn a_reader_never_sees_a_half_written_log_while_the_runner_writes() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::create(dir.path(), &fresh_log()).unwrap();
    let path = journal.path().to_path_buf();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let done = std::sync::Arc::clone(&done);
        std::thread::spawn(move || {
            let mut reads = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                let log = read_log(&path).unwrap_or_else(|e| panic!("read {reads}: {e}"));
                assert!(log.current <= 5);
                reads += 1;
            }
            reads
        })
    };
    for round in 0..300 {
        journal.write(&log_on(round % 6, round as i64)).unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let reads = reader.join().expect("every read parsed");
    assert!(reads > 0);
}

#[test]
fn a_new_run_next_to_a_finished_log_of_the_same_second_leaves_no_stray_lock() {
    let dir = tempfile::tempdir().unwrap();
    let log = fresh_log();
    let first = Journal::create(dir.path(), &log).unwrap();
    let first_path = first.path().to_path_buf();
    drop(first);
    let second = Journal::create(dir.path(), &log).unwrap();
    assert_ne!(second.path(), first_path);
    drop(second);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "two logs and nothing else: {names:?}");
}
