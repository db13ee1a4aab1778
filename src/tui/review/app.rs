//! The review screens' state: which screen, the list cursor, the scroll, the help overlay.
//! `step` takes a meaning-level action; drawing never changes the state (except the scroll limit).

use crate::i18n::Lang;
use crate::review::Review;
use crate::tui::theme::Theme;

/// What is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    List,
    /// One session: index into `Review::sessions`.
    Session(usize),
    /// One programme: index into `Review::programmes`.
    Programme(usize),
}

/// A row of the list: programmes first, then sessions newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Programme(usize),
    Session(usize),
}

/// A key's meaning on the review screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Enter: open the session or programme under the cursor.
    Open,
    /// Esc: close the help, or go back to the list; on the list, leave.
    Back,
    /// n or →: the next session (or programme) without going back to the list.
    Next,
    /// p or ←: the previous one.
    Previous,
    ToggleHelp,
    Quit,
}

pub struct ReviewApp {
    pub review: Review,
    pub lang: Lang,
    pub theme: Theme,
    pub screen: Screen,
    /// Row of the list under the cursor.
    pub cursor: usize,
    /// First row shown of a session or programme screen.
    pub scroll: usize,
    /// Highest useful `scroll` for the last drawn screen.
    pub scroll_limit: usize,
    /// Rows a page moves (the last drawn body height).
    pub page: usize,
    pub help: bool,
    pub quit: bool,
}

impl ReviewApp {
    pub fn new(review: Review, lang: Lang, theme: Theme) -> ReviewApp {
        ReviewApp {
            review,
            lang,
            theme,
            screen: Screen::List,
            cursor: 0,
            scroll: 0,
            scroll_limit: usize::MAX,
            page: 10,
            help: false,
            quit: false,
        }
    }

    /// The list's rows.
    pub fn entries(&self) -> Vec<Entry> {
        let programmes = (0..self.review.programmes.len()).map(Entry::Programme);
        let sessions = (0..self.review.sessions.len()).rev().map(Entry::Session);
        programmes.chain(sessions).collect()
    }

    pub fn step(&mut self, action: ReviewAction) {
        if self.help {
            match action {
                ReviewAction::ToggleHelp | ReviewAction::Back => self.help = false,
                ReviewAction::Quit => self.quit = true,
                _ => {}
            }
            return;
        }
        match action {
            ReviewAction::ToggleHelp => self.help = true,
            ReviewAction::Quit => self.quit = true,
            ReviewAction::Back => match self.screen {
                Screen::List => self.quit = true,
                _ => self.screen = Screen::List,
            },
            ReviewAction::Open => {
                if self.screen == Screen::List
                    && let Some(entry) = self.entries().get(self.cursor)
                {
                    self.open(*entry);
                }
            }
            ReviewAction::Next | ReviewAction::Previous => self.neighbour(action),
            _ => self.move_by(action),
        }
    }

    fn open(&mut self, entry: Entry) {
        self.screen = match entry {
            Entry::Programme(i) => Screen::Programme(i),
            Entry::Session(i) => Screen::Session(i),
        };
        self.scroll = 0;
        self.scroll_limit = usize::MAX;
    }

    /// Next or previous in the list's order, staying on the same kind of screen.
    fn neighbour(&mut self, action: ReviewAction) {
        let entries = self.entries();
        let here = match self.screen {
            Screen::List => {
                self.move_by(if action == ReviewAction::Next {
                    ReviewAction::Down
                } else {
                    ReviewAction::Up
                });
                return;
            }
            Screen::Session(i) => Entry::Session(i),
            Screen::Programme(i) => Entry::Programme(i),
        };
        let Some(at) = entries.iter().position(|e| *e == here) else {
            return;
        };
        let same_kind = |e: &Entry| {
            matches!(
                (e, here),
                (Entry::Session(_), Entry::Session(_)) | (Entry::Programme(_), Entry::Programme(_))
            )
        };
        let target = if action == ReviewAction::Next {
            entries
                .iter()
                .skip(at + 1)
                .position(same_kind)
                .map(|k| at + 1 + k)
        } else {
            entries[..at].iter().rposition(same_kind)
        };
        if let Some(t) = target {
            self.cursor = t;
            self.open(entries[t]);
        }
    }

    fn move_by(&mut self, action: ReviewAction) {
        let page = self.page.max(1);
        let rows = self.entries().len();
        let (value, limit) = match self.screen {
            Screen::List => (&mut self.cursor, rows.saturating_sub(1)),
            _ => (&mut self.scroll, self.scroll_limit),
        };
        *value = match action {
            ReviewAction::Up => value.saturating_sub(1),
            ReviewAction::Down => value.saturating_add(1),
            ReviewAction::PageUp => value.saturating_sub(page),
            ReviewAction::PageDown => value.saturating_add(page),
            ReviewAction::Home => 0,
            ReviewAction::End => limit,
            _ => *value,
        }
        .min(limit);
    }

    /// After drawing: how far the screen can scroll and how high a page is.
    pub fn drawn(&mut self, scroll_limit: usize, page: usize) {
        self.scroll_limit = scroll_limit;
        self.scroll = self.scroll.min(scroll_limit);
        self.page = page.max(1);
    }
}
