//! The room's snapshot: what it shows of each block, its clock phases, and what it never carries.

use super::*;
use crate::engine::room::{Ballot, Content, Phase, RoomOptions, RoomView, Stage};

fn room(engine: &Engine, now: Stamp) -> RoomView {
    RoomView::of(engine.log(), now, RoomOptions::default())
}

fn content(view: &RoomView) -> &Content {
    match &view.stage {
        Stage::Block(block) => &block.content,
        Stage::Finished { .. } => panic!("expected a block on screen"),
    }
}

fn phase(view: &RoomView) -> Phase {
    match &view.stage {
        Stage::Block(block) => block.clock.phase,
        Stage::Finished { .. } => panic!("expected a block on screen"),
    }
}

#[test]
fn the_phase_warns_at_a_fifth_or_two_minutes_whichever_is_shorter() {
    let mut e = day();
    assert_eq!(phase(&room(&e, t(9, 30, 0))), Phase::Ready);
    apply(&mut e, Command::StartPause, t(9, 30, 0));
    // 15 minutes: a fifth is 3 minutes, so the warning starts at 2 minutes left.
    assert_eq!(phase(&room(&e, t(9, 42, 59))), Phase::Calm);
    assert_eq!(phase(&room(&e, t(9, 43, 0))), Phase::Warning);
    assert_eq!(phase(&room(&e, t(9, 45, 0))), Phase::Over);
    assert_eq!(phase(&room(&e, t(9, 50, 0))), Phase::Over);
    apply(&mut e, Command::Adjust { minutes: 10 }, t(9, 50, 0));
    apply(&mut e, Command::StartPause, t(9, 50, 0));
    assert_eq!(phase(&room(&e, t(9, 51, 0))), Phase::Paused);
}

#[test]
fn a_short_speaker_turn_is_not_yellow_from_its_first_second() {
    let mut e = day();
    go_to(&mut e, 1, t(9, 30, 0));
    apply(&mut e, Command::NextSpeaker, t(9, 31, 0));
    let speaker_phase = |now| match content(&room(&e, now)) {
        Content::Round(round) => round.speaker.as_ref().expect("a speaker").1.phase,
        other => panic!("expected a round, got {other:?}"),
    };
    // 60 seconds each: a fifth is 12 seconds.
    assert_eq!(speaker_phase(t(9, 31, 1)), Phase::Calm);
    assert_eq!(speaker_phase(t(9, 31, 48)), Phase::Warning);
    assert_eq!(speaker_phase(t(9, 32, 0)), Phase::Over);
}

#[test]
fn votes_reach_the_room_only_once_revealed() {
    let mut e = day();
    go_to(&mut e, 2, t(9, 30, 0));
    for option in [0, 0, 1] {
        apply(&mut e, Command::Vote { option }, t(9, 31, 0));
    }
    let Content::Card(Some(card)) = content(&room(&e, t(9, 32, 0))).clone() else {
        panic!("expected a card");
    };
    assert_eq!((card.ballot, card.votes_cast), (Ballot::First, 3));
    assert_eq!(card.results, None);
    apply(&mut e, Command::StartRevote, t(9, 33, 0));
    apply(&mut e, Command::Vote { option: 2 }, t(9, 34, 0));
    apply(&mut e, Command::ToggleReveal, t(9, 34, 30));
    let Content::Card(Some(card)) = content(&room(&e, t(9, 35, 0))).clone() else {
        panic!("expected a card");
    };
    let results = card.results.expect("revealed");
    assert_eq!(results.first, vec![2, 1, 0]);
    assert_eq!(results.revote, Some(vec![0, 0, 1]));
    assert_eq!((card.ballot, card.votes_cast), (Ballot::Revote, 1));
}

#[test]
fn a_break_says_when_the_room_is_back() {
    let mut e = day();
    go_to(&mut e, 3, t(10, 30, 0));
    apply(&mut e, Command::StartPause, t(10, 30, 0));
    match content(&room(&e, t(10, 31, 0))) {
        Content::Break { back_at } => assert_eq!(*back_at, t(10, 45, 0)),
        other => panic!("expected a break, got {other:?}"),
    }
}

#[test]
fn groups_show_members_present_and_nothing_private_is_ever_carried() {
    let mut e = day();
    apply(
        &mut e,
        Command::Note {
            text: "GEHEIM: Pieter is ziek".into(),
        },
        t(9, 30, 0),
    );
    go_to(&mut e, 2, t(9, 31, 0));
    apply(
        &mut e,
        Command::Note {
            text: "kaartnotitie-privé".into(),
        },
        t(9, 32, 0),
    );
    apply(
        &mut e,
        Command::Outcome {
            text: "uitkomst-privé".into(),
        },
        t(9, 32, 0),
    );
    go_to(&mut e, 4, t(10, 0, 0));
    apply(
        &mut e,
        Command::Reshuffle {
            seed: Some(987_654_321),
        },
        t(10, 0, 0),
    );
    apply(
        &mut e,
        Command::SetPresent {
            name: "Deelnemer 5".into(),
            present: false,
        },
        t(10, 1, 0),
    );
    let view = room(&e, t(10, 2, 0));
    let Content::Groups(Some(groups)) = content(&view) else {
        panic!("expected groups");
    };
    let shown: Vec<&str> = groups
        .iter()
        .flat_map(|g| &g.members)
        .map(|n| n.as_str())
        .collect();
    assert_eq!(shown.len(), 11);
    assert!(!shown.contains(&"Deelnemer 5"));
    let everything = ron::to_string(&view).expect("serialises");
    for secret in [
        "GEHEIM",
        "kaartnotitie",
        "uitkomst",
        "987654321",
        "dag-1.ron",
    ] {
        assert!(
            !everything.contains(secret),
            "{secret} reached the room: {everything}"
        );
    }
    assert_eq!(view.slip_seconds, None, "the slip is hidden unless shown");
    let shown = RoomView::of(e.log(), t(10, 2, 0), RoomOptions { show_slip: true });
    assert!(shown.slip_seconds.is_some());
}

#[test]
fn the_finished_session_has_no_next_block() {
    let mut e = day();
    apply(&mut e, Command::Finish, t(16, 0, 0));
    let view = room(&e, t(16, 1, 0));
    assert!(matches!(view.stage, Stage::Finished { ended } if ended == t(16, 0, 0)));
    assert_eq!(view.next, None);
}
