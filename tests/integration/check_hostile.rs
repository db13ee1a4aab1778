//! Hostile input through the real binary: a diagnostic past column 65535, a closed stdout,
//! FIFOs, devices and oversized files, and files that must not be quoted (issue 19).
//! Every case ends within seconds with exit 2 (bad input) or 0, never a panic or a hang.

use crate::support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use support::e2e::{LOCALE_VARS, binary, workspace};

/// Longer than any run of these cases; a case past it hangs.
const PATIENCE: Duration = Duration::from_secs(20);

/// `regie args` in `dir`, stdin closed, the machine's locale cleared.
fn regie_in(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(binary());
    command.args(args).current_dir(dir).stdin(Stdio::null());
    for var in LOCALE_VARS {
        command.env_remove(var);
    }
    command
}

/// Run `regie args` in `dir` with `env`; kill it and fail if it hangs.
fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = regie_in(dir, args);
    for (key, value) in env {
        command.env(key, value);
    }
    bounded(command.stdout(Stdio::piped()).stderr(Stdio::piped()), args)
}

fn bounded(command: &mut Command, what: &[&str]) -> Output {
    let mut child = command.spawn().expect("start regie");
    // Drain stderr while waiting, so a long message cannot fill the pipe and stall regie.
    let mut stderr = child.stderr.take().expect("stderr piped");
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stderr.read_to_end(&mut text);
        text
    });
    let mut stdout = child.stdout.take();
    let out_reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(out) = stdout.as_mut() {
            let _ = out.read_to_end(&mut text);
        }
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for regie") {
            break status;
        }
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("regie {what:?} hung for {PATIENCE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out_reader.join().expect("stdout reader"),
        stderr: reader.join().expect("stderr reader"),
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_refused(out: &Output, what: &str) -> String {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "{what} panicked:\n{err}");
    assert_eq!(out.status.code(), Some(2), "{what}: exit code\n{err}");
    err
}

/// A session whose deck and cohort are `deck` and `cohort`, as written in the file.
fn session_using(deck: &str, cohort: &str) -> String {
    format!(
        "Session(\n    title: \"Dag\",\n    cohort: Some(\"{cohort}\"),\n    blocks: [\n        \
         (title: \"Kaarten\", minutes: 30, kind: Dilemmas(deck: \"{deck}\", draw: 1)),\n    ],\n)\n"
    )
}

const DECK: &str = "Deck(title: \"D\", cards: [(id: \"a\", title: \"A\", situation: \"S\", \
                    options: [\"Ja\", \"Nee\"])])\n";
const COHORT: &str = "Cohort(name: \"C\", participants: [(name: \"Anouk\"), (name: \"Bram\")])\n";

/// A folder with a valid session, its deck and its cohort.
fn valid_programme() -> tempfile::TempDir {
    workspace(&[
        ("dag.ron", &session_using("deck.ron", "cohort.ron")),
        ("deck.ron", DECK),
        ("cohort.ron", COHORT),
    ])
}

fn make_fifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo is available");
    assert!(status.success(), "mkfifo {}", path.display());
}

// ---- item 1: a diagnostic at column 65536 or later ----

const FAR: usize = 70_000;

fn far_session() -> String {
    format!(
        "Session(\n{}Oops\n    title: \"x\",\n    blocks: [],\n)\n",
        " ".repeat(FAR)
    )
}

#[test]
fn a_diagnostic_past_column_65535_is_shown_through_check_run_and_groups() {
    let far = " ".repeat(FAR);
    let dir = workspace(&[
        ("lang.ron", &far_session()),
        ("cohort.ron", &format!("Cohort(\n{far}Oops\n)\n")),
        ("log.ron", &format!("{far}SessionLog(format: 1)\n")),
    ]);
    let cases: [(&[&str], &str); 5] = [
        (
            &["check", "--lang", "en", "lang.ron"],
            "lang.ron:2:70001: error:",
        ),
        (
            &["run", "--lang", "en", "lang.ron"],
            "lang.ron:2:70001: error:",
        ),
        (
            &["run", "--lang", "nl", "lang.ron"],
            "lang.ron:2:70001: fout:",
        ),
        (
            &[
                "groups",
                "--cohort",
                "cohort.ron",
                "--size",
                "2",
                "--lang",
                "en",
            ],
            "cohort.ron:2:70001: error:",
        ),
        (
            &["check", "--lang", "en", "log.ron"],
            "log.ron:1:70001: error:",
        ),
    ];
    for (args, first) in cases {
        let out = run_in(dir.path(), args, &[]);
        let err = assert_refused(&out, &args.join(" "));
        assert!(
            err.starts_with(first),
            "{args:?}:\n{}",
            &err[..err.len().min(400)]
        );
        // The snippet is clipped around the column, not 70,000 spaces wide; the source
        // line's number and column stay right.
        assert!(err.len() < 4000, "{args:?}: {} bytes of stderr", err.len());
        assert!(err.contains(":70001]"), "{args:?}:\n{err}");
    }
}

// ---- item 4: a closed stdout ----

/// Run with stdout a pipe whose reading end is already closed (`| true`).
fn run_with_closed_stdout(dir: &Path, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    bounded(
        regie_in(dir, args).stdout(writer).stderr(Stdio::piped()),
        args,
    )
}

