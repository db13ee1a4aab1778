//! Paper forms typed in the runner (a grade and Enter per form, Enter skips a field), undo,
//! moderation with the keys of the list, and snapshots of the facilitator's and the room's
//! screens at 80x24 and 120x36, Dutch and English.

use crate::eval_fixture::{app, opened, type_keys};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::engine::RoomView;
use regie::engine::record::Moderation;
use regie::i18n::Lang;
use regie::journal::record::Stamp;
use regie::tui::App;
use regie::tui::app::{InputKind, Overlay};
use regie::tui::form_entry::FormStep;
use regie::tui::room::RoomStyle;
use regie::tui::view;

/// A grade, then Enter for top, tip, the scale question and the open question.
const GRADE_ONLY: &str = "\n\n\n\n\n";

fn screen(app: &App, now: Stamp, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    terminal
}

fn room_screen(app: &App, now: Stamp, width: u16, height: u16) -> Terminal<TestBackend> {
    let view = RoomView::of(app.engine().log(), now, app.room_options());
    let style = RoomStyle {
        theme: &app.settings.theme,
        lang: app.settings.lang,
        flash: false,
    };
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| regie::tui::room::draw(frame, frame.area(), &view, &style))
        .expect("draw");
    terminal
}

fn text_of(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    buffer
        .content
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Twelve paper forms as a facilitator types them, some with texts.
fn typed(lang: Lang) -> App {
    let mut app = app(lang);
    let now = opened();
    for g in ["8", "7", "9", "6", "8", "7", "10", "8", "7", "6"] {
        type_keys(&mut app, &format!("\n{g}{GRADE_ONLY}"), now);
        type_keys(&mut app, "\x1b", now);
    }
    type_keys(
        &mut app,
        "\n8\nVeel geoefend met de groep\nMeer pauzes\n4\nDe groep als klankbord\n",
        now,
    );
    type_keys(&mut app, "7\nFijne groep, goede casussen\n\n5\n\n", now);
    type_keys(&mut app, "\x1b", now);
    app
}

#[test]
fn a_grade_and_enter_per_form_counts_and_averages_as_it_goes() {
    let mut app = app(Lang::Nl);
    let now = opened();
    type_keys(&mut app, "\n", now);
    assert_eq!(
        app.input.as_ref().map(|i| i.kind),
        Some(InputKind::Form(FormStep::Grade))
    );
    type_keys(&mut app, &format!("8{GRADE_ONLY}"), now);
    type_keys(&mut app, &format!("7{GRADE_ONLY}"), now);
    let evaluation = app.engine().evaluation().unwrap();
    assert_eq!(evaluation.average_grade(), Some((2, 7.5)));
    // The input stays open on the next form's grade.
    assert_eq!(
        app.input.as_ref().map(|i| i.kind),
        Some(InputKind::Form(FormStep::Grade))
    );
    let text = text_of(&screen(&app, now, 80, 24));
    assert!(text.contains("2 formulieren, gemiddeld 7,5"), "{text}");
    assert!(text.contains("Formulier 3 · cijfer 1-10"), "{text}");

    // A form left wholly blank closes the input; u takes the last form back.
    type_keys(&mut app, GRADE_ONLY, now);
    assert!(app.input.is_none());
    type_keys(&mut app, "u", now);
    assert_eq!(
        app.engine().evaluation().unwrap().average_grade(),
        Some((1, 8.0))
    );
}

#[test]
fn a_wrong_grade_is_said_and_stays_to_be_corrected() {
    let mut app = app(Lang::Nl);
    let now = opened();
    type_keys(&mut app, "\n7,5\n", now);
    assert_eq!(app.engine().evaluation().unwrap().forms.len(), 0);
    let input = app.input.as_ref().expect("still typing");
    assert_eq!(input.text, "7,5");
    let text = text_of(&screen(&app, now, 80, 24));
    assert!(text.contains("een cijfer is een heel getal"), "{text}");
}

#[test]
fn a_form_without_a_grade_says_over_how_many_the_average_is() {
    let mut app = app(Lang::Nl);
    let now = opened();
    // One form with a grade; one with only a top (Enter skipped its grade).
    type_keys(&mut app, &format!("\n8{GRADE_ONLY}"), now);
    type_keys(&mut app, "\nAlleen een top\n\n\n\n\x1b", now);
    let evaluation = app.engine().evaluation().unwrap();
    assert_eq!(evaluation.forms.len(), 2);
    assert_eq!(evaluation.average_grade(), Some((1, 8.0)));
    let text = text_of(&screen(&app, now, 80, 24));
    assert!(
        text.contains("2 formulieren (1 met cijfer), gemiddeld 8,0"),
        "{text}"
    );
}

#[test]
fn texts_and_answers_land_in_the_form_and_moderation_approves_and_rejects() {
    let mut app = typed(Lang::Nl);
    let now = opened();
    let evaluation = app.engine().evaluation().unwrap();
    assert_eq!(evaluation.forms.len(), 12);
    let form = &evaluation.forms[10];
    assert_eq!(
        form.top.as_ref().unwrap().text,
        "Veel geoefend met de groep"
    );
    assert_eq!(form.tip.as_ref().unwrap().text, "Meer pauzes");
    assert_eq!(evaluation.scale_answers(0).collect::<Vec<_>>(), [4, 5]);

    type_keys(&mut app, "g", now);
    assert_eq!(app.overlay, Overlay::Moderation { cursor: 0 });
    // Approve the first (top), reject the second (tip), approve the third: each decision moves
    // the cursor on, so the list is worked through with Enter and `d` alone.
    type_keys(&mut app, "\n", now);
    assert_eq!(app.overlay, Overlay::Moderation { cursor: 1 });
    type_keys(&mut app, "d", now);
    assert_eq!(app.overlay, Overlay::Moderation { cursor: 2 });
    type_keys(&mut app, "\n\x1b", now);
    let decisions: Vec<Moderation> = app.open_answers().iter().map(|(_, m)| *m).collect();
    assert_eq!(
        decisions,
        [
            Moderation::Approved,
            Moderation::Rejected,
            Moderation::Approved,
            Moderation::Pending
        ]
    );
    type_keys(&mut app, "t", now);
    let room = text_of(&room_screen(&app, now, 120, 36));
    assert!(room.contains("Veel geoefend met de groep"), "{room}");
    assert!(!room.contains("Meer pauzes"), "rejected stays off: {room}");
    assert!(!room.contains("Fijne groep"), "pending stays off: {room}");
    assert!(room.contains("gemiddeld 7,6"), "{room}");
}

#[test]
fn snapshots_of_the_evaluation_screens() {
    for lang in [Lang::Nl, Lang::En] {
        let name = match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        };
        let mut app = typed(lang);
        let now = opened() + chrono::Duration::minutes(6);
        for (w, h) in [(80, 24), (120, 36)] {
            insta::assert_snapshot!(
                format!("evaluation_{name}_{w}x{h}"),
                screen(&app, now, w, h).backend()
            );
        }
        type_keys(&mut app, "g\n\x1bt", now);
        type_keys(&mut app, "g", now);
        insta::assert_snapshot!(
            format!("moderation_{name}_80x24"),
            screen(&app, now, 80, 24).backend()
        );
        type_keys(&mut app, "\x1b", now);
        for (w, h) in [(80, 24), (120, 36)] {
            insta::assert_snapshot!(
                format!("room_evaluation_{name}_{w}x{h}"),
                room_screen(&app, now, w, h).backend()
            );
        }
    }
}

