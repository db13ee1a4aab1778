//! A course run day by day from a plan: day d's breakout starts from the plan's round d,
//! repaired for who is present (recorded), roles rotate from earlier days' logs, and a plan
//! that no longer fits the cohort falls back to the solver with a one-line reason.

use regie::engine::{Command, Engine, ProgrammeHistory};
use regie::groups::roles::assign;
use regie::groups::{CoursePlan, Person, PlanRound, Problem, Sizing, solve};
use regie::i18n::Lang;
use regie::journal::identity::{self, session_identity};
use regie::journal::record::SessionLog;
use regie::journal::{self, Stamp};
use regie::script::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

const PROGRAMME: &str = "leergang";
const COHORT: &str = "Cursusgroep";
const ROLES: [&str; 2] = ["voorzitter", "notulist"];

fn people() -> Vec<String> {
    [
        "Anouk", "Bram", "Chloë", "Daan", "Eline", "Fleur", "Gijs", "Hanna",
    ]
    .map(String::from)
    .to_vec()
}

fn script(day: usize, names: &[String]) -> LoadedSession {
    let block = |title: &str, kind| Block {
        title: title.to_string(),
        minutes: Minutes(30),
        kind,
        notes: String::new(),
    };
    LoadedSession {
        source: format!("sessions/dag-{day}.ron"),
        session: Session {
            title: format!("Dag {day}"),
            programme: Some(PROGRAMME.to_string()),
            cohort: Some("cohort.ron".to_string()),
            start: None,
            homework: None,
            blocks: vec![
                block("Inloop", BlockKind::Plenary),
                block(
                    "Casus",
                    BlockKind::Breakout {
                        size: 4,
                        balance: vec![],
                        plan: Some("plan.ron".to_string()),
                        roles: ROLES.map(String::from).to_vec(),
                    },
                ),
            ],
        },
        cohort: Some(Cohort {
            name: COHORT.to_string(),
            participants: names
                .iter()
                .map(|n| Participant {
                    name: ParticipantName::new(n),
                    attributes: BTreeMap::new(),
                })
                .collect(),
            keep_apart: vec![],
            keep_together: vec![],
            pins: vec![],
            attendance_rule: None,
        }),
        decks: BTreeMap::new(),
    }
}

/// Three rounds for the eight, planned with seed 11.
fn plan() -> CoursePlan {
    let problem = Problem {
        people: people()
            .into_iter()
            .map(|name| Person {
                name,
                attributes: BTreeMap::new(),
            })
            .collect(),
        sizing: Sizing::Size(4),
        rounds: 3,
        keep_apart: vec![],
        keep_together: vec![],
        history: vec![],
        balance: vec![],
        pins: vec![],
    };
    let solved = solve(&problem, 11).expect("solvable");
    CoursePlan {
        seed: 11,
        cohort: COHORT.to_string(),
        people: people(),
        rounds: solved
            .rounds
            .into_iter()
            .map(|groups| PlanRound {
                absent: vec![],
                groups,
                ran: false,
            })
            .collect(),
    }
}

fn at(day: usize, minute: i64) -> Stamp {
    let base = chrono::DateTime::parse_from_rfc3339("2026-11-02T09:00:00+01:00").unwrap();
    base + chrono::Duration::days(7 * day as i64) + chrono::Duration::minutes(minute)
}

/// Day `day` as `regie run` opens it after the days in `logs`: the history from the logs,
/// the plan as the runner read it; `away` marked absent in the first block, then on to the
/// breakout.
fn run_day(
    day: usize,
    logs: &[(PathBuf, SessionLog)],
    names: &[String],
    read: Result<CoursePlan, String>,
    away: &[&str],
) -> Engine {
    let script = script(day, names);
    let key = session_identity(&script.source, Some(PROGRAMME));
    let mut history: ProgrammeHistory =
        journal::history_before(logs, PROGRAMME, Some(COHORT), at(day, 0), &key);
    history.plans = BTreeMap::from([("plan.ron".to_string(), read)]);
    let mut engine = identity::stamp(Engine::new(script, history, at(day, 0)), false);
    engine.apply(Command::StartPause, at(day, 1)).unwrap();
    for name in away {
        let command = Command::SetPresent {
            name: name.to_string(),
            present: false,
        };
        engine.apply(command, at(day, 2)).unwrap();
    }
    engine.apply(Command::Next, at(day, 30)).unwrap();
    engine
}

fn group_of(groups: &[Vec<String>], name: &str) -> Option<usize> {
    groups.iter().position(|g| g.iter().any(|n| n == name))
}

