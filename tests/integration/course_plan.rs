//! `regie groups --output plan.ron`: a course plan the runner uses day by day, with per-day
//! absences (`--absent 2:NAME`) and re-planning that keeps the days already run.

use crate::support;

use regie::groups::CoursePlan;
use regie::journal::writer::write_atomic;
use support::fixtures::{log_on, split};

const COHORT: &str = r#"Cohort(
    name: "Zestal",
    participants: [(name: "Anouk V."), (name: "Bram K."), (name: "Chloë de W."),
                   (name: "Daan S."), (name: "Eline M."), (name: "Fleur B.")],
)
"#;

fn names() -> Vec<String> {
    [
        "Anouk V.",
        "Bram K.",
        "Chloë de W.",
        "Daan S.",
        "Eline M.",
        "Fleur B.",
    ]
    .map(String::from)
    .to_vec()
}

fn groups(work: &std::path::Path, extra: &[&str]) -> std::process::Output {
    support::e2e::regie()
        .current_dir(work)
        .args(["groups", "--cohort", "c.ron", "--size", "2", "--seed", "5"])
        .args(extra)
        .output()
        .unwrap()
}

fn work() -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("c.ron"), COHORT).unwrap();
    work
}

fn read_plan(work: &std::path::Path) -> CoursePlan {
    let text = std::fs::read_to_string(work.join("plan.ron")).expect("plan written");
    CoursePlan::parse(&text).expect("the plan reads back")
}

/// Every pair that shares a group in `round`.
fn pairs(round: &[Vec<String>]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for group in round {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                out.push((a.clone().min(b.clone()), a.clone().max(b.clone())));
            }
        }
    }
    out
}

#[test]
fn a_plan_is_written_with_a_round_per_day_and_the_day_s_absence_left_out() {
    let work = work();
    let out = groups(
        work.path(),
        &[
            "--rounds",
            "3",
            "--absent",
            "2:Daan S.",
            "--output",
            "plan.ron",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan = read_plan(work.path());
    assert_eq!(plan.seed, 5);
    assert_eq!(plan.cohort, "Zestal");
    assert_eq!(plan.people, names());
    assert_eq!(plan.rounds.len(), 3);
    for (d, round) in plan.rounds.iter().enumerate() {
        let mut seated: Vec<String> = round.groups.iter().flatten().cloned().collect();
        seated.sort();
        let mut expected: Vec<String> = names()
            .into_iter()
            .filter(|n| d != 1 || n != "Daan S.")
            .collect();
        expected.sort();
        assert_eq!(seated, expected, "day {}", d + 1);
        assert!(
            round.groups.iter().all(|g| g.len() >= 2),
            "{:?}",
            round.groups
        );
        assert!(!round.ran);
    }
    assert_eq!(plan.rounds[1].absent, ["Daan S."]);
    // Reproducible from its seed.
    std::fs::rename(work.path().join("plan.ron"), work.path().join("first.ron")).unwrap();
    let again = groups(
        work.path(),
        &[
            "--rounds",
            "3",
            "--absent",
            "2:Daan S.",
            "--output",
            "plan.ron",
        ],
    );
    assert!(again.status.success());
    assert_eq!(read_plan(work.path()), {
        let text = std::fs::read_to_string(work.path().join("first.ron")).unwrap();
        CoursePlan::parse(&text).unwrap()
    });
}

#[test]
fn an_unknown_day_or_name_in_absent_is_refused_with_exit_code_2() {
    let work = work();
    let out = groups(work.path(), &["--rounds", "3", "--absent", "4:Anouk V."]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("there is no day 4; the days are 1 to 3"),
        "{err}"
    );
    let out = groups(work.path(), &["--rounds", "3", "--absent", "2:Zoë"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nobody of that name (\"Zoë\" on that day)"),
        "{err}"
    );
    assert!(err.contains("Chloë de W."), "{err}");
    assert!(!work.path().join("plan.ron").exists());
}

#[test]
fn re_planning_with_history_keeps_the_days_already_run() {
    let work = work();
    let logs = work.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let day1: Vec<Vec<String>> = names().chunks(2).map(|c| c.to_vec()).collect();
    let mut log = log_on(5, 0);
    log.session.cohort = Some("Zestal".to_string());
    log.participants = names();
    let mut s = split(log.created);
    s.groups = day1.clone();
    log.blocks[4].splits.push(s);
    write_atomic(&logs.join("dag-1.ron"), &log).unwrap();

    let out = groups(
        work.path(),
        &["--rounds", "3", "--history", "logs", "--output", "plan.ron"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("days 1-1 already ran"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan = read_plan(work.path());
    assert_eq!(plan.rounds.len(), 3);
    assert!(plan.rounds[0].ran);
    assert_eq!(plan.rounds[0].groups, day1);
    let met = pairs(&day1);
    for round in &plan.rounds[1..] {
        assert!(!round.ran);
        for pair in pairs(&round.groups) {
            assert!(!met.contains(&pair), "{pair:?} met on day 1 already");
        }
    }
    // A day that already ran cannot get an absence.
    let out = groups(
        work.path(),
        &[
            "--rounds",
            "3",
            "--history",
            "logs",
            "--output",
            "p.ron",
            "--absent",
            "1:Bram K.",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("day 1 already ran"));
}

#[test]
fn regie_check_refuses_a_role_named_twice_and_an_empty_plan_path_with_where() {
    let work = work();
    let session = r#"Session(
    title: "Dag 1",
    cohort: Some("c.ron"),
    blocks: [
        (title: "Casus", minutes: 30,
         kind: Breakout(size: 3, plan: Some(""), roles: ["voorzitter", "notulist", "voorzitter"])),
    ],
)
"#;
    std::fs::write(work.path().join("dag-1.ron"), session).unwrap();
    let out = support::e2e::regie()
        .current_dir(work.path())
        .args(["check", "--lang", "en", "dag-1.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("role `voorzitter` is named twice"), "{err}");
    assert!(err.contains("dag-1.ron:6:"), "{err}");
    assert!(err.contains("the plan path is empty"), "{err}");
    let out = support::e2e::regie()
        .current_dir(work.path())
        .args(["check", "--lang", "nl", "dag-1.ron"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rol `voorzitter` staat er twee keer"), "{err}");
    assert!(err.contains("het pad van het plan is leeg"), "{err}");
    // Named well, the same block passes.
    let fine = session
        .replace("plan: Some(\"\"), ", "plan: Some(\"plan.ron\"), ")
        .replace(", \"voorzitter\"])", ", \"tijdbewaker\"])");
    std::fs::write(work.path().join("dag-1.ron"), fine).unwrap();
    let out = support::e2e::regie()
        .current_dir(work.path())
        .args(["check", "dag-1.ron"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_plan_with_a_day_s_absence_makes_no_claim_from_the_bound_for_everyone() {
    let work = work();
    // Everyone present: 6 in pairs over 6 rounds has a proven minimum of 3 repeats.
    let full = groups(work.path(), &["--rounds", "6", "--lang", "en"]);
    let text = String::from_utf8_lossy(&full.stdout);
    assert!(text.contains("Optimal: 3 repeats is the minimum"), "{text}");
    // With Fleur away on day 3 that bound no longer holds (day 3 is a trio and a pair):
    // no optimality claimed, and the summary says why.
    let out = groups(
        work.path(),
        &["--rounds", "6", "--absent", "3:Fleur B.", "--lang", "en"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Days with absences (--absent D:NAME) were repaired"),
        "{text}"
    );
    assert!(!text.contains("Optimal:"), "{text}");
    assert!(!text.contains("fewest possible: 3"), "{text}");
}
