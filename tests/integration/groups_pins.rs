//! Pins: a person pinned to a group (a facilitator per group) sits in that group every round,
//! whatever the search, repair or swap does; a cohort file's pins are checked with positions.

use crate::common::{Programme, single};
use regie::groups::{
    Budget, GroupsError, Person, Problem, Sizing, SwapRefused, check_swap, solve_with_budget,
};
use regie::script;

const C: &str = "cohort.ron";

fn problem(n: usize, size: usize, rounds: usize, pins: &[(usize, usize)]) -> Problem {
    Problem {
        people: (1..=n)
            .map(|i| Person {
                name: format!("Deelnemer {i}"),
                attributes: [("afdeling".to_string(), format!("d{}", i % 3))].into(),
            })
            .collect(),
        sizing: Sizing::Size(size),
        rounds,
        keep_apart: vec![],
        keep_together: vec![],
        history: vec![],
        balance: vec!["afdeling".into()],
        pins: pins
            .iter()
            .map(|&(i, g)| (format!("Deelnemer {i}"), g))
            .collect(),
    }
}

#[test]
fn a_facilitator_per_group_stays_in_that_group_every_round() {
    // 24 people in groups of 4 over 5 rounds, the first six pinned to groups 6, 5, ... 1.
    let pins: Vec<(usize, usize)> = (1..=6).map(|i| (i, 7 - i)).collect();
    let p = problem(24, 4, 5, &pins);
    for seed in 1..=3 {
        let solved = solve_with_budget(&p, seed, Budget::default()).expect("solvable");
        for round in &solved.plan.rounds {
            for (name, group) in &p.pins {
                assert!(round[group - 1].contains(name), "{name}: {round:?}");
            }
        }
        // The facilitators never meet, so the other 18 meet them once each at most.
        assert!(
            solved.plan.score.max_meetings <= 2,
            "{:?}",
            solved.plan.score
        );
    }
}

#[test]
fn a_pinned_person_in_a_constructed_schedule_keeps_it_repeat_free() {
    // 16 in 4s over 5 rounds is an affine plane: one pinned person only renumbers groups.
    let p = Problem {
        balance: vec![],
        ..problem(16, 4, 5, &[(3, 2)])
    };
    let solved = solve_with_budget(&p, 1, Budget::default()).expect("solvable");
    assert_eq!(solved.plan.score.repeated_pairs, 0);
    for round in &solved.plan.rounds {
        assert!(round[1].contains(&"Deelnemer 3".to_string()), "{round:?}");
    }
}

#[test]
fn pins_that_cannot_hold_are_refused_with_the_reason() {
    let err = |p: &Problem| solve_with_budget(p, 1, Budget::default()).expect_err("refused");
    assert_eq!(
        err(&problem(12, 4, 1, &[(1, 4)])),
        GroupsError::PinBeyondGroups {
            name: "Deelnemer 1".into(),
            group: 4,
            groups: 3
        }
    );
    assert_eq!(
        err(&problem(12, 4, 1, &[(1, 4)])).describe(regie::i18n::Lang::Nl),
        "Deelnemer 1 is vastgezet in groep 4, maar er zijn 3 groepen: zet vast in een groep \
         van 1 tot 3 of vraag om meer groepen"
    );
    let mut tied = problem(12, 4, 1, &[(1, 1), (2, 2)]);
    tied.keep_together = vec![("Deelnemer 1".into(), "Deelnemer 2".into())];
    assert!(matches!(
        err(&tied),
        GroupsError::PinnedTwice { groups: (1, 2), .. }
    ));
    let full = problem(6, 2, 1, &[(1, 1), (2, 1), (3, 1)]);
    assert_eq!(
        err(&full).to_string(),
        "Deelnemer 1, Deelnemer 2, Deelnemer 3 are pinned to group 1, which holds 2: pin fewer \
         people there"
    );
    let mut apart = problem(12, 4, 1, &[(1, 2), (2, 2)]);
    apart.keep_apart = vec![("Deelnemer 2".into(), "Deelnemer 1".into())];
    assert!(matches!(
        err(&apart),
        GroupsError::ApartButPinned { group: 2, .. }
    ));
}

