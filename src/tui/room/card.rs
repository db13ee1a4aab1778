//! A dilemma card for the room: its title big beside its own countdown, the situation and the
//! numbered options in the largest size that fits; once revealed, large bars with the counts
//! of the vote and the revote, and how each option moved.

use super::RoomStyle;
use super::block;
use super::digits;
use super::fit::{self, Align, Size};
use crate::engine::room::{Ballot, RoomBlock, RoomCard};
use crate::text::fill;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Highest a bar gets, in rows.
const BAR_ROWS_MAX: u16 = 4;

pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    block: &RoomBlock,
    card: Option<&RoomCard>,
    style: &RoomStyle,
) {
    let Some(card) = card else {
        let waiting = style.strings().no_card;
        block::waiting(buf, area, block, waiting, style.theme.dim(), style);
        return;
    };
    let top_rows = match area.height {
        h if h >= 40 => 8,
        h if h >= 16 => 4,
        _ => 1,
    };
    let top = Rect {
        height: top_rows.min(area.height),
        ..area
    };
    block::title_beside_clock(buf, top, &card.title, &card.clock, style);
    let mut y = top.bottom();
    if y < area.bottom() {
        info_line(buf, Rect::new(area.x, y, area.width, 1), card, style);
        y += 1;
    }
    if area.height >= 16 {
        y += 1;
    }
    let rest = Rect {
        y: y.min(area.bottom()),
        height: area.bottom().saturating_sub(y),
        ..area
    };
    match &card.results {
        Some(results) => bars(buf, rest, card, results, style),
        None => text(buf, rest, card, style),
    }
}

/// "kaart 1/3 · eerste stemming · 3 stemmen geteld".
fn info_line(buf: &mut Buffer, area: Rect, card: &RoomCard, style: &RoomStyle) {
    let strings = style.strings();
    let ballot = match card.ballot {
        Ballot::First => strings.first_ballot,
        Ballot::Revote => strings.revote,
    };
    let votes = match card.votes_cast {
        1 => strings.vote.to_string(),
        n => fill(strings.votes, &[&n.to_string()]),
    };
    let number = fill(
        strings.card_of,
        &[&card.number.to_string(), &card.of.to_string()],
    );
    Line::styled(format!(" {number} · {ballot} · {votes}"), style.theme.dim()).render(area, buf);
}

/// "1 Handhaven", "2 Gedogen", ...
fn numbered(options: &[String]) -> Vec<String> {
    options
        .iter()
        .enumerate()
        .map(|(i, o)| format!("{} {o}", i + 1))
        .collect()
}

/// Situation, questions (when there is room) and the numbered options, options at least as
/// large as the situation.
fn text(buf: &mut Buffer, area: Rect, card: &RoomCard, style: &RoomStyle) {
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let options = numbered(&card.options);
    let options: Vec<&str> = options.iter().map(String::as_str).collect();
    let all: Vec<&str> = [card.situation.as_str()]
        .into_iter()
        .chain(options.iter().copied())
        .collect();
    let together = fit::fit(&all, inner.width, inner.height, 1, Size::Half);
    if together.size != Size::Plain {
        // Situation and options in one large size, the options in the accent colour.
        fit::draw(buf, inner, &together, 1, Align::Left, |i| {
            if i == 0 {
                style.theme.text()
            } else {
                style.theme.accent()
            }
        });
        return;
    }
    // The options as large as they can be with the situation still there in plain text.
    let situation_plain = fit::wrap_hard(&card.situation, usize::from(inner.width)).len() as u16;
    let option_rows = inner
        .height
        .saturating_sub(situation_plain + 1)
        .max(options.len() as u16 * 2);
    let fitted_options = fit::fit(&options, inner.width, option_rows, 1, Size::Half);
    let situation_rows = inner
        .height
        .saturating_sub(fitted_options.rows(1).saturating_add(1));
    let situation = fit::fit(
        &[&card.situation],
        inner.width,
        situation_rows,
        0,
        fitted_options.size,
    );
    let mut y = inner.y;
    y += fit::draw(
        buf,
        Rect {
            height: situation_rows.min(inner.height),
            ..inner
        },
        &situation,
        0,
        Align::Left,
        |_| style.theme.text(),
    );
    let questions: Vec<&str> = card.questions.iter().map(String::as_str).collect();
    let questions = fit::fit(&questions, inner.width, u16::MAX, 0, Size::Plain);
    let spare = inner
        .bottom()
        .saturating_sub(y)
        .saturating_sub(fitted_options.rows(1) + 2);
    if !card.questions.is_empty() && questions.rows(0) <= spare {
        y += 1;
        y += fit::draw(
            buf,
            Rect {
                y,
                height: questions.rows(0),
                ..inner
            },
            &questions,
            0,
            Align::Left,
            |_| style.theme.dim(),
        );
    }
    let options_top = inner
        .bottom()
        .saturating_sub(fitted_options.rows(1))
        .max(y.saturating_add(1).min(inner.bottom()));
    fit::draw(
        buf,
        Rect {
            y: options_top,
            height: inner.bottom().saturating_sub(options_top),
            ..inner
        },
        &fitted_options,
        1,
        Align::Left,
        |_| style.theme.accent(),
    );
}

