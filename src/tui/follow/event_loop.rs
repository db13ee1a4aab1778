//! The follower's loop: poll the log every `POLL`, redraw only when it changed, the shown
//! second or minute moves, a key is pressed or the terminal is resized; never on a fixed tick.

use super::script::audience_app;
use super::source::Source;
use super::view::{self, Screen};
use crate::engine::ticks;
use crate::tui::app::{App, Settings};
use crate::tui::event_loop::{SIGNAL_CHECK, draw_synced, now, stop_flag};
use crate::tui::keys::{self, Action, Mode};
use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;
use std::io;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// How often the log's size, time and inode are looked at (a change shows within this).
pub const POLL: Duration = Duration::from_millis(300);

/// Follow `source` until q, Ctrl-C or a signal. The caller owns terminal init/restore.
pub fn follow(
    terminal: &mut DefaultTerminal,
    source: &mut Source,
    mut settings: Settings,
) -> io::Result<()> {
    let stop = stop_flag()?;
    let mut app: Option<App> = None;
    let mut help = false;
    let mut redraw = true;
    let mut deadline = now();
    let mut poll_at = Instant::now();
    loop {
        if stop.load(Ordering::SeqCst) {
            return Ok(());
        }
        if Instant::now() >= poll_at {
            if source.poll(Instant::now()) {
                app = source.log().and_then(|log| audience_app(log, settings));
                redraw = true;
            }
            poll_at = Instant::now() + POLL;
        }
        let at = now();
        if redraw || at >= deadline {
            let screen = Screen {
                settings,
                status: source.status(),
                app: app.as_ref(),
                help,
            };
            draw_synced(terminal, |frame| view::draw(frame, &screen, at))?;
            // Without a session nothing on screen moves with the clock.
            deadline = app.as_ref().map_or(at + chrono::Duration::hours(1), |a| {
                ticks::next_change(a.engine().log(), at)
            });
            redraw = false;
        }
        let until_draw = (deadline - now()).to_std().unwrap_or(Duration::ZERO);
        let until_poll = poll_at.saturating_duration_since(Instant::now());
        if event::poll(until_draw.min(until_poll).min(SIGNAL_CHECK))? {
            match event::read()? {
                Event::Key(key) => match keys::action(key, Mode::Normal) {
                    Some(Action::AskQuit) => return Ok(()),
                    Some(Action::ToggleHelp) => {
                        help = !help;
                        redraw = true;
                    }
                    Some(Action::CycleTheme) => {
                        // The projector may wash the screen out: change colours on the spot.
                        settings.theme = settings.theme.cycled();
                        if let Some(app) = &mut app {
                            app.settings.theme = settings.theme;
                        }
                        redraw = true;
                    }
                    Some(Action::Close) if help => {
                        help = false;
                        redraw = true;
                    }
                    _ => {}
                },
                Event::Resize(..) => redraw = true,
                _ => {}
            }
        }
    }
}
