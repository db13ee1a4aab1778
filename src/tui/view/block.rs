//! Plenary and Break blocks: the title large, the countdown in big digits with a progress bar,
//! and what comes next; a break also says when the room is due back ("terug om 10:45").

use super::{big, format};
use crate::engine::BlockClock;
use crate::engine::room::Phase;
use crate::journal::record::Stamp;
use crate::script::BlockKind;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{LineGauge, Paragraph, Wrap};

pub struct BlockStrings {
    pub next: &'static str,
    pub last: &'static str,
    pub back_at: &'static str,
}

const NL: BlockStrings = BlockStrings {
    next: "Hierna: {} ({} min)",
    last: "Dit is het laatste blok",
    back_at: "terug om {}",
};
const EN: BlockStrings = BlockStrings {
    next: "Next: {} ({} min)",
    last: "This is the last block",
    back_at: "back at {}",
};

/// The parts of a block screen, in the order they are kept when rows run out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Clock,
    Headline,
    Title,
    Bar,
    Next,
}

/// The countdown as shown: time left, or the overrun counting up with a plus.
pub fn clock_text(clock: &BlockClock) -> String {
    if !clock.started {
        format::duration(clock.allotted)
    } else if clock.remaining < 0 {
        format!("+{}", format::duration(clock.remaining))
    } else {
        format::duration(clock.remaining)
    }
}

/// The colour of the clock's phase (the engine decides the phase: see `BlockClock::phase`).
pub fn clock_style(clock: &BlockClock, theme: &Theme) -> Style {
    match clock.phase() {
        Phase::Ready => theme.dim(),
        Phase::Over => theme.overrun(),
        Phase::Warning => theme.warning(),
        Phase::Calm | Phase::Paused => theme.text(),
    }
}

/// "Hierna: Pauze (15 min)" or "Dit is het laatste blok".
pub fn next_text(app: &App) -> String {
    let strings = app.settings.lang.pick(&NL, &EN);
    let blocks = &app.engine().script().session.blocks;
    match blocks.get(app.current_index() + 1) {
        Some(next) => format::fill(strings.next, &[&next.title, &next.minutes.0.to_string()]),
        None => strings.last.to_string(),
    }
}

