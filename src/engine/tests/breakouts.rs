//! Breakouts under live changes: late arrivals, absences, swaps that break a pair, undo.

use super::*;
use crate::engine::record::GroupSplit;

fn split_of(e: &Engine) -> GroupSplit {
    e.latest_split().expect("a split").clone()
}

fn group_of(split: &GroupSplit, name: &str) -> usize {
    split
        .groups
        .iter()
        .position(|g| g.iter().any(|n| n == name))
        .unwrap_or_else(|| panic!("{name} is in no group"))
}

fn absent(e: &mut Engine, name: &str, now: Stamp) {
    let command = Command::SetPresent {
        name: name.into(),
        present: false,
    };
    apply(e, command, now);
}

#[test]
fn a_late_arrival_joins_a_group_and_nobody_else_moves() {
    let mut e = day();
    absent(&mut e, "Deelnemer 7", t(9, 30, 0));
    go_to(&mut e, 4, t(11, 0, 0));
    let before = split_of(&e);
    assert_eq!(before.groups.iter().flatten().count(), 11);
    let events = apply(
        &mut e,
        Command::SetPresent {
            name: "Deelnemer 7".into(),
            present: true,
        },
        t(11, 5, 0),
    );
    assert!(events.contains(&Event::GroupsRepaired), "{events:?}");
    let after = split_of(&e);
    assert_eq!(after.seed, before.seed, "no reshuffle");
    for name in before.groups.iter().flatten() {
        assert_eq!(
            group_of(&before, name),
            group_of(&after, name),
            "{name} moved"
        );
    }
    let joined = group_of(&after, "Deelnemer 7");
    assert_eq!(
        before.groups[joined].len(),
        3,
        "into one of the smallest groups"
    );
    assert_eq!(after.repairs.len(), 1);
    assert!(after.repairs[0].present && after.repairs[0].moved.is_empty());
}

#[test]
fn an_absence_during_a_breakout_takes_them_out_with_the_fewest_moves() {
    let mut e = day();
    go_to(&mut e, 4, t(11, 0, 0));
    let before = split_of(&e);
    absent(&mut e, "Deelnemer 9", t(11, 5, 0));
    let after = split_of(&e);
    assert!(!after.groups.iter().flatten().any(|n| n == "Deelnemer 9"));
    assert_eq!(after.groups.iter().flatten().count(), 11);
    let moved = &after.repairs[0].moved;
    assert!(
        moved.len() <= 1,
        "12 in 3 groups of 4 minus one needs no move: {moved:?}"
    );
    for name in after.groups.iter().flatten().filter(|n| !moved.contains(n)) {
        assert_eq!(group_of(&before, name), group_of(&after, name));
    }
}

#[test]
fn a_swap_that_puts_a_keep_apart_pair_together_is_refused() {
    let mut e = day();
    go_to(&mut e, 4, t(11, 0, 0));
    let split = split_of(&e);
    // Someone in Deelnemer 2's group (not Deelnemer 2) swapped with Deelnemer 1.
    let with_2 = &split.groups[group_of(&split, "Deelnemer 2")];
    let mate = with_2
        .iter()
        .find(|n| *n != "Deelnemer 2")
        .expect("a mate")
        .clone();
    let refused = e.apply(
        Command::Swap {
            a: "Deelnemer 1".into(),
            b: mate,
        },
        t(11, 1, 0),
    );
    assert!(matches!(refused, Err(Refusal::Swap(_))), "{refused:?}");
    assert_eq!(split_of(&e), split, "nothing changed");
}

#[test]
fn u_in_a_breakout_takes_back_the_newest_reshuffle_and_keeps_it_in_the_log() {
    let mut e = day();
    go_to(&mut e, 4, t(11, 0, 0));
    let first = split_of(&e);
    assert_eq!(
        e.apply(Command::UndoVote, t(11, 0, 30)),
        Err(Refusal::NothingToUndo)
    );
    apply(&mut e, Command::Reshuffle { seed: Some(99) }, t(11, 1, 0));
    apply(&mut e, Command::UndoVote, t(11, 2, 0));
    assert_eq!(split_of(&e), first);
    assert_eq!(e.log().blocks[4].undone_splits.len(), 1);
    assert_eq!(e.log().blocks[4].undone_splits[0].seed, 99);
}

#[test]
fn smaller_groups_live_make_a_new_split_that_reshuffles_keep_and_undo_takes_back() {
    let mut e = day();
    go_to(&mut e, 4, t(11, 0, 0));
    let first = split_of(&e);
    assert_eq!(e.group_size(), Some(4));
    assert_eq!(first.groups.len(), 3, "12 in groups of 4");
    apply(&mut e, Command::ResizeGroups { delta: -1 }, t(11, 1, 0));
    let smaller = split_of(&e);
    assert_eq!(e.group_size(), Some(3));
    assert_eq!(smaller.size, Some(3), "the live size is recorded");
    assert_eq!(smaller.groups.len(), 4, "12 in groups of 3");
    assert!(smaller.groups.iter().all(|g| g.len() == 3));
    assert_ne!(smaller.seed, first.seed);
    // A reshuffle keeps the size asked for.
    apply(&mut e, Command::Reshuffle { seed: Some(5) }, t(11, 2, 0));
    assert_eq!(split_of(&e).groups.len(), 4);
    assert_eq!(split_of(&e).size, Some(3));
    // Back to the script's size: nothing to record.
    apply(&mut e, Command::ResizeGroups { delta: 1 }, t(11, 3, 0));
    assert_eq!(split_of(&e).size, None);
    assert_eq!(split_of(&e).groups.len(), 3);
    // Undo goes back through the splits, sizes with them.
    apply(&mut e, Command::UndoVote, t(11, 4, 0));
    assert_eq!(e.group_size(), Some(3));
    apply(&mut e, Command::UndoVote, t(11, 4, 10));
    apply(&mut e, Command::UndoVote, t(11, 4, 20));
    assert_eq!(split_of(&e), first);
    assert_eq!(e.group_size(), Some(4));
}

#[test]
fn a_group_size_below_two_or_leaving_one_group_is_refused() {
    let mut e = day();
    go_to(&mut e, 4, t(11, 0, 0));
    let before = split_of(&e);
    apply(&mut e, Command::ResizeGroups { delta: -1 }, t(11, 1, 0));
    apply(&mut e, Command::ResizeGroups { delta: -1 }, t(11, 1, 10));
    assert_eq!(e.group_size(), Some(2));
    assert_eq!(
        e.apply(Command::ResizeGroups { delta: -1 }, t(11, 1, 20)),
        Err(Refusal::GroupSize {
            size: 1,
            present: 12,
            largest: 6
        })
    );
    for _ in 0..4 {
        apply(&mut e, Command::ResizeGroups { delta: 1 }, t(11, 2, 0));
    }
    assert_eq!(e.group_size(), Some(6));
    assert_eq!(split_of(&e).groups.len(), 2);
    assert!(matches!(
        e.apply(Command::ResizeGroups { delta: 1 }, t(11, 3, 0)),
        Err(Refusal::GroupSize { size: 7, .. })
    ));
    assert_ne!(split_of(&e), before);
}

#[test]
fn resizing_outside_a_breakout_is_refused() {
    let mut e = day();
    assert_eq!(
        e.apply(Command::ResizeGroups { delta: 1 }, t(9, 30, 0)),
        Err(Refusal::WrongBlock)
    );
}
