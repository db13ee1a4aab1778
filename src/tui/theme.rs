//! Colour themes for the runner: dark, light (projectors wash dark screens out) and high contrast.
//! Views ask the theme for a style by meaning (text, dim, warning, overrun), never for a colour.

use ratatui::style::{Color, Modifier, Style};

/// A theme the facilitator picks with `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Contrast,
}

/// Colours by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub background: Color,
    pub text: Color,
    pub dim: Color,
    pub accent: Color,
    /// The last two minutes of a block.
    pub warning: Color,
    /// A block past its time.
    pub overrun: Color,
    /// Bars of the first vote.
    pub vote: Color,
    /// Bars of the revote.
    pub revote: Color,
    /// Selected row in lists.
    pub selected: Color,
}

impl ThemeName {
    /// The next theme in the order dark, light, contrast (key T in the runner).
    pub fn next(self) -> ThemeName {
        match self {
            ThemeName::Dark => ThemeName::Light,
            ThemeName::Light => ThemeName::Contrast,
            ThemeName::Contrast => ThemeName::Dark,
        }
    }
}

impl Theme {
    /// The next theme after this one (dark, light, contrast, dark ...).
    pub fn cycled(&self) -> Theme {
        let names = [ThemeName::Dark, ThemeName::Light, ThemeName::Contrast];
        let now = names
            .into_iter()
            .find(|n| Theme::named(*n) == *self)
            .unwrap_or_default();
        Theme::named(now.next())
    }

    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme {
                background: Color::Black,
                text: Color::White,
                dim: Color::Gray,
                accent: Color::Cyan,
                warning: Color::Yellow,
                overrun: Color::LightRed,
                vote: Color::Cyan,
                revote: Color::Magenta,
                selected: Color::Blue,
            },
            ThemeName::Light => Theme {
                background: Color::White,
                text: Color::Black,
                dim: Color::DarkGray,
                accent: Color::Blue,
                warning: Color::Rgb(176, 96, 0),
                overrun: Color::Red,
                vote: Color::Blue,
                revote: Color::Magenta,
                selected: Color::Blue,
            },
            ThemeName::Contrast => Theme {
                background: Color::Black,
                text: Color::White,
                dim: Color::White,
                accent: Color::LightYellow,
                warning: Color::LightYellow,
                overrun: Color::LightRed,
                vote: Color::White,
                revote: Color::LightYellow,
                selected: Color::Blue,
            },
        }
    }

    pub fn base(&self) -> Style {
        Style::new().fg(self.text).bg(self.background)
    }
    pub fn text(&self) -> Style {
        Style::new().fg(self.text)
    }
    pub fn dim(&self) -> Style {
        Style::new().fg(self.dim)
    }
    pub fn title(&self) -> Style {
        Style::new().fg(self.text).add_modifier(Modifier::BOLD)
    }
    pub fn accent(&self) -> Style {
        Style::new().fg(self.accent).add_modifier(Modifier::BOLD)
    }
    pub fn warning(&self) -> Style {
        Style::new().fg(self.warning).add_modifier(Modifier::BOLD)
    }
    pub fn overrun(&self) -> Style {
        Style::new().fg(self.overrun).add_modifier(Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        Style::new()
            .bg(self.selected)
            .fg(Color::White)
            .add_modifier(Modifier::BOLD)
    }
}
