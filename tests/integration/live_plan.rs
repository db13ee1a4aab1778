//! Changing the plan while the day runs, through `App::step` as keys send it: a break inserted
//! after the block on screen, a coming block moved and dropped (after a question), blocks that
//! ran refused with a reason; the log keeps every change and resumes to the same plan.

use crate::support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::engine::{Changed, Engine, PlanRefusal, ProgrammeHistory, Refusal};
use regie::i18n::Lang;
use regie::journal::record::{SessionLog, Stamp};
use regie::journal::writer::to_ron;
use regie::journal::{MemoryRecorder, parse_log};
use regie::script::{BlockKind, BlockKindTag};
use regie::tui::App;
use regie::tui::app::{InputKind, Message, Overlay};
use regie::tui::keys::{Action, Mode, action};
use regie::tui::view;
use support::fixtures::*;

fn key(app: &App, c: char) -> Action {
    let event = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char(c),
        crossterm::event::KeyModifiers::NONE,
    );
    action(event, app.mode()).unwrap_or_else(|| panic!("{c} does nothing in {:?}", app.mode()))
}

fn press(app: &mut App, keys: &str, now: Stamp) {
    for c in keys.chars() {
        let action = key(app, c);
        app.step(action, now);
    }
}

fn type_text(app: &mut App, text: &str, now: Stamp) {
    for c in text.chars() {
        app.step(Action::Type(c), now);
    }
    app.step(Action::Submit, now);
}

fn screen(app: &App, now: Stamp, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    format!("{:?}", terminal.backend())
}

fn titles(log: &SessionLog) -> Vec<&str> {
    log.blocks.iter().map(|b| b.title.as_str()).collect()
}

fn app_in(lang: Lang, log: SessionLog) -> App {
    let engine = Engine::resume(script(), ProgrammeHistory::default(), log).expect("the log fits");
    App::new(engine, Box::new(MemoryRecorder::default()), settings(lang))
}

#[test]
fn b_inserts_a_break_after_the_block_on_screen_and_the_day_ends_later() {
    let mut app = app(log_on(0, 0));
    let now = start_of(app.engine().log()) + chrono::Duration::minutes(5);
    let end_before = app.day_clock(now).projected_end;
    let slip_before = app.day_clock(now).slip;
    press(&mut app, "b", now);
    assert_eq!(
        app.input.as_ref().map(|i| i.kind),
        Some(InputKind::Insert(regie::engine::InsertKind::Break))
    );
    type_text(&mut app, "10 Koffie en thee", now);
    let log = app.engine().log();
    assert_eq!(log.blocks[1].title, "Koffie en thee");
    assert_eq!(log.blocks[1].kind, BlockKindTag::Break);
    assert_eq!(log.blocks[1].planned_seconds, 600);
    assert!(
        log.blocks[1]
            .live
            .as_ref()
            .is_some_and(|l| l.inserted == Some(now))
    );
    assert_eq!(
        app.day_clock(now).projected_end - end_before,
        chrono::Duration::minutes(10)
    );
    // The slip counts against the plan of the session file: ten minutes more than before.
    assert_eq!(app.day_clock(now).slip - slip_before, 10 * 60);
    // Only the minutes: the break gets its default title; a word is not minutes.
    press(&mut app, "b", now);
    type_text(&mut app, "5", now);
    assert_eq!(app.engine().log().blocks[1].title, "Pauze");
    press(&mut app, "i", now);
    type_text(&mut app, "tien minuten", now);
    assert_eq!(
        app.message,
        Some(Message::NotMinutes("tien minuten".into()))
    );
    // n goes to the inserted block, a break on screen.
    press(&mut app, "n", now);
    assert_eq!(app.current_block().map(|b| b.title.as_str()), Some("Pauze"));
    assert_eq!(app.current_kind(), Some(&BlockKind::Break));
}

