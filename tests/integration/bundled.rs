//! The content compiled into regie: every bundled file is valid, bundled names resolve, and
//! every bundled session runs from its first block to the end in the runner.

use chrono::{Duration, TimeZone};
use regie::bundled;
use regie::engine::{Command, Engine, ProgrammeHistory};
use regie::i18n::Lang;
use regie::journal::MemoryRecorder;
use regie::journal::record::{BlockKindTag, Stamp};
use regie::script::{check_paths, load_cohort_from, load_deck_from};
use regie::tui::keys::Action;
use regie::tui::{App, Settings, Theme, ThemeName};
use std::path::{Path, PathBuf};

#[test]
fn the_repository_content_passes_regie_check() {
    let report = check_paths(&[PathBuf::from("sessions"), PathBuf::from("decks")]);
    assert_eq!(report.exit_code(), 0, "{}", report.render(false));
    assert!(report.valid_files() >= 30, "{}", report.summary());
}

#[test]
fn every_bundled_file_loads_as_what_its_top_level_says() {
    let files = bundled::files();
    assert!(files.len() >= 30, "bundled: {files:?}");
    let mut kinds = [0usize; 3];
    for path in &files {
        let text = std::fs::read_to_string(path).expect("bundled files are the repository's");
        let label = bundled::label(path);
        if text.contains("\nSession(") || text.starts_with("Session(") {
            bundled::load(path).unwrap_or_else(|e| panic!("{}", e.render()));
            kinds[0] += 1;
        } else if text.contains("\nDeck(") || text.starts_with("Deck(") {
            load_deck_from(&bundled::BundledSource, path, label)
                .unwrap_or_else(|e| panic!("{}", e.render()));
            kinds[1] += 1;
        } else {
            load_cohort_from(&bundled::BundledSource, path, label)
                .unwrap_or_else(|e| panic!("{}", e.render()));
            kinds[2] += 1;
        }
    }
    assert_eq!(kinds[0], bundled::session_files().len());
    assert!(kinds[1] >= 4, "at least 4 decks: {kinds:?}");
    assert!(kinds[2] >= 5, "a cohort per programme: {kinds:?}");
}

#[test]
fn the_decks_hold_at_least_forty_cards_with_two_to_four_options() {
    let mut cards = 0;
    for path in bundled::files().iter().filter(|p| p.starts_with("decks")) {
        let deck = load_deck_from(&bundled::BundledSource, path, bundled::label(path)).unwrap();
        for card in &deck.cards {
            assert!((2..=4).contains(&card.options.len()), "{}", card.id);
            assert!(
                !card.questions.is_empty(),
                "{} has discussion questions",
                card.id
            );
        }
        cards += deck.cards.len();
    }
    assert!(cards >= 40, "{cards} cards");
}

#[test]
fn bundled_names_resolve_in_every_spelling_and_unknown_ones_do_not() {
    let want = Some(PathBuf::from("sessions/voorbeeld/kennismaking.ron"));
    for name in [
        "voorbeeld/kennismaking",
        "voorbeeld/kennismaking.ron",
        "sessions/voorbeeld/kennismaking.ron",
        "bundled:sessions/voorbeeld/kennismaking.ron",
    ] {
        assert_eq!(bundled::find(name), want, "{name}");
    }
    assert_eq!(bundled::find("voorbeeld/bestaat-niet"), None);
    assert_eq!(bundled::find("../Cargo.toml"), None);
}

#[test]
fn the_example_programme_is_listed_first_and_uses_every_block_kind() {
    let sessions = bundled::session_files();
    assert!(
        sessions[0].starts_with("sessions/voorbeeld"),
        "{sessions:?}"
    );
    let session = bundled::load(&sessions[0]).unwrap();
    let kinds: Vec<&str> = session
        .session
        .blocks
        .iter()
        .map(|b| b.kind.name())
        .collect();
    for kind in [
        "Plenary", "Round", "Dilemmas", "Break", "Breakout", "Harvest",
    ] {
        assert!(kinds.contains(&kind), "{kind} missing: {kinds:?}");
    }
}

#[test]
fn the_seed_programmes_have_their_days() {
    let count = |programme: &str| {
        bundled::session_files()
            .iter()
            .filter(|p| p.starts_with(Path::new("sessions").join(programme)))
            .count()
    };
    assert_eq!(count("leergang-ambtelijk-vakmanschap"), 7);
    assert_eq!(count("urban-professional"), 6);
    assert!(count("hrm-leernetwerk") >= 5);
    assert_eq!(count("democratische-vakman"), 2);
    assert!(count("ideale-ambtenaar") >= 1);
    assert!(count("english-workshop") >= 1);
}

#[test]
fn full_days_run_from_half_past_nine_to_half_past_four() {
    for programme in ["leergang-ambtelijk-vakmanschap", "urban-professional"] {
        for path in bundled::session_files()
            .iter()
            .filter(|p| p.starts_with(Path::new("sessions").join(programme)))
        {
            let session = bundled::load(path).unwrap().session;
            let minutes: u32 = session.blocks.iter().map(|b| b.minutes.0).sum();
            assert_eq!(
                session.start.as_deref(),
                Some("09:30"),
                "{}",
                path.display()
            );
            assert_eq!(minutes, 7 * 60, "{} lasts {minutes} min", path.display());
        }
    }
}

fn nine_thirty() -> Stamp {
    chrono::FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
        .unwrap()
}

/// Press the keys a facilitator would through a whole day: Space, then for every block its
/// work (votes on each card, a takeaway, every speaker) and `n`, with the planned time passing.
#[test]
fn every_bundled_session_runs_to_the_end_in_the_runner() {
    for path in bundled::session_files() {
        let script = bundled::load(&path).unwrap();
        let blocks = script.session.blocks.len();
        let mut now = nine_thirty();
        let engine = Engine::new(script, ProgrammeHistory::default(), now);
        let settings = Settings {
            theme: Theme::named(ThemeName::Light),
            lang: Lang::Nl,
            bell: false,
        };
        let mut app = App::new(engine, Box::new(MemoryRecorder::default()), settings);
        app.settle(now);
        app.step(Action::Command(Command::StartPause), now);
        let mut steps = 0;
        while !app.engine().is_finished() {
            steps += 1;
            assert!(steps < 500, "{} does not reach its end", path.display());
            let planned = app.current_block().map_or(0, |b| b.planned_seconds);
            if app.current_card().is_some() {
                app.step(Action::Command(Command::Vote { option: 0 }), now);
                app.step(Action::Command(Command::Vote { option: 1 }), now);
            }
            now += Duration::seconds(planned.min(600));
            app.step(Action::Command(Command::Next), now);
            if app.overlay == regie::tui::app::Overlay::FinishConfirm {
                app.step(Action::ConfirmQuit, now);
            }
        }
        let log = app.engine().log();
        assert!(
            log.blocks.iter().all(|b| b.ended.is_some()),
            "{}",
            path.display()
        );
        assert_eq!(log.blocks.len(), blocks);
        for block in &log.blocks {
            if block.kind == BlockKindTag::Dilemmas {
                assert!(
                    !block.cards.is_empty(),
                    "{}: {}",
                    path.display(),
                    block.title
                );
                assert!(block.cards.iter().all(|c| c.votes.iter().sum::<u32>() == 2));
            }
            if block.kind == BlockKindTag::Breakout {
                assert!(
                    !block.splits.is_empty(),
                    "{}: {}",
                    path.display(),
                    block.title
                );
            }
        }
    }
}
