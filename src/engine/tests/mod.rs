//! Engine tests with a fake clock: every time is a parameter, so an hour runs in microseconds.

use super::*;
use crate::script::{
    BlockKind, Card, Cohort, Deck, DrawOrder, Minutes, Participant, ParticipantName, Session,
};
use chrono::{FixedOffset, TimeZone};
use std::collections::{BTreeMap, BTreeSet};

/// 2026-11-23 at h:m:s, Amsterdam winter time.
fn t(h: u32, m: u32, s: u32) -> Stamp {
    FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 23, h, m, s).single())
        .expect("valid test time")
}

fn block(title: &str, minutes: u32, kind: BlockKind) -> Block {
    Block {
        title: title.into(),
        minutes: Minutes(minutes),
        kind,
        notes: String::new(),
    }
}

fn deck(n: usize) -> Deck {
    Deck {
        title: "De regel of de ruimte".into(),
        description: String::new(),
        cards: (1..=n)
            .map(|i| Card {
                id: format!("k{i}"),
                title: format!("Kaart {i}"),
                situation: "Bewoners bouwden zelf een speeltuin.".into(),
                options: vec!["Handhaven".into(), "Gedogen".into(), "Overleggen".into()],
                questions: vec!["Welke waarden botsen?".into()],
                tags: vec![],
            })
            .collect(),
    }
}

fn cohort(n: usize) -> Cohort {
    let departments = ["beleid", "uitvoering", "hrm"];
    Cohort {
        name: "Zutphen najaar 2026".into(),
        participants: (1..=n)
            .map(|i| Participant {
                name: ParticipantName::new(format!("Deelnemer {i}")),
                attributes: BTreeMap::from([(
                    "afdeling".to_string(),
                    departments[i % 3].to_string(),
                )]),
            })
            .collect(),
        keep_apart: vec![(
            ParticipantName::new("Deelnemer 1"),
            ParticipantName::new("Deelnemer 2"),
        )],
        keep_together: vec![],
        pins: vec![],
        attendance_rule: Some(75),
    }
}

fn script(blocks: Vec<Block>) -> LoadedSession {
    LoadedSession {
        source: "dag-1.ron".into(),
        session: Session {
            title: "Dag 1 · Rechtsstatelijk vakmanschap".into(),
            programme: Some("leergang".into()),
            cohort: Some("cohort.ron".into()),
            start: Some("09:30".into()),
            homework: None,
            blocks,
        },
        cohort: Some(cohort(12)),
        decks: BTreeMap::from([("deck.ron".to_string(), deck(5))]),
    }
}

fn dilemmas(draw: u32, order: DrawOrder) -> BlockKind {
    BlockKind::Dilemmas {
        deck: "deck.ron".into(),
        draw,
        order,
    }
}

fn day() -> Engine {
    let blocks = vec![
        block("Inloop", 15, BlockKind::Plenary),
        block("Rondje", 20, BlockKind::Round { seconds_each: 60 }),
        block("Dilemma's", 30, dilemmas(3, DrawOrder::Deck)),
        block("Pauze", 15, BlockKind::Break),
        block(
            "Subgroepen",
            40,
            BlockKind::Breakout {
                size: 4,
                balance: vec!["afdeling".into()],
                plan: None,
                roles: vec![],
            },
        ),
        block("Oogst", 20, BlockKind::Harvest),
    ];
    Engine::new(script(blocks), ProgrammeHistory::default(), t(9, 25, 0))
}

fn apply(engine: &mut Engine, command: Command, now: Stamp) -> Vec<Event> {
    engine.apply(command, now).expect("command applies")
}

fn go_to(engine: &mut Engine, index: usize, now: Stamp) {
    while engine.current_index() < index {
        apply(engine, Command::Next, now);
    }
}

#[test]
fn a_new_run_opens_on_the_first_block_with_its_clock_stopped() {
    let engine = day();
    assert_eq!(engine.current_index(), 0);
    let clock = engine.block_clock(0, t(9, 40, 0)).expect("block 0");
    assert!(!clock.running && !clock.started);
    assert_eq!(clock.remaining, 15 * 60);
    assert_eq!(engine.log().participants.len(), 12);
}

