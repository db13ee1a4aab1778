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

    /// Record an error at the value `path` points to; returns it for a hint or a note.
    pub fn error(&mut self, path: &[Step<'_>], message: impl Into<String>) -> &mut Diagnostic {
        let (start, len) = self.locator.span(path);
        self.found.push(self.src.error_at(start, len, message));
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
        c.error(&[Field("title")], "the session's title is empty")
            .hint = Some("write what the day is called, e.g. `title: \"Dag 3\"`".into());
    }
    if let Some(start) = &session.start
        && !is_clock_time(start)
    {
        c.error(
            &[Field("start")],
            format!("start time `{start}` is not a time of day as HH:MM"),
        )
        .hint = Some("write hours and minutes from 00:00 to 23:59, e.g. `start: \"09:30\"`".into());
    }
    if session.blocks.is_empty() {
        c.error(&[Field("blocks")], "the session has no blocks")
            .hint = Some(
            "add at least one block, e.g. `(title: \"Welkom\", minutes: 15, kind: Plenary)`".into(),
        );
    }
    for (i, block) in session.blocks.iter().enumerate() {
        let at = |rest: &'static [Step<'static>]| -> Vec<Step<'static>> {
            let mut path = vec![Field("blocks"), Index(i)];
            path.extend_from_slice(rest);
            path
        };
        if blank(&block.title) {
            c.error(
                &at(&[Field("title")]),
                format!("block {} has an empty title", i + 1),
            );
        }
        let minutes = block.minutes.0;
        if minutes == 0 {
            c.error(
                &at(&[Field("minutes")]),
                format!("block `{}` lasts 0 minutes", block.title),
            )
            .hint = Some("give it a duration of at least 1 minute".into());
        } else if minutes > MAX_BLOCK_MINUTES {
            c.error(
                &at(&[Field("minutes")]),
                format!(
                    "block `{}` lasts {minutes} minutes; the limit is {MAX_BLOCK_MINUTES} \
                     (12 hours)",
                    block.title
                ),
            )
            .hint = Some("durations are in minutes: 90 is an hour and a half".into());
        }
        match &block.kind {
            BlockKind::Round { seconds_each: 0 } => {
                c.error(
                    &at(&[Field("kind"), Field("seconds_each")]),
                    "a round needs a turn of at least 1 second each",
                )
                .hint = Some("e.g. `Round(seconds_each: 90)`".into());
            }
            BlockKind::Dilemmas { deck, draw, .. } => {
                if blank(deck) {
                    c.error(
                        &at(&[Field("kind"), Field("deck")]),
                        "the deck path is empty",
                    )
                    .hint = Some("name the deck file, relative to this session file".into());
                }
                if *draw == 0 {
                    c.error(
                        &at(&[Field("kind"), Field("draw")]),
                        "a Dilemmas block must draw at least 1 card",
                    );
                }
            }
            BlockKind::Breakout { size, .. } if *size < 2 => {
                c.error(
                    &at(&[Field("kind"), Field("size")]),
                    format!("breakout groups of {size} are not groups; the smallest size is 2"),
                );
            }
            BlockKind::Evaluation {
                grade,
                top_and_tip,
                questions,
            } => evaluation(i, &block.title, (*grade, *top_and_tip), questions, c),
            _ => {}
        }
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
        c.error(
            &at(&[]),
            format!(
                "the evaluation `{title}` asks nothing: no grade, no top and tip, no questions"
            ),
        )
        .hint = Some(
            "leave out `grade: false`, or add a question, e.g. `questions: [(text: \"Hoe sta \
             je erin?\", answer: Scale(to: 10))]`"
                .into(),
        );
    }
    if questions.len() > MAX_QUESTIONS {
        c.error(
            &at(&[Field("questions")]),
            format!(
                "the evaluation `{title}` has {} questions; a form holds at most {MAX_QUESTIONS}",
                questions.len()
            ),
        )
        .hint = Some("keep the questions that matter most; a long form gets few answers".into());
    }
    let mut first_with_text: BTreeMap<String, usize> = BTreeMap::new();
    for (q, question) in questions.iter().enumerate() {
        let text = question.text.trim().to_lowercase();
        if text.is_empty() {
            c.error(
                &at(&[Field("questions"), Index(q), Field("text")]),
                format!("question {} of `{title}` has no text", q + 1),
            );
        } else if let Some(&first) = first_with_text.get(&text) {
            let note = c.note(
                &at(&[Field("questions"), Index(first), Field("text")]),
                "first asked here",
            );
            c.error(
                &at(&[Field("questions"), Index(q), Field("text")]),
                format!(
                    "question `{}` is asked twice in `{title}`",
                    question.text.trim()
                ),
            )
            .with_note_mut(note)
            .hint = Some("remove one of the two, or word them apart".into());
        } else {
            first_with_text.insert(text, q);
        }
        if let AnswerKind::Scale { to } = question.answer
            && !(2..=GRADE_MAX).contains(&to)
        {
            c.error(
                &at(&[Field("questions"), Index(q), Field("answer"), Field("to")]),
                format!(
                    "a scale from 1 to {to}: a scale runs from 1 to a number from 2 to {GRADE_MAX}"
                ),
            )
            .hint =
                Some("e.g. `Scale(to: 5)` for agree/disagree, `Scale(to: 10)` for a grade".into());
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
        c.error(&[Field("title")], "the deck's title is empty");
    }
    if deck.cards.is_empty() {
        c.error(&[Field("cards")], "the deck has no cards").hint =
            Some("add at least one card; see docs/formats.md".into());
    }
    let mut first_with_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, card) in deck.cards.iter().enumerate() {
        let at = |field: &'static str| [Field("cards"), Index(i), Field(field)];
        let name = if blank(&card.id) {
            format!("card {}", i + 1)
        } else {
            format!("card `{}`", card.id)
        };
        if blank(&card.id) {
            c.error(&at("id"), format!("card {} has an empty id", i + 1))
                .hint = Some("give each card a short unique id, e.g. `id: \"speeltuin\"`".into());
        } else if let Some(&first) = first_with_id.get(card.id.as_str()) {
            let note = c.note(
                &[Field("cards"), Index(first), Field("id")],
                "first used here",
            );
            c.error(
                &at("id"),
                format!("card id `{}` is used twice in this deck", card.id),
            )
            .with_note_mut(note)
            .hint = Some("card ids must be unique within a deck".into());
        } else {
            first_with_id.insert(&card.id, i);
        }
        if blank(&card.title) {
            c.error(&at("title"), format!("{name} has an empty title"));
        }
        if blank(&card.situation) {
            c.error(&at("situation"), format!("{name} has an empty situation"))
                .hint = Some("describe the dilemma the room will discuss".into());
        }
        if card.options.len() < 2 {
            c.error(
                &at("options"),
                format!(
                    "{name} has {} option{}; a dilemma needs at least two",
                    card.options.len(),
                    if card.options.len() == 1 { "" } else { "s" }
                ),
            )
            .hint = Some("e.g. `options: [\"Handhaven\", \"Gedogen\"]`".into());
        }
        for (j, option) in card.options.iter().enumerate() {
            if blank(option) {
                c.error(
                    &[Field("cards"), Index(i), Field("options"), Index(j)],
                    format!("option {} of {name} is empty", j + 1),
                );
            }
        }
    }
}