/// Per option: its label, then a bar per ballot with the count (big where the bar is high
/// enough) and, on the revote, the shift from the first vote.
fn bars(
    buf: &mut Buffer,
    area: Rect,
    card: &RoomCard,
    results: &crate::engine::room::Results,
    style: &RoomStyle,
) {
    let theme = style.theme;
    let strings = style.strings();
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let n = card.options.len().max(1) as u16;
    let ballots: u16 = if results.revote.is_some() { 2 } else { 1 };
    let labels = numbered(&card.options);
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    // The legend takes one row; labels at most a third of the rest.
    let room = inner.height.saturating_sub(1);
    let fitted = fit::fit(&labels, inner.width, room / 3, 0, Size::Quadrant);
    let label_rows: Vec<u16> = fitted
        .paragraphs
        .iter()
        .map(|p| p.len() as u16 * fitted.size.cell().1)
        .collect();
    let labels_total: u16 = label_rows.iter().sum();
    let bar_rows = (room.saturating_sub(labels_total + n) / (n * ballots)).clamp(1, BAR_ROWS_MAX);
    let max = results
        .first
        .iter()
        .chain(results.revote.iter().flatten())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let mut y = inner.y;
    for (i, label_rows) in label_rows.iter().enumerate() {
        if y >= inner.bottom() {
            return;
        }
        let single = fit::Fitted {
            size: fitted.size,
            paragraphs: vec![fitted.paragraphs[i].clone()],
        };
        y += fit::draw(
            buf,
            Rect {
                y,
                height: (*label_rows).min(inner.bottom() - y),
                ..inner
            },
            &single,
            0,
            Align::Left,
            |_| theme.text(),
        );
        let first = results.first.get(i).copied().unwrap_or(0);
        let mut counts = vec![(first, theme.vote, None)];
        if let Some(revote) = &results.revote {
            let again = revote.get(i).copied().unwrap_or(0);
            counts.push((
                again,
                theme.revote,
                Some(i64::from(again) - i64::from(first)),
            ));
        }
        for (count, colour, shift) in counts {
            if y + bar_rows > inner.bottom() {
                return;
            }
            let row = Rect {
                y,
                height: bar_rows,
                ..inner
            };
            bar(buf, row, count, max, shift, Style::new().fg(colour), style);
            y += bar_rows;
        }
        y += 1;
    }
    if y < inner.bottom() {
        let mut spans = vec![
            Span::styled("██ ", Style::new().fg(theme.vote)),
            Span::styled(strings.first_ballot, theme.dim()),
        ];
        if results.revote.is_some() {
            spans.push(Span::styled("   ██ ", Style::new().fg(theme.revote)));
            spans.push(Span::styled(strings.revote, theme.dim()));
        }
        Line::from(spans).render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}

/// One bar `count / max` of the width left after the count, the count after it.
fn bar(
    buf: &mut Buffer,
    area: Rect,
    count: u32,
    max: u32,
    shift: Option<i64>,
    colour: Style,
    style: &RoomStyle,
) {
    let number = count.to_string();
    let shift_text = match shift {
        Some(0) => " (±0)".to_string(),
        Some(s) if s > 0 => format!(" (+{s})"),
        Some(s) => format!(" ({s})"),
        None => String::new(),
    };
    let big = digits::fit(&number, 12, area.height).filter(|s| s.y == 1 && s.x == 1);
    let count_width = big.map_or(number.len() as u16, |s| s.size_of(&number).0);
    let reserved = count_width + shift_text.chars().count() as u16 + 2;
    let full = area.width.saturating_sub(reserved);
    let len = (u64::from(full) * u64::from(count) / u64::from(max.max(1))) as u16;
    let len = if count > 0 { len.max(1) } else { 0 };
    buf.set_style(Rect { width: len, ..area }, colour);
    for y in area.top()..area.bottom() {
        for x in area.x..area.x + len {
            buf[(x, y)].set_symbol("█");
        }
    }
    let after = Rect {
        x: area.x + len + 1,
        width: area.width.saturating_sub(len + 1),
        ..area
    };
    let middle = Rect {
        y: area.y + area.height.saturating_sub(1) / 2,
        height: 1,
        ..after
    };
    match big {
        Some(scale) => digits::draw(buf, after, &number, scale, style.theme.title()),
        None => Line::styled(number, style.theme.title()).render(middle, buf),
    }
    let shift_area = Rect {
        x: after.x + count_width,
        width: after.width.saturating_sub(count_width),
        ..middle
    };
    Line::styled(shift_text, style.theme.dim()).render(shift_area, buf);
}
