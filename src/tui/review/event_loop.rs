//! The review screens' loop: draw, wait for a key or a resize, step, draw again; nothing
//! changes on its own, so it never redraws without input. The caller owns init/restore.

use super::app::ReviewApp;
use super::{draw, keys};
use crossterm::event::{self, Event};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::DefaultTerminal;
use std::io;

/// Run until the user leaves.
pub fn run(terminal: &mut DefaultTerminal, app: &mut ReviewApp) -> io::Result<()> {
    let mut redraw = true;
    while !app.quit {
        if redraw {
            crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
            let mut drawn = None;
            terminal.draw(|frame| drawn = Some(draw(frame, app)))?;
            crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
            if let Some(d) = drawn {
                app.drawn(d.scroll_limit, d.page);
            }
            redraw = false;
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
