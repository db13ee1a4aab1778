//! Corrections a facilitator makes live: time set directly, revotes, votes against headcount.

use super::*;

#[test]
fn the_time_left_can_be_set_directly_and_never_below_a_minute() {
    let mut e = day();
    apply(&mut e, Command::StartPause, t(9, 30, 0));
    apply(&mut e, Command::SetRemaining { minutes: 4 }, t(9, 32, 30));
    assert_eq!(
        e.block_clock(0, t(9, 32, 30)).expect("clock").remaining,
        240
    );
    apply(&mut e, Command::SetRemaining { minutes: 0 }, t(9, 33, 0));
    assert_eq!(e.block_clock(0, t(9, 33, 0)).expect("clock").remaining, 60);
    // Setting what is already left records nothing.
    assert!(apply(&mut e, Command::SetRemaining { minutes: 1 }, t(9, 33, 0)).is_empty());
    // Five minutes at once, as often as needed.
    apply(&mut e, Command::Adjust { minutes: 5 }, t(9, 33, 0));
    assert_eq!(e.block_clock(0, t(9, 33, 0)).expect("clock").remaining, 360);
}

#[test]
fn starting_a_revote_hides_the_results_so_no_false_shift_shows() {
    let mut e = day();
    go_to(&mut e, 2, t(9, 30, 0));
    for option in [0, 0, 0, 1] {
        apply(&mut e, Command::Vote { option }, t(9, 31, 0));
    }
    apply(&mut e, Command::ToggleReveal, t(9, 32, 0));
    assert!(e.current_card().expect("card").revealed);
    apply(&mut e, Command::StartRevote, t(9, 33, 0));
    let card = e.current_card().expect("card");
    assert!(!card.revealed, "results hidden while the room votes again");
    assert_eq!(card.revotes, Some(vec![0, 0, 0]));
}

#[test]
fn more_votes_than_people_present_is_flagged() {
    let mut e = day();
    go_to(&mut e, 2, t(9, 30, 0));
    apply(
        &mut e,
        Command::SetPresent {
            name: "Deelnemer 3".into(),
            present: false,
        },
        t(9, 30, 0),
    );
    for _ in 0..11 {
        apply(&mut e, Command::Vote { option: 0 }, t(9, 31, 0));
    }
    assert_eq!(e.votes_over_present(), None, "11 votes, 11 present");
    apply(&mut e, Command::Vote { option: 1 }, t(9, 31, 0));
    assert_eq!(e.votes_over_present(), Some((12, 11)));
}