#[test]
fn a_mid_day_question_is_one_field_and_enter_per_answer() {
    use regie::engine::{Command, Engine, ProgrammeHistory};
    let mut script = crate::eval_fixture::script();
    script.session.blocks[1].kind = regie::script::BlockKind::Evaluation {
        grade: false,
        top_and_tip: false,
        questions: vec![regie::script::Question {
            text: "Hoe sta je erin?".into(),
            answer: regie::script::AnswerKind::Scale { to: 10 },
        }],
    };
    let mut engine = Engine::new(script, ProgrammeHistory::default(), opened());
    engine.apply(Command::Next, opened()).unwrap();
    let mut app = App::new(
        engine,
        Box::new(regie::journal::MemoryRecorder::default()),
        crate::support::fixtures::settings(Lang::Nl),
    );
    type_keys(&mut app, "\n7\n8\n6\n", opened());
    assert_eq!(
        app.input.as_ref().map(|i| i.kind),
        Some(InputKind::Form(FormStep::Question(0)))
    );
    let evaluation = app.engine().evaluation().unwrap();
    assert_eq!(evaluation.forms.len(), 3);
    assert_eq!(evaluation.scale_average(0), Some((3, 7.0)));
    let text = text_of(&screen(&app, opened(), 80, 24));
    assert!(
        text.contains("Hoe sta je erin? (1-10): 7,0 · 3 formulieren"),
        "{text}"
    );
}
