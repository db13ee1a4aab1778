//! What the room may see, as one snapshot built from the session record and the time.
//! The projector, `regie follow` and the room server draw only this: it has no private field.

use super::clock::{self, BlockClock};
use super::record::{BlockKindTag, BlockLog, CardLog, SessionLog, Stamp, VoteRound};
use super::room_evaluation::RoomEvaluation;
use crate::script::ParticipantName;
use chrono::Duration;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the facilitator lets the room see beyond the block itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoomOptions {
    /// Show how late the day runs ("+7 min"). Off by default: a rehearsal away from the
    /// planned time would show the room a meaningless slip.
    pub show_slip: bool,
}

/// The room's view of a session at one moment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomView {
    pub session_title: String,
    /// Time of day, for the header.
    pub now: Stamp,
    /// One-based number of the block on screen, and how many there are.
    pub block_number: usize,
    pub block_count: usize,
    /// When the day will end at this pace, and (only if the facilitator shows it) the slip.
    pub day_end: Stamp,
    pub slip_seconds: Option<i64>,
    pub stage: Stage,
    /// The block after this one: its title and planned minutes.
    pub next: Option<NextBlock>,
    /// What the participants take home, from the session file (shown at the end).
    pub homework: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextBlock {
    pub title: String,
    pub minutes: i64,
}

/// Where the session is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Stage {
    /// A block is on screen.
    Block(Box<RoomBlock>),
    /// The last block has been finished.
    Finished { ended: Stamp },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomBlock {
    pub title: String,
    pub kind: BlockKindTag,
    pub clock: RoomClock,
    pub content: Content,
}

/// A countdown as the room reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RoomClock {
    /// Seconds left; negative once over time.
    pub remaining: i64,
    pub allotted: i64,
    pub phase: Phase,
}

/// What a countdown's colour tells the room without reading the digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Phase {
    /// Not started yet: the full time is shown, waiting for the facilitator.
    Ready,
    Calm,
    /// The last 20% of the time or the last two minutes, whichever is shorter.
    Warning,
    /// At or past zero: counting the overrun up.
    Over,
    Paused,
}

