//! The session picker as a facilitator finds a session in it: own sessions apart from the
//! bundled ones, grouped by programme in day order, full titles wrapped, `?` help (snapshots).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::i18n::Lang;
use regie::tui::picker::Unfinished;
use regie::tui::{Choice, Picker, Theme, ThemeName, view};

/// Every bundled session, as the picker gets them (in the order `bundled` lists them), and two
/// of the user's own, one of which has an unfinished run.
fn picker() -> Picker {
    let mut choices: Vec<Choice> = regie::bundled::session_files()
        .iter()
        .map(|path| {
            let session = regie::bundled::load(path).expect("bundled").session;
            Choice::of(regie::bundled::label(path), &session)
        })
        .collect();
    let own = |title: &str, source: &str| Choice {
        title: title.into(),
        source: source.into(),
        programme: Some("mijn-gemeente".into()),
        minutes: 195,
        start: Some("13:00".into()),
        unfinished: None,
    };
    choices.push(own(
        "Middag 10 · Terugblik op een jaar werken met de omgevingswet en wat we ervan leerden",
        "sessions/mijn-gemeente/middag-10.ron",
    ));
    choices.push(Choice {
        unfinished: Some(Unfinished {
            created: chrono::DateTime::parse_from_rfc3339("2026-11-24T13:01:00+01:00")
                .expect("a valid time"),
            block: 2,
            blocks: 5,
            block_title: "Casus".into(),
            log: "logs/middag-9.ron".into(),
        }),
        ..own(
            "Middag 9 · Casuïstiek",
            "sessions/mijn-gemeente/middag-9.ron",
        )
    });
    Picker::new(choices)
}

fn screen(picker: &Picker, w: u16, h: u16, lang: Lang) -> Terminal<TestBackend> {
    let theme = Theme::named(ThemeName::Dark);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| view::picker::draw(f, picker, &theme, lang))
        .expect("draw");
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    format!("{:?}", terminal.backend())
}

#[test]
fn find_own_sessions_come_first_then_each_programme_in_day_order() {
    let picker = picker();
    let sources: Vec<&str> = picker.choices.iter().map(|c| c.short_source()).collect();
    assert_eq!(
        &sources[..3],
        [
            "sessions/mijn-gemeente/middag-9.ron",
            "sessions/mijn-gemeente/middag-10.ron",
            "voorbeeld/kennismaking",
        ]
    );
    let hrm: Vec<&str> = sources
        .iter()
        .copied()
        .filter(|s| s.starts_with("hrm-leernetwerk/"))
        .collect();
    assert_eq!(hrm.first(), Some(&"hrm-leernetwerk/bijeenkomst-1"));
    assert_eq!(hrm.last(), Some(&"hrm-leernetwerk/bijeenkomst-5"));
    // Each programme's sessions stand together.
    let programmes: Vec<&str> = sources
        .iter()
        .map(|s| s.rsplit_once('/').map_or(*s, |(p, _)| p))
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    for p in programmes {
        if seen.last() != Some(&p) {
            assert!(!seen.contains(&p), "{p} is split: {sources:?}");
            seen.push(p);
        }
    }
}

#[test]
fn find_picker_screens_at_80x24_and_120x36_in_both_languages() {
    let mut picker = picker();
    for (w, h) in [(80, 24), (120, 36)] {
        for lang in [Lang::Nl, Lang::En] {
            let name = format!("picker_{lang:?}_{w}x{h}").to_lowercase();
            insta::assert_snapshot!(name, screen(&picker, w, h, lang).backend());
        }
    }
    // Further down the list: a long programme name is never cut, and the list scrolls.
    let leergang = picker
        .choices
        .iter()
        .position(|c| c.short_source() == "leergang-ambtelijk-vakmanschap/dag-7")
        .expect("bundled");
    picker.cursor = leergang;
    let shown = screen(&picker, 80, 24, Lang::Nl);
    insta::assert_snapshot!("picker_scrolled_nl_80x24", shown.backend());
    let shown = text(&shown);
    assert!(shown.contains("▶ Dag 7 · Afsluiting"), "{shown}");
    assert!(
        shown.contains("leergang-ambtelijk-vakmanschap/dag-7"),
        "{shown}"
    );
}

