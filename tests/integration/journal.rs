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
    let identity = journal::identity::of_log(&newer);
    let (_, found) = journal::find_resumable(&folder.logs, &identity).unwrap();
    assert_eq!(found, &newer);
    let never = journal::identity::session_identity("sessions/nooit.ron", None);
    assert!(journal::find_resumable(&folder.logs, &never).is_none());
}

#[test]
fn history_holds_cards_and_splits_of_earlier_runs_of_the_same_programme_and_cohort_only() {
    let mut day1 = log_on(2, 0);
    day1.session.file = "sessions/leergang/dag-1.ron".into();
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

fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn lock_of(log: &std::path::Path) -> std::path::PathBuf {
    let name = log.file_name().unwrap().to_string_lossy();
    log.with_file_name(format!(".{name}.lock"))
}

#[test]
fn a_runner_whose_lock_file_was_removed_and_taken_stops_writing_instead_of_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Journal::create(dir.path(), &fresh_log()).unwrap();
    let path = a.path().to_path_buf();
    // A cleanup of dot-files removes the lock; a second regie --resume takes the log over.
    std::fs::remove_file(lock_of(&path)).unwrap();
    let mut b = Journal::reopen(&path).expect("the lock is free now");
    let b_state = log_on(2, 0);
    b.write(&b_state).unwrap();
    // The first runner's next write is refused with a reason, and B's log stays as B wrote it.
    let refused = a.write(&log_on(4, 0)).unwrap_err();
    assert!(refused.contains("another regie"), "{refused}");
    assert_eq!(read_log(&path).unwrap(), b_state);
    // A leaving does not remove B's lock: a third runner is still kept off.
    drop(a);
    assert!(matches!(
        Journal::reopen(&path),
        Err(journal::JournalError::InUse { .. })
    ));
    drop(b);
}

#[test]
fn a_removed_lock_file_nobody_took_is_made_again_and_keeps_others_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Journal::create(dir.path(), &fresh_log()).unwrap();
    let path = a.path().to_path_buf();
    std::fs::remove_file(lock_of(&path)).unwrap();
    a.write(&log_on(1, 0))
        .expect("nobody took it: writing goes on");
    assert!(lock_of(&path).exists(), "the lock file is back");
    assert!(matches!(
        Journal::reopen(&path),
        Err(journal::JournalError::InUse { .. })
    ));
    assert_eq!(read_log(&path).unwrap(), log_on(1, 0));
}

#[test]
fn temporary_copies_left_by_a_kill_are_cleaned_on_start_and_resume_but_not_a_live_runners() {
    let dir = tempfile::tempdir().unwrap();
    let live = Journal::create(dir.path(), &fresh_log()).unwrap();
    let live_name = live
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let live_copy = format!(".{live_name}.Ab12Cd");
    let dead_copy = ".2026-11-20-093000-dag-2.ron.x9Y8z7";
    for name in [live_copy.as_str(), dead_copy, ".notities.txt.a1b2c3"] {
        std::fs::write(dir.path().join(name), "Session").unwrap();
    }
    let mut later = fresh_log();
    later.created += chrono::Duration::hours(1);
    let started = Journal::create(dir.path(), &later).unwrap();
    let names = names_in(dir.path());
    assert!(!names.contains(&dead_copy.to_string()), "{names:?}");
    assert!(
        names.contains(&live_copy),
        "a live runner's copy stays: {names:?}"
    );
    assert!(
        names.contains(&".notities.txt.a1b2c3".to_string()),
        "{names:?}"
    );
    // Resuming cleans too (here the copy of the run that just ended).
    let path = live.path().to_path_buf();
    drop(live);
    drop(started);
    std::fs::write(dir.path().join(dead_copy), "Session").unwrap();
    let _resumed = Journal::reopen(&path).unwrap();
    let names = names_in(dir.path());
    assert!(!names.contains(&live_copy), "{names:?}");
    assert!(!names.contains(&dead_copy.to_string()), "{names:?}");
}

