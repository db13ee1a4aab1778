//! The runner's side of the room: phones' commands arrive as `Inbound` messages, are applied
//! through the engine like keys, written once per batch, and only then answered.

use crate::engine::{Command, Event, Refusal};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::Duration;

/// A phone's command on its way to the runner, with where the answer goes.
#[derive(Debug)]
pub struct Inbound {
    pub command: Command,
    reply: SyncSender<Answer>,
}

impl Inbound {
    /// A message for `command` and the receiver its answer will arrive on.
    pub fn new(command: Command) -> (Inbound, Receiver<Answer>) {
        let (reply, answer) = sync_channel(1);
        (Inbound { command, reply }, answer)
    }
}

/// How long a phone's request waits for the runner before it is answered "busy".
pub const ANSWER_WITHIN: Duration = Duration::from_secs(3);

/// What the runner answers a phone: taken, or why not.
pub type Answer = Result<(), Refusal>;

/// Answers held back until the log with their commands is on disk.
#[derive(Debug, Default)]
pub struct Pending {
    answers: Vec<(SyncSender<Answer>, Answer)>,
    changed: bool,
}

impl Pending {
    /// Apply `inbound` with `apply` (the engine, through the runner) and hold its answer.
    /// `next_finishes` is the engine's word on whether `Next` would end the session now: from
    /// the room (the facilitator's remote) it never does; that is asked at the laptop.
    pub fn take(
        &mut self,
        inbound: Inbound,
        next_finishes: bool,
        apply: impl FnOnce(Command) -> Result<Vec<Event>, Refusal>,
    ) {
        let result = if next_finishes && inbound.command == Command::Next {
            Err(Refusal::Finished)
        } else {
            apply(inbound.command).map(|events| {
                self.changed |= !events.is_empty();
            })
        };
        self.answers.push((inbound.reply, result));
    }

    /// Whether any command changed the log (it must be written and published).
    pub fn changed(&self) -> bool {
        self.changed
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// Send every held answer (call after the log is written).
    pub fn answer(self) {
        for (reply, result) in self.answers {
            // A phone that gave up waiting has gone; nothing to tell it.
            let _ = reply.try_send(result);
        }
    }
}