#[test]
fn find_each_session_shows_its_start_and_length_and_a_long_title_whole() {
    let picker = picker();
    let shown = text(&screen(&picker, 80, 24, Lang::Nl));
    assert!(shown.contains("13:00 · 3 u 15"), "{shown}");
    assert!(shown.contains("↻ 3/5"), "{shown}");
    assert!(shown.contains("Eigen sessies (./sessions)"), "{shown}");
    assert!(shown.contains("Meegeleverd met regie"), "{shown}");
    assert!(shown.contains("mijn-gemeente · 2 sessies"), "{shown}");
    assert!(shown.contains("voorbeeld · 1 sessie "), "{shown}");
    // The long title is there word for word, over two lines.
    for word in ["Terugblik", "omgevingswet", "leerden"] {
        assert!(shown.contains(word), "{word}: {shown}");
    }
}

#[test]
fn find_question_mark_shows_the_pickers_keys_and_esc_hides_them() {
    use regie::tui::keys::Action;
    let mut picker = picker();
    picker.step(Action::ToggleHelp);
    let terminal = screen(&picker, 80, 24, Lang::En);
    insta::assert_snapshot!("picker_help_en_80x24", terminal.backend());
    let shown = text(&terminal);
    assert!(
        shown.contains("Home") && shown.contains("first session"),
        "{shown}"
    );
    picker.step(Action::Close);
    assert!(!text(&screen(&picker, 80, 24, Lang::En)).contains("first session"));
}

#[test]
fn find_home_and_end_reach_the_first_and_last_session() {
    use regie::tui::keys::Action;
    let mut picker = picker();
    picker.step(Action::Last);
    let shown = text(&screen(&picker, 80, 24, Lang::Nl));
    assert!(shown.contains("▶ Dag 6 · Oogst"), "{shown}");
    picker.step(Action::First);
    let shown = text(&screen(&picker, 80, 24, Lang::Nl));
    assert!(shown.contains("▶ Middag 9"), "{shown}");
}

#[test]
fn find_picker_never_panics_from_20x5_up() {
    let mut picker = picker();
    picker.cursor = picker.choices.len() / 2;
    picker.help = true;
    for (w, h) in crate::support::sizes::sweep() {
        for help in [false, true] {
            picker.help = help;
            let _ = screen(&picker, w, h, Lang::Nl);
        }
    }
}

/// `regie` in a folder with its own `./sessions`, on the real binary: the own programme comes
/// first with day 2 before day 10, End goes to the last bundled session, Home back, `?` shows
/// the keys, and Enter runs the chosen day.
#[test]
fn find_picker_on_the_real_binary_lists_own_days_in_order_and_home_end_work() {
    use crate::support::e2e::binary;
    use crate::support::pty::Terminal;
    let dir = tempfile::tempdir().expect("temp dir");
    let own = dir.path().join("sessions/mijn-gemeente");
    std::fs::create_dir_all(&own).expect("folder");
    for day in [10, 2] {
        let text = format!(
            "Session(title: \"Middag {day} · eigen sessie\", programme: Some(\"mijn-gemeente\"), \
             start: Some(\"13:00\"), blocks: [(title: \"Opening middag {day}\", minutes: 45, \
             kind: Plenary)])\n"
        );
        std::fs::write(own.join(format!("middag-{day}.ron")), text).expect("write");
    }
    let logs = dir.path().join("logs");
    let env = [
        ("LANG", "nl_NL.UTF-8"),
        ("REGIE_LOG_DIR", logs.to_str().expect("utf-8")),
    ];
    let mut term = Terminal::spawn(&binary(), &[], dir.path(), &env, 100, 30);
    // The bundled heading is drawn below the own sessions: once it is there, the frame is whole
    // (waiting for the first heading alone read half-drawn frames on a busy machine).
    let screen = term.wait_for("Meegeleverd met regie");
    assert!(screen.contains("Eigen sessies (./sessions)"), "{screen}");
    let two = screen.find("Middag 2 ·").expect("day 2 listed");
    let ten = screen.find("Middag 10 ·").expect("day 10 listed");
    let bundled = screen
        .find("Meegeleverd met regie")
        .expect("bundled heading");
    assert!(two < ten && ten < bundled, "{screen}");
    assert!(screen.contains("13:00 · 45 min"), "{screen}");
    term.send("\x1b[F"); // End
    term.wait_for("▶ Dag 6 · Oogst");
    term.send("\x1b[H"); // Home
    term.wait_for("▶ Middag 2 ·");
    term.send("?");
    term.wait_for("laatste sessie");
    term.send("\x1b");
    term.wait_until("the help closed", |s| !s.contains("laatste sessie"));
    term.send("j");
    term.wait_for("▶ Middag 10 ·");
    term.send("\r");
    term.wait_for("Opening middag 10");
    term.send("q");
    term.send("y");
    assert_eq!(term.wait_exit(), 0);
}