#[test]
fn pause_and_resume_count_only_running_time() {
    let mut e = day();
    assert_eq!(
        apply(&mut e, Command::StartPause, t(9, 30, 0)),
        [Event::BlockStarted { index: 0 }]
    );
    assert_eq!(
        apply(&mut e, Command::StartPause, t(9, 35, 0)),
        [Event::Paused { index: 0 }]
    );
    assert_eq!(
        apply(&mut e, Command::StartPause, t(9, 45, 0)),
        [Event::Resumed { index: 0 }]
    );
    let clock = e.block_clock(0, t(9, 47, 30)).expect("block 0");
    assert_eq!(clock.elapsed, 7 * 60 + 30);
    assert_eq!(clock.remaining, 7 * 60 + 30);
    assert!(clock.running);
}

#[test]
fn an_hour_of_pausing_and_extending_is_exact_to_the_second() {
    let mut e = day();
    let mut now = t(9, 30, 0);
    let mut running_seconds = 0;
    let mut running = false;
    // 61 steps of 59 seconds: start/pause alternating, a minute added every fifth step.
    for step in 0..61 {
        apply(&mut e, Command::StartPause, now);
        running = !running;
        if step % 5 == 0 {
            apply(&mut e, Command::Adjust { minutes: 1 }, now);
        }
        now += chrono::Duration::seconds(59);
        if running {
            running_seconds += 59;
        }
    }
    let clock = e.block_clock(0, now).expect("block 0");
    assert_eq!(clock.elapsed, running_seconds);
    assert_eq!(clock.allotted, (15 + 13) * 60);
    assert_eq!(clock.remaining, (15 + 13) * 60 - running_seconds);
}

#[test]
fn a_block_overruns_into_negative_time() {
    let mut e = day();
    apply(&mut e, Command::StartPause, t(9, 30, 0));
    let clock = e.block_clock(0, t(9, 48, 20)).expect("block 0");
    assert_eq!(clock.remaining, -(3 * 60 + 20));
}

#[test]
fn shortening_never_leaves_less_than_a_minute() {
    let mut e = day();
    for _ in 0..20 {
        let _ = e.apply(Command::Adjust { minutes: -1 }, t(9, 30, 0));
    }
    assert_eq!(e.block_clock(0, t(9, 30, 0)).expect("block").allotted, 60);
    assert!(
        e.apply(Command::Adjust { minutes: -1 }, t(9, 30, 0))
            .expect("no refusal")
            .is_empty()
    );
}

#[test]
fn next_carries_a_running_clock_over_and_a_stopped_one_not() {
    let mut e = day();
    apply(&mut e, Command::StartPause, t(9, 30, 0));
    let events = apply(&mut e, Command::Next, t(9, 44, 0));
    assert_eq!(
        events,
        [
            Event::MovedTo { index: 1 },
            Event::BlockStarted { index: 1 }
        ]
    );
    assert!(e.block_clock(1, t(9, 45, 0)).expect("block").running);
    assert_eq!(e.log().blocks[0].ended, Some(t(9, 44, 0)));

    apply(&mut e, Command::StartPause, t(9, 50, 0));
    apply(&mut e, Command::Next, t(9, 51, 0));
    assert!(!e.block_clock(2, t(9, 55, 0)).expect("block").running);
}

#[test]
fn going_back_reopens_a_block_and_its_time_counts_on() {
    let mut e = day();
    apply(&mut e, Command::StartPause, t(9, 30, 0));
    apply(&mut e, Command::Next, t(9, 40, 0));
    apply(&mut e, Command::Previous, t(9, 42, 0));
    assert_eq!(e.current_index(), 0);
    let clock = e.block_clock(0, t(9, 45, 0)).expect("block 0");
    assert_eq!(clock.elapsed, 10 * 60 + 3 * 60);
    assert_eq!(e.log().blocks[0].ended, None);
    assert_eq!(e.block_clock(1, t(9, 45, 0)).expect("block").elapsed, 120);
    assert_eq!(
        e.apply(Command::Previous, t(9, 46, 0)),
        Err(Refusal::AtStart)
    );
}

#[test]
fn resume_counts_the_time_the_laptop_was_down() {
    let mut e = day();
    apply(&mut e, Command::StartPause, t(9, 30, 0));
    let saved = e.log().clone();
    let resumed = Engine::resume(e.script().clone(), ProgrammeHistory::default(), saved)
        .expect("a log fits the script it was recorded with");
    let clock = resumed.block_clock(0, t(9, 41, 5)).expect("block 0");
    assert!(clock.running);
    assert_eq!(clock.elapsed, 11 * 60 + 5);
}

