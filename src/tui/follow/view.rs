//! The follower's screen: the room's screen of the log's `RoomView`, or a waiting screen while
//! there is no session to show; a quiet marker when the log cannot be read; `?` lists the keys.

use super::source::Status;
use crate::engine::room::RoomView;
use crate::tui::app::Settings;
use crate::tui::room::{self, RoomStyle};
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
        ("f", "knipperen bij nul aan of uit"),
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
        ("f", "flash at zero on or off"),
        ("?", "this help"),
        ("Esc", "close"),
    ],
};

/// Everything the room's screen is drawn from.
pub struct Screen<'a> {
    pub settings: Settings,
    pub status: Status,
    /// What the room sees of the run, once a log has been read.
    pub view: Option<&'a RoomView>,
    pub help: bool,
    /// Whether the digits flash when a countdown reaches zero.
    pub flash: bool,
}

pub fn draw(frame: &mut Frame, screen: &Screen) {
    let area = frame.area();
    let (theme, lang) = (&screen.settings.theme, screen.settings.lang);
    let strings = lang.pick(&NL, &EN);
    match screen.view {
        Some(shown) => {
            let style = RoomStyle {
                theme,
                lang,
                flash: screen.flash,
            };
            room::draw(frame, area, shown, &style);
            if screen.status == Status::Stale {
                stale_marker(frame, area, &screen.settings, strings.stale);
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

/// The stale message at the right of the bottom row.
fn stale_marker(frame: &mut Frame, area: Rect, settings: &Settings, text: &'static str) {
    if area.width < view::MIN_WIDTH || area.height < view::MIN_HEIGHT {
        return;
    }
    let width = (text.chars().count() as u16 + 2).min(area.width);
    let row = Rect {
        x: area.x + area.width - width,
        y: area.y + area.height - 1,
        width,
        height: 1,
    };
    frame.render_widget(
        Paragraph::new(Line::from(format!(" {text} "))).style(settings.theme.warning()),
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
