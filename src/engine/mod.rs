//! The live session as a pure state machine: commands and the time go in, events come out.
//! It never reads the clock, sleeps or touches files; its state is the session log.

pub mod agenda;
mod breakout;
pub mod clock;
pub mod command;
mod dilemmas;
pub mod draw;
pub mod entries;
pub mod evaluation;
pub mod fit;
pub mod forms;
pub mod history;
pub mod phones;
pub mod plan;
pub mod record;
pub mod room;
pub mod room_evaluation;
mod round;
mod seed;
pub mod ticks;
mod timeline;
pub mod wishes;
pub mod words;

pub use breakout::PlanTrouble;
pub use clock::{BlockClock, DayClock};
pub use command::{Command, Event, Refusal};
pub use fit::Mismatch;
pub use history::ProgrammeHistory;
pub use plan::{Changed, InsertKind, PlanRefusal, Reloaded};
pub use room::{RoomOptions, RoomView};

use crate::engine::record::{BlockLog, CardLog, GroupSplit, SessionInfo, SessionLog, Stamp};
use crate::script::{Block, LoadedSession};
use record::FORMAT_VERSION;

/// A session being run.
#[derive(Debug, Clone)]
pub struct Engine {
    script: LoadedSession,
    history: ProgrammeHistory,
    log: SessionLog,
}

impl Engine {
    /// A fresh run: opens on the first block, its clock not yet running; everyone present.
    pub fn new(script: LoadedSession, history: ProgrammeHistory, now: Stamp) -> Engine {
        let session = &script.session;
        let log = SessionLog {
            format: FORMAT_VERSION,
            session: SessionInfo {
                title: session.title.clone(),
                file: script.source.clone(),
                programme: session.programme.clone(),
                cohort: script.cohort.as_ref().map(|c| c.name.clone()),
                planned_start: session.start.clone(),
                homework: session.homework.clone(),
                attendance_rule: script.cohort.as_ref().and_then(|c| c.attendance_rule),
                identity: Default::default(),
            },
            created: now,
            finished: None,
            current: 0,
            participants: script
                .cohort
                .iter()
                .flat_map(|c| &c.participants)
                .map(|p| p.name.0.clone())
                .collect(),
            attendance: Vec::new(),
            blocks: session.blocks.iter().map(block_log).collect(),
            phones: None,
            wishes: Vec::new(),
            dropped: Vec::new(),
        };
        let mut engine = Engine {
            script,
            history,
            log,
        };
        engine.enter_block(now, timeline::Arrival::Forward);
        engine
    }

    /// Continue a run from its log: same block and card; a clock that was running has kept
    /// running while the laptop was down (its open run simply stays open).
    /// A log that does not fit the script (changed since, or edited by hand) is refused.
    pub fn resume(
        script: LoadedSession,
        history: ProgrammeHistory,
        log: SessionLog,
    ) -> Result<Engine, Mismatch> {
        let blocks = fit::plan(&script, &log, plan::Leniency::Strict)?;
        let script = LoadedSession {
            session: crate::script::Session {
                blocks,
                ..script.session
            },
            ..script
        };
        Ok(Engine {
            script,
            history,
            log,
        })
    }

    /// Make a new or resumed run ready at `now`: a breakout on screen without groups (the
    /// session opens on one, or an older log) gets its split.
    pub fn settle(&mut self, now: Stamp) -> Vec<Event> {
        if self.is_finished() {
            return Vec::new();
        }
        self.enter_breakout(now)
    }

    /// Apply one command at `now`. A refusal leaves the state as it was.
    pub fn apply(&mut self, command: Command, now: Stamp) -> Result<Vec<Event>, Refusal> {
        if self.log.finished.is_some() && !matches!(command, Command::Previous) {
            return Err(Refusal::Finished);
        }
        match command {
            Command::StartPause => Ok(self.start_pause(now)),
            Command::Next => Ok(self.next(now)),
            Command::Previous => self.previous(now),
            Command::Adjust { minutes } => Ok(self.adjust(minutes, now)),
            Command::SetRemaining { minutes } => Ok(self.set_remaining(minutes, now)),
            Command::Finish => Ok(self.finish(now)),
            Command::Vote { option } => self.vote(option, now),
            Command::UndoVote if self.latest_split().is_some() => self.undo_reshuffle(),
            Command::UndoVote if self.on_evaluation() => self.undo_form(),
            Command::ToggleReveal if self.on_evaluation() => self.toggle_evaluation_reveal(),
            Command::PaperForm { form } => self.paper_form(form, now),
            Command::PhoneForm { token, block, form } => self.phone_form(&token, block, form, now),
            Command::Moderate { slot, decision } => self.moderate(slot, decision),
            Command::UndoVote => self.undo_vote(),
            Command::StartRevote => self.start_revote(),
            Command::ToggleReveal => self.toggle_reveal(),
            Command::ReplaceCard { card } => self.replace_card(card, now),
            Command::Note { text } => self.note(text, now),
            Command::Outcome { text } => self.outcome(text),
            Command::Takeaway { text } => self.takeaway(text, now),
            Command::Correct { kind, index, text } => self.correct(kind, index, text, now),
            Command::NextSpeaker => self.next_speaker(now),
            Command::Wish { name, aspect, text } => self.wish(name, aspect, text, now),
            Command::SetPresent { name, present } => self.set_present(name, present, now),
            Command::Reshuffle { seed } => self.reshuffle(seed, now),
            Command::Swap { a, b } => self.swap(&a, &b),
            Command::ResizeGroups { delta } => self.resize_groups(delta, now),
            Command::OpenRoom { join_code } => self.open_room(join_code),
            Command::JoinPhone { token } => self.join_phone(token),
            Command::PhoneVote {
                token,
                card,
                round,
                option,
            } => self.phone_vote(&token, &card, round, option),
            Command::MoveBlock { index, later } => self.move_block(index, later, now),
            Command::InsertBlock {
                title,
                minutes,
                kind,
            } => self.insert_block(title, minutes, kind, now),
            Command::DropBlock { index } => self.drop_block(index, now),
        }
    }