#[test]
fn the_day_projects_its_end_and_slip() {
    let mut e = day();
    // Planned 09:30 + 140 minutes = 11:50.
    apply(&mut e, Command::StartPause, t(9, 40, 0));
    let day = e.day_clock(t(9, 40, 0));
    assert_eq!(day.planned_end, t(11, 50, 0));
    assert_eq!(day.projected_end, t(12, 0, 0));
    assert_eq!(day.slip, 600);
    apply(&mut e, Command::Adjust { minutes: 5 }, t(9, 41, 0));
    assert_eq!(e.day_clock(t(9, 41, 0)).slip, 900);
    // Overrunning the block pushes the day on, second by second.
    // The block (20 minutes since 09:40) ends at 10:00; after that each second counts.
    assert_eq!(e.day_clock(t(10, 0, 0)).slip, 900);
    assert_eq!(e.day_clock(t(10, 1, 0)).slip, 960);
}

#[test]
fn entering_a_dilemmas_block_shows_its_first_card_at_once() {
    let mut e = day();
    go_to(&mut e, 2, t(10, 0, 0));
    let card = e.current_card().expect("a card on screen");
    assert_eq!(card.card, "k1");
    assert_eq!(card.shown, t(10, 0, 0));
    assert_eq!(e.log().blocks[2].drawn, ["k1", "k2", "k3"]);
}

#[test]
fn votes_undo_and_revote_are_kept_apart() {
    let mut e = day();
    go_to(&mut e, 2, t(10, 0, 0));
    for option in [0, 0, 1] {
        apply(&mut e, Command::Vote { option }, t(10, 1, 0));
    }
    assert_eq!(e.current_card().expect("card").votes, [2, 1, 0]);
    apply(&mut e, Command::UndoVote, t(10, 2, 0));
    assert_eq!(e.current_card().expect("card").votes, [2, 0, 0]);
    apply(&mut e, Command::StartRevote, t(10, 5, 0));
    assert_eq!(
        e.apply(Command::UndoVote, t(10, 5, 0)),
        Err(Refusal::NothingToUndo)
    );
    apply(&mut e, Command::Vote { option: 2 }, t(10, 6, 0));
    let card = e.current_card().expect("card");
    assert_eq!(card.votes, [2, 0, 0]);
    assert_eq!(card.revotes.as_deref(), Some(&[0, 0, 1][..]));
    assert_eq!(
        e.apply(Command::Vote { option: 3 }, t(10, 6, 0)),
        Err(Refusal::NoSuchOption)
    );
    assert!(!e.current_card().expect("card").revealed);
    apply(&mut e, Command::ToggleReveal, t(10, 7, 0));
    assert!(e.current_card().expect("card").revealed);
}

#[test]
fn next_walks_the_cards_then_leaves_the_block() {
    let mut e = day();
    go_to(&mut e, 2, t(10, 0, 0));
    apply(&mut e, Command::Vote { option: 1 }, t(10, 1, 0));
    apply(&mut e, Command::Next, t(10, 10, 0));
    assert_eq!(e.current_card().expect("card").card, "k2");
    apply(&mut e, Command::Previous, t(10, 11, 0));
    let card = e.current_card().expect("card");
    assert_eq!((card.card.as_str(), card.votes[1]), ("k1", 1), "votes kept");
    apply(&mut e, Command::Next, t(10, 12, 0));
    apply(&mut e, Command::Next, t(10, 13, 0));
    assert_eq!(e.current_card().expect("card").card, "k3");
    apply(&mut e, Command::Next, t(10, 14, 0));
    assert_eq!(e.current_index(), 3);
    apply(&mut e, Command::Previous, t(10, 15, 0));
    assert_eq!(
        e.current_card().expect("card").card,
        "k3",
        "back to last card"
    );
}

#[test]
fn cards_played_earlier_in_the_programme_are_not_drawn_again() {
    let history = ProgrammeHistory {
        played_cards: BTreeSet::from([
            ("De regel of de ruimte".to_string(), "k1".to_string()),
            ("De regel of de ruimte".to_string(), "k2".to_string()),
            ("Ander deck".to_string(), "k3".to_string()),
        ]),
        splits: vec![],
        days: 2,
        ..ProgrammeHistory::default()
    };
    let blocks = vec![block("Dilemma's", 30, dilemmas(3, DrawOrder::Deck))];
    let e = Engine::new(script(blocks), history, t(10, 0, 0));
    assert_eq!(e.log().blocks[0].drawn, ["k3", "k4", "k5"]);
}