#[test]
fn a_coming_block_moves_in_the_plan_editor_and_the_agenda_follows() {
    let mut app = app(log_on(1, 0));
    let now = start_of(app.engine().log()) + chrono::Duration::minutes(2);
    press(&mut app, "A", now);
    assert_eq!(app.overlay, Overlay::Plan { cursor: 1 });
    assert_eq!(app.mode(), Mode::Choosing);
    app.step(Action::Down, now);
    press(&mut app, "]", now);
    assert_eq!(
        titles(app.engine().log()),
        [
            "Inloop en check-in",
            "Rondje lastigste dilemma",
            "Pauze",
            "De regel of de ruimte",
            "Casus in subgroepen",
            "Oogst"
        ]
    );
    assert_eq!(
        app.overlay,
        Overlay::Plan { cursor: 3 },
        "the cursor follows"
    );
    let moved = &app.engine().log().blocks[3];
    assert_eq!(
        regie::engine::plan::changed_live(moved),
        Some(Changed::Moved)
    );
    // The script moved with it: the dilemmas block still draws its cards when it comes.
    let agenda = regie::engine::agenda::agenda(app.engine().log(), now);
    assert_eq!(agenda.rows[2].title, "Pauze");
    assert!(agenda.rows[2].projected_start < agenda.rows[3].projected_start);
    press(&mut app, "[", now);
    assert_eq!(titles(app.engine().log())[2], "De regel of de ruimte");
    press(&mut app, "]", now);
    app.step(Action::Close, now);
    press(&mut app, "nn", now);
    assert!(
        app.current_card().is_some(),
        "the moved dilemmas block shows a card"
    );
}

#[test]
fn blocks_that_ran_or_run_cannot_move_or_go_and_the_screen_says_why() {
    let mut app = app(log_on(2, 0));
    let now = start_of(app.engine().log()) + chrono::Duration::minutes(2);
    press(&mut app, "A", now);
    app.step(Action::Up, now);
    press(&mut app, "]", now);
    assert_eq!(
        app.message,
        Some(Message::Refused(Refusal::Plan(PlanRefusal::NotAhead)))
    );
    assert!(screen(&app, now, 100, 30).contains("alleen komende blokken"));
    app.step(Action::Down, now);
    press(&mut app, "d", now);
    assert_eq!(
        app.message,
        Some(Message::Refused(Refusal::Plan(PlanRefusal::NotAhead))),
        "the block on screen cannot be dropped"
    );
    // The first coming block cannot pass the one on screen.
    app.step(Action::Down, now);
    press(&mut app, "[", now);
    assert_eq!(
        app.message,
        Some(Message::Refused(Refusal::Plan(PlanRefusal::AtEdge)))
    );
    assert_eq!(titles(app.engine().log()), titles(&log_on(2, 0)));
}

#[test]
fn a_block_visited_before_going_back_stays_where_it_is() {
    let mut app = app(log_on(1, 0));
    let now = start_of(app.engine().log()) + chrono::Duration::minutes(2);
    press(&mut app, "np", now);
    press(&mut app, "A", now);
    app.step(Action::Down, now);
    press(&mut app, "d", now);
    assert_eq!(
        app.message,
        Some(Message::Refused(Refusal::Plan(PlanRefusal::HasRun)))
    );
    assert_eq!(app.overlay, Overlay::Plan { cursor: 2 });
    // Nor can a block still to come change places with it.
    app.step(Action::Down, now);
    press(&mut app, "[", now);
    assert_eq!(
        app.message,
        Some(Message::Refused(Refusal::Plan(PlanRefusal::WouldPassRun)))
    );
    assert!(screen(&app, now, 100, 30).contains("niet voorbij een blok dat al liep"));
}

#[test]
fn d_asks_before_dropping_and_the_log_keeps_the_dropped_block() {
    let mut app = app(log_on(0, 20 * 60));
    let now = start_of(app.engine().log()) + chrono::Duration::minutes(35);
    let slip_before = app.day_clock(now).slip;
    press(&mut app, "A", now);
    for _ in 0..3 {
        app.step(Action::Down, now);
    }
    press(&mut app, "d", now);
    assert_eq!(app.overlay, Overlay::DropConfirm { index: 3 });
    assert_eq!(app.mode(), Mode::Confirming);
    assert!(screen(&app, now, 80, 24).contains("schrappen"));
    // Any other key: nothing dropped, back in the list.
    app.step(Action::Close, now);
    assert_eq!(app.overlay, Overlay::Plan { cursor: 3 });
    assert_eq!(app.engine().log().blocks.len(), 6);
    press(&mut app, "d", now);
    app.step(Action::ConfirmQuit, now);
    let log = app.engine().log();
    assert!(!titles(log).contains(&"Pauze"));
    assert_eq!(log.dropped.len(), 1);
    assert_eq!(log.dropped[0].title, "Pauze");
    assert_eq!(
        log.dropped[0].live.as_ref().and_then(|l| l.dropped),
        Some(now)
    );
    assert_eq!(app.overlay, Overlay::Plan { cursor: 3 });
    // Dropping a 15-minute block wins back 15 minutes of the slip.
    assert_eq!(slip_before - app.day_clock(now).slip, 15 * 60);
    let text = screen(&app, now, 80, 24);
    assert!(text.contains("geschrapt: Pauze"), "{text}");
}

