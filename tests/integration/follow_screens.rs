//! The follower's screen (`regie follow`): waiting for a session, the stale marker and the
//! help in Dutch and English, drawn from logs alone; no facilitator note or runner key ever on
//! it; no panic at any size to 300x100 (sampled).

use crate::support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::engine::room::{RoomOptions, RoomView};
use regie::i18n::Lang;
use regie::journal::record::{Note, RoundLog, SessionLog, Stamp, Turn};
use regie::tui::follow::Status;
use regie::tui::follow::view::{self, Screen};
use support::fixtures::*;

const SIZES: [(u16, u16); 2] = [(100, 30), (60, 20)];
/// Written into every log below, where the facilitator's notes go: never on the room's screen.
const SECRET: &str = "GEHEIM: let op Bram";

/// `log` with the secret in every block's notes and every card's notes and outcome.
fn with_secrets(mut log: SessionLog) -> SessionLog {
    for block in &mut log.blocks {
        block.notes.push(Note {
            at: log.created,
            text: SECRET.to_string(),
        });
        for card in &mut block.cards {
            card.notes.push(Note {
                at: log.created,
                text: SECRET.to_string(),
            });
            card.outcome = Some(SECRET.to_string());
        }
    }
    log
}

/// What the follower draws of `log` at `now`: its room view, built as the follower builds it.
fn room(log: SessionLog, now: Stamp) -> RoomView {
    RoomView::of(&with_secrets(log), now, RoomOptions::default())
}

fn render(screen: &Screen, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| view::draw(frame, screen))
        .expect("draw");
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    buffer.content().iter().map(|c| c.symbol()).collect()
}

fn screen(view: Option<&RoomView>, lang: Lang, status: Status) -> Screen<'_> {
    Screen {
        settings: settings(lang),
        status,
        view,
        help: false,
        flash: true,
    }
}

fn not_started() -> SessionLog {
    fresh_log()
}

fn plenary() -> SessionLog {
    log_on(0, 0)
}

fn plenary_now() -> Stamp {
    start_of(&plenary()) + chrono::Duration::seconds(7 * 60 + 26)
}

fn card(revealed: bool) -> SessionLog {
    let mut log = log_on(2, 30);
    let start = start_of(&log);
    let revotes = revealed.then(|| vec![1, 5, 6]);
    log.blocks[2]
        .cards
        .push(card_log(start, vec![5, 2, 5], revotes, revealed));
    log
}

fn card_now() -> Stamp {
    start_of(&card(false)) + chrono::Duration::seconds(6 * 60 + 3)
}

fn on_break() -> SessionLog {
    log_on(3, 120)
}

fn breakout() -> SessionLog {
    let mut log = log_on(4, 0);
    let start = start_of(&log);
    log.blocks[4].splits.push(split(start));
    log
}

fn round() -> SessionLog {
    let mut log = log_on(1, 60);
    let start = start_of(&log);
    let order: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
    log.blocks[1].round = Some(RoundLog {
        seed: 7,
        seconds_each: 90,
        turns: vec![Turn {
            name: order[0].clone(),
            started: start,
            ended: None,
        }],
        order,
    });
    log
}

fn finished() -> SessionLog {
    let mut log = log_on(5, 0);
    let start = start_of(&log);
    let end = start + chrono::Duration::seconds(20 * 60);
    log.blocks[5].runs[0].to = Some(end);
    log.blocks[5].ended = Some(end);
    log.finished = Some(end);
    log
}

#[test]
fn follow_waiting_for_a_session() {
    for lang in [Lang::Nl, Lang::En] {
        let code = if lang == Lang::Nl { "nl" } else { "en" };
        for (w, h) in SIZES {
            let terminal = render(&screen(None, lang, Status::NoSession), w, h);
            insta::assert_snapshot!(format!("waiting_{code}_{w}x{h}"), terminal.backend());
        }
    }
}

#[test]
fn follow_stale_marker_and_help() {
    let room = room(plenary(), plenary_now());
    let mut shown = screen(Some(&room), Lang::Nl, Status::Stale);
    let terminal = render(&shown, 60, 20);
    insta::assert_snapshot!("stale_nl_60x20", terminal.backend());
    shown.status = Status::Live;
    shown.help = true;
    let terminal = render(&shown, 60, 20);
    insta::assert_snapshot!("help_nl_60x20", terminal.backend());
}

#[test]
fn the_audience_screen_never_shows_the_runners_keys_or_the_log_place() {
    let cases: Vec<(SessionLog, Stamp)> = vec![
        (not_started(), at("09:29:10")),
        (plenary(), plenary_now()),
        (card(false), card_now()),
        (card(true), card_now()),
        (on_break(), start_of(&on_break())),
        (breakout(), start_of(&breakout())),
        (round(), start_of(&round())),
        (finished(), at("23:00:00")),
    ];
    for (log, now) in cases {
        let room = room(log, now);
        assert!(
            !format!("{room:?}").contains("GEHEIM"),
            "a note in the view"
        );
        for lang in [Lang::Nl, Lang::En] {
            for (w, h) in [(100, 30), (300, 100)] {
                let terminal = render(&screen(Some(&room), lang, Status::Live), w, h);
                let shown = text(&terminal);
                for private in [
                    "GEHEIM", "spatie", "space:", " t: ", " r: ", " q: ", "?: ", "logs/", "seed",
                    "einde", "ends ",
                ] {
                    assert!(!shown.contains(private), "{private:?} on the room's screen");
                }
            }
        }
    }
}

#[test]
fn no_size_from_1x1_to_300x100_panics() {
    let logs = [
        not_started(),
        plenary(),
        card(true),
        on_break(),
        breakout(),
        round(),
        finished(),
    ];
    let sizes = crate::room_screens::sampled_sizes();
    for lang in [Lang::Nl, Lang::En] {
        for log in &logs {
            let started = log.blocks[log.current].runs.first();
            let now = started.map_or(log.created, |r| r.from) + chrono::Duration::seconds(61);
            let room = room(log.clone(), now);
            let mut shown = screen(Some(&room), lang, Status::Stale);
            for &(w, h) in &sizes {
                shown.help = (w + h) % 2 == 0;
                render(&shown, w, h);
            }
        }
        let waiting = screen(None, lang, Status::NoSession);
        for &(w, h) in &sizes {
            render(&waiting, w, h);
        }
    }
}
