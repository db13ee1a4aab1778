//! The runner's keys in one table: what each key does, its line in the `?` help and its word in
//! the on-screen hints, in Dutch and English. A hint cannot name a key the table does not bind.

use super::keys::Action;
use crate::engine::{Command, InsertKind};
use crate::i18n::Lang;
use crossterm::event::KeyCode;

/// The screens a hint appears on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Card,
    Groups,
    Evaluation,
}

/// What a row binds its keys to.
#[derive(Debug, Clone, PartialEq)]
pub enum Bound {
    Action(Action),
    /// 1-9: a vote for the option of that number.
    Vote,
}

/// One row of the table.
pub struct Binding {
    /// The keys that do it.
    pub keys: &'static [KeyCode],
    /// How the keys are written in the help ("n  →"); "nl|en" where the languages differ.
    pub label: &'static str,
    pub bound: Bound,
    /// The help line, Dutch and English.
    pub help: (&'static str, &'static str),
    /// A word or two for on-screen hints ("stem" / "vote"), and the screens that show it.
    pub hint: Option<(&'static str, &'static str)>,
    pub hint_on: &'static [Screen],
}

const fn row(
    keys: &'static [KeyCode],
    label: &'static str,
    bound: Bound,
    help: (&'static str, &'static str),
) -> Binding {
    Binding {
        keys,
        label,
        bound,
        help,
        hint: None,
        hint_on: &[],
    }
}

const fn hinted(
    keys: &'static [KeyCode],
    label: &'static str,
    bound: Bound,
    help: (&'static str, &'static str),
    hint: (&'static str, &'static str),
    hint_on: &'static [Screen],
) -> Binding {
    Binding {
        keys,
        label,
        bound,
        help,
        hint: Some(hint),
        hint_on,
    }
}

const fn command(command: Command) -> Bound {
    Bound::Action(Action::Command(command))
}

const DIGITS: [KeyCode; 9] = [
    KeyCode::Char('1'),
    KeyCode::Char('2'),
    KeyCode::Char('3'),
    KeyCode::Char('4'),
    KeyCode::Char('5'),
    KeyCode::Char('6'),
    KeyCode::Char('7'),
    KeyCode::Char('8'),
    KeyCode::Char('9'),
];

