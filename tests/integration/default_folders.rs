//! Without a folder named, report (and review, which reads the same way) find the logs where
//! `regie run` writes them by default: one folder per programme in the user's data folder.

use crate::review_logs::{day_log, write_log};
use crate::support::e2e::{programme_logs, regie};

#[test]
fn report_without_a_path_reads_every_programmes_folder_in_the_data_folder() {
    let data = tempfile::tempdir().expect("data folder");
    let elsewhere = tempfile::tempdir().expect("a folder without logs");
    for (programme, day) in [("leergang", 1), ("urban", 2)] {
        let dir = programme_logs(data.path(), programme);
        std::fs::create_dir_all(&dir).expect("programme folder");
        let mut log = day_log(day, true, 7);
        log.session.programme = Some(programme.to_string());
        write_log(&dir, &log);
    }
    let output = regie()
        .env("XDG_DATA_HOME", data.path())
        .env_remove("REGIE_LOG_DIR")
        .current_dir(elsewhere.path())
        .args(["report", "--format", "csv", "--table", "sessions"])
        .output()
        .expect("report runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        text.contains("leergang") && text.contains("urban"),
        "{text}"
    );
}

#[test]
fn report_with_no_logs_anywhere_says_where_it_looked() {
    let data = tempfile::tempdir().expect("data folder");
    let output = regie()
        .env("XDG_DATA_HOME", data.path())
        .env_remove("REGIE_LOG_DIR")
        .current_dir(data.path())
        .args(["report"])
        .output()
        .expect("report runs");
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("regie/logs"), "{said}");
}
