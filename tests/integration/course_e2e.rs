//! The real binaries end to end: `regie groups --output plan.ron` writes a plan, and
//! `regie run` on a session whose breakout names it shows day 1's round with its roles and
//! records where the split came from.

use crate::support;

use regie::groups::CoursePlan;
use support::e2e::*;
use support::pty::Terminal;

const SESSION: &str = r#"Session(
    title: "Cursusdag",
    programme: Some("proef-cursus"),
    cohort: Some("cohort.ron"),
    blocks: [
        (title: "Welkom", minutes: 10, kind: Plenary),
        (title: "Casus in tweetallen", minutes: 20,
         kind: Breakout(size: 2, plan: Some("plan.ron"), roles: ["voorzitter"])),
    ],
)
"#;

const COHORT: &str = r#"Cohort(
    name: "Proefgroep",
    participants: [(name: "Anouk V."), (name: "Bram K."), (name: "Chloë de W."), (name: "Daan S.")],
)
"#;

#[test]
fn a_plan_written_by_regie_groups_is_day_one_s_split_in_regie_run_with_its_roles() {
    let work = workspace(&[("dag.ron", SESSION), ("cohort.ron", COHORT)]);
    let out = regie()
        .current_dir(work.path())
        .args([
            "groups",
            "--cohort",
            "cohort.ron",
            "--size",
            "2",
            "--rounds",
            "3",
        ])
        .args(["--seed", "3", "--output", "plan.ron"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan = CoursePlan::parse(&std::fs::read_to_string(work.path().join("plan.ron")).unwrap())
        .expect("a plan");

    let logs = work.path().join("logs");
    let logs_arg = logs.to_str().expect("utf-8 path");
    let args = ["run", "dag.ron", "--log-dir", logs_arg, "--lang", "nl"];
    let env = [("XDG_DATA_HOME", "/nonexistent-should-not-be-used")];
    let mut term = Terminal::spawn(&binary(), &args, work.path(), &env, 100, 30);
    term.wait_for("Welkom");
    term.send(" ");
    term.send("n");
    let screen = term.wait_for("plan: ronde 1");
    assert!(screen.contains("(voorzitter)"), "{screen}");
    let log = wait_for_log(&logs, "the breakout is split", |log| {
        !log.blocks[1].splits.is_empty()
    });
    let split = &log.blocks[1].splits[0];
    assert_eq!(split.plan_round, Some(1));
    assert_eq!(split.seed, 3);
    assert_eq!(split.groups, plan.rounds[0].groups);
    assert_eq!(split.roles.len(), 2, "{:?}", split.roles);
    term.send("q");
    term.wait_for("Stoppen?");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
}