/// A thin bar of the time used.
pub fn progress(frame: &mut Frame, area: Rect, clock: &BlockClock, theme: &Theme) {
    let ratio = if clock.allotted > 0 {
        (clock.elapsed as f64 / clock.allotted as f64).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let gauge = LineGauge::default()
        .ratio(ratio)
        .label("")
        .filled_symbol("━")
        .unfilled_symbol("─")
        .filled_style(clock_style(clock, theme))
        .unfilled_style(theme.dim());
    frame.render_widget(gauge, area);
}

/// The block title on the left and its countdown on the right, in big digits when `area` is at
/// least `big_from` rows high; returns the area below, or `None` when there is no block.
pub fn title_with_clock(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    now: Stamp,
    big_from: u16,
) -> Option<Rect> {
    let theme = &app.settings.theme;
    let (block_log, clock) = (app.current_block()?, app.block_clock(now)?);
    let clock_text = clock_text(&clock);
    let title_width = block_log.title.chars().count() as u16 + 2;
    let clock_rows = if area.height >= big_from {
        big::rows_needed(&clock_text, area.width.saturating_sub(title_width), 4)
    } else {
        1
    };
    let [top, rest] =
        Layout::vertical([Constraint::Length(clock_rows), Constraint::Min(0)]).areas(area);
    let [title_area, clock_area] = Layout::horizontal([
        Constraint::Length(title_width.min(top.width)),
        Constraint::Min(0),
    ])
    .areas(top);
    frame.render_widget(
        Paragraph::new(Line::styled(block_log.title.clone(), theme.title())),
        title_area,
    );
    let style = clock_style(&clock, theme);
    if clock_rows > 1 {
        big::draw(frame, clock_area, &clock_text, style);
    } else {
        frame.render_widget(
            Paragraph::new(Line::styled(clock_text, style)).right_aligned(),
            clock_area,
        );
    }
    Some(rest)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let (Some(block), Some(clock)) = (app.current_block(), app.block_clock(now)) else {
        return;
    };
    let is_break = matches!(app.current_kind(), Some(BlockKind::Break));
    let back = now + chrono::Duration::seconds(clock.remaining.max(0));
    let headline = format::fill(strings.back_at, &[&format::time_of_day(back)]);
    let clock_text = clock_text(&clock);
    let width = area.width;

    // Keep parts by importance while they fit one row each.
    let wanted: &[Part] = if is_break {
        &[
            Part::Clock,
            Part::Headline,
            Part::Title,
            Part::Bar,
            Part::Next,
        ]
    } else {
        &[Part::Clock, Part::Title, Part::Bar, Part::Next]
    };
    let kept: Vec<Part> = wanted
        .iter()
        .copied()
        .take(usize::from(area.height))
        .collect();
    let rows = |part: Part| -> u16 { u16::from(kept.contains(&part)) };
    let mut title_rows = rows(Part::Title);
    let mut headline_rows = rows(Part::Headline);
    let (bar_rows, next_rows) = (rows(Part::Bar), rows(Part::Next));
    let others = title_rows + headline_rows + bar_rows + next_rows;
    let clock_rows = big::rows_needed(&clock_text, width, area.height.saturating_sub(others));
    let mut spare = area.height.saturating_sub(others + clock_rows);
    // Large text for the headline of a break, or the title of a plenary, if rows are left.
    if is_break && headline_rows == 1 {
        let big_rows = big::rows_needed(&headline, width, spare + 1);
        spare -= big_rows - 1;
        headline_rows = big_rows;
    } else if !is_break && title_rows == 1 && spare >= 6 {
        let big_rows = big::rows_needed(&block.title, width, spare.saturating_sub(2) + 1);
        spare -= big_rows - 1;
        title_rows = big_rows;
    }
    // A wrapped title when it is plain text and longer than a line.
    if title_rows == 1 && spare > 0 {
        let wrapped = super::wrapped_rows(&block.title, width).min(spare + 1);
        spare -= wrapped - 1;
        title_rows = wrapped;
    }
    let gap = u16::from(spare >= 3);

    let mut constraints = Vec::new();
    let mut parts = Vec::new();
    let order = [
        (Part::Title, title_rows),
        (Part::Headline, headline_rows),
        (Part::Clock, clock_rows),
        (Part::Bar, bar_rows),
        (Part::Next, next_rows),
    ];
    for (part, rows) in order {
        if rows == 0 {
            continue;
        }
        if matches!(part, Part::Clock | Part::Next) && !parts.is_empty() && gap > 0 {
            constraints.push(Constraint::Length(gap));
            parts.push(None);
        }
        constraints.push(Constraint::Length(rows));
        parts.push(Some(part));
    }
    let areas = Layout::vertical(constraints).flex(Flex::Center).split(area);
    for (slot, part) in areas.iter().zip(parts) {
        match part {
            Some(Part::Title) if title_rows >= 4 && !is_break => {
                big::draw(frame, *slot, &block.title, theme.title());
            }
            Some(Part::Title) => frame.render_widget(
                Paragraph::new(block.title.as_str())
                    .style(theme.title())
                    .wrap(Wrap { trim: true })
                    .centered(),
                *slot,
            ),
            Some(Part::Headline) => {
                big::draw(frame, *slot, &headline, theme.accent());
            }
            Some(Part::Clock) => {
                big::draw(frame, *slot, &clock_text, clock_style(&clock, theme));
            }
            Some(Part::Bar) => {
                let bar = super::centered(*slot, 60, 1);
                progress(frame, bar, &clock, theme);
            }
            Some(Part::Next) => frame.render_widget(
                Paragraph::new(Line::from(next_text(app)))
                    .style(theme.dim())
                    .centered(),
                *slot,
            ),
            None => {}
        }
    }
}