#[test]
fn two_blocks_on_one_deck_draw_different_cards_and_wrap_when_it_runs_out() {
    let blocks = vec![
        block("Ochtend", 30, dilemmas(3, DrawOrder::Deck)),
        block("Middag", 30, dilemmas(3, DrawOrder::Deck)),
    ];
    let mut e = Engine::new(script(blocks), ProgrammeHistory::default(), t(10, 0, 0));
    apply(&mut e, Command::Next, t(10, 1, 0));
    apply(&mut e, Command::Next, t(10, 2, 0));
    apply(&mut e, Command::Next, t(10, 3, 0));
    assert_eq!(e.log().blocks[0].drawn, ["k1", "k2", "k3"]);
    assert_eq!(e.log().blocks[1].drawn, ["k4", "k5", "k1"]);
}

#[test]
fn a_random_draw_records_its_seed_and_reproduces() {
    let blocks = vec![block("Dilemma's", 30, dilemmas(3, DrawOrder::Random))];
    let e = Engine::new(script(blocks), ProgrammeHistory::default(), t(10, 0, 0));
    let log = &e.log().blocks[0];
    let seed = log.draw_seed.expect("seed recorded");
    let again = draw::draw_cards(&deck(5), 3, DrawOrder::Random, &BTreeSet::new(), seed);
    assert_eq!(log.drawn, again);
}

#[test]
fn notes_go_on_the_card_on_screen_or_else_on_the_block() {
    let mut e = day();
    apply(
        &mut e,
        Command::Note {
            text: "  Zaal is warm ".into(),
        },
        t(9, 31, 0),
    );
    assert_eq!(e.log().blocks[0].notes[0].text, "Zaal is warm");
    go_to(&mut e, 2, t(10, 0, 0));
    apply(
        &mut e,
        Command::Note {
            text: "Twijfel bij optie 2".into(),
        },
        t(10, 1, 0),
    );
    apply(
        &mut e,
        Command::Outcome {
            text: "Gedogen, met voorwaarden".into(),
        },
        t(10, 2, 0),
    );
    let card = e.current_card().expect("card");
    assert_eq!(card.notes[0].text, "Twijfel bij optie 2");
    assert_eq!(card.outcome.as_deref(), Some("Gedogen, met voorwaarden"));
    assert!(e.log().blocks[2].notes.is_empty());
    assert_eq!(
        e.apply(Command::Note { text: "   ".into() }, t(10, 3, 0)),
        Err(Refusal::EmptyText)
    );
}

#[test]
fn a_round_gives_everyone_present_one_turn_in_a_recorded_order() {
    let mut e = day();
    apply(
        &mut e,
        Command::SetPresent {
            name: "Deelnemer 5".into(),
            present: false,
        },
        t(9, 30, 0),
    );
    go_to(&mut e, 1, t(9, 45, 0));
    let mut spoken = Vec::new();
    let mut now = t(9, 45, 0);
    loop {
        let events = apply(&mut e, Command::NextSpeaker, now);
        match events.as_slice() {
            [Event::SpeakerChanged { name: Some(name) }] => spoken.push(name.clone()),
            [Event::SpeakerChanged { name: None }] => break,
            other => panic!("unexpected {other:?}"),
        }
        now += chrono::Duration::seconds(50);
        assert_eq!(e.current_speaker(now).map(|(_, left)| left), Some(10));
    }
    assert_eq!(spoken.len(), 11);
    assert!(!spoken.contains(&"Deelnemer 5".to_string()));
    let round = e.log().blocks[1].round.as_ref().expect("round recorded");
    assert_eq!(round.order.len(), 11);
    assert!(round.turns.iter().all(|turn| turn.ended.is_some()));
    assert!(e.apply(Command::NextSpeaker, now).expect("ok").is_empty());
}