#[test]
fn a_changed_plan_is_written_resumes_as_the_same_plan_and_older_logs_read_unchanged() {
    let mut app = app(log_on(1, 0));
    let now = start_of(app.engine().log()) + chrono::Duration::minutes(2);
    press(&mut app, "i", now);
    type_text(&mut app, "15 Extra plenair", now);
    press(&mut app, "A", now);
    app.step(Action::Down, now);
    app.step(Action::Down, now);
    press(&mut app, "]", now); // "De regel of de ruimte" after "Pauze"
    app.step(Action::Down, now);
    press(&mut app, "d", now); // "Casus in subgroepen"
    app.step(Action::ConfirmQuit, now);
    app.step(Action::Close, now);
    let log = app.engine().log().clone();
    let planned = titles(&log);
    assert_eq!(
        planned,
        [
            "Inloop en check-in",
            "Rondje lastigste dilemma",
            "Extra plenair",
            "Pauze",
            "De regel of de ruimte",
            "Oogst"
        ]
    );
    // The laptop dies: the log on disk is all there is. It reads back and continues.
    let text = to_ron(&log);
    let read = parse_log(std::path::Path::new("dag.ron"), text.as_bytes()).expect("reads");
    assert_eq!(read, log);
    let mut resumed = app_in(Lang::Nl, read);
    assert_eq!(titles(resumed.engine().log()), planned);
    let kinds: Vec<&str> = resumed
        .engine()
        .script()
        .session
        .blocks
        .iter()
        .map(|b| b.kind.name())
        .collect();
    assert_eq!(
        kinds,
        [
            "Plenary", "Round", "Plenary", "Break", "Dilemmas", "Harvest"
        ]
    );
    press(&mut resumed, "nnn", now);
    assert!(
        resumed.current_card().is_some(),
        "the dilemmas block draws from its deck"
    );
    // A log of an unchanged plan has neither field.
    let plain = to_ron(&log_on(1, 0));
    assert!(!plain.contains("live:") && !plain.contains("dropped:"));
}

#[test]
fn the_plan_editor_speaks_english_too() {
    let mut app = app_in(Lang::En, log_on(1, 0));
    let now = start_of(app.engine().log()) + chrono::Duration::minutes(2);
    press(&mut app, "b", now);
    type_text(&mut app, "10", now);
    assert_eq!(app.engine().log().blocks[2].title, "Break");
    press(&mut app, "A", now);
    let text = screen(&app, now, 100, 30);
    assert!(text.contains("Edit the plan"), "{text}");
    assert!(text.contains("changed live: inserted"), "{text}");
    app.step(Action::Up, now);
    press(&mut app, "d", now);
    assert!(screen(&app, now, 100, 30).contains("only coming blocks"));
}

#[test]
fn review_shows_blocks_changed_live_in_both_languages() {
    let mut app = app(log_on(1, 0));
    let now = start_of(app.engine().log()) + chrono::Duration::minutes(2);
    press(&mut app, "b", now);
    type_text(&mut app, "10 Koffie", now);
    press(&mut app, "A", now);
    app.step(Action::Last, now);
    press(&mut app, "d", now);
    app.step(Action::ConfirmQuit, now);
    let log = app.engine().log().clone();
    let summary = regie::review::session::summarise(std::path::Path::new("dag.ron"), &log);
    let marked: Vec<String> = summary
        .blocks
        .iter()
        .map(|b| b.marked_title(Lang::Nl))
        .collect();
    assert!(marked.contains(&"Koffie (live gewijzigd: ingevoegd)".to_string()));
    assert!(marked.contains(&"Oogst (live gewijzigd: geschrapt)".to_string()));
    assert!(marked.contains(&"Inloop en check-in".to_string()));
    let english = summary
        .blocks
        .last()
        .expect("dropped last")
        .marked_title(Lang::En);
    assert_eq!(english, "Oogst (changed live: dropped)");
    // The report (Markdown) in both languages, and the blocks table's changed_live column.
    let review = regie::review::Review::build(regie::review::Loaded {
        logs: vec![(std::path::PathBuf::from("dag.ron"), log.clone())],
        errors: vec![],
    });
    let nl = regie::review::markdown::render(&review, Lang::Nl);
    assert!(nl.contains("Koffie (live gewijzigd: ingevoegd)"), "{nl}");
    let en = regie::review::markdown::render(&review, Lang::En);
    assert!(en.contains("Oogst (changed live: dropped)"), "{en}");
    let rows = regie::review::Table::Blocks.rows(&review);
    let changed: Vec<String> = rows
        .iter()
        .map(|row| format!("{:?}", row.last().expect("a cell")))
        .collect();
    assert!(changed[2].contains("inserted"), "{changed:?}");
    assert!(
        changed.last().is_some_and(|c| c.contains("dropped")),
        "{changed:?}"
    );
    // The day's plan is the session file's: the inserted break is not in it.
    assert_eq!(
        summary.planned,
        script()
            .session
            .blocks
            .iter()
            .map(|b| b.minutes.seconds())
            .sum::<i64>()
    );
}

