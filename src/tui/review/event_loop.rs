//! The review screens' loop: draw, wait for a key or a resize, step, draw again; nothing
//! changes on its own, so it never redraws without input. SIGTERM/SIGHUP leave cleanly.

use super::app::ReviewApp;
use super::{draw, keys};
use crate::tui::event_loop::{SIGNAL_CHECK, draw_synced, stop_flag};
use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;
use std::io;
use std::sync::atomic::Ordering;

/// Run until the user leaves or a signal asks to. The caller owns init/restore.
pub fn run(terminal: &mut DefaultTerminal, app: &mut ReviewApp) -> io::Result<()> {
    let stop = stop_flag()?;
    let mut redraw = true;
    while !app.quit && !stop.load(Ordering::SeqCst) {
        if redraw {
            let mut drawn = None;
            draw_synced(terminal, |frame| drawn = Some(draw(frame, app)))?;
            if let Some(d) = drawn {
                app.drawn(d.scroll_limit, d.page);
            }
            redraw = false;
        }
        // Wake at least once a second to see the signal flag; nothing is drawn for it.
        if !event::poll(SIGNAL_CHECK)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                if let Some(action) = keys::action(key) {
                    app.step(action);
                    redraw = true;
                }
            }
            Event::Resize(..) => redraw = true,
            _ => {}
        }
    }
    Ok(())
}
