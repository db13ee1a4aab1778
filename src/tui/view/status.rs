//! The bottom rows: a warning or message line, the plain-text status line with the time left
//! (for screen readers and captures), and a footer with the help key and the log folder.

use super::{format, input};
use crate::engine::Refusal;
use crate::i18n::Lang;
use crate::journal::record::Stamp;
use crate::script::BlockKind;
use crate::tui::app::{App, Message};
use crate::tui::key_table::{self, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Footer row is shown from this height up.
const FOOTER_MIN_HEIGHT: u16 = 12;

pub struct StatusStrings {
    /// Without the block title, for narrow screens.
    pub short_not_started: &'static str,
    pub short_left: &'static str,
    pub short_paused: &'static str,
    pub short_over: &'static str,
    pub not_started: &'static str,
    pub left: &'static str,
    pub paused: &'static str,
    pub over: &'static str,
    pub finished: &'static str,
    pub log_failed: &'static str,
    pub footer: &'static str,
    pub saved_elsewhere: &'static str,
    pub save_failed: &'static str,
    pub nothing_to_save: &'static str,
    pub not_minutes: &'static str,
    pub wrong_block: &'static str,
    pub no_such_option: &'static str,
    pub nothing_to_undo: &'static str,
    pub unknown_person: &'static str,
    pub card_has_votes: &'static str,
    pub no_other_card: &'static str,
    pub at_start: &'static str,
    pub session_finished: &'static str,
    pub empty_text: &'static str,
    pub groups_failed: &'static str,
}

const NL: StatusStrings = StatusStrings {
    short_not_started: "{} — spatie: start",
    short_left: "nog {}",
    short_paused: "nog {}, pauze",
    short_over: "{} over tijd",
    not_started: "{}: {} — spatie: start",
    left: "{}: nog {}",
    paused: "{}: nog {}, gepauzeerd",
    over: "{}: {} over de tijd",
    finished: "Sessie afgerond",
    log_failed: "log niet opgeslagen: {} — s: elders opslaan",
    footer: "?: toetsen · log: {}",
    saved_elsewhere: "log opgeslagen in {}",
    save_failed: "ook elders niet opgeslagen: {}",
    nothing_to_save: "de log is al opgeslagen",
    not_minutes: "\"{}\" is geen aantal minuten; typ een heel getal, zoals 5",
    wrong_block: "die toets hoort niet bij dit blok",
    no_such_option: "die optie staat niet op deze kaart",
    nothing_to_undo: "niets om terug te nemen",
    unknown_person: "onbekende naam: {}",
    card_has_votes: "er is al gestemd op deze kaart; n gaat naar de volgende",
    no_other_card: "geen andere kaart meer in deze stapel",
    at_start: "dit is het begin",
    session_finished: "de sessie is afgerond",
    empty_text: "lege tekst, niets vastgelegd",
    groups_failed: "groepen niet gemaakt: {}",
};
const EN: StatusStrings = StatusStrings {
    short_not_started: "{} — space: start",
    short_left: "{} left",
    short_paused: "{} left, paused",
    short_over: "{} over time",
    not_started: "{}: {} — space: start",
    left: "{}: {} left",
    paused: "{}: {} left, paused",
    over: "{}: {} over time",
    finished: "Session finished",
    log_failed: "log not saved: {} — s: save elsewhere",
    footer: "?: keys · log: {}",
    saved_elsewhere: "log saved in {}",
    save_failed: "could not save elsewhere either: {}",
    nothing_to_save: "the log is already saved",
    not_minutes: "\"{}\" is not a number of minutes; type a whole number, such as 5",
    wrong_block: "that key does not belong to this block",
    no_such_option: "this card has no such option",
    nothing_to_undo: "nothing to undo",
    unknown_person: "unknown name: {}",
    card_has_votes: "this card already has votes; n goes to the next one",
    no_other_card: "no other card left in this deck",
    at_start: "this is the beginning",
    session_finished: "the session has finished",
    empty_text: "empty text, nothing recorded",
    groups_failed: "no groups made: {}",
};

fn strings(app: &App) -> &'static StatusStrings {
    app.settings.lang.pick(&NL, &EN)
}

/// How many rows the bottom region takes on this screen.
pub fn bottom_rows(app: &App, area: Rect) -> u16 {
    let mut rows = 1;
    if let Some(text) = message_text(app) {
        rows += message_rows(&text, area);
    }
    if app.input.is_some() {
        rows += 1;
    }
    if area.height >= FOOTER_MIN_HEIGHT {
        rows += 1;
    }
    rows.min(area.height.saturating_sub(2))
}

/// A message takes two rows when it is longer than the screen is wide and the screen is tall.
fn message_rows(text: &str, area: Rect) -> u16 {
    if area.height >= FOOTER_MIN_HEIGHT {
        super::wrapped_rows(text, area.width).min(2)
    } else {
        1
    }
}

