//! The screens before a run: the picker marking a session with an unfinished run, and the
//! question "continue or start anew", in Dutch and English, at three sizes (insta snapshots).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::i18n::Lang;
use regie::tui::picker::{Answer, Question, Unfinished};
use regie::tui::{Choice, Picker, Theme, ThemeName, view};

const SIZES: [(u16, u16); 3] = [(100, 30), (60, 20), (20, 5)];

fn unfinished() -> Unfinished {
    Unfinished {
        created: chrono::DateTime::parse_from_rfc3339("2026-11-24T09:31:00+01:00")
            .expect("a valid time"),
        block: 4,
        blocks: 6,
        block_title: "Casus in subgroepen".into(),
        log: "/home/trainer/.local/share/regie/logs/leergang/2026-11-24-093100-dag-2.ron".into(),
    }
}

fn draw(w: u16, h: u16, draw: impl FnOnce(&mut ratatui::Frame)) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(draw).expect("draw");
    terminal
}

#[test]
fn screen_picker_marks_the_session_with_an_unfinished_run() {
    let choice = |title: &str, source: &str, unfinished| Choice {
        title: title.into(),
        source: source.into(),
        programme: Some("leergang".into()),
        minutes: 390,
        start: Some("09:30".into()),
        unfinished,
    };
    let mut picker = Picker::new(vec![
        choice(
            "Dag 1 · Rechtsstatelijk vakmanschap",
            "sessions/leergang/dag-1.ron",
            None,
        ),
        choice(
            "Dag 2 · Democratisch vakmanschap",
            "sessions/leergang/dag-2.ron",
            Some(unfinished()),
        ),
        choice(
            "Dag 3 · Omgaan met conflict en dilemma",
            "sessions/leergang/dag-3.ron",
            None,
        ),
    ]);
    picker.cursor = 1;
    let theme = Theme::named(ThemeName::Dark);
    for (w, h) in SIZES {
        let terminal = draw(w, h, |f| view::picker::draw(f, &picker, &theme, Lang::Nl));
        insta::assert_snapshot!(format!("picker_unfinished_{w}x{h}"), terminal.backend());
    }
    let terminal = draw(100, 30, |f| {
        view::picker::draw(f, &picker, &theme, Lang::En)
    });
    let screen = format!("{:?}", terminal.backend());
    assert!(screen.contains("↻ 5/6"), "{screen}");
    assert!(screen.contains("↻ unfinished run"), "{screen}");
}

#[test]
fn screen_question_continue_or_start_anew() {
    let mut question = Question::new("Dag 2 · Democratisch vakmanschap".into(), unfinished());
    let theme = Theme::named(ThemeName::Dark);
    for (w, h) in SIZES {
        let terminal = draw(w, h, |f| {
            view::picker::draw_question(f, &question, &theme, Lang::Nl)
        });
        insta::assert_snapshot!(format!("question_{w}x{h}"), terminal.backend());
    }
    question.cursor = Answer::StartAnew;
    let terminal = draw(100, 30, |f| {
        view::picker::draw_question(f, &question, &theme, Lang::En)
    });
    insta::assert_snapshot!("question_anew_en_100x30", terminal.backend());
}
