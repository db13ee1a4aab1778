//! The room's screen: the runner's views of the room's `App`, or a waiting screen while there
//! is no session to show; a quiet marker when the log cannot be read; `?` lists the keys.

use super::source::Status;
use crate::journal::record::Stamp;
use crate::tui::app::{App, Settings};
use crate::tui::view::{self, help};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub struct FollowStrings {
    pub waiting: &'static str,
    pub waiting_how: &'static str,
    pub unreadable: &'static str,
    pub unreadable_how: &'static str,
    /// Shown small in a corner while the last good state is on screen.
    pub stale: &'static str,
    pub help_title: &'static str,
    pub keys: &'static [(&'static str, &'static str)],
}

const NL: FollowStrings = FollowStrings {
    waiting: "Wachten op de sessie…",
    waiting_how: "Zodra de sessie op de laptop start, is ze hier te zien.",
    unreadable: "De sessie is nog niet te lezen…",
    unreadable_how: "Dit scherm probeert het steeds opnieuw.",
    stale: "verbinding even kwijt",
    help_title: " Toetsen (Esc sluit) ",
    keys: &[
        ("q", "stoppen met volgen"),
        ("T", "kleuren: donker, licht, contrast"),
        ("?", "deze hulp"),
        ("Esc", "sluiten"),
    ],
};
const EN: FollowStrings = FollowStrings {
    waiting: "Waiting for the session…",
    waiting_how: "As soon as the session starts on the laptop, it shows here.",
    unreadable: "The session cannot be read yet…",
    unreadable_how: "This screen keeps trying.",
    stale: "lost touch for a moment",
    help_title: " Keys (Esc closes) ",
    keys: &[
        ("q", "stop following"),
        ("T", "colours: dark, light, contrast"),
        ("?", "this help"),
        ("Esc", "close"),
    ],
};

/// Everything the room's screen is drawn from.
pub struct Screen<'a> {
    pub settings: Settings,
    pub status: Status,
    /// The room's copy of the run, once a log has been read.
    pub app: Option<&'a App>,
    pub help: bool,
}

pub fn draw(frame: &mut Frame, screen: &Screen, now: Stamp) {
    let area = frame.area();
    let (theme, lang) = (&screen.settings.theme, screen.settings.lang);
    let strings = lang.pick(&NL, &EN);
    match screen.app {
        Some(app) => {
            view::draw(frame, app, now);
            if screen.status == Status::Stale {
                stale_marker(frame, area, app, now, strings.stale);
            }
        }
        None => {
            frame.render_widget(Block::new().style(theme.base()), area);
            if area.width < view::MIN_WIDTH || area.height < view::MIN_HEIGHT {
                view::too_small(frame, area, lang, theme.text());
                return;
            }
            let (title, how) = match screen.status {
                Status::NoSession => (strings.waiting, strings.waiting_how),
                _ => (strings.unreadable, strings.unreadable_how),
            };
            let lines = vec![
                Line::styled(title, theme.title()),
                Line::raw(""),
                Line::styled(how, theme.dim()),
            ];
            let paragraph = Paragraph::new(lines).wrap(Wrap { trim: true }).centered();
            let height = (paragraph.line_count(area.width) as u16).min(area.height);
            frame.render_widget(paragraph, view::centered(area, area.width, height));
        }
    }
    let big_enough = area.width >= view::MIN_WIDTH && area.height >= view::MIN_HEIGHT;
    if screen.help && big_enough {
        help::popup(frame, area, theme, strings.help_title, strings.keys);
    }
}

/// The stale message on the bottom row, right of the status line (cut short if need be).
fn stale_marker(frame: &mut Frame, area: Rect, app: &App, now: Stamp, text: &'static str) {
    if area.width < view::MIN_WIDTH || area.height < view::MIN_HEIGHT {
        return;
    }
    let status = view::status::status_text(app, now, area.width);
    let from = (status.chars().count() as u16 + 1).min(area.width);
    let wanted = text.chars().count() as u16 + 2;
    let width = wanted.min(area.width - from);
    let row = Rect {
        x: area.x + area.width - width,
        y: area.y + area.height - 1,
        width,
        height: 1,
    };
    frame.render_widget(
        Paragraph::new(Line::from(format!(" {text} "))).style(app.settings.theme.warning()),
        row,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_list_the_same_keys_and_no_string_is_empty() {
        let keys = |s: &FollowStrings| s.keys.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(&NL), keys(&EN));
        for s in [&NL, &EN] {
            let texts = [
                s.waiting,
                s.waiting_how,
                s.unreadable,
                s.unreadable_how,
                s.stale,
                s.help_title,
            ];
            assert!(texts.iter().all(|t| !t.trim().is_empty()));
            assert!(s.keys.iter().all(|(_, what)| !what.is_empty()));
        }
    }
}
