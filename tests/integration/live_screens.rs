//! The plan editor on screen: a snapshot at 80x24 in both languages after a break was inserted,
//! a block moved and one dropped; the editor and its question draw at every size without panic.

use crate::support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::engine::{Command, Engine, InsertKind, ProgrammeHistory};
use regie::i18n::Lang;
use regie::journal::MemoryRecorder;
use regie::journal::record::Stamp;
use regie::tui::App;
use regie::tui::app::Overlay;
use regie::tui::keys::Action;
use regie::tui::view;
use support::fixtures::*;

/// On block 2 of the fixture day, 3 minutes late: a break inserted, the breakout moved before
/// the break, and the harvest dropped; the editor open on the moved block.
fn changed(lang: Lang) -> (App, Stamp) {
    let log = log_on(2, 60);
    let now = start_of(&log) + chrono::Duration::minutes(4);
    let engine = Engine::resume(script(), ProgrammeHistory::default(), log).expect("fits");
    let mut app = App::new(engine, Box::new(MemoryRecorder::default()), settings(lang));
    for command in [
        Command::InsertBlock {
            title: "Koffie".into(),
            minutes: 10,
            kind: InsertKind::Break,
        },
        Command::MoveBlock {
            index: 5,
            later: false,
        },
        Command::DropBlock { index: 6 },
    ] {
        app.step(Action::Command(command), now);
        assert_eq!(app.message, None, "the plan changed");
    }
    app.step(Action::EditPlan, now);
    for _ in 0..2 {
        app.step(Action::Down, now);
    }
    (app, now)
}

fn render(app: &App, now: Stamp, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    terminal
}

#[test]
fn screen_plan_editor_80x24() {
    let (app, now) = changed(Lang::Nl);
    insta::assert_snapshot!("plan_editor_80x24", render(&app, now, 80, 24).backend());
    let (app, now) = changed(Lang::En);
    insta::assert_snapshot!("plan_editor_en_80x24", render(&app, now, 80, 24).backend());
}

#[test]
fn screen_drop_question_80x24() {
    let (mut app, now) = changed(Lang::Nl);
    app.step(Action::Delete, now);
    insta::assert_snapshot!("drop_question_80x24", render(&app, now, 80, 24).backend());
}

#[test]
fn the_plan_editor_and_its_question_draw_at_every_size_without_panic() {
    let (mut app, now) = changed(Lang::Nl);
    let drop_question = {
        let (mut asking, _) = changed(Lang::Nl);
        asking.step(Action::Delete, now);
        assert!(matches!(asking.overlay, Overlay::DropConfirm { .. }));
        asking
    };
    app.step(Action::Insert(InsertKind::Plenary), now);
    for (name, app) in [
        ("editor with input", &app),
        ("drop question", &drop_question),
    ] {
        for (width, height) in support::sizes::sweep() {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                render(app, now, width, height);
            }));
            assert!(result.is_ok(), "{name} panicked at {width}x{height}");
        }
    }
}
