//! Hostile inputs, timed: the review screen with a note of 1, 5 and 50 MB (wrapping must cost
//! what is visible, not the note's length), a diagnostic at column 70,000, and files past the
//! size cap (refused by their size, not read). Prints figures; run with `cargo bench --bench inputs`.

#[path = "../tests/integration/review_logs/mod.rs"]
mod review_logs;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::i18n::Lang;
use regie::review::{Loaded, Review};
use regie::tui::review::lines::wrap;
use regie::tui::review::{ReviewApp, Screen, draw};
use regie::tui::{Theme, ThemeName};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The best of three runs of `f`.
fn best(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .expect("three runs")
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    for mb in [1, 5, 50] {
        let one_word = "x".repeat(mb * 1_000_000);
        let words = "woord ".repeat(mb * 1_000_000 / 6);
        let a = best(|| {
            std::hint::black_box(wrap(&one_word, 80));
        });
        let b = best(|| {
            std::hint::black_box(wrap(&words, 80));
        });
        println!(
            "wrap a {mb} MB note at 80 columns: one word {} · words {}",
            ms(a),
            ms(b)
        );
    }

    for mb in [1, 5, 50] {
        let mut log = review_logs::day_log(0, true, 42);
        log.blocks[0].notes[0].text = "x".repeat(mb * 1_000_000);
        let loaded = Loaded {
            logs: vec![(PathBuf::from("logs/dag.ron"), log)],
            errors: vec![],
        };
        let mut app = ReviewApp::new(
            Review::build(loaded),
            Lang::Nl,
            Theme::named(ThemeName::Dark),
        );
        app.screen = Screen::Session(0);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
        let took = best(|| {
            terminal
                .draw(|frame| {
                    std::hint::black_box(draw(frame, &app));
                })
                .expect("draw");
        });
        println!(
            "review: draw a session with a {mb} MB note (100x30): {}",
            ms(took)
        );
    }

    let far = format!("Session(\n{}Oops\n)\n", " ".repeat(70_000));
    let source = regie::script::MemSource::new().with("lang.ron", far);
    let took = best(|| {
        let error = regie::script::load_session_from(
            &source,
            std::path::Path::new("lang.ron"),
            "lang.ron".into(),
        )
        .expect_err("Oops is no field");
        std::hint::black_box(error.render());
    });
    println!(
        "check: load and show an error at column 70,001: {}",
        ms(took)
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("groot.ron");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(1_000_000_000))
        .expect("a sparse 1 GB file");
    let took = best(|| {
        let error = regie::script::load_deck(&big).expect_err("past the cap");
        std::hint::black_box(error);
    });
    let took_log = best(|| {
        let error = regie::journal::read_log(&big).expect_err("past the cap");
        std::hint::black_box(error);
    });
    println!(
        "a 1 GB deck refused in {} · a 1 GB log refused in {}",
        ms(took),
        ms(took_log)
    );
}
