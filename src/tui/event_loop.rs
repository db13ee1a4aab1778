//! The terminal shell: init/restore, wait on one inbox (keys, phones) or the next change of the
//! screen, draw in a synchronized update; SIGTERM, SIGHUP, SIGINT and SIGQUIT save the log and
//! leave cleanly.

use super::app::{App, JoinInfo};
use super::keys::{self, Mode};
use super::picker::{Answer, Asked, Choice, Picked, Picker, Question};
use super::theme::Theme;
use super::view;
use crate::engine::Command;
use crate::engine::ticks;
use crate::i18n::Lang;
use crate::journal::record::Stamp;
use crate::room::{Inbound, Pending, Room, RoomConfig, StartError};
use crossterm::event::{self, Event};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::{DefaultTerminal, Frame};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// Longest wait between looks at the signal flag (the screen is not redrawn for it).
pub(crate) const SIGNAL_CHECK: Duration = Duration::from_secs(1);

/// The wall clock now, with the local UTC offset.
pub fn now() -> Stamp {
    chrono::Local::now().fixed_offset()
}

/// How long the loop gets to save and leave after a signal before the watchdog ends the
/// process (after a hang-up crossterm can spin inside `poll` on a closed tty and never return).
const GRACE: Duration = Duration::from_secs(2);

/// The signals that end the runner the way `q` `y` does: the log saved, the terminal restored.
/// (In raw mode Ctrl-C and Ctrl-\ are keys; SIGINT and SIGQUIT come from `kill` or a parent.)
pub const STOP_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// A flag set by any of `STOP_SIGNALS`, with a watchdog that leaves if the loop does not.
/// One flag and one watchdog per process, however many screens (picker, question, runner) ask.
pub(crate) fn stop_flag() -> io::Result<Arc<AtomicBool>> {
    static FLAG: std::sync::OnceLock<Arc<AtomicBool>> = std::sync::OnceLock::new();
    if let Some(flag) = FLAG.get() {
        return Ok(Arc::clone(flag));
    }
    let flag = Arc::clone(FLAG.get_or_init(|| Arc::new(AtomicBool::new(false))));
    let mut signals = signal_hook::iterator::Signals::new(STOP_SIGNALS)?;
    let seen = Arc::clone(&flag);
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            seen.store(true, Ordering::SeqCst);
            std::thread::sleep(GRACE);
            // The loop did not get back in time. Every recorded action is already on disk
            // (the log is written after each one), so leaving loses nothing that was saved.
            ratatui::restore();
            std::process::exit(0);
        }
    });
    Ok(flag)
}

/// Draw one frame inside a synchronized update, so a projector never shows half a frame.
pub(crate) fn draw_synced(
    terminal: &mut DefaultTerminal,
    draw: impl FnOnce(&mut Frame),
) -> io::Result<()> {
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(draw)?;
    crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}

/// What wakes the runner: a key or resize from the terminal, or a command from a phone.
pub enum Wake {
    Terminal(Event),
    /// The terminal could not be read (e.g. it went away); the runner saves and leaves.
    TerminalFailed(io::Error),
    /// room: a phone's command, answered once the log is written.
    Room(Inbound),
}

/// The one channel the runner waits on: the terminal's reader and the room both send to it,
/// so the loop sleeps until either has something (or the screen must change), never spinning.
pub struct Inbox {
    sender: Sender<Wake>,
    receiver: Receiver<Wake>,
}

impl Default for Inbox {
    fn default() -> Inbox {
        let (sender, receiver) = channel();
        Inbox { sender, receiver }
    }
}

impl Inbox {
    /// How the room hands a phone's command to this runner.
    pub fn for_room(&self) -> impl Fn(Inbound) -> bool + Send + Sync + 'static {
        let sender = self.sender.clone();
        move |inbound| sender.send(Wake::Room(inbound)).is_ok()
    }
}

/// Read the terminal on a thread of its own and send what it reads to the runner's inbox.
fn read_terminal(sender: Sender<Wake>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("regie-keys".into())
        .spawn(move || {
            loop {
                let wake = match event::read() {
                    Ok(event) => Wake::Terminal(event),
                    Err(error) => Wake::TerminalFailed(error),
                };
                let failed = matches!(wake, Wake::TerminalFailed(_));
                if sender.send(wake).is_err() || failed {
                    return;
                }
            }
        })
        .map(|_| ())
}

/// room: open the session's room (a fresh join code, or the one its log already has, so a
/// resumed run keeps its code and its phones) and start the server on `config`'s address.
pub fn open_room(app: &mut App, config: RoomConfig, inbox: &Inbox) -> Result<Room, StartError> {
    let join_code = crate::room::secrets::join_code();
    let _ = app.remote(Command::OpenRoom { join_code }, now());
    app.save();
    let room = Room::start(config, app.engine().log(), inbox.for_room())?;
    app.join = Some(JoinInfo {
        url: room.join_url(),
        base_url: room.base_url(),
        code: room.join_code(),
    });
    Ok(room)
}

/// Run the runner until the facilitator quits or a signal arrives. The caller owns init/restore.
pub fn run_app(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    run_with(terminal, app, Inbox::default(), None)
}

