//! A runner without a screen: the engine, its recorder and the room server on a thread of
//! their own. Tests and the bench drive it; `tui` does the same inside its event loop.

use super::host::{Inbound, Pending};
use super::server::{Room, RoomConfig, StartError};
use crate::engine::record::SessionLog;
use crate::engine::{Command, Engine, Event, Refusal};
use crate::journal::Recorder;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

/// The engine and recorder shared by the host thread and the caller's facilitator commands.
struct Desk {
    engine: Engine,
    recorder: Box<dyn Recorder + Send>,
}

/// A running session with its room open and no screen.
pub struct Headless {
    desk: Arc<Mutex<Desk>>,
    room: Option<Arc<Room>>,
    host: Option<JoinHandle<()>>,
}

/// The log's time for commands: the wall clock, like the runner's.
fn now() -> crate::engine::record::Stamp {
    chrono::Local::now().fixed_offset()
}

impl Headless {
    /// Open the room of `engine` (a new join code, or the one its log already has) and serve.
    pub fn start(
        mut engine: Engine,
        recorder: Box<dyn Recorder + Send>,
        config: RoomConfig,
    ) -> Result<Headless, StartError> {
        let join_code = super::secrets::join_code();
        let _ = engine.apply(Command::OpenRoom { join_code }, now());
        let (sender, inbox) = channel::<Inbound>();
        let room = Arc::new(Room::start(config, engine.log(), move |inbound| {
            sender.send(inbound).is_ok()
        })?);
        let desk = Arc::new(Mutex::new(Desk { engine, recorder }));
        {
            let mut desk = desk.lock().unwrap_or_else(PoisonError::into_inner);
            let log = desk.engine.log().clone();
            let _ = desk.recorder.write(&log);
        }
        let host = {
            let desk = Arc::clone(&desk);
            let room = Arc::clone(&room);
            std::thread::spawn(move || host(&desk, &room, &inbox))
        };
        Ok(Headless {
            desk,
            room: Some(room),
            host: Some(host),
        })
    }

    /// The room server.
    pub fn room(&self) -> &Room {
        self.room.as_ref().expect("the room runs until drop")
    }

    /// A facilitator's command (a key on the runner): applied, written and published.
    pub fn command(&self, command: Command) -> Result<Vec<Event>, Refusal> {
        let mut desk = self.desk.lock().unwrap_or_else(PoisonError::into_inner);
        let events = desk.engine.apply(command, now())?;
        let log = desk.engine.log().clone();
        let _ = desk.recorder.write(&log);
        self.room().publish(&log);
        Ok(events)
    }

    /// The log as it stands.
    pub fn log(&self) -> SessionLog {
        let desk = self.desk.lock().unwrap_or_else(PoisonError::into_inner);
        desk.engine.log().clone()
    }
}

impl Drop for Headless {
    fn drop(&mut self) {
        if let Some(room) = self.room.take() {
            // Stopping the room closes the inbox, which ends the host thread.
            room.stop();
        }
        if let Some(host) = self.host.take() {
            let _ = host.join();
        }
    }
}

/// Take every waiting phone command, write the log once, publish it, then answer them all.
fn host(desk: &Mutex<Desk>, room: &Room, inbox: &Receiver<Inbound>) {
    while let Ok(first) = inbox.recv() {
        let mut desk = desk.lock().unwrap_or_else(PoisonError::into_inner);
        let mut pending = Pending::default();
        let at = now();
        let mut next = Some(first);
        while let Some(inbound) = next {
            let finishes = desk.engine.next_finishes();
            pending.take(inbound, finishes, |command| desk.engine.apply(command, at));
            next = inbox.try_recv().ok();
        }
        if pending.changed() {
            let log = desk.engine.log().clone();
            let _ = desk.recorder.write(&log);
            room.publish(&log);
        }
        drop(desk);
        pending.answer();
    }
}
