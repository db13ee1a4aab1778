//! The breakout screens with roles: the facilitator's and the room's (80x24 and 120x36), the
//! plan's round on the facilitator's info line, and the one line when the plan was not used.

use crate::room_screens::{breakout_log, render, text, view_at};
use crate::support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::engine::{Engine, ProgrammeHistory};
use regie::groups::roles::assign;
use regie::i18n::Lang;
use regie::journal::MemoryRecorder;
use regie::journal::record::{SessionLog, Stamp};
use regie::script::BlockKind;
use regie::tui::App;
use regie::tui::ThemeName;
use regie::tui::view;
use std::collections::BTreeMap;
use support::fixtures::{script, settings, start_of};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

/// The fixture's breakout (15 people in 5 groups of 3) from plan round 3, with three roles.
fn with_roles() -> (SessionLog, Stamp) {
    let mut log = breakout_log();
    let roles: Vec<String> = ["voorzitter", "notulist", "tijdbewaker"]
        .map(String::from)
        .to_vec();
    let split = log.blocks[4].splits.last_mut().expect("split");
    split.roles = assign(&split.groups, &roles, &[]);
    split.plan_round = Some(3);
    let now = start_of(&log) + chrono::Duration::seconds(12 * 60 + 30);
    (log, now)
}

fn screen(app: &App, now: Stamp, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    terminal
}

/// The runner on `log`, its breakout naming plan.ron, read as `read`.
fn app_with_plan(log: SessionLog, read: Result<regie::groups::CoursePlan, String>) -> App {
    let mut script = script();
    if let BlockKind::Breakout { plan, .. } = &mut script.session.blocks[4].kind {
        *plan = Some("plan.ron".to_string());
    }
    let history = ProgrammeHistory {
        plans: BTreeMap::from([("plan.ron".to_string(), read)]),
        ..ProgrammeHistory::default()
    };
    let engine = Engine::resume(script, history, log).expect("the log fits");
    App::new(
        engine,
        Box::new(MemoryRecorder::default()),
        settings(Lang::Nl),
    )
}

#[test]
fn the_facilitator_s_breakout_screen_shows_each_role_beside_its_holder() {
    let (log, now) = with_roles();
    let app = support::fixtures::app(log);
    for (w, h) in SIZES {
        let terminal = screen(&app, now, w, h);
        let shown = format!("{:?}", terminal.backend());
        assert!(shown.contains("(voorzitter)"), "{shown}");
        assert!(shown.contains("plan: ronde 3"), "{shown}");
        insta::assert_snapshot!(format!("course_breakout_roles_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn the_room_s_breakout_screen_shows_the_roles_too() {
    let (log, now) = with_roles();
    let view = view_at(&log, now);
    for (w, h) in SIZES {
        let buf = render(&view, Lang::Nl, ThemeName::Dark, w, h);
        let shown = text(&buf);
        assert!(shown.contains("(notulist)"), "{shown}");
        assert!(
            !shown.contains("plan"),
            "the plan round is the facilitator's: {shown}"
        );
        insta::assert_snapshot!(format!("course_room_roles_{w}x{h}"), shown);
    }
}

#[test]
fn a_plan_that_was_not_used_is_said_in_one_line_on_the_facilitator_s_screen() {
    let (log, now) = with_roles();
    let app = app_with_plan(
        log,
        Err("sessions/leergang/plan.ron: 2:3: Unexpected".into()),
    );
    let shown = format!("{:?}", screen(&app, now, 120, 36).backend());
    assert!(
        shown.contains("Plan niet gebruikt, de groepen zijn nieuw ingedeeld: kan plan.ron niet"),
        "{shown}"
    );
    let room = text(&render(
        &view_at(app.engine().log(), now),
        Lang::Nl,
        ThemeName::Dark,
        120,
        36,
    ));
    assert!(!room.contains("Plan niet"), "{room}");
}
