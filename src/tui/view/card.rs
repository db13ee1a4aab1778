//! A Dilemmas block: the card on screen (title, situation, numbered options, questions) with
//! its own countdown; votes stay hidden until revealed, then bars show vote, revote and shift.

use super::{block, format};
use crate::engine::Command;
use crate::journal::record::{CardLog, Stamp, VoteRound};
use crate::tui::app::App;
use crate::tui::key_table::key_of;
use crate::tui::keys::Action;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub struct CardStrings {
    pub card_of: &'static str,
    pub no_card: &'static str,
    /// Added after `no_card` on the facilitator's screen, after the key that goes on.
    pub no_card_hint: &'static str,
    pub hidden: &'static str,
    pub revote_hidden: &'static str,
    /// Added after `hidden` and `revote_hidden` on the facilitator's screen ({}: the key).
    pub hidden_hint: &'static str,
    pub vote: &'static str,
    pub revote: &'static str,
    /// "stem"/"stemmen": the noun for a number of votes.
    pub votes: (&'static str, &'static str),
    /// More votes than people present: "{9 stemmen}, {8} aanwezig" (`votes` counts the first).
    pub over_present: &'static str,
    /// room: phones and hands apart, then devices that voted of those that joined.
    pub phones: &'static str,
}

const NL: CardStrings = CardStrings {
    card_of: "kaart {}/{}",
    no_card: "Geen kaart meer in dit blok",
    no_card_hint: " — {}: verder",
    hidden: "{} geteld",
    revote_hidden: "herstemming: {} geteld",
    hidden_hint: " (verborgen — {}: tonen)",
    vote: "stem",
    revote: "herstem",
    votes: ("stem", "stemmen"),
    over_present: "{}, {} aanwezig: u neemt de laatste terug",
    phones: "{} telefoon + {} hand · {} van {} telefoons gestemd",
};
const EN: CardStrings = CardStrings {
    card_of: "card {}/{}",
    no_card: "No cards left in this block",
    no_card_hint: " — {}: go on",
    hidden: "{} counted",
    revote_hidden: "revote: {} counted",
    hidden_hint: " (hidden — {}: show)",
    vote: "vote",
    revote: "revote",
    votes: ("vote", "votes"),
    over_present: "{}, {} present: u takes the last one back",
    phones: "{} phone + {} hand · {} of {} phones voted",
};