#[test]
fn abandoning_a_run_marks_it_and_keeps_everything_it_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let log = log_on(3, 30);
    let path = Journal::create(dir.path(), &log)
        .unwrap()
        .path()
        .to_path_buf();
    let at = log.created + chrono::Duration::hours(2);
    journal::writer::abandon(&path, &log, at).unwrap();
    let after = read_log(&path).unwrap();
    assert_eq!(after.session.identity.abandoned, Some(at));
    assert_eq!(after.blocks, log.blocks);
    let folder = journal::scan(dir.path());
    let key = journal::identity::of_log(&log);
    assert!(journal::find_resumable(&folder.logs, &key).is_none());
}

#[test]
fn a_log_written_before_the_identity_field_reads_and_is_found_by_its_file() {
    let mut log = log_on(1, 0);
    let text = journal::writer::to_ron(&log);
    // The field and everything in it cut out: the log as regie wrote it before.
    let from = text.find("identity:").expect("the field is written");
    let to = from + text[from..].find(")").expect("its end") + 1;
    let old_text = format!("{}{}", &text[..from], text[to..].trim_start_matches(','));
    let old = journal::parse_log(std::path::Path::new("oud.ron"), old_text.as_bytes())
        .unwrap_or_else(|e| panic!("{e}\n{old_text}"));
    log.session.identity = Default::default();
    assert_eq!(old, log);
    let key =
        journal::identity::session_identity(&log.session.file, log.session.programme.as_deref());
    assert_eq!(journal::identity::of_log(&old), key);
    assert_eq!(key, "leergang-ambtelijk-vakmanschap/dag-3.ron");
}

#[test]
fn the_reason_a_taken_over_runner_stops_follows_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let a = Journal::create(dir.path(), &fresh_log()).unwrap();
    let mut a = a.speaking(regie::i18n::Lang::Nl);
    let path = a.path().to_path_buf();
    std::fs::remove_file(lock_of(&path)).unwrap();
    let _b = Journal::reopen(&path).unwrap();
    let refused = a.write(&log_on(1, 0)).unwrap_err();
    assert!(refused.contains("een andere regie heeft"), "{refused}");
}

#[test]
fn earlier_days_count_each_session_once_and_leave_out_rehearsals_and_todays_other_runs() {
    let run = |file: &str, days_ago: i64, started: bool| {
        let mut log = if started { log_on(1, 0) } else { fresh_log() };
        log.session.file = file.into();
        log.created -= chrono::Duration::days(days_ago);
        log
    };
    let mut rehearsal = run("sessions/leergang/dag-2.ron", 3, true);
    rehearsal.session.identity.rehearsal = true;
    let logs: Vec<(std::path::PathBuf, regie::journal::SessionLog)> = [
        run("sessions/leergang/dag-1.ron", 14, true),
        run("sessions/leergang/dag-2.ron", 7, true),
        run("sessions/leergang/dag-2.ron", 7, true), // tried twice: one day
        run("sessions/leergang/dag-4.ron", 5, false), // opened and closed: no day
        rehearsal,
        run("sessions/leergang/dag-3.ron", 1, true), // today's session, an earlier run
    ]
    .into_iter()
    .enumerate()
    .map(|(i, log)| (format!("{i}.ron").into(), log))
    .collect();
    let today = run("sessions/leergang/dag-3.ron", 0, false);
    let key = journal::identity::of_log(&today);
    let programme = today.session.programme.clone().unwrap();
    let cohort = today.session.cohort.clone();
    let earlier =
        journal::history::earlier_days(&logs, &programme, cohort.as_deref(), today.created, &key);
    let files: Vec<&str> = earlier.iter().map(|l| l.session.file.as_str()).collect();
    assert_eq!(
        files,
        ["sessions/leergang/dag-1.ron", "sessions/leergang/dag-2.ron"]
    );
}
