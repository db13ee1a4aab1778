//! Phones in the room: joining with a token, one counted vote per device and ballot (the last),
//! voting only while results are hidden, hands and phones counted apart and shown together.

use super::*;
use crate::engine::phones::{MAX_DEVICES, PhoneRefusal};
use crate::engine::record::VoteRound;
use crate::engine::room::{Content, RoomOptions, RoomView, Stage};

/// The day on its Dilemmas block (card k1 on screen) with the room open.
fn room_day() -> Engine {
    let mut e = day();
    go_to(&mut e, 2, t(9, 30, 0));
    apply(
        &mut e,
        Command::OpenRoom {
            join_code: "4821".into(),
        },
        t(9, 30, 0),
    );
    e
}

fn join(e: &mut Engine, token: &str) {
    apply(
        e,
        Command::JoinPhone {
            token: token.into(),
        },
        t(9, 31, 0),
    );
}

fn phone_vote(
    e: &mut Engine,
    token: &str,
    round: VoteRound,
    option: usize,
) -> Result<Vec<Event>, Refusal> {
    let card = e.current_card().expect("card").card.clone();
    e.apply(
        Command::PhoneVote {
            token: token.into(),
            card,
            round,
            option,
        },
        t(9, 32, 0),
    )
}

#[test]
fn a_resumed_room_keeps_its_code_and_a_device_joins_once() {
    let mut e = room_day();
    apply(
        &mut e,
        Command::OpenRoom {
            join_code: "9999".into(),
        },
        t(9, 31, 0),
    );
    assert_eq!(e.phones().expect("open").join_code, "4821");
    join(&mut e, "a");
    join(&mut e, "a");
    join(&mut e, "b");
    assert_eq!(e.phone_tally(), (2, 0));
}

#[test]
fn without_the_room_phones_are_refused() {
    let mut e = day();
    assert_eq!(
        e.apply(Command::JoinPhone { token: "a".into() }, t(9, 30, 0)),
        Err(Refusal::Phone(PhoneRefusal::Closed))
    );
}

#[test]
fn the_last_vote_of_a_device_counts_and_hands_stay_apart() {
    let mut e = room_day();
    join(&mut e, "a");
    join(&mut e, "b");
    phone_vote(&mut e, "a", VoteRound::First, 0).expect("vote");
    phone_vote(&mut e, "a", VoteRound::First, 2).expect("change");
    phone_vote(&mut e, "b", VoteRound::First, 2).expect("vote");
    apply(&mut e, Command::Vote { option: 2 }, t(9, 33, 0));
    let card = e.current_card().expect("card");
    assert_eq!(card.votes, [0, 0, 1], "hands only");
    assert_eq!(card.phone_counts(VoteRound::First), [0, 0, 2]);
    assert_eq!(card.total_counts(VoteRound::First), Some(vec![0, 0, 3]));
    assert_eq!(e.phone_tally(), (2, 2));
    assert_eq!(
        phone_vote(&mut e, "stranger", VoteRound::First, 1),
        Err(Refusal::Phone(PhoneRefusal::UnknownDevice))
    );
    assert_eq!(
        phone_vote(&mut e, "a", VoteRound::First, 3),
        Err(Refusal::NoSuchOption)
    );
}

#[test]
fn reveal_closes_the_vote_and_the_revote_is_a_second_ballot_with_results_hidden() {
    let mut e = room_day();
    join(&mut e, "a");
    phone_vote(&mut e, "a", VoteRound::First, 0).expect("vote");
    apply(&mut e, Command::ToggleReveal, t(9, 33, 0));
    assert_eq!(
        phone_vote(&mut e, "a", VoteRound::First, 1),
        Err(Refusal::Phone(PhoneRefusal::VotingClosed))
    );
    apply(&mut e, Command::StartRevote, t(9, 34, 0));
    assert!(!e.current_card().expect("card").revealed);
    assert_eq!(
        phone_vote(&mut e, "a", VoteRound::First, 1),
        Err(Refusal::Phone(PhoneRefusal::Stale)),
        "a vote for the first ballot after the revote started is stale"
    );
    phone_vote(&mut e, "a", VoteRound::Revote, 1).expect("revote");
    apply(&mut e, Command::ToggleReveal, t(9, 35, 0));
    let view = RoomView::of(e.log(), t(9, 35, 0), RoomOptions::default());
    let Stage::Block(block) = view.stage else {
        panic!("expected a block");
    };
    let Content::Card(Some(card)) = block.content else {
        panic!("expected a card");
    };
    let results = card.results.expect("revealed");
    assert_eq!(results.first, vec![1, 0, 0]);
    assert_eq!(results.revote, Some(vec![0, 1, 0]));
}

#[test]
fn a_vote_for_another_card_is_stale() {
    let mut e = room_day();
    join(&mut e, "a");
    let result = e.apply(
        Command::PhoneVote {
            token: "a".into(),
            card: "not-on-screen".into(),
            round: VoteRound::First,
            option: 0,
        },
        t(9, 32, 0),
    );
    assert_eq!(result, Err(Refusal::Phone(PhoneRefusal::Stale)));
}

#[test]
fn the_room_holds_at_most_max_devices() {
    let mut e = room_day();
    for i in 0..MAX_DEVICES {
        join(&mut e, &format!("d{i}"));
    }
    assert_eq!(
        e.apply(
            Command::JoinPhone {
                token: "one-too-many".into()
            },
            t(9, 32, 0)
        ),
        Err(Refusal::Phone(PhoneRefusal::Full))
    );
    assert_eq!(e.phone_tally().0, MAX_DEVICES);
}

#[test]
fn phone_ballots_survive_the_log_round_trip_and_old_logs_read_without_them() {
    let mut e = room_day();
    join(&mut e, "a");
    phone_vote(&mut e, "a", VoteRound::First, 1).expect("vote");
    let text = ron::to_string(e.log()).expect("serialise");
    let back: record::SessionLog = ron::from_str(&text).expect("read back");
    assert_eq!(&back, e.log());
    let plain = ron::to_string(day().log()).expect("serialise");
    assert!(
        !plain.contains("phone"),
        "a run without --room writes no phone fields"
    );
}