/// One change of the plan or step through the day, for the property test.
#[derive(Debug, Clone)]
enum Step {
    Move { index: usize, later: bool },
    Insert { minutes: i64, plenary: bool },
    Drop { index: usize },
    Next,
    Previous,
}

fn step_strategy() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    prop_oneof![
        (0usize..9, any::<bool>()).prop_map(|(index, later)| Step::Move { index, later }),
        (1i64..60, any::<bool>()).prop_map(|(minutes, plenary)| Step::Insert { minutes, plenary }),
        (0usize..9).prop_map(|index| Step::Drop { index }),
        Just(Step::Next),
        Just(Step::Previous),
    ]
}

proptest::proptest! {
    #![proptest_config(support::props::config(48))]

    /// Whatever the facilitator changes, the log written after it resumes with the session file
    /// to the same plan: every block paired with its own scripted block, in the changed order.
    #[test]
    fn any_changed_plan_resumes_to_the_same_plan(steps in proptest::collection::vec(step_strategy(), 0..24)) {
        let start = at("09:30:00");
        let mut engine = Engine::new(script(), ProgrammeHistory::default(), start);
        for (n, step) in steps.into_iter().enumerate() {
            let now = start + chrono::Duration::minutes(n as i64);
            let command = match step {
                Step::Move { index, later } => regie::engine::Command::MoveBlock { index, later },
                Step::Insert { minutes, plenary } => regie::engine::Command::InsertBlock {
                    title: format!("Ingevoegd {n}"),
                    minutes,
                    kind: if plenary { regie::engine::InsertKind::Plenary } else { regie::engine::InsertKind::Break },
                },
                Step::Drop { index } => regie::engine::Command::DropBlock { index },
                Step::Next => regie::engine::Command::Next,
                Step::Previous => regie::engine::Command::Previous,
            };
            let before = engine.log().clone();
            if engine.apply(command, now).is_err() {
                proptest::prop_assert_eq!(&before, engine.log(), "a refusal changes nothing");
            }
            let text = to_ron(engine.log());
            let read = parse_log(std::path::Path::new("dag.ron"), text.as_bytes()).expect("reads");
            let resumed = Engine::resume(script(), ProgrammeHistory::default(), read)
                .map_err(|m| proptest::test_runner::TestCaseError::fail(m.0))?;
            proptest::prop_assert_eq!(resumed.script().session.blocks.clone(), engine.script().session.blocks.clone());
            for (block, log) in resumed.script().session.blocks.iter().zip(&resumed.log().blocks) {
                proptest::prop_assert_eq!(&block.title, &log.title);
                proptest::prop_assert_eq!(block.kind.tag(), log.kind);
            }
            let all = resumed.log().blocks.len() + resumed.log().dropped.len();
            let inserted = resumed.log().blocks.iter().chain(&resumed.log().dropped)
                .filter(|b| b.live.as_ref().is_some_and(|l| l.inserted.is_some())).count();
            proptest::prop_assert_eq!(all - inserted, script().session.blocks.len(), "nothing recorded is lost");
        }
    }
}

#[test]
fn a_hand_edited_mark_that_points_nowhere_is_refused_with_a_reason() {
    let mut engine = Engine::new(script(), ProgrammeHistory::default(), at("09:30:00"));
    engine
        .apply(
            regie::engine::Command::DropBlock { index: 3 },
            at("09:31:00"),
        )
        .expect("a coming block drops");
    let mut log = engine.log().clone();
    // Two blocks claiming the same place in the session file.
    log.blocks[1].live.as_mut().expect("marked").scripted = Some(0);
    let refused =
        Engine::resume(script(), ProgrammeHistory::default(), log.clone()).expect_err("refused");
    assert!(refused.0.contains("`scripted`"), "{refused}");
    // A place past the end of the session file.
    log.blocks[1].live.as_mut().expect("marked").scripted = Some(99);
    let refused = Engine::resume(script(), ProgrammeHistory::default(), log).expect_err("refused");
    assert!(refused.0.contains("`scripted`"), "{refused}");
}
