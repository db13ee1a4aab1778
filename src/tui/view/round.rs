//! A Round block: the current speaker large with their own short timer, who follows,
//! and the block's countdown on a small line. Enter gives the next person the word.

use super::{big, block, format};
use crate::engine::BlockClock;
use crate::journal::record::Stamp;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub struct RoundStrings {
    pub first: &'static str,
    /// What the room sees before the first speaker.
    pub done: &'static str,
    /// Nobody to give the word to: no cohort, or everyone marked absent.
    pub nobody: &'static str,
    pub after: &'static str,
    pub block_left: &'static str,
}

const NL: RoundStrings = RoundStrings {
    first: "Enter: eerste spreker",
    done: "Iedereen is aan de beurt geweest",
    nobody: "Niemand aanwezig — w: aanwezigheid",
    after: "Daarna: ",
    block_left: "blok: {}",
};
const EN: RoundStrings = RoundStrings {
    first: "Enter: first speaker",
    done: "Everyone has had a turn",
    nobody: "Nobody present — w: attendance",
    after: "Then: ",
    block_left: "block: {}",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let (Some(block_log), Some(clock)) = (app.current_block(), app.block_clock(now)) else {
        return;
    };
    let round = block_log.round.as_ref();
    let waiting: Vec<&str> = round
        .map(|r| {
            r.order
                .iter()
                .filter(|name| !r.turns.iter().any(|t| &t.name == *name))
                .filter(|name| app.is_present(name))
                .map(String::as_str)
                .collect()
        })
        .unwrap_or_default();

    let title = Line::from(vec![
        Span::styled(block_log.title.clone(), theme.title()),
        Span::raw("   "),
        Span::styled(
            format::fill(strings.block_left, &[&block::clock_text(&clock)]),
            block::clock_style(&clock, theme),
        ),
    ]);
    let (speaker, speaker_clock) = match (app.engine().current_speaker(now), round) {
        (Some((name, remaining)), Some(round)) => {
            let allotted = i64::from(round.seconds_each);
            let own = BlockClock {
                elapsed: allotted - remaining,
                allotted,
                remaining,
                running: true,
                started: true,
            };
            (name.to_string(), Some(own))
        }
        (None, Some(r)) if !r.turns.is_empty() && waiting.is_empty() => {
            (strings.done.to_string(), None)
        }
        _ if !app
            .engine()
            .log()
            .participants
            .iter()
            .any(|p| app.is_present(p)) =>
        {
            (strings.nobody.to_string(), None)
        }
        _ => (strings.first.to_string(), None),
    };
    let after = if waiting.is_empty() {
        String::new()
    } else {
        format!("{}{}", strings.after, waiting.join(", "))
    };

    let h = area.height;
    let name_rows = if speaker_clock.is_some() {
        big::rows_needed(&speaker, area.width, h.saturating_sub(3) / 2).max(1)
    } else {
        1
    };
    let timer_text = speaker_clock.as_ref().map(block::clock_text);
    let timer_rows = timer_text
        .as_deref()
        .map(|t| big::rows_needed(t, area.width, h.saturating_sub(name_rows + 3)))
        .unwrap_or(0);
    let after_rows = if after.is_empty() {
        0
    } else {
        super::wrapped_rows(&after, area.width).min(3)
    };
    let mut parts = vec![(1, 0u8), (name_rows, 1), (timer_rows, 2), (after_rows, 3)];
    parts.retain(|(rows, _)| *rows > 0);
    // Drop from the end while the parts do not fit.
    while parts.iter().map(|(r, _)| *r).sum::<u16>() > h && parts.len() > 1 {
        parts.pop();
    }
    let spaced = parts.iter().map(|(r, _)| *r).sum::<u16>() + parts.len() as u16 <= h;
    let constraints: Vec<Constraint> = parts
        .iter()
        .map(|(rows, _)| Constraint::Length(*rows + u16::from(spaced)))
        .collect();
    let areas = Layout::vertical(constraints).flex(Flex::Center).split(area);
    for (slot, (_, part)) in areas.iter().zip(&parts) {
        match part {
            0 => frame.render_widget(Paragraph::new(title.clone()).centered(), *slot),
            1 => {
                big::draw(frame, *slot, &speaker, theme.accent());
            }
            2 => {
                if let (Some(text), Some(own)) = (&timer_text, &speaker_clock) {
                    big::draw(frame, *slot, text, block::clock_style(own, theme));
                }
            }
            _ => frame.render_widget(
                Paragraph::new(after.as_str())
                    .style(theme.dim())
                    .wrap(Wrap { trim: true })
                    .centered(),
                *slot,
            ),
        }
    }
}