/// How many cards this block shows: those drawn for it (at least those already shown).
fn cards_in_block(app: &App) -> usize {
    app.current_block()
        .map_or(0, |b| b.drawn.len().max(b.cards.len()))
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let Some(card) = app.current_card() else {
        let clock = app.block_clock(now);
        let mut lines = vec![Line::styled(
            app.current_block()
                .map(|b| b.title.clone())
                .unwrap_or_default(),
            theme.title(),
        )];
        if let Some(clock) = clock {
            lines.push(Line::styled(
                block::clock_text(&clock),
                block::clock_style(&clock, theme),
            ));
        }
        let hint = format::fill(
            strings.no_card_hint,
            &[key_of(&Action::Command(Command::Next))],
        );
        lines.push(Line::styled(
            format!("{}{hint}", strings.no_card),
            theme.dim(),
        ));
        frame.render_widget(Paragraph::new(lines).centered(), area);
        return;
    };
    // room: with phones in the room, hands and phones count together; a line shows the split.
    let with_phones = app.engine().phones().map(|_| counted_with_phones(card));
    let phone_line = app
        .engine()
        .phones()
        .map(|_| Line::styled(phone_text(app, card, strings), theme.dim()));
    let card = with_phones.as_ref().unwrap_or(card);
    let width = usize::from(area.width);
    let index = app.current_block().map_or(0, |b| b.current_card);
    let card_of = format::fill(
        strings.card_of,
        &[&(index + 1).to_string(), &cards_in_block(app).to_string()],
    );

    // First line: which card, and the card's own countdown on the right.
    let clock = app.engine().card_clock(now);
    let time = clock.as_ref().map(block::clock_text).unwrap_or_default();
    let time_style = clock
        .as_ref()
        .map_or(theme.dim(), |c| block::clock_style(c, theme));
    let gap = width.saturating_sub(card_of.chars().count() + time.chars().count());
    let top = Line::from(vec![
        Span::styled(card_of, theme.dim()),
        Span::raw(" ".repeat(gap.max(1))),
        Span::styled(time, time_style),
    ]);

    let mut options: Vec<Line> = if card.revealed {
        result_lines(card, width, strings, theme)
    } else {
        let mut lines: Vec<Line> = card
            .options
            .iter()
            .enumerate()
            .map(|(i, option)| {
                Line::from(vec![
                    Span::styled(format!("{}  ", i + 1), theme.accent()),
                    Span::styled(option.clone(), theme.text()),
                ])
            })
            .collect();
        let mut text = match &card.revotes {
            Some(revotes) => format::fill(
                strings.revote_hidden,
                &[&format::count(revotes.iter().sum::<u32>(), strings.votes)],
            ),
            None => format::fill(
                strings.hidden,
                &[&format::count(
                    card.votes.iter().sum::<u32>(),
                    strings.votes,
                )],
            ),
        };
        text.push_str(&format::fill(
            strings.hidden_hint,
            &[key_of(&Action::Command(Command::ToggleReveal))],
        ));
        lines.push(Line::styled(text, theme.dim()));
        lines
    };
    // A hand counted twice: the facilitator sees it at once (never the room).
    if let Some((votes, present)) = app.engine().votes_over_present() {
        options.push(Line::styled(
            format::fill(
                strings.over_present,
                &[
                    &format::count(votes as u64, strings.votes),
                    &present.to_string(),
                ],
            ),
            theme.warning(),
        ));
    }
    options.extend(phone_line);
    let questions: Vec<Line> = card
        .questions
        .iter()
        .map(|q| Line::styled(format!("? {q}"), theme.dim()))
        .collect();

    /// What the card shows; smaller screens leave out spacing, then questions, then (once the
    /// results are shown) the situation, which the room has read by then.
    #[derive(Clone, Copy)]
    struct Fit {
        spacious: bool,
        questions: bool,
        situation: bool,
    }
    let build = |fit: Fit| -> Vec<Line> {
        let mut lines = vec![top.clone(), Line::styled(card.title.clone(), theme.title())];
        lines.push(Line::raw(""));
        if fit.situation {
            lines.push(Line::styled(card.situation.clone(), theme.text()));
            lines.push(Line::raw(""));
        }
        for line in &options {
            lines.push(line.clone());
            if fit.spacious {
                lines.push(Line::raw(""));
            }
        }
        if fit.questions && !questions.is_empty() {
            if !fit.spacious {
                lines.push(Line::raw(""));
            }
            lines.extend(questions.iter().cloned());
        }
        lines
    };
    let full = Fit {
        spacious: true,
        questions: true,
        situation: true,
    };
    let mut fits = vec![
        full,
        Fit {
            spacious: false,
            ..full
        },
        Fit {
            spacious: false,
            questions: false,
            situation: true,
        },
    ];
    if card.revealed {
        fits.push(Fit {
            spacious: false,
            questions: false,
            situation: false,
        });
    }
    let wrapped = |lines: Vec<Line<'static>>| Paragraph::new(lines).wrap(Wrap { trim: false });
    let paragraph = fits
        .iter()
        .map(|fit| wrapped(build(*fit)))
        .find(|p| p.line_count(area.width) <= usize::from(area.height))
        .unwrap_or_else(|| wrapped(build(*fits.last().unwrap_or(&full))));
    let used = paragraph.line_count(area.width) as u16;
    let pad = area.height.saturating_sub(used) / 3;
    let slot = Rect {
        y: area.y + pad,
        height: area.height - pad,
        ..area
    };
    frame.render_widget(paragraph, slot);
}