#[test]
fn three_days_use_rounds_one_to_three_with_an_absence_repaired_and_roles_rotated() {
    let plan = plan();
    let mut logs: Vec<(PathBuf, SessionLog)> = Vec::new();
    let mut earlier_roles: Vec<(String, String)> = Vec::new();
    for day in 1..=3 {
        let away: &[&str] = if day == 2 { &["Daan"] } else { &[] };
        let engine = run_day(day, &logs, &people(), Ok(plan.clone()), away);
        assert_eq!(engine.course_day(), day);
        assert_eq!(engine.plan_trouble(), None);
        let split = engine.latest_split().expect("split").clone();
        assert_eq!(split.plan_round, Some(day as u32), "day {day}");
        assert_eq!(split.seed, 11);
        let planned = &plan.rounds[day - 1].groups;
        if away.is_empty() {
            assert_eq!(
                &split.groups, planned,
                "day {day} is the plan's round {day}"
            );
            assert!(split.repairs.is_empty());
        } else {
            // Daan is out; only the people the repair names moved.
            assert_eq!(group_of(&split.groups, "Daan"), None);
            assert_eq!(split.repairs.len(), 1);
            let repair = &split.repairs[0];
            assert_eq!((repair.name.as_str(), repair.present), ("Daan", false));
            for name in people().iter().filter(|n| *n != "Daan") {
                let stayed = group_of(&split.groups, name) == group_of(planned, name);
                assert!(
                    stayed || repair.moved.contains(name),
                    "{name} moved unrecorded"
                );
            }
            assert!(
                split.groups.iter().all(|g| g.len() >= 3),
                "{:?}",
                split.groups
            );
        }
        // Roles: each group has both, handed out from the earlier days' logs.
        let roles: Vec<String> = ROLES.map(String::from).to_vec();
        assert_eq!(split.roles, assign(&split.groups, &roles, &earlier_roles));
        assert_eq!(split.roles.len(), 2 * split.groups.len());
        earlier_roles.extend(split.roles.iter().cloned());
        logs.push((
            PathBuf::from(format!("dag-{day}.ron")),
            engine.log().clone(),
        ));
    }
    // Six chairs over three days for eight people: nobody chaired twice.
    for name in people() {
        let chaired = earlier_roles
            .iter()
            .filter(|(n, r)| *n == name && r == "voorzitter")
            .count();
        assert!(
            chaired <= 1,
            "{name} chaired {chaired} times: {earlier_roles:?}"
        );
    }
}

#[test]
fn a_plan_that_no_longer_fits_the_cohort_falls_back_to_the_solver_and_says_so() {
    let mut names = people();
    names[7] = "Hanna de V.".to_string();
    let engine = run_day(1, &[], &names, Ok(plan()), &[]);
    let split = engine.latest_split().expect("the solver split");
    assert_eq!(split.plan_round, None);
    assert_eq!(split.groups.iter().flatten().count(), 8);
    let trouble = engine.plan_trouble().expect("a reason");
    let line = trouble.describe(Lang::Nl);
    assert!(line.starts_with("Plan niet gebruikt"), "{line}");
    assert!(line.contains("niet in het plan: Hanna de V."), "{line}");
    assert!(!line.contains('\n'));
    let unread = run_day(
        1,
        &[],
        &people(),
        Err("plan.ron: 3:5: Unexpected".into()),
        &[],
    );
    let line = unread.plan_trouble().expect("a reason").describe(Lang::En);
    assert!(
        line.contains("cannot read plan.ron: plan.ron: 3:5"),
        "{line}"
    );
    assert_eq!(unread.latest_split().expect("split").plan_round, None);
}

#[test]
fn a_reshuffle_leaves_the_plan_undo_brings_it_back_and_a_swap_hands_the_roles_out_again() {
    let plan = plan();
    let mut engine = run_day(1, &[], &people(), Ok(plan.clone()), &[]);
    let planned = engine.latest_split().expect("split").clone();
    assert_eq!(planned.plan_round, Some(1));
    engine
        .apply(Command::Reshuffle { seed: Some(99) }, at(1, 31))
        .unwrap();
    let fresh = engine.latest_split().expect("split").clone();
    assert_eq!((fresh.plan_round, fresh.seed), (None, 99));
    assert_eq!(fresh.roles.len(), 2 * fresh.groups.len());
    engine.apply(Command::UndoVote, at(1, 32)).unwrap();
    assert_eq!(engine.latest_split(), Some(&planned));
    // Swap a chair with someone of the other group: each group still has one of each role.
    let chair = planned.roles[0].0.clone();
    let other = planned.groups[1][0].clone();
    engine
        .apply(
            Command::Swap {
                a: chair.clone(),
                b: other,
            },
            at(1, 33),
        )
        .unwrap();
    let swapped = engine.latest_split().expect("split").clone();
    assert_ne!(swapped.groups, planned.groups);
    for group in &swapped.groups {
        let mut roles: Vec<&str> = swapped
            .roles
            .iter()
            .filter(|(n, _)| group.contains(n))
            .map(|(_, r)| r.as_str())
            .collect();
        roles.sort_unstable();
        assert_eq!(roles, ["notulist", "voorzitter"], "{:?}", swapped.roles);
    }
}