/// What a block shows besides its clock.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Content {
    Plenary,
    /// A break: the time of day the room is expected back.
    Break {
        back_at: Stamp,
    },
    Round(RoomRound),
    /// A dilemma block: its card on screen, if one has been drawn.
    Card(Option<RoomCard>),
    /// A breakout: the newest split, if the facilitator made one.
    Groups(Option<Vec<RoomGroup>>),
    Harvest {
        takeaways: Vec<String>,
    },
    /// An evaluation: the form, the count, and what the facilitator revealed or approved.
    Evaluation(Box<RoomEvaluation>),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomRound {
    /// Who has the floor and their own countdown.
    pub speaker: Option<(ParticipantName, RoomClock)>,
    /// The whole speaking order, and how many have had their turn (the speaker included).
    pub order: Vec<ParticipantName>,
    pub turns_taken: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomCard {
    /// One-based number of the card in this block, and how many are drawn.
    pub number: usize,
    pub of: usize,
    pub title: String,
    pub situation: String,
    pub options: Vec<String>,
    pub questions: Vec<String>,
    pub clock: RoomClock,
    /// Which vote is being counted: the first, or the revote after discussion.
    pub ballot: Ballot,
    /// How many votes have been counted in the current ballot (not per option).
    pub votes_cast: u32,
    /// Votes per option; only once the facilitator revealed them.
    pub results: Option<Results>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Ballot {
    First,
    Revote,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Results {
    pub first: Vec<u32>,
    pub revote: Option<Vec<u32>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomGroup {
    /// One-based group number.
    pub number: usize,
    pub members: Vec<ParticipantName>,
    /// Each role holder's name and their role(s) ("voorzitter"; two joined by ", "): roles are
    /// not private, they are for everyone in the group to see.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub roles: BTreeMap<String, String>,
}

impl BlockClock {
    /// The phase the room sees: warning from 20% of the time left or the last two minutes,
    /// whichever is shorter; over at zero; paused when started but not running.
    pub fn phase(&self) -> Phase {
        const WARNING_AT_MOST: i64 = 120;
        if !self.started {
            Phase::Ready
        } else if self.remaining <= 0 {
            Phase::Over
        } else if !self.running {
            Phase::Paused
        } else if self.remaining <= (self.allotted / 5).min(WARNING_AT_MOST) {
            Phase::Warning
        } else {
            Phase::Calm
        }
    }

    fn for_the_room(&self) -> RoomClock {
        RoomClock {
            remaining: self.remaining,
            allotted: self.allotted,
            phase: self.phase(),
        }
    }
}

impl RoomView {
    /// The room's view of `log` at `now`: built from the record alone, so a follower on another
    /// machine needs no session file. Notes, outcomes, seeds, swaps and files are never read.
    pub fn of(log: &SessionLog, now: Stamp, options: RoomOptions) -> RoomView {
        let day = clock::day_clock(log, now);
        let index = log.current.min(log.blocks.len().saturating_sub(1));
        let stage = match (log.finished, log.blocks.get(index)) {
            (None, Some(block)) => Stage::Block(Box::new(room_block(log, block, now))),
            (ended, _) => Stage::Finished {
                ended: ended.unwrap_or(now),
            },
        };
        let next = match log.finished {
            Some(_) => None,
            None => log.blocks.get(index + 1).map(|b| NextBlock {
                title: b.title.clone(),
                minutes: b.planned_seconds.max(0).div_euclid(60),
            }),
        };
        RoomView {
            session_title: log.session.title.clone(),
            now,
            block_number: index + 1,
            block_count: log.blocks.len(),
            day_end: day.projected_end,
            slip_seconds: options.show_slip.then_some(day.slip),
            stage,
            next,
            homework: log.session.homework.clone(),
        }
    }
}

fn room_block(log: &SessionLog, block: &BlockLog, now: Stamp) -> RoomBlock {
    let clock = clock::block_clock(block, now);
    let content = match block.kind {
        BlockKindTag::Plenary => Content::Plenary,
        BlockKindTag::Evaluation => Content::Evaluation(Box::new(RoomEvaluation::of(
            block.evaluation.as_ref().unwrap_or(&Default::default()),
        ))),
        BlockKindTag::Break => Content::Break {
            back_at: now + Duration::seconds(clock.remaining.clamp(0, MAX_BREAK_SECONDS)),
        },
        BlockKindTag::Round => Content::Round(room_round(block, now)),
        BlockKindTag::Dilemmas => Content::Card(room_card(block, now)),
        BlockKindTag::Breakout => Content::Groups(block.splits.last().map(|split| {
            split
                .groups
                .iter()
                .enumerate()
                .map(|(i, members)| {
                    let members: Vec<ParticipantName> = members
                        .iter()
                        .filter(|name| clock::is_present(log, name))
                        .map(|name| ParticipantName(name.clone()))
                        .collect();
                    let mut roles: BTreeMap<String, String> = BTreeMap::new();
                    for (name, role) in &split.roles {
                        if members.iter().any(|m| m.0 == *name) {
                            roles
                                .entry(name.clone())
                                .and_modify(|held| *held = format!("{held}, {role}"))
                                .or_insert_with(|| role.clone());
                        }
                    }
                    RoomGroup {
                        number: i + 1,
                        members,
                        roles,
                    }
                })
                .collect()
        })),
        BlockKindTag::Harvest => Content::Harvest {
            takeaways: block.takeaways.iter().map(|n| n.text.clone()).collect(),
        },
        // Wishes are personal: the room sees the block's title and clock, nothing typed.
        BlockKindTag::Wishes => Content::Plenary,
    };
    RoomBlock {
        title: block.title.clone(),
        kind: block.kind,
        clock: clock.for_the_room(),
        content,
    }
}

/// A break longer than a day is a typo in a hand-edited log; the room sees at most that.
const MAX_BREAK_SECONDS: i64 = 24 * 3600;

fn room_round(block: &BlockLog, now: Stamp) -> RoomRound {
    let Some(round) = &block.round else {
        return RoomRound {
            speaker: None,
            order: Vec::new(),
            turns_taken: 0,
        };
    };
    let speaker = clock::speaker_clock(round, now)
        .map(|(name, turn)| (ParticipantName(name.to_owned()), turn.for_the_room()));
    RoomRound {
        speaker,
        order: round
            .order
            .iter()
            .map(|n| ParticipantName(n.clone()))
            .collect(),
        turns_taken: round.turns.len(),
    }
}

fn room_card(block: &BlockLog, now: Stamp) -> Option<RoomCard> {
    let card: &CardLog = block.cards.get(block.current_card)?;
    let card_clock = clock::card_clock(block, card, now);
    // Hands and phones together: the room sees one count per option.
    let (ballot, counted) = match card.round() {
        VoteRound::Revote => (Ballot::Revote, card.total_counts(VoteRound::Revote)),
        VoteRound::First => (Ballot::First, card.total_counts(VoteRound::First)),
    };
    let counted = counted.unwrap_or_default();
    Some(RoomCard {
        number: block.current_card + 1,
        of: block.drawn.len().max(block.cards.len()),
        title: card.title.clone(),
        situation: card.situation.clone(),
        options: card.options.clone(),
        questions: card.questions.clone(),
        clock: card_clock.for_the_room(),
        ballot,
        votes_cast: counted.iter().sum(),
        results: card.revealed.then(|| Results {
            first: card.total_counts(VoteRound::First).unwrap_or_default(),
            revote: card.total_counts(VoteRound::Revote),
        }),
    })
}
