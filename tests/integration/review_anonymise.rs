//! `--anonymise` leaves no name behind: property tests over names written every way a
//! facilitator types them (case, accents decomposed, surnames, initials, hyphens, e-mail
//! addresses), and the review screens of an anonymised programme.

use crate::review_logs;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::i18n::Lang;
use regie::review::anonymise::fold;
use regie::review::{Loaded, Privacy, Pseudonyms, Review};
use regie::tui::review::{ReviewAction, ReviewApp, draw};
use regie::tui::{Theme, ThemeName};
use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;

const FIRST: [&str; 8] = [
    "Chloë", "Eline", "Anouk", "Floor", "Ismaïl", "Gert-Jan", "Zoë", "Ruud",
];
/// Surnames and the word of each that names the person on its own.
const SURNAME: [(&str, &str); 8] = [
    ("de Vries", "vries"),
    ("Aydın", "aydin"),
    ("Wijnands", "wijnands"),
    ("Jansen", "jansen"),
    ("van der Berg", "berg"),
    ("Öztürk", "ozturk"),
    ("Bakker", "bakker"),
    ("El Amrani", "amrani"),
];

/// How a person is mentioned in a note.
#[derive(Debug, Clone, Copy)]
enum Mention {
    Full,
    First,
    Surname,
    Title,
    Initial,
    Hyphen,
    Email,
}

fn mention(first: &str, surname: &str, how: Mention) -> String {
    let initial: String = first.chars().take(1).collect();
    let joined = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    match how {
        Mention::Full => format!("{first} {surname}"),
        Mention::First => first.to_string(),
        Mention::Surname => surname.to_string(),
        Mention::Title => format!("mevrouw {surname}"),
        Mention::Initial => format!("{initial}. {surname}"),
        Mention::Hyphen => format!(
            "{first}-{}",
            surname.split(' ').next_back().unwrap_or(surname)
        ),
        Mention::Email => format!("{}.{}@gemeente.nl", joined(first), joined(surname)),
    }
}

/// Upper case, lower case or as written; composed (NFC) or decomposed (NFD).
fn spelled(text: &str, case: u8, nfd: bool) -> String {
    let cased = match case {
        0 => text.to_uppercase(),
        1 => text.to_lowercase(),
        _ => text.to_string(),
    };
    if nfd {
        cased.nfd().collect()
    } else {
        cased.nfc().collect()
    }
}

fn folded_words(text: &str) -> Vec<String> {
    text.nfc()
        .map(fold)
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn any_mention() -> impl Strategy<Value = Mention> {
    prop_oneof![
        Just(Mention::Full),
        Just(Mention::First),
        Just(Mention::Surname),
        Just(Mention::Title),
        Just(Mention::Initial),
        Just(Mention::Hyphen),
        Just(Mention::Email),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_name_survives_in_any_spelling(
        firsts in Just((0..8).collect::<Vec<usize>>()).prop_shuffle(),
        surnames in Just((0..8).collect::<Vec<usize>>()).prop_shuffle(),
        people in 1usize..6,
        mentions in prop::collection::vec((0usize..6, any_mention(), 0u8..3, any::<bool>()), 1..8),
    ) {
        let names: Vec<String> = (0..people)
            .map(|i| format!("{} {}", FIRST[firsts[i]], SURNAME[surnames[i]].0))
            .collect();
        let p = Pseudonyms::of(&names, Lang::Nl);
        let mut text = String::from("Notitie:");
        for (who, how, case, nfd) in &mentions {
            let who = who % people;
            let m = mention(FIRST[firsts[who]], SURNAME[surnames[who]].0, *how);
            text.push_str(&format!(" {} zei dat het lastig was,", spelled(&m, *case, *nfd)));
        }
        let out = p.text(&text);
        let words = folded_words(&out);
        for i in 0..people {
            let first = folded_words(FIRST[firsts[i]]);
            for word in first.iter().map(String::as_str).chain([SURNAME[surnames[i]].1]) {
                prop_assert!(!words.iter().any(|w| w == word), "{word} left in {out:?} (from {text:?})");
            }
        }
        prop_assert!(!out.contains('@'), "an e-mail address left in {out:?}");
        // A name recorded in another case or normal form is the same person.
        for (i, name) in names.iter().enumerate() {
            let other = spelled(name, (i % 3) as u8, i % 2 == 0);
            prop_assert_eq!(p.name(&other), p.name(name));
        }
    }

    #[test]
    fn text_without_names_is_unchanged(text in "[a-z ,.;]{0,80}") {
        let names = vec!["Chloë de Wit".to_string(), "Eline Aydın".to_string()];
        let p = Pseudonyms::of(&names, Lang::Nl);
        let words = folded_words(&text);
        prop_assume!(!words.iter().any(|w| ["chloe", "wit", "eline", "aydin"].contains(&w.as_str())));
        prop_assert_eq!(p.text(&text), text);
    }
}

#[test]
fn the_review_screens_of_an_anonymised_programme_name_nobody() {
    let logs = (0..3)
        .map(|d| {
            let mut log = review_logs::day_log(d, d != 2, 42);
            log.blocks[0].notes[0].text =
                "ANOUK V. en mevrouw de W. (Chloe\u{308}) mailden naar bram.k@gemeente.nl".into();
            (
                PathBuf::from(format!("logs/2026-09-0{}-0925-intake-anouk-v.ron", d + 1)),
                log,
            )
        })
        .collect();
    let loaded = Loaded {
        logs,
        errors: vec![],
    };
    let privacy = Privacy {
        notes: true,
        anonymise: Some(Lang::Nl),
    };
    let mut app = ReviewApp::new(
        Review::build_private(loaded, privacy),
        Lang::Nl,
        Theme::named(ThemeName::Dark),
    );
    let mut all = String::new();
    for screen in 0..4 {
        app.step(ReviewAction::Back);
        for _ in 0..screen {
            app.step(ReviewAction::Down);
        }
        app.step(ReviewAction::Open);
        for _ in 0..15 {
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
            let mut drawn = None;
            terminal
                .draw(|frame| drawn = Some(draw(frame, &app)))
                .expect("draw");
            if let Some(d) = drawn {
                app.drawn(d.scroll_limit, d.page);
            }
            let buffer = terminal.backend().buffer();
            for y in 0..buffer.area.height {
                for x in 0..buffer.area.width {
                    all.push_str(buffer[(x, y)].symbol());
                }
                all.push('\n');
            }
            app.step(ReviewAction::PageDown);
        }
    }
    assert!(all.contains("Deelnemer 01"), "{all}");
    assert!(all.contains("mailden naar"), "the note is shown");
    let words = folded_words(&all);
    for name in review_logs::PEOPLE {
        let first = folded_words(name).remove(0);
        assert!(!words.contains(&first), "{first} left on screen");
    }
    assert!(!all.contains("gemeente.nl"));
    assert!(!all.contains("intake"), "the log's file name is not shown");
}