#[test]
fn attendance_changes_are_recorded_with_their_time() {
    let mut e = day();
    apply(
        &mut e,
        Command::SetPresent {
            name: "Deelnemer 3".into(),
            present: false,
        },
        t(9, 30, 0),
    );
    apply(
        &mut e,
        Command::SetPresent {
            name: "Deelnemer 3".into(),
            present: true,
        },
        t(10, 5, 0),
    );
    assert_eq!(e.log().attendance.len(), 2);
    assert_eq!(e.log().attendance[1].at, t(10, 5, 0));
    assert_eq!(e.present().len(), 12);
    assert_eq!(
        e.apply(
            Command::SetPresent {
                name: "Onbekend".into(),
                present: false
            },
            t(10, 6, 0)
        ),
        Err(Refusal::UnknownPerson("Onbekend".into()))
    );
}

#[test]
fn a_breakout_splits_the_people_present_and_honours_keep_apart() {
    let mut e = day();
    apply(
        &mut e,
        Command::SetPresent {
            name: "Deelnemer 12".into(),
            present: false,
        },
        t(9, 30, 0),
    );
    go_to(&mut e, 4, t(11, 0, 0));
    // Entering the breakout splits at once, with a seed taken from the time.
    assert_eq!(e.log().blocks[4].splits.len(), 1);
    apply(&mut e, Command::Reshuffle { seed: Some(7) }, t(11, 0, 0));
    let split = e.latest_split().expect("split").clone();
    assert_eq!(split.seed, 7);
    let mut everyone: Vec<&String> = split.groups.iter().flatten().collect();
    everyone.sort();
    assert_eq!(everyone.len(), 11);
    assert!(!everyone.contains(&&"Deelnemer 12".to_string()));
    for group in &split.groups {
        assert!((3..=4).contains(&group.len()), "{group:?}");
        let both = ["Deelnemer 1", "Deelnemer 2"]
            .iter()
            .all(|n| group.iter().any(|m| m == n));
        assert!(!both, "keep-apart broken: {group:?}");
    }
    apply(&mut e, Command::Reshuffle { seed: None }, t(11, 1, 0));
    let splits = &e.log().blocks[4].splits;
    assert_eq!(splits.len(), 3);
    assert_ne!(splits[0].seed, splits[2].seed, "a fresh seed each time");
}

#[test]
fn a_hand_swap_moves_two_people_and_is_recorded() {
    let mut e = day();
    go_to(&mut e, 4, t(11, 0, 0));
    apply(&mut e, Command::Reshuffle { seed: Some(3) }, t(11, 0, 0));
    let before = e.latest_split().expect("split").groups.clone();
    let a = before[0][0].clone();
    let b = before[1][0].clone();
    apply(
        &mut e,
        Command::Swap {
            a: a.clone(),
            b: b.clone(),
        },
        t(11, 2, 0),
    );
    let after = e.latest_split().expect("split");
    assert_eq!(after.groups[0][0], b);
    assert_eq!(after.groups[1][0], a);
    assert_eq!(after.swaps, [(a, b)]);
    assert_eq!(
        e.apply(
            Command::Swap {
                a: "Niemand".into(),
                b: before[0][1].clone()
            },
            t(11, 3, 0)
        ),
        Err(Refusal::UnknownPerson("Niemand".into()))
    );
}

/// A breakout in threes on day 2, after a day on which the twelve worked in groups 1-3, 4-6,
/// 7-9 and 10-12; split with seed 1. Returns the engine and that first day's groups.
fn split_after_a_day_in_threes() -> (Engine, Vec<Vec<String>>) {
    let blocks = vec![block(
        "Subgroepen",
        40,
        BlockKind::Breakout {
            size: 3,
            balance: vec![],
            plan: None,
            roles: vec![],
        },
    )];
    let first: Vec<Vec<String>> = (0..4)
        .map(|g| {
            (1..=3)
                .map(|i| format!("Deelnemer {}", g * 3 + i))
                .collect()
        })
        .collect();
    let history = ProgrammeHistory {
        splits: vec![first.clone()],
        days: 1,
        ..ProgrammeHistory::default()
    };
    let mut e = Engine::new(script(blocks), history, t(11, 0, 0));
    apply(&mut e, Command::Reshuffle { seed: Some(1) }, t(11, 0, 0));
    (e, first)
}

#[test]
fn splits_of_earlier_days_steer_who_meets_whom() {
    let (e, first) = split_after_a_day_in_threes();
    let split = e.latest_split().expect("split");
    assert_eq!(split.score.repeated_pairs, 0);
    for group in &split.groups {
        for old in &first {
            let shared = group.iter().filter(|n| old.contains(n)).count();
            assert!(shared <= 1, "{group:?} repeats a pair of {old:?}");
        }
    }
}

