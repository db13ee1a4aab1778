//! `check_paths`, the library side of `regie check`: which files are checked, how each
//! file's kind is told, the summary and the exit code.

use crate::common;

use common::Programme;
use regie::script::{FileKind, check_paths};

#[test]
fn only_ron_files_are_checked_and_hidden_folders_skipped() {
    let p = Programme::new();
    p.write("notes.txt", "not a regie file");
    p.write(".git/HEAD.ron", "garbage");
    p.write(
        "archief/oud/dag-0.ron",
        "Session(title: \"Oud\", blocks: [])",
    );
    let report = check_paths(&[p.dir.path().to_path_buf()]);
    let names: Vec<String> = report
        .files
        .iter()
        .map(|f| {
            f.path
                .strip_prefix(p.dir.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "archief/oud/dag-0.ron",
            "cohort.ron",
            "dag-1.ron",
            "decks/kaarten.ron"
        ]
    );
    assert_eq!(
        report.summary(),
        "4 files checked: 3 valid, 1 with errors (1 error)"
    );
    assert_eq!(report.exit_code(), 2);
}

#[test]
fn each_file_kind_comes_from_its_top_level() {
    let p = Programme::new();
    let report = check_paths(&[p.dir.path().to_path_buf()]);
    let kinds: Vec<Option<FileKind>> = report.files.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            Some(FileKind::Cohort),
            Some(FileKind::Session),
            Some(FileKind::Deck)
        ]
    );
    assert_eq!(report.exit_code(), 0);
    assert_eq!(report.summary(), "3 files checked: 3 valid, 0 with errors");
}

#[test]
fn an_unnamed_top_level_says_which_three_are_expected() {
    let p = Programme::new();
    p.write(
        "anoniem.ron",
        "// zonder naam\n(title: \"x\", blocks: [])\n",
    );
    let report = check_paths(&[p.path("anoniem.ron")]);
    let d = &report.files[0].diagnostics[0];
    assert_eq!((d.line, d.column), (2, 1));
    assert!(
        d.message
            .starts_with("expected `Session(`, `Deck(` or `Cohort(` at the top of the file"),
        "{d}"
    );
}

#[test]
fn a_folder_without_ron_files_is_bad_input() {
    let p = Programme::new();
    std::fs::create_dir(p.path("leeg")).unwrap();
    let report = check_paths(&[p.path("leeg")]);
    assert_eq!(report.exit_code(), 2);
    assert!(
        report
            .render(false)
            .contains("leeg: error: this folder holds no .ron files")
    );
}

#[test]
fn errors_of_all_files_are_reported_not_just_the_first() {
    let p = Programme::new();
    p.edit("dag-1.ron", "minutes: 15", "minutes: 0");
    p.edit("dag-1.ron", "minutes: 20", "minutes: 0");
    p.edit(
        "cohort.ron",
        "(\"Anouk V.\", \"Bram K.\")",
        "(\"Anouk V.\", \"Anouk V.\")",
    );
    let report = check_paths(&[p.dir.path().to_path_buf()]);
    assert_eq!(
        report.summary(),
        "3 files checked: 1 valid, 2 with errors (3 errors)"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_a_failure_not_bad_input() {
    use std::os::unix::fs::PermissionsExt;
    let p = Programme::new();
    let locked = p.path("decks");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::read_dir(&locked).is_ok(); // running as root
    let report = check_paths(&[p.dir.path().to_path_buf()]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if readable_anyway {
        eprintln!("skipped: permissions do not apply to this user");
        return;
    }
    assert_eq!(report.exit_code(), 1, "{}", report.render(false));
}

#[test]
fn a_file_that_cannot_be_read_is_a_failure_not_bad_input() {
    use regie::script::{FsSource, Source, load_session_from};
    use std::path::Path;
    /// Reads from disk, except decks, which are "permission denied".
    struct NoDecks;
    impl Source for NoDecks {
        fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
            if path.to_string_lossy().contains("decks") {
                Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied))
            } else {
                FsSource.read(path)
            }
        }
    }
    let p = Programme::new();
    let session = p.path("dag-1.ron");
    let err = load_session_from(&NoDecks, &session, session.display().to_string()).unwrap_err();
    assert_eq!(err.exit_code(), 1, "{err}");
    assert!(
        err.diagnostics[0].message.contains("cannot read the file"),
        "{err}"
    );
    let (line, _) = p.position_of("dag-1.ron", "decks/kaarten.ron");
    assert_eq!(err.diagnostics[0].line, line);
}