/// Run the runner with `room` (if open) serving phones through `inbox`.
pub fn run_with(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    inbox: Inbox,
    mut room: Option<Room>,
) -> io::Result<()> {
    let stop = stop_flag()?;
    app.settle(now());
    read_terminal(inbox.sender.clone())?;
    let mut redraw = true;
    let mut deadline = now();
    loop {
        let at = now();
        if stop.load(Ordering::SeqCst) {
            app.save();
            return Ok(());
        }
        if app.log_error.is_some() {
            // Keep trying the failed write about once a second (the folder may come back);
            // the warning goes away as soon as the log is on disk again.
            app.save();
            redraw |= app.log_error.is_none();
        }
        // Hot reload between blocks: one look at the session file's time, reloaded if changed.
        if app.check_reload() {
            app.save();
            redraw = true;
        }
        if app.bell_due(at) {
            terminal.backend_mut().write_all(b"\x07")?;
            terminal.backend_mut().flush()?;
        }
        if redraw || at >= deadline {
            draw_synced(terminal, |frame| view::draw(frame, app, at))?;
            deadline = ticks::next_change(app.engine().log(), at);
            redraw = false;
            deliberate_panic_for_tests();
        }
        let wait = (deadline - now())
            .to_std()
            .unwrap_or(Duration::ZERO)
            .min(SIGNAL_CHECK);
        let Ok(first) = inbox.receiver.recv_timeout(wait) else {
            continue;
        };
        // Take everything that is waiting; phones' commands are written once, then answered.
        let mut pending = Pending::default();
        let mut next = Some(first);
        while let Some(wake) = next {
            match wake {
                Wake::Terminal(Event::Key(key)) => {
                    if let Some(action) = keys::action(key, app.mode()) {
                        app.step(action, now());
                        redraw = true;
                    }
                }
                Wake::Terminal(Event::Resize(..)) => redraw = true,
                Wake::Terminal(_) => {}
                Wake::TerminalFailed(error) => {
                    app.save();
                    return Err(error);
                }
                Wake::Room(inbound) => {
                    let at = now();
                    pending.take(inbound, |command| app.remote(command, at));
                }
            }
            if app.should_quit() {
                break;
            }
            next = inbox.receiver.try_recv().ok();
        }
        if !pending.is_empty() {
            app.save();
            redraw |= pending.changed();
            pending.answer();
        }
        if let Some(open) = &room {
            open.publish(app.engine().log());
        }
        if app.engine().is_finished() && room.is_some() {
            // The session has ended: the room closes with it.
            room = None;
            app.join = None;
        }
        if app.should_quit() {
            app.save();
            return Ok(());
        }
    }
}

/// Show the picker until a session is chosen (`Some`) or the user leaves (`None`).
pub fn pick_session(
    terminal: &mut DefaultTerminal,
    picker: &mut Picker,
    theme: &Theme,
    lang: Lang,
) -> io::Result<Option<Choice>> {
    choose(
        terminal,
        picker,
        |frame, picker| view::picker::draw(frame, picker, theme, lang),
        |picker, action| match picker.step(action) {
            Picked::Stay => None,
            Picked::Run(choice) => Some(Some(choice)),
            Picked::Leave => Some(None),
        },
    )
}

/// Ask whether to continue a session's unfinished run or start anew (`None`: the user left).
pub fn ask_resume(
    terminal: &mut DefaultTerminal,
    question: &mut Question,
    theme: &Theme,
    lang: Lang,
) -> io::Result<Option<Answer>> {
    choose(
        terminal,
        question,
        |frame, question| view::picker::draw_question(frame, question, theme, lang),
        |question, action| match question.step(action) {
            Asked::Stay => None,
            Asked::Answered(answer) => Some(Some(answer)),
            Asked::Leave => Some(None),
        },
    )
}

/// A screen of choices before the runner: drawn from `state`, redrawn after each key and
/// resize, until `step` has an outcome (`Some(None)`: the user left) or a signal ends it.
fn choose<S, T>(
    terminal: &mut DefaultTerminal,
    state: &mut S,
    draw: impl Fn(&mut ratatui::Frame, &S),
    step: impl Fn(&mut S, keys::Action) -> Option<Option<T>>,
) -> io::Result<Option<T>> {
    let stop = stop_flag()?;
    let mut redraw = true;
    loop {
        if stop.load(Ordering::SeqCst) {
            return Ok(None);
        }
        if redraw {
            draw_synced(terminal, |frame| draw(frame, state))?;
            redraw = false;
        }
        if !event::poll(SIGNAL_CHECK)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                if let Some(action) = keys::action(key, Mode::Choosing) {
                    match step(state, action) {
                        None => redraw = true,
                        Some(outcome) => return Ok(outcome),
                    }
                }
            }
            Event::Resize(..) => redraw = true,
            _ => {}
        }
    }
}

/// Debug builds only: `REGIE_DEBUG_PANIC=1` panics after the first frame, so the end-to-end
/// tests can check that the panic hook gives the terminal back (release builds never do this).
fn deliberate_panic_for_tests() {
    if cfg!(debug_assertions) && std::env::var_os("REGIE_DEBUG_PANIC").is_some() {
        panic!("REGIE_DEBUG_PANIC is set: a deliberate panic to test the terminal restore");
    }
}