/// Rules of a cohort.
pub(crate) fn cohort(cohort: &Cohort, c: &mut Checker<'_>) {
    if blank(&cohort.name) {
        c.error(&[Field("name")], "the cohort's name is empty");
    }
    if cohort.participants.is_empty() {
        c.error(&[Field("participants")], "the cohort has no participants");
    }
    if let Some(rule) = cohort.attendance_rule
        && !(1..=100).contains(&rule)
    {
        c.error(
            &[Field("attendance_rule")],
            format!("an attendance rule of {rule}% is not a share of the days"),
        )
        .hint = Some("write a percentage from 1 to 100, such as `Some(75)`".into());
    }
    let mut first_with_name: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, person) in cohort.participants.iter().enumerate() {
        let at = [Field("participants"), Index(i), Field("name")];
        let name = person.name.as_str();
        if blank(name) {
            c.error(&at, format!("participant {} has an empty name", i + 1));
        } else if let Some(&first) = first_with_name.get(name) {
            let note = c.note(
                &[Field("participants"), Index(first), Field("name")],
                "first listed here",
            );
            c.error(&at, format!("participant `{name}` is listed twice"))
                .with_note_mut(note)
                .hint = Some(
                "names must be unique; add an initial to tell two people apart (`Anouk V.`)".into(),
            );
        } else {
            first_with_name.insert(name, i);
        }
    }
    let names: Vec<&str> = first_with_name.keys().copied().collect();
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
                    let d = c.error(
                        &[Field(list), Index(k), Index(j)],
                        format!("`{person}` in {list} is not a participant of this cohort"),
                    );
                    d.hint = Some(match closest(person.as_str(), &names) {
                        Some(name) => format!("did you mean `{name}`?"),
                        None => "use a name exactly as written in participants".into(),
                    });
                }
            }
            if a == b {
                c.error(
                    &[Field(list), Index(k)],
                    format!("`{a}` is paired with themselves in {list}"),
                );
                continue;
            }
            let key = ordered(a, b);
            match pairs.get(&key) {
                Some(&(other_list, other_k)) if other_list != list => {
                    let note = c.note(&[Field(other_list), Index(other_k)], "also here");
                    c.error(
                        &[Field(list), Index(k)],
                        format!("`{a}` and `{b}` are in both keep_apart and keep_together"),
                    )
                    .with_note_mut(note)
                    .hint = Some("keep the pair in one of the two lists".into());
                }
                Some(_) => {}
                None => {
                    pairs.insert(key, (list, k));
                }
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
