//! The rules a parsed file must follow beyond its syntax (durations, duplicates, names that
//! must exist); every rule reports at the offending value and all of them are collected.

use super::diagnostic::{Diagnostic, SourceText};
use super::locate::{Locator, Step};
use super::suggest::closest;
use super::types::{
    AnswerKind, BlockKind, Cohort, Deck, GRADE_MAX, ParticipantName, Question, Session,
};
use std::collections::BTreeMap;

/// The longest block: 12 hours.
pub const MAX_BLOCK_MINUTES: u32 = 720;

use Step::{Field, Index};

/// Collects diagnostics for one file, pointing them at values found by path.
pub(crate) struct Checker<'a> {
    pub src: &'a SourceText,
    locator: Locator,
    pub found: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    pub fn new(src: &'a SourceText) -> Self {
        Self {
            src,
            locator: Locator::new(&src.text),
            found: Vec::new(),
        }
    }

    /// Record an error in English and Dutch at the value `path` points to.
    pub fn say(
        &mut self,
        path: &[Step<'_>],
        en: impl Into<String>,
        nl: impl Into<String>,
    ) -> &mut Diagnostic {
        let (start, len) = self.locator.span(path);
        let d = self.src.error_at(start, len, en).with_dutch(nl, None);
        self.found.push(d);
        let last = self.found.len() - 1;
        &mut self.found[last]
    }

    /// A note at the value `path` points to.
    pub fn note(&self, path: &[Step<'_>], message: impl Into<String>) -> super::diagnostic::Note {
        let (start, len) = self.locator.span(path);
        self.src.note_at(start, len, message)
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Rules of a session on its own (the files it refers to are checked by the loader).
pub(crate) fn session(session: &Session, c: &mut Checker<'_>) {
    if blank(&session.title) {
        c.say(
            &[Field("title")],
            "the session's title is empty",
            "de titel van de sessie is leeg",
        )
        .hint_in(
            "write what the day is called, e.g. `title: \"Dag 3\"`",
            "schrijf hoe de dag heet, bijvoorbeeld `title: \"Dag 3\"`",
        );
    }
    if let Some(start) = &session.start
        && !is_clock_time(start)
    {
        c.say(
            &[Field("start")],
            format!("start time `{start}` is not a time of day as HH:MM"),
            format!("begintijd `{start}` is geen tijdstip als UU:MM"),
        )
        .hint_in(
            "write hours and minutes from 00:00 to 23:59, e.g. `start: \"09:30\"`",
            "schrijf uren en minuten van 00:00 tot 23:59, bijvoorbeeld `start: \"09:30\"`",
        );
    }
    if session.blocks.is_empty() {
        c.say(
            &[Field("blocks")],
            "the session has no blocks",
            "de sessie heeft geen blokken",
        )
        .hint_in(
            "add at least one block, e.g. `(title: \"Welkom\", minutes: 15, kind: Plenary)`",
            "voeg minstens één blok toe, bijvoorbeeld \
             `(title: \"Welkom\", minutes: 15, kind: Plenary)`",
        );
    }
    for (i, block) in session.blocks.iter().enumerate() {
        let at = |rest: &'static [Step<'static>]| -> Vec<Step<'static>> {
            let mut path = vec![Field("blocks"), Index(i)];
            path.extend_from_slice(rest);
            path
        };
        if blank(&block.title) {
            c.say(
                &at(&[Field("title")]),
                format!("block {} has an empty title", i + 1),
                format!("blok {} heeft een lege titel", i + 1),
            );
        }
        let minutes = block.minutes.0;
        if minutes == 0 {
            c.say(
                &at(&[Field("minutes")]),
                format!("block `{}` lasts 0 minutes", block.title),
                format!("blok `{}` duurt 0 minuten", block.title),
            )
            .hint_in(
                "give it a duration of at least 1 minute",
                "geef het een duur van minstens 1 minuut",
            );
        } else if minutes > MAX_BLOCK_MINUTES {
            c.say(
                &at(&[Field("minutes")]),
                format!(
                    "block `{}` lasts {minutes} minutes; the limit is {MAX_BLOCK_MINUTES} \
                     (12 hours)",
                    block.title
                ),
                format!(
                    "blok `{}` duurt {minutes} minuten; het maximum is {MAX_BLOCK_MINUTES} \
                     (12 uur)",
                    block.title
                ),
            )
            .hint_in(
                "durations are in minutes: 90 is an hour and a half",
                "de duur is in minuten: 90 is anderhalf uur",
            );
        }
        match &block.kind {
            BlockKind::Round { seconds_each: 0 } => {
                c.say(
                    &at(&[Field("kind"), Field("seconds_each")]),
                    "a round needs a turn of at least 1 second each",
                    "een rondje heeft een beurt van minstens 1 seconde per persoon nodig",
                )
                .hint_in(
                    "e.g. `Round(seconds_each: 90)`",
                    "bijvoorbeeld `Round(seconds_each: 90)`",
                );
            }
            BlockKind::Dilemmas { deck, draw, .. } => {
                if blank(deck) {
                    c.say(
                        &at(&[Field("kind"), Field("deck")]),
                        "the deck path is empty",
                        "het pad naar de stapel kaarten is leeg",
                    )
                    .hint_in(
                        "name the deck file, relative to this session file",
                        "noem het bestand met de kaarten, vanaf dit sessiebestand",
                    );
                }
                if *draw == 0 {
                    c.say(
                        &at(&[Field("kind"), Field("draw")]),
                        "a Dilemmas block must draw at least 1 card",
                        "een Dilemmas-blok trekt minstens 1 kaart",
                    );
                }
            }
            BlockKind::Breakout { size, .. } if *size < 2 => {
                c.say(
                    &at(&[Field("kind"), Field("size")]),
                    format!("breakout groups of {size} are not groups; the smallest size is 2"),
                    format!("subgroepen van {size} zijn geen groepen; de kleinste grootte is 2"),
                );
            }
            BlockKind::Evaluation {
                grade,
                top_and_tip,
                questions,
            } => evaluation(i, &block.title, (*grade, *top_and_tip), questions, c),
            _ => {}
        }
        if let BlockKind::Breakout { roles, plan, .. } = &block.kind {
            breakout_extras(c, at(&[Field("kind")]), roles, plan.as_deref());
        }
    }
}

/// A Breakout's roles (each named, none twice) and plan path (not blank); `kind` is the path
/// of the block's kind.
fn breakout_extras(
    c: &mut Checker<'_>,
    kind: Vec<Step<'static>>,
    roles: &[String],
    plan: Option<&str>,
) {
    for (j, role) in roles.iter().enumerate() {
        let mut path = kind.clone();
        path.extend([Field("roles"), Index(j)]);
        if blank(role) {
            c.say(&path, "a role has no name", "een rol heeft geen naam")
                .hint_in(
                    "name the role, e.g. \"voorzitter\", or leave it out",
                    "geef de rol een naam, bijvoorbeeld \"voorzitter\", of laat hem weg",
                );
        } else if roles[..j].contains(role) {
            c.say(
                &path,
                format!("role `{role}` is named twice"),
                format!("rol `{role}` staat er twee keer"),
            )
            .hint_in(
                "name each role once: every group gets each role",
                "noem elke rol één keer: elke groep krijgt elke rol",
            );
        }
    }
    if plan.is_some_and(blank) {
        let mut path = kind;
        path.push(Field("plan"));
        c.say(
            &path,
            "the plan path is empty",
            "het pad van het plan is leeg",
        )
        .hint_in(
            "name the plan file `regie groups --output` wrote, relative to this session \
                 file, or leave plan out",
            "noem het planbestand dat `regie groups --output` schreef, vanuit dit \
                 sessiebestand gezien, of laat plan weg",
        );
    }
}

/// The most questions an Evaluation block may add to its form (a phone shows them all).
pub const MAX_QUESTIONS: usize = 10;

/// Rules of an Evaluation block: it asks something; its questions have text, differ, and
/// their scales run from 1 to 2..=10.
fn evaluation(
    block: usize,
    title: &str,
    (grade, top_and_tip): (bool, bool),
    questions: &[Question],
    c: &mut Checker<'_>,
) {
    let at = |rest: &[Step<'static>]| -> Vec<Step<'static>> {
        let mut path = vec![Field("blocks"), Index(block), Field("kind")];
        path.extend_from_slice(rest);
        path
    };
    if !grade && !top_and_tip && questions.is_empty() {
        c.say(
            &at(&[]),
            format!(
                "the evaluation `{title}` asks nothing: no grade, no top and tip, no questions"
            ),
            format!(
                "de evaluatie `{title}` vraagt niets: geen cijfer, geen top en tip, geen vragen"
            ),
        )
        .hint_in(
            "leave out `grade: false`, or add a question, e.g. `questions: [(text: \"Hoe sta \
             je erin?\", answer: Scale(to: 10))]`",
            "laat `grade: false` weg, of voeg een vraag toe, bijvoorbeeld `questions: [(text: \
             \"Hoe sta je erin?\", answer: Scale(to: 10))]`",
        );
    }
    if questions.len() > MAX_QUESTIONS {
        c.say(
            &at(&[Field("questions")]),
            format!(
                "the evaluation `{title}` has {} questions; a form holds at most {MAX_QUESTIONS}",
                questions.len()
            ),
            format!(
                "de evaluatie `{title}` heeft {} vragen; een formulier heeft er hooguit \
                 {MAX_QUESTIONS}",
                questions.len()
            ),
        )
        .hint_in(
            "keep the questions that matter most; a long form gets few answers",
            "houd de vragen die er het meest toe doen; een lang formulier krijgt weinig antwoorden",
        );
    }
    let mut first_with_text: BTreeMap<String, usize> = BTreeMap::new();
    for (q, question) in questions.iter().enumerate() {
        let text = question.text.trim().to_lowercase();
        if text.is_empty() {
            c.say(
                &at(&[Field("questions"), Index(q), Field("text")]),
                format!("question {} of `{title}` has no text", q + 1),
                format!("vraag {} van `{title}` heeft geen tekst", q + 1),
            );
        } else if let Some(&first) = first_with_text.get(&text) {
            let note = c
                .note(
                    &at(&[Field("questions"), Index(first), Field("text")]),
                    "first asked here",
                )
                .with_dutch("hier voor het eerst gevraagd");
            c.say(
                &at(&[Field("questions"), Index(q), Field("text")]),
                format!(
                    "question `{}` is asked twice in `{title}`",
                    question.text.trim()
                ),
                format!(
                    "vraag `{}` wordt twee keer gesteld in `{title}`",
                    question.text.trim()
                ),
            )
            .with_note_mut(note)
            .hint_in(
                "remove one of the two, or word them apart",
                "haal er één weg, of formuleer ze verschillend",
            );
        } else {
            first_with_text.insert(text, q);
        }
        if let AnswerKind::Scale { to } = question.answer
            && !(2..=GRADE_MAX).contains(&to)
        {
            c.say(
                &at(&[Field("questions"), Index(q), Field("answer"), Field("to")]),
                format!(
                    "a scale from 1 to {to}: a scale runs from 1 to a number from 2 to {GRADE_MAX}"
                ),
                format!(
                    "een schaal van 1 tot {to}: een schaal loopt van 1 tot een getal van 2 tot \
                     en met {GRADE_MAX}"
                ),
            )
            .hint_in(
                "e.g. `Scale(to: 5)` for agree/disagree, `Scale(to: 10)` for a grade",
                "bijvoorbeeld `Scale(to: 5)` voor eens/oneens, `Scale(to: 10)` voor een cijfer",
            );
        }
    }
}

/// "HH:MM" from 00:00 to 23:59.
pub fn is_clock_time(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 5 || b[2] != b':' || ![0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit()) {
        return false;
    }
    let hours = (b[0] - b'0') * 10 + (b[1] - b'0');
    let minutes = (b[3] - b'0') * 10 + (b[4] - b'0');
    hours < 24 && minutes < 60
}

/// Rules of a deck.
pub(crate) fn deck(deck: &Deck, c: &mut Checker<'_>) {
    if blank(&deck.title) {
        c.say(
            &[Field("title")],
            "the deck's title is empty",
            "de titel van het deck is leeg",
        );
    }
    if deck.cards.is_empty() {
        c.say(
            &[Field("cards")],
            "the deck has no cards",
            "het deck heeft geen kaarten",
        )
        .hint_in(
            "add at least one card; see docs/formats.md",
            "voeg minstens één kaart toe; zie docs/formats.md",
        );
    }
    let mut first_with_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, card) in deck.cards.iter().enumerate() {
        let at = |field: &'static str| [Field("cards"), Index(i), Field(field)];
        let (name, naam) = if blank(&card.id) {
            (format!("card {}", i + 1), format!("kaart {}", i + 1))
        } else {
            (
                format!("card `{}`", card.id),
                format!("kaart `{}`", card.id),
            )
        };
        if blank(&card.id) {
            c.say(
                &at("id"),
                format!("card {} has an empty id", i + 1),
                format!("kaart {} heeft een lege id", i + 1),
            )
            .hint_in(
                "give each card a short unique id, e.g. `id: \"speeltuin\"`",
                "geef elke kaart een korte, unieke id, bijvoorbeeld `id: \"speeltuin\"`",
            );
        } else if let Some(&first) = first_with_id.get(card.id.as_str()) {
            let note = c
                .note(
                    &[Field("cards"), Index(first), Field("id")],
                    "first used here",
                )
                .with_dutch("hier voor het eerst gebruikt");
            c.say(
                &at("id"),
                format!("card id `{}` is used twice in this deck", card.id),
                format!("kaart-id `{}` komt twee keer voor in dit deck", card.id),
            )
            .with_note_mut(note)
            .hint_in(
                "card ids must be unique within a deck",
                "elke kaart in een deck heeft een eigen id",
            );
        } else {
            first_with_id.insert(&card.id, i);
        }
        if blank(&card.title) {
            c.say(
                &at("title"),
                format!("{name} has an empty title"),
                format!("{naam} heeft een lege titel"),
            );
        }
        if blank(&card.situation) {
            c.say(
                &at("situation"),
                format!("{name} has an empty situation"),
                format!("{naam} heeft een lege situatie"),
            )
            .hint_in(
                "describe the dilemma the room will discuss",
                "beschrijf het dilemma waarover de zaal gaat praten",
            );
        }
        if card.options.len() < 2 {
            let count = card.options.len();
            c.say(
                &at("options"),
                format!(
                    "{name} has {count} option{}; a dilemma needs at least two",
                    if count == 1 { "" } else { "s" }
                ),
                format!(
                    "{naam} heeft {count} optie{}; een dilemma heeft er minstens twee nodig",
                    if count == 1 { "" } else { "s" }
                ),
            )
            .hint_in(
                "e.g. `options: [\"Handhaven\", \"Gedogen\"]`",
                "bijvoorbeeld `options: [\"Handhaven\", \"Gedogen\"]`",
            );
        }
        for (j, option) in card.options.iter().enumerate() {
            if blank(option) {
                c.say(
                    &[Field("cards"), Index(i), Field("options"), Index(j)],
                    format!("option {} of {name} is empty", j + 1),
                    format!("optie {} van {naam} is leeg", j + 1),
                );
            }
        }
    }
}

/// Rules of a cohort.
pub(crate) fn cohort(cohort: &Cohort, c: &mut Checker<'_>) {
    if blank(&cohort.name) {
        c.say(
            &[Field("name")],
            "the cohort's name is empty",
            "de naam van het cohort is leeg",
        );
    }
    if cohort.participants.is_empty() {
        c.say(
            &[Field("participants")],
            "the cohort has no participants",
            "het cohort heeft geen deelnemers",
        );
    }
    if let Some(rule) = cohort.attendance_rule
        && !(1..=100).contains(&rule)
    {
        c.say(
            &[Field("attendance_rule")],
            format!("an attendance rule of {rule}% is not a share of the days"),
            format!("een aanwezigheidsnorm van {rule}% is geen deel van de dagen"),
        )
        .hint_in(
            "write a percentage from 1 to 100, such as `Some(75)`",
            "schrijf een percentage van 1 tot en met 100, zoals `Some(75)`",
        );
    }
    let mut first_with_name: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, person) in cohort.participants.iter().enumerate() {
        let at = [Field("participants"), Index(i), Field("name")];
        let name = person.name.as_str();
        if blank(name) {
            c.say(
                &at,
                format!("participant {} has an empty name", i + 1),
                format!("deelnemer {} heeft een lege naam", i + 1),
            );
        } else if let Some(&first) = first_with_name.get(name) {
            let note = c
                .note(
                    &[Field("participants"), Index(first), Field("name")],
                    "first listed here",
                )
                .with_dutch("hier voor het eerst genoemd");
            c.say(
                &at,
                format!("participant `{name}` is listed twice"),
                format!("deelnemer `{name}` staat er twee keer"),
            )
            .with_note_mut(note)
            .hint_in(
                "names must be unique; add an initial to tell two people apart (`Anouk V.`)",
                "namen moeten uniek zijn; voeg een letter toe om twee mensen te onderscheiden \
                 (`Anouk V.`)",
            );
        } else {
            first_with_name.insert(name, i);
        }
    }
    let names: Vec<&str> = first_with_name.keys().copied().collect();
    pins(cohort, &names, c);
    let mut pairs: BTreeMap<(&str, &str), (&'static str, usize)> = BTreeMap::new();
    for list in ["keep_apart", "keep_together"] {
        let entries = if list == "keep_apart" {
            &cohort.keep_apart
        } else {
            &cohort.keep_together
        };
        for (k, (a, b)) in entries.iter().enumerate() {
            for (j, person) in [a, b].into_iter().enumerate() {
                if !first_with_name.contains_key(person.as_str()) {
                    let d = c.say(
                        &[Field(list), Index(k), Index(j)],
                        format!("`{person}` in {list} is not a participant of this cohort"),
                        format!("`{person}` in {list} is geen deelnemer van dit cohort"),
                    );
                    match closest(person.as_str(), &names) {
                        Some(name) => d.hint_in(
                            format!("did you mean `{name}`?"),
                            format!("bedoel je `{name}`?"),
                        ),
                        None => d.hint_in(
                            "use a name exactly as written in participants",
                            "schrijf de naam precies zoals in participants",
                        ),
                    };
                }
            }
            if a == b {
                c.say(
                    &[Field(list), Index(k)],
                    format!("`{a}` is paired with themselves in {list}"),
                    format!("`{a}` staat in {list} met zichzelf in een paar"),
                );
                continue;
            }
            let key = ordered(a, b);
            match pairs.get(&key) {
                Some(&(other_list, other_k)) if other_list != list => {
                    let note = c
                        .note(&[Field(other_list), Index(other_k)], "also here")
                        .with_dutch("ook hier");
                    c.say(
                        &[Field(list), Index(k)],
                        format!("`{a}` and `{b}` are in both keep_apart and keep_together"),
                        format!("`{a}` en `{b}` staan in keep_apart én in keep_together"),
                    )
                    .with_note_mut(note)
                    .hint_in(
                        "keep the pair in one of the two lists",
                        "zet het paar in één van de twee lijsten",
                    );
                }
                Some(_) => {}
                None => {
                    pairs.insert(key, (list, k));
                }
            }
        }
    }
}

/// Pins: a participant of the cohort, a group number from 1, one pin per person, no
/// keep-apart pair in one group, no keep-together pair in two.
fn pins(cohort: &Cohort, names: &[&str], c: &mut Checker<'_>) {
    let mut first: BTreeMap<&str, (usize, u16)> = BTreeMap::new();
    for (k, (person, group)) in cohort.pins.iter().enumerate() {
        let name = person.as_str();
        if !names.contains(&name) {
            let d = c.say(
                &[Field("pins"), Index(k), Index(0)],
                format!("`{name}` in pins is not a participant of this cohort"),
                format!("`{name}` in pins is geen deelnemer van dit cohort"),
            );
            match closest(name, names) {
                Some(known) => d.hint_in(
                    format!("did you mean `{known}`?"),
                    format!("bedoel je `{known}`?"),
                ),
                None => d.hint_in(
                    "use a name exactly as written in participants",
                    "schrijf de naam precies zoals in participants",
                ),
            };
        }
        if *group == 0 {
            c.say(
                &[Field("pins"), Index(k), Index(1)],
                format!("`{name}` is pinned to group 0"),
                format!("`{name}` is vastgezet in groep 0"),
            )
            .hint_in(
                "groups are numbered from 1, as on the breakout screen",
                "groepen tellen vanaf 1, zoals op het scherm van de groepjes",
            );
            continue;
        }
        if let Some(&(other, _)) = first.get(name) {
            let note = c
                .note(&[Field("pins"), Index(other)], "first pinned here")
                .with_dutch("hier voor het eerst vastgezet");
            c.say(
                &[Field("pins"), Index(k)],
                format!("`{name}` is pinned twice"),
                format!("`{name}` is twee keer vastgezet"),
            )
            .with_note_mut(note)
            .hint_in(
                "pin each person to one group",
                "zet iedereen in één groep vast",
            );
            continue;
        }
        first.insert(name, (k, *group));
    }
    for (list, apart) in [("keep_apart", true), ("keep_together", false)] {
        let entries = if apart {
            &cohort.keep_apart
        } else {
            &cohort.keep_together
        };
        for (k, (a, b)) in entries.iter().enumerate() {
            let (Some(&(pa, ga)), Some(&(pb, gb))) = (first.get(a.as_str()), first.get(b.as_str()))
            else {
                continue;
            };
            if apart != (ga == gb) {
                continue;
            }
            let note = c
                .note(&[Field("pins"), Index(pa.max(pb))], "pinned here")
                .with_dutch("hier vastgezet");
            let d = if apart {
                c.say(
                    &[Field(list), Index(k)],
                    format!("`{a}` and `{b}` must be kept apart but are both pinned to group {ga}"),
                    format!(
                        "`{a}` en `{b}` moeten apart, maar zijn allebei vastgezet in groep {ga}"
                    ),
                )
            } else {
                c.say(
                    &[Field(list), Index(k)],
                    format!(
                        "`{a}` and `{b}` must stay together but are pinned to groups {ga} and {gb}"
                    ),
                    format!(
                        "`{a}` en `{b}` moeten samen blijven, maar zijn vastgezet in groep {ga} \
                         en groep {gb}"
                    ),
                )
            };
            d.with_note_mut(note);
            if apart {
                d.hint_in(
                    "pin one of them to another group, or drop the pair",
                    "zet een van beiden in een andere groep vast, of laat het paar weg",
                );
            } else {
                d.hint_in(
                    "pin both to the same group, or pin only one of them",
                    "zet beiden in dezelfde groep vast, of zet er maar één vast",
                );
            }
        }
    }
}

fn ordered<'a>(a: &'a ParticipantName, b: &'a ParticipantName) -> (&'a str, &'a str) {
    if a <= b {
        (a.as_str(), b.as_str())
    } else {
        (b.as_str(), a.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_are_strict_hh_mm() {
        for ok in ["00:00", "09:30", "23:59"] {
            assert!(is_clock_time(ok), "{ok}");
        }
        for bad in [
            "24:00",
            "9:30",
            "09:60",
            "0930",
            "09:3a",
            "",
            "09:300",
            "٠٩:٣٠",
        ] {
            assert!(!is_clock_time(bad), "{bad}");
        }
    }
}