/// room: `card` with hands and phones added up per option, as the room sees the counts.
fn counted_with_phones(card: &CardLog) -> CardLog {
    CardLog {
        votes: card.total_counts(VoteRound::First).unwrap_or_default(),
        revotes: card.total_counts(VoteRound::Revote),
        ..card.clone()
    }
}

/// room: "12 telefoon + 3 hand · 12 van 14 telefoons gestemd" for the ballot being counted.
fn phone_text(app: &App, card: &CardLog, strings: &CardStrings) -> String {
    let round = card.round();
    let phones: u32 = card.phone_counts(round).iter().sum();
    let hands: u32 = match round {
        VoteRound::First => card.votes.iter().sum(),
        VoteRound::Revote => card.revotes.iter().flatten().sum(),
    };
    let (joined, voted) = app.engine().phone_tally();
    format::fill(
        strings.phones,
        &[
            &phones.to_string(),
            &hands.to_string(),
            &voted.to_string(),
            &joined.to_string(),
        ],
    )
}

/// One row per option: number, text, the first-vote bar and count, the revote bar and count, the shift.
fn result_lines(
    card: &CardLog,
    width: usize,
    strings: &CardStrings,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let most = card
        .votes
        .iter()
        .chain(card.revotes.iter().flatten())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let bars = if card.revotes.is_some() { 2 } else { 1 };
    let longest = card
        .options
        .iter()
        .map(|o| o.chars().count())
        .max()
        .unwrap_or(0);
    // Each bar is followed by " nn "; the shift needs 4 more columns.
    let bars_room = |room: usize| (room.saturating_sub(bars * 4 + 4) / bars).max(1);
    // Side by side when every option fits in half the width; else the bars go under the text.
    let beside = longest <= width / 2 && bars_room(width.saturating_sub(3 + longest + 2)) >= 6;
    let (indent, bar_width) = if beside {
        let indent = 3 + longest + 2;
        (indent, bars_room(width.saturating_sub(indent)))
    } else {
        (3, bars_room(width.saturating_sub(3)))
    };
    let bar = |votes: u32, style: Style| -> Vec<Span<'static>> {
        let filled = (votes as usize * bar_width).div_ceil(most as usize);
        vec![
            Span::styled("█".repeat(filled), style),
            Span::raw(" ".repeat(bar_width - filled.min(bar_width))),
            Span::styled(format!(" {votes:>2} "), theme.text()),
        ]
    };
    let mut lines = Vec::new();
    let legend = match card.revotes {
        Some(_) => format!(
            "{:indent$}{:w$}{}",
            "",
            strings.vote,
            strings.revote,
            w = bar_width + 4
        ),
        None => format!("{:indent$}{}", "", strings.vote),
    };
    lines.push(Line::styled(legend, theme.dim()));
    for (i, option) in card.options.iter().enumerate() {
        let number = Span::styled(format!("{}  ", i + 1), theme.accent());
        let mut spans = if beside {
            vec![
                number,
                Span::styled(format!("{option:longest$}  "), theme.text()),
            ]
        } else {
            lines.push(Line::from(vec![
                number,
                Span::styled(option.clone(), theme.text()),
            ]));
            vec![Span::raw("   ")]
        };
        let first = card.votes.get(i).copied().unwrap_or(0);
        spans.extend(bar(first, Style::new().fg(theme.vote)));
        if let Some(revotes) = &card.revotes {
            let second = revotes.get(i).copied().unwrap_or(0);
            spans.extend(bar(second, Style::new().fg(theme.revote)));
            let shift = i64::from(second) - i64::from(first);
            let shift_text = match shift {
                0 => "±0".to_string(),
                s => format!("{s:+}"),
            };
            spans.push(Span::styled(shift_text, theme.accent()));
        }
        lines.push(Line::from(spans));
    }
    lines
}