/// The time left as one plain sentence, without the block title if it would not fit `width`.
pub fn status_text(app: &App, now: Stamp, width: u16) -> String {
    let strings = strings(app);
    if app.engine().log().finished.is_some() {
        return strings.finished.to_string();
    }
    let (Some(block), Some(clock)) = (app.current_block(), app.block_clock(now)) else {
        return String::new();
    };
    let time = format::duration(clock.remaining);
    let (full, short) = if !clock.started {
        (strings.not_started, strings.short_not_started)
    } else if clock.remaining < 0 {
        (strings.over, strings.short_over)
    } else if clock.running {
        (strings.left, strings.short_left)
    } else {
        (strings.paused, strings.short_paused)
    };
    let text = format::fill(full, &[&block.title, &time]);
    if text.chars().count() <= usize::from(width) {
        text
    } else {
        format::fill(short, &[&time])
    }
}

fn message_text(app: &App) -> Option<String> {
    let strings = strings(app);
    if let Some(error) = &app.log_error {
        // After a failed `s` that failure is the news; otherwise the failed write.
        if let Some(Message::SaveFailed(why)) = &app.message {
            return Some(format::fill(strings.save_failed, &[why]));
        }
        return Some(format::fill(strings.log_failed, &[error]));
    }
    let text = match app.message.as_ref()? {
        Message::SavedElsewhere(place) => format::fill(strings.saved_elsewhere, &[place]),
        Message::SaveFailed(error) => format::fill(strings.save_failed, &[error]),
        Message::NothingToSave => strings.nothing_to_save.to_string(),
        Message::NotMinutes(text) => format::fill(strings.not_minutes, &[text]),
        Message::Reload(outcome) => super::plan::reload_message(outcome, app.settings.lang),
        Message::Refused(refusal) => match refusal {
            Refusal::WrongBlock => strings.wrong_block.to_string(),
            Refusal::NoSuchOption => strings.no_such_option.to_string(),
            Refusal::NothingToUndo => strings.nothing_to_undo.to_string(),
            Refusal::UnknownPerson(name) => format::fill(strings.unknown_person, &[name]),
            Refusal::CardHasVotes => strings.card_has_votes.to_string(),
            Refusal::NoOtherCard => strings.no_other_card.to_string(),
            Refusal::AtStart => strings.at_start.to_string(),
            Refusal::Finished => strings.session_finished.to_string(),
            Refusal::EmptyText => strings.empty_text.to_string(),
            Refusal::GroupSize {
                size,
                present,
                largest,
            } => match app.settings.lang {
                Lang::Nl => format!(
                    "Groepjes van {size} kan niet met {present} aanwezigen: kies 2 tot en met {largest}"
                ),
                Lang::En => {
                    format!(
                        "Groups of {size} do not work with {present} present: choose 2 to {largest}"
                    )
                }
            },
            Refusal::Swap(why) => why.describe(app.settings.lang),
            Refusal::Groups(why) => {
                format::fill(strings.groups_failed, &[&why.describe(app.settings.lang)])
            }
            // room: a phone's refusal goes back to the phone, never to this line.
            Refusal::Phone(_) => String::new(),
            Refusal::Form(why) => super::evaluation::refusal_text(*why, app.settings.lang),
            Refusal::Plan(why) => super::plan::refusal(*why, app.settings.lang),
        },
    };
    Some(text)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let theme = &app.settings.theme;
    let mut rows = area.rows();
    if let Some(text) = message_text(app) {
        let style = if app.log_error.is_some() {
            theme.overrun()
        } else {
            theme.warning()
        };
        let height = message_rows(&text, frame.area());
        if let Some(first) = rows.next() {
            for _ in 1..height {
                rows.next();
            }
            let slot = Rect { height, ..first }.intersection(area);
            frame.render_widget(
                Paragraph::new(text)
                    .style(style)
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                slot,
            );
        }
    }
    if let Some(typing) = &app.input
        && let Some(row) = rows.next()
    {
        input::draw(frame, row, app, typing);
    }
    if let Some(row) = rows.next() {
        let text = status_text(app, now, row.width);
        frame.render_widget(Paragraph::new(Line::from(text)).style(theme.text()), row);
    }
    if let Some(row) = rows.next() {
        let footer = footer_text(app, row.width);
        frame.render_widget(Paragraph::new(Line::from(footer)).style(theme.dim()), row);
    }
}

/// "?: toetsen · log: …", led by the keys of the screen on show when the whole line fits.
fn footer_text(app: &App, width: u16) -> String {
    let base = format::fill(strings(app).footer, &[&app.log_place()]);
    let screen = match app.current_kind() {
        Some(BlockKind::Dilemmas { .. }) if app.current_card().is_some() => Screen::Card,
        Some(BlockKind::Evaluation { .. }) => Screen::Evaluation,
        _ => return base,
    };
    let keys = key_table::hint(screen, app.settings.lang);
    let full = format!("{keys} · {base}");
    if full.chars().count() <= usize::from(width) {
        full
    } else {
        base
    }
}
