//! The follower's loop: poll the log every `POLL`, redraw only when it changed, the shown
//! second or minute moves, a key is pressed or the terminal is resized; never on a fixed tick.

use super::source::Source;
use super::view::{self, Screen};
use crate::engine::room::{RoomOptions, RoomView};
use crate::engine::ticks;
use crate::tui::app::Settings;
use crate::tui::event_loop::{SIGNAL_CHECK, draw_synced, now, stop_flag};
use crate::tui::keys::{self, Action, Mode};
use crossterm::event::{self, Event, KeyCode, KeyEventKind};
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
    let mut help = false;
    let mut flash = true;
    let mut redraw = true;
    let mut deadline = now();
    let mut poll_at = Instant::now();
    loop {
        if stop.load(Ordering::SeqCst) {
            return Ok(());
        }
        if Instant::now() >= poll_at {
            if source.poll(Instant::now()) {
                redraw = true;
            }
            poll_at = Instant::now() + POLL;
        }
        let at = now();
        if redraw || at >= deadline {
            // The room sees the log through its `RoomView` only; the slip stays off.
            let log = source.log().filter(|log| !log.blocks.is_empty());
            let shown = log.map(|log| RoomView::of(log, at, RoomOptions::default()));
            let screen = Screen {
                settings,
                status: source.status(),
                view: shown.as_ref(),
                help,
                flash,
            };
            draw_synced(terminal, |frame| view::draw(frame, &screen))?;
            // Without a session nothing on screen moves with the clock.
            deadline = log.map_or(at + chrono::Duration::hours(1), |log| {
                ticks::next_change(log, at)
            });
            redraw = false;
        }
        let until_draw = (deadline - now()).to_std().unwrap_or(Duration::ZERO);
        let until_poll = poll_at.saturating_duration_since(Instant::now());
        if event::poll(until_draw.min(until_poll).min(SIGNAL_CHECK))? {
            match event::read()? {
                Event::Key(key)
                    if key.code == KeyCode::Char('f') && key.kind != KeyEventKind::Release =>
                {
                    flash = !flash;
                    redraw = true;
                }
                Event::Key(key) => match keys::action(key, Mode::Normal) {
                    Some(Action::AskQuit) => return Ok(()),
                    Some(Action::ToggleHelp) => {
                        help = !help;
                        redraw = true;
                    }
                    Some(Action::CycleTheme) => {
                        // The projector may wash the screen out: change colours on the spot.
                        settings.theme = settings.theme.cycled();
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