#[test]
fn a_split_records_the_fewest_repeats_possible_and_names_the_pairs_that_met_before() {
    let (mut e, first) = split_after_a_day_in_threes();
    let split = e.latest_split().expect("split").clone();
    assert_eq!(split.score.fewest_repeats, Some(0));
    assert!(e.repeated_in_split().is_empty());
    // Swap someone into the group of a person they worked with yesterday: the pair is named.
    // (Deelnemer 1 and 2 are a keep-apart pair in this cohort: take the second group.)
    let partner = &first[1][1];
    let mover = first[1][0].clone();
    let host = split
        .groups
        .iter()
        .find(|g| g.contains(partner))
        .expect("partner placed");
    let out = host
        .iter()
        .find(|n| {
            *n != partner
                && !first[1].contains(n)
                && !["Deelnemer 1", "Deelnemer 2"].contains(&n.as_str())
        })
        .expect("someone to swap out")
        .clone();
    if !host.contains(&mover) {
        apply(
            &mut e,
            Command::Swap {
                a: mover.clone(),
                b: out,
            },
            t(11, 1, 0),
        );
    }
    let named = e.repeated_in_split();
    assert!(
        named
            .iter()
            .any(|(a, b, met)| *met == 2 && [a, b].contains(&&mover) && [a, b].contains(&partner)),
        "{named:?}"
    );
    let split = e.latest_split().expect("split");
    assert_eq!(split.score.repeated_pairs as usize, named.len());
    assert_eq!(split.score.fewest_repeats, Some(0));
}

#[test]
fn commands_for_another_kind_of_block_are_refused() {
    let mut e = day();
    assert_eq!(
        e.apply(Command::Vote { option: 0 }, t(9, 30, 0)),
        Err(Refusal::WrongBlock)
    );
    assert_eq!(
        e.apply(Command::NextSpeaker, t(9, 30, 0)),
        Err(Refusal::WrongBlock)
    );
    assert_eq!(
        e.apply(Command::Reshuffle { seed: Some(1) }, t(9, 30, 0)),
        Err(Refusal::WrongBlock)
    );
    assert_eq!(
        e.apply(Command::Takeaway { text: "x".into() }, t(9, 30, 0)),
        Err(Refusal::WrongBlock)
    );
}

#[test]
fn next_past_the_last_block_finishes_and_previous_reopens() {
    let mut e = day();
    apply(&mut e, Command::StartPause, t(9, 30, 0));
    go_to(&mut e, 5, t(11, 30, 0));
    apply(
        &mut e,
        Command::Takeaway {
            text: "Meer tijd voor casussen".into(),
        },
        t(11, 40, 0),
    );
    assert_eq!(
        apply(&mut e, Command::Next, t(11, 50, 0)),
        [Event::Finished]
    );
    assert!(e.is_finished());
    assert_eq!(e.log().finished, Some(t(11, 50, 0)));
    assert!(!e.block_clock(5, t(12, 0, 0)).expect("block").running);
    assert_eq!(
        e.apply(Command::StartPause, t(12, 0, 0)),
        Err(Refusal::Finished)
    );
    apply(&mut e, Command::Previous, t(12, 1, 0));
    assert!(!e.is_finished());
    assert_eq!(e.current_index(), 5);
    assert_eq!(
        e.log().blocks[5].takeaways[0].text,
        "Meer tijd voor casussen"
    );
}

#[test]
fn each_card_gets_its_share_of_the_block_from_the_first_card_on() {
    // A 30-minute Dilemmas block drawing 3 cards: 10 minutes per card.
    let blocks = vec![block("Dilemma's", 30, dilemmas(3, DrawOrder::Deck))];
    let mut engine = Engine::new(script(blocks), ProgrammeHistory::default(), t(10, 0, 0));
    apply(&mut engine, Command::StartPause, t(10, 0, 0));
    let clock = engine.card_clock(t(10, 4, 0)).expect("a card on screen");
    assert_eq!(clock.allotted, 600);
    assert_eq!(clock.remaining, 360);
    apply(&mut engine, Command::Next, t(10, 12, 0));
    let clock = engine.card_clock(t(10, 13, 0)).expect("the second card");
    assert_eq!((clock.allotted, clock.remaining), (600, 540));
}

mod agenda;
mod breakouts;
mod facilitator;
mod phones;
mod room;