#[test]
fn a_closed_stdout_ends_each_command_without_a_panic() {
    let dir = valid_programme();
    let cases: [(&[&str], i32); 3] = [
        (&["check", "dag.ron"], 0),
        (
            &["groups", "--count", "12", "--size", "3", "--seed", "1"],
            0,
        ),
        (
            &[
                "groups",
                "--cohort",
                "cohort.ron",
                "--size",
                "2",
                "--seed",
                "1",
            ],
            0,
        ),
    ];
    for (args, code) in cases {
        let out = run_with_closed_stdout(dir.path(), args);
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?} panicked:\n{err}");
        assert_eq!(out.status.code(), Some(code), "{args:?}:\n{err}");
    }
}

// ---- item 5: special files and files past the size cap ----

#[test]
fn a_fifo_as_deck_or_cohort_is_refused_without_blocking() {
    let dir = workspace(&[("dag.ron", &session_using("kaarten.ron", "groep.ron"))]);
    make_fifo(&dir.path().join("kaarten.ron"));
    make_fifo(&dir.path().join("groep.ron"));
    let out = run_in(dir.path(), &["check", "dag.ron"], &[]);
    let err = assert_refused(&out, "check with FIFOs");
    assert!(err.contains("named pipe"), "{err}");
    assert!(
        err.contains("dag.ron:3:"),
        "the cohort is named where it is used:\n{err}"
    );
    assert!(
        err.contains("dag.ron:5:"),
        "the deck is named where it is used:\n{err}"
    );
    let out = run_in(
        dir.path(),
        &["groups", "--cohort", "groep.ron", "--size", "2"],
        &[],
    );
    assert!(assert_refused(&out, "groups on a FIFO").contains("named pipe"));
}

#[test]
fn a_fifo_named_ron_in_a_checked_folder_is_refused_without_blocking() {
    let dir = valid_programme();
    make_fifo(&dir.path().join("pijp.ron"));
    let out = run_in(dir.path(), &["check", "--lang", "en", "."], &[]);
    let err = assert_refused(&out, "check on a folder with a FIFO");
    assert!(
        err.contains("pijp.ron") && err.contains("named pipe"),
        "{err}"
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains("4 files checked: 3 valid, 1 with errors"),
        "{summary}"
    );
}

#[test]
fn a_device_as_deck_is_refused_without_reading_it() {
    let dir = workspace(&[
        ("dag.ron", &session_using("/dev/zero", "cohort.ron")),
        ("cohort.ron", COHORT),
    ]);
    #[cfg(unix)]
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("nul.ron")).expect("symlink");
    let out = run_in(dir.path(), &["check", "dag.ron"], &[]);
    assert_refused(&out, "deck /dev/zero");
    std::fs::write(
        dir.path().join("dag.ron"),
        session_using("nul.ron", "cohort.ron"),
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "dag.ron"], &[]);
    let err = assert_refused(&out, "deck symlinked to /dev/zero");
    assert!(err.contains("a device"), "{err}");
}

#[test]
fn a_deck_past_10_mb_is_refused_with_the_limit() {
    let mut big = String::from("Deck(title: \"D\", cards: [])\n");
    big.push_str(&"// opvulling\n".repeat(11_000_000 / 13 + 1));
    let dir = workspace(&[
        ("dag.ron", &session_using("groot.ron", "cohort.ron")),
        ("groot.ron", &big),
        ("cohort.ron", COHORT),
    ]);
    let out = run_in(dir.path(), &["check", "dag.ron"], &[]);
    let err = assert_refused(&out, "an 11 MB deck");
    assert!(err.contains("larger than 10 MB"), "{err}");
}

// ---- item 14: files that are not RON are never quoted ----

#[test]
fn a_deck_or_cohort_that_is_not_a_ron_file_is_not_quoted() {
    const SECRET: &str = "geheim-4711-token";
    let dir = workspace(&[(
        "dag.ron",
        &session_using("/proc/self/environ", "/etc/passwd"),
    )]);
    #[cfg(unix)]
    std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("omgeving.ron"))
        .expect("symlink");
    let env = [("REGIE_TEST_SECRET", SECRET)];
    let out = run_in(dir.path(), &["check", "dag.ron"], &env);
    let err = assert_refused(&out, "deck /proc/self/environ");
    assert!(!err.contains(SECRET), "the environment is quoted:\n{err}");
    assert!(!err.contains("root:"), "/etc/passwd is quoted:\n{err}");
    assert!(err.contains("not a .ron file"), "{err}");

    // Named .ron, but not RON inside: still not quoted.
    std::fs::write(
        dir.path().join("dag.ron"),
        session_using("omgeving.ron", "cohort.ron"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("cohort.ron"),
        "root:x:0:0:root:/root:/bin/bash\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "dag.ron"], &env);
    let err = assert_refused(&out, "deck symlinked to /proc/self/environ");
    assert!(!err.contains(SECRET), "the environment is quoted:\n{err}");
    assert!(!err.contains("root:"), "a non-RON cohort is quoted:\n{err}");
    assert!(err.contains("does not look like RON"), "{err}");

    // Named on the command line: the same.
    for args in [["check", "/etc/passwd"], ["check", "/proc/self/environ"]] {
        let out = run_in(dir.path(), &args, &env);
        let err = assert_refused(&out, &args.join(" "));
        assert!(
            !err.contains(SECRET) && !err.contains("root:"),
            "{args:?}:\n{err}"
        );
    }
}