/// Every key of the runner's main screen, in the order the help lists them.
pub const RUNNER: &[Binding] = &[
    row(
        &[KeyCode::Char(' ')],
        "spatie|space",
        command(Command::StartPause),
        ("klok starten / pauzeren", "start / pause the clock"),
    ),
    row(
        &[KeyCode::Char('n'), KeyCode::Right],
        "n  →",
        command(Command::Next),
        ("volgende kaart of blok", "next card or block"),
    ),
    row(
        &[KeyCode::Char('p'), KeyCode::Left],
        "p  ←",
        command(Command::Previous),
        ("vorige kaart of blok", "previous card or block"),
    ),
    row(
        &[KeyCode::Char('+'), KeyCode::Char('='), KeyCode::Char('-')],
        "+  -",
        Bound::Action(Action::Command(Command::Adjust { minutes: 1 })),
        ("een minuut erbij / eraf", "add / take a minute"),
    ),
    row(
        &[KeyCode::Char('>'), KeyCode::Char('<')],
        ">  <",
        Bound::Action(Action::Command(Command::Adjust { minutes: 5 })),
        ("vijf minuten erbij / eraf", "add / take five minutes"),
    ),
    row(
        &[KeyCode::Char('m')],
        "m",
        Bound::Action(Action::SetTime),
        ("resterende minuten typen", "type the minutes left"),
    ),
    hinted(
        &[KeyCode::Enter],
        "Enter",
        Bound::Action(Action::Enter),
        (
            "notitie; oogst; leerwensen; spreker",
            "note; takeaway; wishes; next speaker",
        ),
        ("notitie", "note"),
        &[Screen::Card],
    ),
    hinted(
        &DIGITS,
        "1-9",
        Bound::Vote,
        ("stem op optie (kaart)", "vote for option (card)"),
        ("stem", "vote"),
        &[Screen::Card],
    ),
    hinted(
        &[KeyCode::Char('u')],
        "u",
        command(Command::UndoVote),
        (
            "stem, indeling of formulier terugnemen",
            "undo the last vote, reshuffle or form",
        ),
        ("terug", "undo"),
        &[Screen::Card, Screen::Evaluation],
    ),
    hinted(
        &[KeyCode::Char('v')],
        "v",
        command(Command::StartRevote),
        ("herstemming starten", "start the revote"),
        ("herstemming", "revote"),
        &[Screen::Card],
    ),
    hinted(
        &[KeyCode::Char('t')],
        "t",
        command(Command::ToggleReveal),
        (
            "uitslag of cijfers tonen / verbergen",
            "show / hide the results or grades",
        ),
        ("tonen", "show"),
        &[Screen::Card, Screen::Evaluation],
    ),
    hinted(
        &[KeyCode::Char('k')],
        "k",
        command(Command::ReplaceCard { card: None }),
        (
            "andere kaart (nog niet gestemd)",
            "another card (before any vote)",
        ),
        ("andere", "other"),
        &[Screen::Card],
    ),
    hinted(
        &[KeyCode::Char('g')],
        "g",
        Bound::Action(Action::Moderate),
        (
            "open antwoorden goedkeuren / afwijzen",
            "approve / reject open answers",
        ),
        ("beoordelen", "moderate"),
        &[Screen::Evaluation],
    ),
    row(
        &[KeyCode::Char('K')],
        "K",
        Bound::Action(Action::PickCard),
        ("kaart kiezen uit de stapel", "pick a card from the deck"),
    ),
    row(
        &[KeyCode::Char('e')],
        "e",
        Bound::Action(Action::Entries),
        (
            "getypte regel wijzigen / wissen",
            "edit / delete a typed line",
        ),
    ),
    row(
        &[KeyCode::Char('c')],
        "c",
        Bound::Action(Action::Outcome),
        ("uitkomst van de kaart noteren", "record the card's outcome"),
    ),
    hinted(
        &[KeyCode::Char('r')],
        "r",
        Bound::Action(Action::Reshuffle),
        ("groepen opnieuw indelen", "reshuffle the groups"),
        ("opnieuw", "reshuffle"),
        &[Screen::Groups],
    ),
    hinted(
        &[KeyCode::Char('['), KeyCode::Char(']')],
        "[/]",
        Bound::Action(Action::Command(Command::ResizeGroups { delta: 1 })),
        ("kleinere / grotere groepjes", "smaller / larger groups"),
        ("grootte", "size"),
        &[Screen::Groups],
    ),
    hinted(
        &[KeyCode::Char('x')],
        "x",
        Bound::Action(Action::StartSwap),
        ("twee mensen wisselen", "swap two people"),
        ("wisselen", "swap"),
        &[Screen::Groups],
    ),
    row(
        &[KeyCode::Char('w')],
        "w",
        Bound::Action(Action::ToggleAttendance),
        ("aanwezigheid", "attendance"),
    ),
    // room: only with `--room`; without it j does nothing.
    row(
        &[KeyCode::Char('j')],
        "j",
        Bound::Action(Action::ToggleJoin),
        (
            "meedoen met telefoons (QR; --room)",
            "join screen for phones (QR; --room)",
        ),
    ),
    row(
        &[KeyCode::Char('a')],
        "a",
        Bound::Action(Action::ToggleAgenda),
        ("agenda tonen / verbergen", "show / hide the agenda"),
    ),
    row(
        &[KeyCode::Char('A')],
        "A",
        Bound::Action(Action::EditPlan),
        (
            "agenda: schuiven, invoegen, schrappen",
            "edit the plan: move, insert, drop",
        ),
    ),
    row(
        &[KeyCode::Char('b')],
        "b",
        Bound::Action(Action::Insert(InsertKind::Break)),
        (
            "pauze invoegen na dit blok",
            "insert a break after this block",
        ),
    ),
    row(
        &[KeyCode::Char('i')],
        "i",
        Bound::Action(Action::Insert(InsertKind::Plenary)),
        ("blok invoegen na dit blok", "insert a block after this one"),
    ),
    row(
        &[KeyCode::Char('o')],
        "o",
        Bound::Action(Action::ToggleNotes),
        ("notities voor jou", "notes for you"),
    ),
    row(
        &[KeyCode::Char('P')],
        "P",
        Bound::Action(Action::ToggleProjector),
        (
            "projector: alleen het zaalbeeld",
            "projector: only what the room sees, large",
        ),
    ),
    row(
        &[KeyCode::Char('L')],
        "L",
        Bound::Action(Action::ToggleSlip),
        (
            "uitloop aan de zaal tonen / niet",
            "show the room the slip / not",
        ),
    ),
    row(
        &[KeyCode::Char('f')],
        "f",
        Bound::Action(Action::ToggleFlash),
        ("knipperen bij nul aan / uit", "flash at zero on / off"),
    ),
    row(
        &[KeyCode::Char('T')],
        "T",
        Bound::Action(Action::CycleTheme),
        (
            "kleuren: donker, licht, contrast",
            "colours: dark, light, contrast",
        ),
    ),
    row(
        &[KeyCode::Char('s')],
        "s",
        Bound::Action(Action::SaveElsewhere),
        (
            "log elders opslaan (na fout)",
            "save the log elsewhere (after an error)",
        ),
    ),
    row(
        &[KeyCode::Char('?')],
        "?",
        Bound::Action(Action::ToggleHelp),
        ("deze hulp", "this help"),
    ),
    row(
        &[KeyCode::Esc],
        "Esc",
        Bound::Action(Action::Close),
        ("sluiten", "close"),
    ),
    row(
        &[KeyCode::Char('q')],
        "q",
        Bound::Action(Action::AskQuit),
        ("stoppen (bevestig met y)", "quit (confirm with y)"),
    ),
];

