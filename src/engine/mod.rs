//! The live session as a pure state machine: commands and the time go in, events come out.
//! It never reads the clock, sleeps or touches files; its state is the session log.

pub mod clock;
pub mod command;
pub mod history;

pub use clock::{BlockClock, DayClock};
pub use command::{Command, Event, Refusal};
pub use history::ProgrammeHistory;

use crate::journal::record::{SessionLog, Stamp};
use crate::script::LoadedSession;

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
        let _ = (&script, &history, now);
        todo!("engine helper")
    }

    /// Continue a run from its log: same block; a clock that was running has kept running
    /// while the laptop was down (its open run is extended to `now` by simply staying open).
    pub fn resume(script: LoadedSession, history: ProgrammeHistory, log: SessionLog) -> Engine {
        Engine {
            script,
            history,
            log,
        }
    }

    /// Apply one command at `now`.
    pub fn apply(&mut self, command: Command, now: Stamp) -> Result<Vec<Event>, Refusal> {
        let _ = (command, now);
        todo!("engine helper")
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
}
