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

#[test]
fn a_card_skipped_before_any_vote_is_replaced_and_returns_to_the_pool() {
    let mut e = day();
    go_to(&mut e, 2, t(9, 30, 0));
    // Deck order: k1, k2, k3 drawn for this block; k4 and k5 are left.
    assert_eq!(e.log().blocks[2].drawn, ["k1", "k2", "k3"]);
    apply(&mut e, Command::ReplaceCard { card: None }, t(9, 31, 0));
    let block = &e.log().blocks[2];
    assert_eq!(e.current_card().expect("card").card, "k4");
    assert_eq!(block.drawn, ["k4", "k2", "k3"]);
    assert_eq!(block.skipped, ["k1"]);
    assert_eq!(block.cards.len(), 1);
    // Another skip draws the next fresh card, not the one just skipped.
    apply(&mut e, Command::ReplaceCard { card: None }, t(9, 31, 30));
    assert_eq!(e.current_card().expect("card").card, "k5");
    // Picked by hand: a card drawn for later is shown now, not twice.
    apply(
        &mut e,
        Command::ReplaceCard {
            card: Some("k3".into()),
        },
        t(9, 32, 0),
    );
    assert_eq!(e.log().blocks[2].drawn, ["k3", "k2"]);
    // Once voted on, a card was played: it cannot be skipped.
    apply(&mut e, Command::Vote { option: 0 }, t(9, 33, 0));
    assert_eq!(
        e.apply(Command::ReplaceCard { card: None }, t(9, 34, 0)),
        Err(Refusal::CardHasVotes)
    );
}

#[test]
fn skipping_needs_a_card_left_and_a_card_that_exists() {
    let mut e = day();
    go_to(&mut e, 2, t(9, 30, 0));
    assert_eq!(
        e.apply(
            Command::ReplaceCard {
                card: Some("nope".into())
            },
            t(9, 31, 0)
        ),
        Err(Refusal::NoSuchOption)
    );
    apply(&mut e, Command::ReplaceCard { card: None }, t(9, 31, 0));
    apply(&mut e, Command::ReplaceCard { card: None }, t(9, 31, 0));
    // k1 and k4 were skipped, k5 is on screen, k2 and k3 are drawn: nothing fresh is left.
    assert_eq!(
        e.apply(Command::ReplaceCard { card: None }, t(9, 32, 0)),
        Err(Refusal::NoOtherCard)
    );
}

#[test]
fn typed_lines_are_corrected_or_deleted_and_the_old_text_is_kept() {
    use crate::engine::record::EntryKind;
    let mut e = day();
    go_to(&mut e, 5, t(12, 0, 0));
    apply(
        &mut e,
        Command::Takeaway {
            text: "1. Tikfout hier".into(),
        },
        t(12, 1, 0),
    );
    apply(
        &mut e,
        Command::Takeaway {
            text: "Samen leren werkt".into(),
        },
        t(12, 2, 0),
    );
    apply(
        &mut e,
        Command::Note {
            text: "Bram weg om 12u".into(),
        },
        t(12, 2, 0),
    );
    let kinds: Vec<EntryKind> = e.entries().iter().map(|x| x.kind).collect();
    assert_eq!(
        kinds,
        [EntryKind::Note, EntryKind::Takeaway, EntryKind::Takeaway]
    );
    let fix = Command::Correct {
        kind: EntryKind::Takeaway,
        index: 0,
        text: Some("Luisteren voor je oordeelt".into()),
    };
    apply(&mut e, fix, t(12, 3, 0));
    let delete = Command::Correct {
        kind: EntryKind::Note,
        index: 0,
        text: None,
    };
    apply(&mut e, delete, t(12, 4, 0));
    let block = &e.log().blocks[5];
    let now: Vec<&str> = block.takeaways.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(now, ["Luisteren voor je oordeelt", "Samen leren werkt"]);
    assert!(block.notes.is_empty());
    let kept: Vec<(&str, Option<&str>)> = block
        .corrections
        .iter()
        .map(|c| (c.old.as_str(), c.new.as_deref()))
        .collect();
    assert_eq!(
        kept,
        [
            ("1. Tikfout hier", Some("Luisteren voor je oordeelt")),
            ("Bram weg om 12u", None)
        ]
    );
    // Nothing there to correct, or empty text: refused, nothing recorded.
    let missing = Command::Correct {
        kind: EntryKind::Note,
        index: 3,
        text: None,
    };
    assert_eq!(e.apply(missing, t(12, 5, 0)), Err(Refusal::NothingToUndo));
    let empty = Command::Correct {
        kind: EntryKind::Takeaway,
        index: 0,
        text: Some("  ".into()),
    };
    assert_eq!(e.apply(empty, t(12, 5, 0)), Err(Refusal::EmptyText));
    assert_eq!(e.log().blocks[5].corrections.len(), 2);
}

#[test]
fn next_finishes_only_on_the_last_block_with_no_card_left() {
    let mut e = day();
    assert!(!e.next_finishes());
    go_to(&mut e, 5, t(12, 0, 0));
    assert!(e.next_finishes());
    apply(&mut e, Command::Finish, t(12, 5, 0));
    assert!(!e.next_finishes(), "already finished");
}