#[test]
fn a_hand_swap_never_moves_a_pinned_person() {
    let p = problem(8, 4, 1, &[(1, 2)]);
    let groups: Vec<Vec<String>> = vec![
        vec!["Deelnemer 2".into(), "Deelnemer 3".into()],
        vec!["Deelnemer 1".into(), "Deelnemer 4".into()],
    ];
    assert_eq!(
        check_swap(&p, &groups, "Deelnemer 1", "Deelnemer 2"),
        Err(SwapRefused::Pinned {
            name: "Deelnemer 1".into(),
            group: 2
        })
    );
    assert!(check_swap(&p, &groups, "Deelnemer 4", "Deelnemer 2").is_ok());
    assert_eq!(
        SwapRefused::Pinned {
            name: "Anouk V.".into(),
            group: 2
        }
        .describe(regie::i18n::Lang::Nl),
        "Anouk V. is vastgezet in groep 2 en blijft daar: wissel iemand anders"
    );
}

#[test]
fn a_cohort_pins_participants_to_groups_numbered_from_one() {
    let p = Programme::new();
    p.edit(
        C,
        "keep_apart:",
        "pins: [(\"Chantal M.\", 1), (\"Dirk-Jan P.\", 1)],\n    keep_apart:",
    );
    let cohort = script::load_cohort(&p.path(C)).expect("valid");
    assert_eq!(cohort.pins.len(), 2);

    let p = Programme::new();
    p.edit(C, "keep_apart:", "pins: [(\"Bram\", 2)],\n    keep_apart:");
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    let d = single(&errors);
    p.assert_at(d, C, "\"Bram\"", "`Bram` in pins is not a participant");
    assert_eq!(d.hint.as_deref(), Some("did you mean `Bram K.`?"));
    let dutch = d.dutch.as_ref().expect("in Dutch too");
    assert_eq!(
        dutch.message,
        "`Bram` in pins is geen deelnemer van dit cohort"
    );
    assert_eq!(dutch.hint.as_deref(), Some("bedoel je `Bram K.`?"));

    let p = Programme::new();
    p.edit(
        C,
        "keep_apart:",
        "pins: [(\"Bram K.\", 0)],\n    keep_apart:",
    );
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    p.assert_at(single(&errors), C, "0)]", "`Bram K.` is pinned to group 0");

    let p = Programme::new();
    p.edit(
        C,
        "keep_apart:",
        "pins: [(\"Bram K.\", 1), (\"Bram K.\", 2)],\n    keep_apart:",
    );
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    let d = single(&errors);
    p.assert_at(d, C, "(\"Bram K.\", 2)", "`Bram K.` is pinned twice");
    assert_eq!(
        (d.notes[0].line, d.notes[0].column),
        p.position_of(C, "(\"Bram K.\", 1)")
    );
}

#[test]
fn a_cohort_cannot_pin_a_keep_apart_pair_together_or_a_keep_together_pair_apart() {
    let p = Programme::new();
    p.edit(
        C,
        "keep_apart:",
        "pins: [(\"Anouk V.\", 1), (\"Bram K.\", 1), (\"Chantal M.\", 1), (\"Dirk-Jan P.\", \
         2)],\n    keep_apart:",
    );
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    assert_eq!(errors.len(), 2, "{errors:?}");
    p.assert_at(
        &errors[0],
        C,
        "(\"Anouk V.\", \"Bram K.\")",
        "must be kept apart but are both pinned to group 1",
    );
    p.assert_at(
        &errors[1],
        C,
        "(\"Chantal M.\", \"Dirk-Jan P.\")",
        "must stay together but are pinned to groups 1 and 2",
    );
}