/// The keys of the session picker (`regie` without arguments), in the order its help lists them.
pub const PICKER: &[Binding] = &[
    row(
        &[KeyCode::Up, KeyCode::Char('k')],
        "↑  k",
        Bound::Action(Action::Up),
        ("vorige sessie", "previous session"),
    ),
    row(
        &[KeyCode::Down, KeyCode::Char('j')],
        "↓  j",
        Bound::Action(Action::Down),
        ("volgende sessie", "next session"),
    ),
    row(
        &[KeyCode::Home],
        "Home",
        Bound::Action(Action::First),
        ("eerste sessie", "first session"),
    ),
    row(
        &[KeyCode::End],
        "End",
        Bound::Action(Action::Last),
        ("laatste sessie", "last session"),
    ),
    row(
        &[KeyCode::Enter, KeyCode::Char(' ')],
        "Enter",
        Bound::Action(Action::Select),
        ("sessie starten", "run the session"),
    ),
    row(
        &[KeyCode::Char('?')],
        "?",
        Bound::Action(Action::ToggleHelp),
        ("deze hulp", "this help"),
    ),
    row(
        &[KeyCode::Esc],
        "Esc",
        Bound::Action(Action::Close),
        ("hulp sluiten, anders stoppen", "close the help, else quit"),
    ),
    row(
        &[KeyCode::Char('q')],
        "q",
        Bound::Action(Action::AskQuit),
        ("stoppen", "quit"),
    ),
];

/// The picker's help lines for `lang`.
pub fn picker_help_lines(lang: Lang) -> Vec<(&'static str, &'static str)> {
    lines_of(PICKER, lang)
}

