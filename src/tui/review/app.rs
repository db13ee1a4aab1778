//! The review screens' state: which screen, the list cursor, the scroll, the help overlay, the
//! export prompt. `step` takes a meaning-level action; drawing never changes the state.

use crate::i18n::Lang;
use crate::review::Review;
use crate::review::export::{self, Format};
use crate::tui::theme::Theme;
use std::path::{Path, PathBuf};

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
    /// e: export the session or programme on screen (asks for the format).
    Export,
    /// m, c or x while the export prompt is open: write Markdown, CSV or a workbook.
    ExportAs(Format),
    Quit,
}

/// What the last export did, for the bottom row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    Written(Vec<PathBuf>),
    Failed(String),
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
    /// The export prompt is open: the next m, c or x writes, anything else cancels.
    pub exporting: bool,
    /// Shown in the bottom row until the next key.
    pub exported: Option<Exported>,
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
            exporting: false,
            exported: None,
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
        self.exported = None;
        if self.exporting {
            self.exporting = false;
            match action {
                ReviewAction::ExportAs(format) => self.export(format),
                ReviewAction::Quit => self.quit = true,
                _ => {}
            }
            return;
        }
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
            ReviewAction::Export => self.exporting = !self.export_scope().0.is_empty(),
            ReviewAction::ExportAs(_) => {}
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

    /// The sessions an export holds (the session or programme on screen, or under the cursor
    /// on the list) and the file name it gets.
    pub fn export_scope(&self) -> (Vec<usize>, String) {
        let entry = match self.screen {
            Screen::Session(i) => Some(Entry::Session(i)),
            Screen::Programme(i) => Some(Entry::Programme(i)),
            Screen::List => self.entries().get(self.cursor).copied(),
        };
        match entry {
            Some(Entry::Session(i)) => match self.review.sessions.get(i) {
                Some(s) => (vec![i], s.id.clone()),
                None => (Vec::new(), String::new()),
            },
            Some(Entry::Programme(i)) => match self.review.programmes.get(i) {
                Some(p) => (p.sessions.clone(), p.name.clone()),
                None => (Vec::new(), String::new()),
            },
            None => (Vec::new(), String::new()),
        }
    }

    /// Write the export next to the logs (without the private notes), 0600.
    fn export(&mut self, format: Format) {
        let (sessions, name) = self.export_scope();
        let Some(folder) = sessions
            .first()
            .and_then(|&i| self.review.logs.get(i))
            .map(|(path, _)| path.parent().unwrap_or(Path::new(".")).to_path_buf())
        else {
            return;
        };
        let review = self.review.subset(&sessions, false);
        let stem = free_stem(&folder, &file_stem(&name), format);
        self.exported = Some(
            match export::to_folder(&review, format, self.lang, &folder, &stem) {
                Ok(files) => Exported::Written(files),
                Err(message) => Exported::Failed(message),
            },
        );
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

/// A name safe as a file name: letters, digits, `-` and `_`; "-rapport" added.
fn file_stem(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{}-rapport", safe.trim_matches('-'))
}

/// `stem`, or `stem-2`, `stem-3`, ... so that no existing file is overwritten.
fn free_stem(folder: &Path, stem: &str, format: Format) -> String {
    let taken = |s: &str| {
        let name = match format {
            Format::Csv => format!("{s}-sessions.csv"),
            other => format!("{s}.{}", other.extension()),
        };
        folder.join(name).exists()
    };
    let mut candidate = stem.to_string();
    let mut n = 1;
    while taken(&candidate) {
        n += 1;
        candidate = format!("{stem}-{n}");
    }
    candidate
}
