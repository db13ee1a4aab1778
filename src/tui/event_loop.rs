//! The terminal shell: init/restore, wait for a key or the next change of the screen, draw in
//! a synchronized update; SIGTERM/SIGHUP save the log and leave cleanly.

use super::app::App;
use super::keys::{self, Mode};
use super::picker::{Choice, Picked, Picker};
use super::theme::Theme;
use super::view;
use crate::engine::ticks;
use crate::i18n::Lang;
use crate::journal::record::Stamp;
use crossterm::event::{self, Event};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::{DefaultTerminal, Frame};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Longest wait between looks at the signal flag (the screen is not redrawn for it).
pub(crate) const SIGNAL_CHECK: Duration = Duration::from_secs(1);

/// The wall clock now, with the local UTC offset.
pub fn now() -> Stamp {
    chrono::Local::now().fixed_offset()
}

/// How long the loop gets to save and leave after SIGTERM/SIGHUP before the watchdog ends the
/// process (after a hang-up crossterm can spin inside `poll` on a closed tty and never return).
const GRACE: Duration = Duration::from_secs(2);

/// A flag set by SIGTERM or SIGHUP, with a watchdog that leaves if the loop does not.
pub(crate) fn stop_flag() -> io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ])?;
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

/// Run the runner until the facilitator quits or a signal arrives. The caller owns init/restore.
pub fn run_app(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let stop = stop_flag()?;
    app.settle(now());
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
        if event::poll(wait)? {
            match event::read()? {
                Event::Key(key) => {
                    if let Some(action) = keys::action(key, app.mode()) {
                        app.step(action, now());
                        redraw = true;
                    }
                }
                Event::Resize(..) => redraw = true,
                _ => {}
            }
            if app.should_quit() {
                app.save();
                return Ok(());
            }
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
    let stop = stop_flag()?;
    let mut redraw = true;
    loop {
        if stop.load(Ordering::SeqCst) {
            return Ok(None);
        }
        if redraw {
            draw_synced(terminal, |frame| {
                view::picker::draw(frame, picker, theme, lang)
            })?;
            redraw = false;
        }
        if !event::poll(SIGNAL_CHECK)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                if let Some(action) = keys::action(key, Mode::Choosing) {
                    match picker.step(action) {
                        Picked::Stay => redraw = true,
                        Picked::Run(choice) => return Ok(Some(choice)),
                        Picked::Leave => return Ok(None),
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