    /// The recorded state: what the journal writes.
    pub fn log(&self) -> &SessionLog {
        &self.log
    }

    pub fn script(&self) -> &LoadedSession {
        &self.script
    }

    pub fn history(&self) -> &ProgrammeHistory {
        &self.history
    }

    /// Index of the block on screen.
    pub fn current_index(&self) -> usize {
        self.log
            .current
            .min(self.log.blocks.len().saturating_sub(1))
    }

    /// The block on screen: as scripted and as recorded.
    pub fn current_block(&self) -> (&Block, &BlockLog) {
        let index = self.current_index();
        (&self.script.session.blocks[index], &self.log.blocks[index])
    }

    /// Title of the block after the current one, if any.
    pub fn next_title(&self) -> Option<&str> {
        let next = self.current_index() + 1;
        self.script
            .session
            .blocks
            .get(next)
            .map(|b| b.title.as_str())
    }

    pub fn is_finished(&self) -> bool {
        self.log.finished.is_some()
    }

    /// Whether `Next` now would end the session: the last block, with no card left to show.
    pub fn next_finishes(&self) -> bool {
        !self.is_finished()
            && self.current_index() + 1 >= self.log.blocks.len()
            && !self.has_next_card()
    }

    /// The clock of block `index` at `now`.
    pub fn block_clock(&self, index: usize, now: Stamp) -> Option<BlockClock> {
        self.log
            .blocks
            .get(index)
            .map(|b| clock::block_clock(b, now))
    }

    /// The day's projected and planned end at `now`.
    pub fn day_clock(&self, now: Stamp) -> DayClock {
        clock::day_clock(&self.log, now)
    }

    /// The card on screen, if the current block shows cards.
    pub fn current_card(&self) -> Option<&CardLog> {
        let (_, block) = self.current_block();
        block.cards.get(block.current_card)
    }

    /// The clock of the card on screen.
    pub fn card_clock(&self, now: Stamp) -> Option<BlockClock> {
        let (_, block) = self.current_block();
        let card = block.cards.get(block.current_card)?;
        Some(clock::card_clock(block, card, now))
    }

    /// Votes counted in the current ballot of the card on screen against the people present,
    /// when there are more votes than people (a hand counted twice): `(votes, present)`.
    pub fn votes_over_present(&self) -> Option<(u32, usize)> {
        let card = self.current_card()?;
        let votes: u32 = card.revotes.as_ref().unwrap_or(&card.votes).iter().sum();
        let present = self.present().len();
        (present > 0 && votes as usize > present).then_some((votes, present))
    }

    /// Everyone present now, in cohort order.
    pub fn present(&self) -> Vec<String> {
        self.log
            .participants
            .iter()
            .filter(|name| clock::is_present(&self.log, name))
            .cloned()
            .collect()
    }

    /// The newest split of the current block, if it is a breakout that has been split.
    pub fn latest_split(&self) -> Option<&GroupSplit> {
        self.current_block().1.splits.last()
    }

    fn current_log_mut(&mut self) -> &mut BlockLog {
        let index = self.current_index();
        &mut self.log.blocks[index]
    }

    fn set_present(
        &mut self,
        name: String,
        present: bool,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        if !self.log.participants.contains(&name) {
            return Err(Refusal::UnknownPerson(name));
        }
        if clock::is_present(&self.log, &name) == present {
            return Ok(Vec::new());
        }
        self.log
            .attendance
            .push(crate::engine::record::AttendanceMark {
                at: now,
                name: name.clone(),
                present,
            });
        let mut events = self.repair_split(&name, present, now);
        events.insert(0, Event::AttendanceChanged { name, present });
        Ok(events)
    }

    fn takeaway(&mut self, text: String, now: Stamp) -> Result<Vec<Event>, Refusal> {
        let text = non_empty(text)?;
        if !matches!(
            self.current_block().0.kind,
            crate::script::BlockKind::Harvest
        ) {
            return Err(Refusal::WrongBlock);
        }
        self.current_log_mut()
            .takeaways
            .push(crate::engine::record::Note { at: now, text });
        Ok(vec![Event::NoteRecorded])
    }
}

/// Trimmed text, or a refusal when nothing is left.
fn non_empty(text: String) -> Result<String, Refusal> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(Refusal::EmptyText)
    } else {
        Ok(trimmed.to_owned())
    }
}

/// The empty record of a scripted block.
fn block_log(block: &Block) -> BlockLog {
    BlockLog {
        title: block.title.clone(),
        kind: block.kind.tag(),
        planned_seconds: block.minutes.seconds(),
        runs: Vec::new(),
        ended: None,
        adjustments: Vec::new(),
        cards: Vec::new(),
        current_card: 0,
        skipped: Vec::new(),
        undone_splits: Vec::new(),
        draw_seed: None,
        drawn: Vec::new(),
        splits: Vec::new(),
        round: None,
        takeaways: Vec::new(),
        notes: Vec::new(),
        corrections: Vec::new(),
        evaluation: evaluation::EvaluationLog::for_kind(&block.kind),
        live: None,
    }
}

#[cfg(test)]
mod tests;