/// What `code` does on the runner's main screen.
pub fn runner_action(code: KeyCode) -> Option<Action> {
    let binding = RUNNER.iter().find(|b| b.keys.contains(&code))?;
    Some(match (&binding.bound, code) {
        (Bound::Vote, KeyCode::Char(c)) => Action::Command(Command::Vote {
            option: c as usize - '1' as usize,
        }),
        (Bound::Vote, _) => return None,
        // + and - (> and <) share a row: the second key takes the time away; [ makes groups smaller.
        (_, KeyCode::Char('-')) => Action::Command(Command::Adjust { minutes: -1 }),
        (_, KeyCode::Char('<')) => Action::Command(Command::Adjust { minutes: -5 }),
        (_, KeyCode::Char('[')) => Action::Command(Command::ResizeGroups { delta: -1 }),
        (Bound::Action(action), _) => action.clone(),
    })
}

/// The help's lines for `lang`: keys and what they do.
pub fn help_lines(lang: Lang) -> Vec<(&'static str, &'static str)> {
    lines_of(RUNNER, lang)
}

/// A table's help lines for `lang`.
fn lines_of(table: &[Binding], lang: Lang) -> Vec<(&'static str, &'static str)> {
    table
        .iter()
        .map(|b| (label(b, lang), in_lang(lang, b.help)))
        .collect()
}

/// The hint for `screen`: "1-9 stem · u terug · v herstemming · t tonen · Enter notitie".
pub fn hint(screen: Screen, lang: Lang) -> String {
    RUNNER
        .iter()
        .filter(|b| b.hint_on.contains(&screen))
        .filter_map(|b| Some(format!("{} {}", short_label(b), in_lang(lang, b.hint?))))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The Dutch or English text of a pair.
fn in_lang(lang: Lang, (nl, en): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The first key bound to `action` as written in hints ("r"), or "" if none is.
pub fn key_of(action: &Action) -> &'static str {
    RUNNER
        .iter()
        .find(|b| b.bound == Bound::Action(action.clone()))
        .map_or("", short_label)
}

/// The row's keys as written in `lang`.
fn label(binding: &Binding, lang: Lang) -> &'static str {
    match binding.label.split_once('|') {
        Some(pair) => in_lang(lang, pair),
        None => binding.label,
    }
}

/// The first written key of a row ("n" of "n  →").
fn short_label(binding: &Binding) -> &'static str {
    binding
        .label
        .split_whitespace()
        .next()
        .unwrap_or(binding.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for binding in RUNNER {
            for key in binding.keys {
                assert!(!seen.contains(key), "{key:?} is bound twice");
                seen.push(*key);
            }
        }
    }

    #[test]
    fn every_hint_names_a_key_that_does_what_it_says() {
        for screen in [Screen::Card, Screen::Groups, Screen::Evaluation] {
            for lang in [Lang::Nl, Lang::En] {
                let hint = hint(screen, lang);
                assert!(!hint.is_empty());
                for part in hint.split(" · ") {
                    let key = part.split(' ').next().expect("a key");
                    let code = match key {
                        "Enter" => KeyCode::Enter,
                        "1-9" => KeyCode::Char('1'),
                        k => KeyCode::Char(k.chars().next().expect("a key")),
                    };
                    assert!(runner_action(code).is_some(), "{part} does nothing");
                }
            }
        }
    }

    #[test]
    fn the_card_hint_reads_as_before() {
        assert_eq!(
            hint(Screen::Card, Lang::Nl),
            "Enter notitie · 1-9 stem · u terug · v herstemming · t tonen · k andere"
        );
        assert_eq!(key_of(&Action::Reshuffle), "r");
    }

    #[test]
    fn every_picker_key_in_its_help_does_what_the_help_says() {
        use crate::tui::keys::{Mode, action};
        use crossterm::event::{KeyEvent, KeyModifiers};
        for binding in PICKER {
            for key in binding.keys {
                let got = action(KeyEvent::new(*key, KeyModifiers::NONE), Mode::Choosing);
                assert_eq!(Some(&binding.bound), got.map(Bound::Action).as_ref());
            }
        }
        assert_eq!(picker_help_lines(Lang::En).len(), PICKER.len());
    }

    #[test]
    fn help_has_a_line_per_row_in_both_languages() {
        assert_eq!(help_lines(Lang::Nl).len(), RUNNER.len());
        assert_ne!(help_lines(Lang::Nl), help_lines(Lang::En));
    }
}
