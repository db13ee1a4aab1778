//! The room's screen (`tui::room`) drawn from `RoomView`s of fixture logs: snapshots of every
//! screen at 80x24, 120x36 and 200x60 with a map of the colours; the countdown's share of the
//! screen, measured by the rows that change in a second; paused against running; the flash;
//! no panic at any size.

use crate::support;

use chrono::Duration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use regie::engine::room::{RoomOptions, RoomView};
use regie::i18n::Lang;
use regie::journal::record::{RoundLog, SessionLog, Stamp, Turn};
use regie::tui::room::{self, RoomStyle};
use regie::tui::{Theme, ThemeName};
use support::fixtures::*;

pub const SIZES: [(u16, u16); 3] = [(80, 24), (120, 36), (200, 60)];

pub fn render(view: &RoomView, lang: Lang, theme: ThemeName, w: u16, h: u16) -> Buffer {
    render_with(view, lang, theme, true, w, h)
}

fn render_with(
    view: &RoomView,
    lang: Lang,
    theme: ThemeName,
    flash: bool,
    w: u16,
    h: u16,
) -> Buffer {
    let theme = Theme::named(theme);
    let style = RoomStyle {
        theme: &theme,
        lang,
        flash,
    };
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|frame| room::draw(frame, frame.area(), view, &style))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen's text, one line per row, trailing blanks trimmed.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One character per cell for the colour of what is drawn there: t text, d dim, a accent,
/// y warning, r overrun, v vote, m revote, b background; upper case when the cell's
/// background is that colour instead of the theme's (a flash); '~' marks dimmed cells.
fn colours(buf: &Buffer, theme: &Theme) -> String {
    let name = |c: Color| match c {
        c if c == theme.text => 't',
        c if c == theme.dim => 'd',
        c if c == theme.accent => 'a',
        c if c == theme.warning => 'y',
        c if c == theme.overrun => 'r',
        c if c == theme.vote => 'v',
        c if c == theme.revote => 'm',
        c if c == theme.background => 'b',
        _ => '?',
    };
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let row: String = (0..area.width)
                .map(|x| {
                    let cell = &buf[(x, y)];
                    if cell.bg != theme.background && cell.bg != Color::Reset {
                        name(cell.bg).to_ascii_uppercase()
                    } else if cell.symbol().trim().is_empty() {
                        ' '
                    } else if cell.modifier.contains(Modifier::DIM) {
                        '~'
                    } else {
                        name(cell.fg)
                    }
                })
                .collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text and colour map of `view` at each size, in `lang`, dark theme.
fn snap(name: &str, view: &RoomView, lang: Lang) {
    let theme = Theme::named(ThemeName::Dark);
    for (w, h) in SIZES {
        let buf = render(view, lang, ThemeName::Dark, w, h);
        let code = if lang == Lang::Nl { "nl" } else { "en" };
        insta::assert_snapshot!(
            format!("{name}_{code}_{w}x{h}"),
            format!(
                "{}\n---- colours ----\n{}",
                text(&buf),
                colours(&buf, &theme)
            )
        );
    }
}

pub fn view_at(log: &SessionLog, now: Stamp) -> RoomView {
    RoomView::of(log, now, RoomOptions::default())
}

/// The plenary block (15 minutes) started at `start_of`, `seconds` later.
fn plenary(seconds: i64) -> RoomView {
    let log = log_on(0, 0);
    view_at(&log, start_of(&log) + Duration::seconds(seconds))
}

fn paused_plenary(seconds: i64) -> RoomView {
    let mut log = log_on(0, 0);
    let start = start_of(&log);
    log.blocks[0].runs[0].to = Some(start + Duration::seconds(seconds));
    view_at(&log, start + Duration::seconds(seconds + 40))
}

pub fn card_log(revealed: bool) -> SessionLog {
    let mut log = log_on(2, 30);
    let start = start_of(&log);
    let revotes = revealed.then(|| vec![1, 5, 6]);
    log.blocks[2].cards.push(support::fixtures::card_log(
        start,
        vec![5, 2, 5],
        revotes,
        revealed,
    ));
    log
}

pub fn breakout_log() -> SessionLog {
    let mut log = log_on(4, 0);
    let start = start_of(&log);
    log.blocks[4].splits.push(split(start));
    log
}

pub fn round_log() -> SessionLog {
    let mut log = log_on(1, 60);
    let start = start_of(&log);
    let order: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
    log.blocks[1].round = Some(RoundLog {
        seed: 7,
        seconds_each: 90,
        turns: vec![
            Turn {
                name: order[0].clone(),
                started: start,
                ended: Some(start + Duration::seconds(80)),
            },
            Turn {
                name: order[1].clone(),
                started: start + Duration::seconds(80),
                ended: None,
            },
        ],
        order,
    });
    log
}

pub fn harvest_log() -> SessionLog {
    let mut log = log_on(5, 0);
    let start = start_of(&log);
    for text in [
        "Eerst vragen, dan pas handhaven",
        "De regel is er voor de bedoeling",
        "Samen met bewoners zoeken naar ruimte",
    ] {
        log.blocks[5].takeaways.push(regie::journal::record::Note {
            at: start,
            text: text.to_string(),
        });
    }
    log
}

pub fn finished_log() -> SessionLog {
    let mut log = log_on(5, 0);
    let start = start_of(&log);
    let end = start + Duration::seconds(20 * 60);
    log.blocks[5].runs[0].to = Some(end);
    log.blocks[5].ended = Some(end);
    log.finished = Some(end);
    log
}

/// Every screen the room can see, with a moment to show it at.
pub fn every_screen() -> Vec<(&'static str, RoomView)> {
    let card = card_log(false);
    let card_now = start_of(&card) + Duration::seconds(6 * 60 + 3);
    let revealed = card_log(true);
    let breakout = breakout_log();
    let round = round_log();
    let harvest = harvest_log();
    let on_break = log_on(3, 120);
    let finished = finished_log();
    vec![
        ("ready", view_at(&fresh_log(), at("09:29:10"))),
        ("calm", plenary(7 * 60 + 26)),
        ("warning", plenary(13 * 60 + 30)),
        ("over", plenary(15 * 60 + 83)),
        ("zero_flash", plenary(15 * 60)),
        ("paused", paused_plenary(7 * 60 + 26)),
        ("card", view_at(&card, card_now)),
        ("card_revealed", view_at(&revealed, card_now)),
        (
            "break",
            view_at(
                &on_break,
                start_of(&on_break) + Duration::seconds(4 * 60 + 5),
            ),
        ),
        (
            "breakout",
            view_at(
                &breakout,
                start_of(&breakout) + Duration::seconds(12 * 60 + 30),
            ),
        ),
        (
            "round",
            view_at(&round, start_of(&round) + Duration::seconds(80 + 52)),
        ),
        (
            "harvest",
            view_at(&harvest, start_of(&harvest) + Duration::seconds(5 * 60)),
        ),
        ("finished", view_at(&finished, at("23:00:00"))),
    ]
}

#[test]
fn room_screens_in_dutch() {
    for (name, view) in every_screen() {
        snap(name, &view, Lang::Nl);
    }
}

#[test]
fn room_screens_in_english() {
    for (name, view) in every_screen() {
        if [
            "calm", "paused", "card", "break", "breakout", "round", "finished",
        ]
        .contains(&name)
        {
            snap(name, &view, Lang::En);
        }
    }
}

/// The longest run of neighbouring rows in which `a` and `b` differ, and the columns that
/// differ within it: what a countdown occupies, whatever its glyphs look like.
fn changing_block(a: &Buffer, b: &Buffer) -> (u16, u16) {
    let area = a.area;
    let differs = |y: u16| (0..area.width).any(|x| a[(x, y)] != b[(x, y)]);
    let (mut best, mut run, mut best_end) = (0u16, 0u16, 0u16);
    for y in 0..area.height {
        run = if differs(y) { run + 1 } else { 0 };
        if run > best {
            (best, best_end) = (run, y);
        }
    }
    let rows = best_end + 1 - best..=best_end;
    let columns: Vec<u16> = (0..area.width)
        .filter(|&x| rows.clone().any(|y| a[(x, y)] != b[(x, y)]))
        .collect();
    let width = match (columns.first(), columns.last()) {
        (Some(first), Some(last)) => last - first + 1,
        _ => 0,
    };
    (best, width)
}

#[test]
fn the_running_countdown_covers_most_of_the_screen_with_title_and_next_still_on_it() {
    // 10:00 -> 09:59: every digit changes.
    let (before, after) = (plenary(5 * 60), plenary(5 * 60 + 1));
    for (w, h) in SIZES {
        let a = render(&before, Lang::Nl, ThemeName::Dark, w, h);
        let b = render(&after, Lang::Nl, ThemeName::Dark, w, h);
        let (rows, columns) = changing_block(&a, &b);
        let (height_share, width_share) = (
            f64::from(rows) / f64::from(h),
            f64::from(columns) / f64::from(w),
        );
        assert!(
            height_share >= 0.45,
            "{w}x{h}: the countdown takes {rows} of {h} rows"
        );
        assert!(
            width_share >= 0.6,
            "{w}x{h}: the countdown takes {columns} of {w} columns"
        );
        let shown = text(&b);
        assert!(shown.contains("Inloop en check-in"), "{w}x{h}: no title");
        assert!(shown.contains("straks: Rondje"), "{w}x{h}: no next line");
    }
}

/// The inked cells of the countdown at `seconds`: those that changed since a second before.
fn digit_cells(
    view_at: impl Fn(i64) -> RoomView,
    seconds: i64,
    flash: bool,
) -> Vec<ratatui::buffer::Cell> {
    let a = render_with(&view_at(seconds), Lang::Nl, ThemeName::Dark, flash, 120, 36);
    let b = render_with(
        &view_at(seconds - 1),
        Lang::Nl,
        ThemeName::Dark,
        flash,
        120,
        36,
    );
    let area = a.area;
    let mut cells = Vec::new();
    // Not the header and footer lines: their time of day and words change too.
    for y in 1..area.height - 1 {
        for x in 0..area.width {
            if a[(x, y)] != b[(x, y)] && a[(x, y)].symbol().trim() != "" {
                cells.push(a[(x, y)].clone());
            }
        }
    }
    assert!(!cells.is_empty(), "no countdown at {seconds}");
    cells
}

#[test]
fn each_phase_has_its_colour_and_zero_flashes_unless_switched_off() {
    let theme = Theme::named(ThemeName::Dark);
    let fg = |cells: &[ratatui::buffer::Cell]| {
        let mut colours: Vec<Color> = cells.iter().map(|c| c.fg).collect();
        colours.dedup();
        colours
    };
    // Calm at 7:34 left of 15 minutes, warning in the last two minutes, red past zero.
    assert_eq!(fg(&digit_cells(plenary, 7 * 60 + 26, true)), [theme.text]);
    assert_eq!(
        fg(&digit_cells(plenary, 13 * 60 + 30, true)),
        [theme.warning]
    );
    assert_eq!(
        fg(&digit_cells(plenary, 15 * 60 + 83, true)),
        [theme.overrun]
    );
    // At zero the digits are inverted on the overrun colour; a second later they are not.
    let zero = digit_cells(plenary, 15 * 60, true);
    assert!(
        zero.iter()
            .all(|c| c.bg == theme.overrun && c.fg == theme.background)
    );
    let after = digit_cells(plenary, 15 * 60 + 1, true);
    assert!(after.iter().all(|c| c.bg != theme.overrun));
    assert!(after.iter().any(|c| c.fg == theme.overrun));
    let off = digit_cells(plenary, 15 * 60, false);
    assert!(
        off.iter()
            .all(|c| c.bg != theme.overrun && c.fg == theme.overrun)
    );
}

#[test]
fn paused_is_unmistakable_next_to_running() {
    let theme = Theme::named(ThemeName::Contrast);
    for (w, h) in SIZES {
        let running = render(&plenary(7 * 60 + 26), Lang::Nl, ThemeName::Contrast, w, h);
        let paused = render(
            &paused_plenary(7 * 60 + 26),
            Lang::Nl,
            ThemeName::Contrast,
            w,
            h,
        );
        let differing = running
            .content()
            .iter()
            .zip(paused.content())
            .filter(|(a, b)| a.symbol() != b.symbol() || a.fg != b.fg || a.modifier != b.modifier)
            .count();
        let cells = usize::from(w) * usize::from(h);
        assert!(
            differing * 10 >= cells,
            "{w}x{h}: only {differing} of {cells} cells differ"
        );
        // The digits are dimmed (also in the contrast theme, whose dim colour is white) ...
        let dimmed = paused
            .content()
            .iter()
            .filter(|c| c.symbol() == "█" && c.modifier.contains(Modifier::DIM))
            .count();
        let bright = running
            .content()
            .iter()
            .filter(|c| {
                c.symbol() == "█" && c.fg == theme.text && !c.modifier.contains(Modifier::DIM)
            })
            .count();
        assert!(
            dimmed * 2 >= bright,
            "{w}x{h}: {dimmed} dimmed, {bright} bright"
        );
        // ... and a big word says so: rows inked when paused that are empty when running.
        let inked = |buf: &Buffer, y: u16| (0..w).any(|x| buf[(x, y)].symbol().trim() != "");
        let new_rows = (1..h - 1)
            .filter(|&y| inked(&paused, y) && !inked(&running, y))
            .count();
        assert!(new_rows >= 1, "{w}x{h}: nothing new on the paused screen");
        assert!(text(&paused).contains("gepauzeerd"), "{w}x{h}");
    }
}

/// The shared sweep (every size up to 30x12, a stride to 120x40) and projector sizes up to
/// 300x100: fast, and every small size where layouts change most.
pub fn sampled_sizes() -> Vec<(u16, u16)> {
    let mut sizes = support::sizes::sweep();
    for w in (140..=300).step_by(40).chain([200, 300]) {
        for h in [1, 5, 24, 41, 60, 77, 100] {
            sizes.push((w, h));
        }
    }
    sizes.push((200, 60));
    sizes.dedup();
    sizes
}

#[test]
fn no_size_from_1x1_to_300x100_panics_and_small_ones_say_so() {
    let sizes = sampled_sizes();
    for (_, view) in every_screen() {
        for lang in [Lang::Nl, Lang::En] {
            for &(w, h) in &sizes {
                let buf = render(&view, lang, ThemeName::Light, w, h);
                if w < 20 || h < 5 {
                    let first: String = (0..w).map(|x| buf[(x, 0)].symbol()).collect();
                    assert!(first.starts_with("termi".get(..usize::from(w).min(5)).unwrap_or("")));
                }
            }
        }
    }
}

mod names {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use regie::engine::room::{Content, RoomGroup, Stage};
    use regie::script::ParticipantName;
    use regie::tui::room::groups::{self, Kind};

    fn name() -> impl Strategy<Value = String> {
        "[A-Z][a-zëïéı]{0,11}( [A-Z][a-z]{0,9}\\.?){0,2}"
    }

    fn groups_strategy() -> impl Strategy<Value = Vec<RoomGroup>> {
        prop::collection::vec(prop::collection::vec(name(), 0..8), 1..9).prop_map(|groups| {
            groups
                .into_iter()
                .enumerate()
                .map(|(i, names)| RoomGroup {
                    number: i + 1,
                    members: names.into_iter().map(ParticipantName).collect(),
                    roles: Default::default(),
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(crate::support::props::config(300))]

        #[test]
        fn names_never_touch_and_nothing_goes_missing(
            groups in groups_strategy(),
            w in 20u16..=300,
            h in 5u16..=100,
        ) {
            let area = Rect::new(1, 1, w - 2, h - 2);
            let laid = groups::layout(&groups, area, &regie::tui::room::strings::NL);
            let (cw, rh) = laid.size.cell();
            for item in &laid.items {
                prop_assert!(area.contains(item.rect.as_position()) || item.rect.is_empty());
                prop_assert!(item.rect.right() <= area.right() && item.rect.bottom() <= area.bottom(),
                    "{item:?} outside {area:?}");
                prop_assert_eq!(item.rect.width, item.text.chars().count() as u16 * cw);
                prop_assert_eq!(item.rect.height, rh);
            }
            for (i, a) in laid.items.iter().enumerate() {
                for b in &laid.items[i + 1..] {
                    let rows_meet = a.rect.y < b.rect.bottom() && b.rect.y < a.rect.bottom();
                    let apart = a.rect.right() < b.rect.x || b.rect.right() < a.rect.x;
                    prop_assert!(!rows_meet || apart, "{a:?} touches {b:?}");
                }
            }
            prop_assert_eq!(laid.shown.len() + laid.hidden_groups, groups.len());
            for shown in &laid.shown {
                let group = &groups[shown.number - 1];
                prop_assert_eq!(shown.names + shown.more, group.members.len());
            }
            let all: Vec<&str> = groups.iter().flat_map(|g| g.members.iter().map(|m| m.0.as_str())).collect();
            for item in laid.items.iter().filter(|i| i.kind == Kind::Name) {
                if item.cut {
                    prop_assert!(item.text.ends_with('…'));
                } else {
                    prop_assert!(all.contains(&item.text.as_str()), "{:?} is no name", item.text);
                }
            }
            if laid.items.iter().any(|i| i.cut) {
                // Only plain columns cut, and only when whole names did not fit at all.
                prop_assert_eq!(laid.size, regie::tui::room::fit::Size::Plain);
            }
            // The whole screen draws.
            let mut view = plenary(60);
            if let Stage::Block(block) = &mut view.stage {
                block.content = Content::Groups(Some(groups.clone()));
            }
            render(&view, Lang::Nl, ThemeName::Dark, w, h);
        }
    }
}
