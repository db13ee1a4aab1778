//! Moving through the day: start and pause a block's clock, next and previous, more or less
//! time, finishing. A block's elapsed time is the sum of its runs, so nothing drifts.

use super::{Engine, Event, Refusal};
use crate::engine::record::{Adjustment, Run, Stamp};

/// How a block is entered: forward shows its first card, backward its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Arrival {
    Forward,
    Backward,
}

/// The most a single change may add to or take from a block: a day.
const MAX_MINUTES: i64 = 24 * 60;

impl Engine {
    pub(super) fn start_pause(&mut self, now: Stamp) -> Vec<Event> {
        let index = self.current_index();
        let block = self.current_log_mut();
        match block.runs.last_mut() {
            Some(run) if run.to.is_none() => {
                run.to = Some(now);
                vec![Event::Paused { index }]
            }
            _ => {
                let first = block.runs.is_empty();
                block.runs.push(Run {
                    from: now,
                    to: None,
                });
                if first {
                    vec![Event::BlockStarted { index }]
                } else {
                    vec![Event::Resumed { index }]
                }
            }
        }
    }

    pub(super) fn next(&mut self, now: Stamp) -> Vec<Event> {
        if let Some(events) = self.next_card(now) {
            return events;
        }
        if self.current_index() + 1 >= self.log.blocks.len() {
            return self.finish(now);
        }
        self.move_to(self.current_index() + 1, Arrival::Forward, now)
    }

    pub(super) fn previous(&mut self, now: Stamp) -> Result<Vec<Event>, Refusal> {
        if self.log.finished.take().is_some() {
            // Going back after the end reopens the last block, its clock stopped.
            self.current_log_mut().ended = None;
            return Ok(vec![Event::MovedTo {
                index: self.current_index(),
            }]);
        }
        if let Some(events) = self.previous_card(now) {
            return Ok(events);
        }
        match self.current_index() {
            0 => Err(Refusal::AtStart),
            index => Ok(self.move_to(index - 1, Arrival::Backward, now)),
        }
    }

    /// Add or take whole minutes; a block never shrinks below one minute.
    pub(super) fn adjust(&mut self, minutes: i64, now: Stamp) -> Vec<Event> {
        let index = self.current_index();
        let block = self.current_log_mut();
        let allotted = super::clock::allotted(block);
        let seconds = (minutes.clamp(-MAX_MINUTES, MAX_MINUTES) * 60).max(60 - allotted);
        if seconds == 0 {
            return Vec::new();
        }
        block.adjustments.push(Adjustment { at: now, seconds });
        vec![Event::Adjusted { index, seconds }]
    }

    /// Set the time left of the current block to `minutes` (at least one), whatever it was.
    pub(super) fn set_remaining(&mut self, minutes: i64, now: Stamp) -> Vec<Event> {
        let index = self.current_index();
        let block = self.current_log_mut();
        let remaining = super::clock::block_clock(block, now).remaining;
        let seconds = minutes.clamp(1, MAX_MINUTES) * 60 - remaining;
        if seconds == 0 {
            return Vec::new();
        }
        block.adjustments.push(Adjustment { at: now, seconds });
        vec![Event::Adjusted { index, seconds }]
    }

    /// End the session now: the current block's clock stops and it ends.
    pub(super) fn finish(&mut self, now: Stamp) -> Vec<Event> {
        self.leave_block(now);
        self.log.finished = Some(now);
        vec![Event::Finished]
    }

    /// Stop the current block's clock; returns whether it was running.
    fn leave_block(&mut self, now: Stamp) -> bool {
        let block = self.current_log_mut();
        block.ended = Some(now);
        let running = block.runs.last().is_some_and(|run| run.to.is_none());
        if let Some(run) = block.runs.last_mut().filter(|run| run.to.is_none()) {
            run.to = Some(now);
        }
        if let Some(card) = block.cards.get_mut(block.current_card) {
            card.ended.get_or_insert(now);
        }
        running
    }

    /// Leave the current block for `index`; a running clock carries over: the room moves on.
    fn move_to(&mut self, index: usize, arrival: Arrival, now: Stamp) -> Vec<Event> {
        let running = self.leave_block(now);
        self.log.current = index;
        let mut events = vec![Event::MovedTo { index }];
        let block = self.current_log_mut();
        block.ended = None;
        if running {
            let first = block.runs.is_empty();
            block.runs.push(Run {
                from: now,
                to: None,
            });
            events.push(if first {
                Event::BlockStarted { index }
            } else {
                Event::Resumed { index }
            });
        }
        events.extend(self.enter_block(now, arrival));
        events
    }

    /// What entering the current block sets in motion: a Dilemmas block shows a card, a
    /// Breakout splits the people present.
    pub(super) fn enter_block(&mut self, now: Stamp, arrival: Arrival) -> Vec<Event> {
        let mut events = self.enter_cards(now, arrival);
        events.extend(self.enter_breakout(now));
        events
    }
}
