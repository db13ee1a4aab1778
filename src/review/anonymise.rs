//! Pseudonyms for names: every person gets "Deelnemer 01" (or "Participant 01"), the same one
//! in every log of the run; names in any text, the log file names and e-mail addresses go too.

use crate::i18n::Lang;
use crate::journal::record::{Answer, SessionLog};
use std::collections::HashMap;
use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;

/// Words that join a surname to its particle ("de Vries", "van der Berg"): never a name alone.
const PARTICLES: [&str; 17] = [
    "de", "den", "der", "van", "von", "het", "t", "te", "ter", "ten", "la", "le", "du", "da", "di",
    "op", "in",
];

/// A name as a run of words (folded), and what replaces it.
#[derive(Debug, Clone)]
struct Pattern {
    words: Vec<Vec<char>>,
    replacement: String,
}

impl Pattern {
    fn len(&self) -> usize {
        self.words.iter().map(Vec::len).sum()
    }
}

/// Real name to pseudonym, numbered in order of first appearance (oldest log first).
#[derive(Debug, Clone, Default)]
pub struct Pseudonyms {
    /// Folded name to pseudonym.
    by_name: HashMap<String, String>,
    /// Patterns by their first folded character, longest first.
    patterns: HashMap<char, Vec<Pattern>>,
    /// What replaces a name two people share, and an e-mail address that names nobody known.
    someone: String,
    email: String,
}

/// A character as names are compared: without accents, lower case, dotless ı as i.
/// One character in, one out, so positions in the folded text are positions in the text.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let base = std::iter::once(c).nfd().next().unwrap_or(c);
    match base.to_lowercase().next().unwrap_or(base) {
        'ı' => 'i',
        other => other,
    }
}

/// A name's words: runs of letters and digits, folded ("Gert-Jan H." is gert, jan, h).
fn words(text: &str) -> Vec<Vec<char>> {
    text.nfc()
        .map(fold)
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().collect())
        .collect()
}

/// The key a name is known by: its folded words joined by one space.
fn key(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| w.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The parts of a name that identify its person: the whole, the first name, the surname with
/// and without its particles, and the initial with the surname.
fn parts(name: &str) -> (Vec<Vec<char>>, Vec<Vec<Vec<char>>>) {
    let full = words(name);
    let pieces: Vec<Vec<Vec<char>>> = name.split_whitespace().map(words).collect();
    let mut partial = Vec::new();
    let is_initial = |w: &[Vec<char>]| w.iter().all(|w| w.len() < 2);
    if pieces.len() > 1 {
        let first = &pieces[0];
        if !first.is_empty() && !is_initial(first) {
            partial.push(first.clone());
        }
        let surname: Vec<Vec<char>> = pieces[1..].iter().flatten().cloned().collect();
        let main: Vec<Vec<char>> = surname
            .iter()
            .skip_while(|w| PARTICLES.contains(&w.iter().collect::<String>().as_str()))
            .cloned()
            .collect();
        if !main.is_empty() && !is_initial(&main) {
            partial.push(surname.clone());
            partial.push(main.clone());
            // "El Amrani", "Abu Bakr": the last word on its own names the person too.
            if let Some(last) = main.last().filter(|w| w.len() >= 3) {
                partial.push(vec![last.clone()]);
            }
            if let Some(initial) = first.first().and_then(|w| w.first()) {
                let mut with_initial = vec![vec![*initial]];
                with_initial.extend(surname.iter().cloned());
                partial.push(with_initial);
            }
        }
    }
    partial.retain(|p| p != &full && p.iter().map(Vec::len).sum::<usize>() >= 2);
    (full, partial)
}

impl Pseudonyms {
    /// Collect every name in `logs`: participants, attendance, wishes, groups, swaps, rounds.
    pub fn collect(logs: &[(PathBuf, SessionLog)], lang: Lang) -> Pseudonyms {
        let mut order: Vec<String> = Vec::new();
        let mut add = |name: &str| {
            let name = name.trim();
            if !key(name).is_empty() {
                order.push(name.to_string());
            }
        };
        for (_, log) in logs {
            log.participants.iter().for_each(|n| add(n));
            log.attendance.iter().for_each(|m| add(&m.name));
            log.wishes.iter().for_each(|w| add(&w.name));
            for block in &log.blocks {
                for split in &block.splits {
                    split.groups.iter().flatten().for_each(|n| add(n));
                    for (a, b) in &split.swaps {
                        add(a);
                        add(b);
                    }
                }
                if let Some(round) = &block.round {
                    round.order.iter().for_each(|n| add(n));
                    round.turns.iter().for_each(|t| add(&t.name));
                }
            }
        }
        Pseudonyms::of(&order, lang)
    }

    /// Pseudonyms for `names` in this order (the same person spelled twice, in other case
    /// or accents, counts once).
    pub fn of(names: &[String], lang: Lang) -> Pseudonyms {
        let prefix = lang.pick("Deelnemer", "Participant");
        let mut by_name: HashMap<String, String> = HashMap::new();
        let mut people: Vec<(&str, String)> = Vec::new();
        for name in names {
            let k = key(name);
            if !k.is_empty() && !by_name.contains_key(&k) {
                by_name.insert(k, String::new());
                people.push((name.as_str(), String::new()));
            }
        }
        let digits = people.len().to_string().len().max(2);
        for (i, (name, pseudonym)) in people.iter_mut().enumerate() {
            *pseudonym = format!("{prefix} {:0digits$}", i + 1);
            by_name.insert(key(name), pseudonym.clone());
        }
        let someone = lang.pick("[naam]", "[name]").to_string();
        // A full name is one person; a part two people share (a first name, a surname) is
        // replaced by a neutral word rather than by one of them.
        let mut full: HashMap<Vec<Vec<char>>, String> = HashMap::new();
        let mut partial: HashMap<Vec<Vec<char>>, String> = HashMap::new();
        for (name, pseudonym) in &people {
            let (whole, parts) = parts(name);
            full.insert(whole, pseudonym.clone());
            for p in parts {
                partial
                    .entry(p)
                    .and_modify(|r| {
                        if r != pseudonym {
                            *r = someone.clone()
                        }
                    })
                    .or_insert_with(|| pseudonym.clone());
            }
        }
        for (words, replacement) in full {
            partial.insert(words, replacement);
        }
        let mut patterns: HashMap<char, Vec<Pattern>> = HashMap::new();
        for (words, replacement) in partial {
            if let Some(&first) = words.first().and_then(|w| w.first()) {
                patterns
                    .entry(first)
                    .or_default()
                    .push(Pattern { words, replacement });
            }
        }
        for list in patterns.values_mut() {
            list.sort_by(|a, b| {
                b.len()
                    .cmp(&a.len())
                    .then(b.words.len().cmp(&a.words.len()))
                    .then(a.words.cmp(&b.words))
            });
        }
        Pseudonyms {
            by_name,
            patterns,
            someone,
            email: lang.pick("[e-mailadres]", "[e-mail address]").to_string(),
        }
    }

    /// The pseudonym of a name as recorded (unknown names are replaced inside text instead).
    pub fn name(&self, name: &str) -> String {
        match self.by_name.get(&key(name)) {
            Some(p) => p.clone(),
            None => self.text(name),
        }
    }

    /// `text` with every name replaced as a whole word, ignoring case and accents: full names,
    /// first names and surnames (also hyphenated or in an e-mail address); every e-mail address
    /// becomes the pseudonym of the person it names, else a neutral word.
    pub fn text(&self, text: &str) -> String {
        let chars: Vec<char> = text.nfc().collect();
        let folded: Vec<char> = chars.iter().map(|c| fold(*c)).collect();
        let mut emails = emails(&chars).into_iter().peekable();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            while emails.next_if(|(start, _)| *start < i).is_some() {}
            if let Some((_, end)) = emails.next_if(|(start, _)| *start == i) {
                out.push_str(&self.email(&folded, i, end));
                i = end;
                continue;
            }
            let boundary = i == 0 || !is_word(chars[i - 1]);
            if boundary && let Some((end, pattern)) = self.name_at(&folded, i) {
                out.push_str(&pattern.replacement);
                i = end;
                continue;
            }
            out.push(chars[i]);
            i += 1;
        }
        out
    }

    /// The longest name starting at `i` and ending at a word boundary: its end and pattern.
    fn name_at(&self, folded: &[char], i: usize) -> Option<(usize, &Pattern)> {
        let candidates = self.patterns.get(&folded[i])?;
        candidates.iter().find_map(|p| {
            let mut end = match_words(folded, i, &p.words)?;
            if end < folded.len() && is_word(folded[end]) {
                return None;
            }
            // "Anouk V." ends in its initial's dot.
            if p.words.last().is_some_and(|w| w.len() == 1) && folded.get(end) == Some(&'.') {
                end += 1;
            }
            Some((end, p))
        })
    }

    /// What replaces the e-mail address `start..end`: the pseudonym of the person its local
    /// part names, else a neutral word.
    fn email(&self, folded: &[char], start: usize, end: usize) -> String {
        let local_end = folded[start..end]
            .iter()
            .position(|c| *c == '@')
            .map_or(end, |at| start + at);
        for at in start..local_end {
            if (at == start || !is_word(folded[at - 1]))
                && let Some((stop, p)) = self.name_at(&folded[..local_end], at)
                && stop <= local_end
            {
                return p.replacement.clone();
            }
        }
        self.email.clone()
    }

    /// The neutral word for a name two people share.
    pub fn someone(&self) -> &str {
        &self.someone
    }
}

/// Every e-mail address in `chars` as `start..end`, in order; one pass over the text.
fn emails(chars: &[char]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut after = 0;
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        if at < after {
            continue;
        }
        let mut start = at;
        while start > after && is_local(chars[start - 1]) {
            start -= 1;
        }
        while start < at && !is_word(chars[start]) {
            start += 1;
        }
        let mut end = at + 1;
        while end < chars.len() && (is_word(chars[end]) || matches!(chars[end], '.' | '-')) {
            end += 1;
        }
        while end > at + 1 && !is_word(chars[end - 1]) {
            end -= 1;
        }
        let domain: String = chars[at + 1..end].iter().collect();
        if start < at && domain.contains('.') {
            found.push((start, end));
            after = end;
        }
    }
    found
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_local(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// What may stand between the words of a name: spaces, dots, hyphens, underscores, or nothing.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '_' | '\u{2010}' | '\u{2011}')
}

/// Where `words` end when they start at `i`, separated by any run of separators.
fn match_words(folded: &[char], i: usize, words: &[Vec<char>]) -> Option<usize> {
    let mut at = i;
    for (n, word) in words.iter().enumerate() {
        if n > 0 {
            // At most a few separators ("A. de", "Floor - Jansen"): linear in the text.
            let run = folded[at..]
                .iter()
                .take(3)
                .take_while(|c| is_separator(**c))
                .count();
            at += run;
        }
        if !folded[at..].starts_with(word) {
            return None;
        }
        at += word.len();
    }
    Some(at)
}

/// Replace every name in `logs` by its pseudonym: in name fields, inside every text, and in
/// the log's file name (which `regie run` makes from the session's file name).
pub fn anonymise(logs: &mut [(PathBuf, SessionLog)], lang: Lang) -> Pseudonyms {
    let p = Pseudonyms::collect(logs, lang);
    let names = |list: &mut Vec<String>| list.iter_mut().for_each(|n| *n = p.name(n));
    let word = lang.pick("sessie", "session");
    for (i, (path, log)) in logs.iter_mut().enumerate() {
        let stem = format!(
            "{}-{word}-{:02}",
            log.created.format("%Y-%m-%d-%H%M"),
            i + 1
        );
        *path = path.with_file_name(format!("{stem}.ron"));
        let info = &mut log.session;
        info.file = format!("{stem}.ron");
        info.title = p.text(&info.title);
        info.programme = info.programme.as_deref().map(|t| p.text(t));
        info.cohort = info.cohort.as_deref().map(|t| p.text(t));
        info.homework = info.homework.as_deref().map(|h| p.text(h));
        names(&mut log.participants);
        for mark in &mut log.attendance {
            mark.name = p.name(&mark.name);
        }
        for line in &mut log.wishes {
            line.name = p.name(&line.name);
            line.text = p.text(&line.text);
        }
        for block in &mut log.blocks {
            block.title = p.text(&block.title);
            for note in block.notes.iter_mut().chain(block.takeaways.iter_mut()) {
                note.text = p.text(&note.text);
            }
            for correction in &mut block.corrections {
                correction.old = p.text(&correction.old);
                correction.new = correction.new.as_deref().map(|t| p.text(t));
            }
            for split in &mut block.splits {
                split.groups.iter_mut().for_each(names);
                for (a, b) in &mut split.swaps {
                    *a = p.name(a);
                    *b = p.name(b);
                }
            }
            if let Some(round) = &mut block.round {
                names(&mut round.order);
                for turn in &mut round.turns {
                    turn.name = p.name(&turn.name);
                }
            }
            if let Some(evaluation) = &mut block.evaluation {
                for form in evaluation
                    .forms
                    .iter_mut()
                    .chain(evaluation.undone.iter_mut())
                {
                    let answers = form.answers.iter_mut().flatten().filter_map(|a| match a {
                        Answer::Open(a) => Some(a),
                        Answer::Scale(_) => None,
                    });
                    for answer in form
                        .top
                        .iter_mut()
                        .chain(form.tip.iter_mut())
                        .chain(answers)
                    {
                        answer.text = p.text(&answer.text);
                    }
                }
            }
            for card in &mut block.cards {
                card.title = p.text(&card.title);
                card.situation = p.text(&card.situation);
                card.options.iter_mut().for_each(|o| *o = p.text(o));
                card.questions.iter_mut().for_each(|q| *q = p.text(q));
                card.outcome = card.outcome.as_deref().map(|o| p.text(o));
                for note in &mut card.notes {
                    note.text = p.text(&note.text);
                }
            }
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pseudonyms(names: &[&str]) -> Pseudonyms {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        Pseudonyms::of(&names, Lang::Nl)
    }

    #[test]
    fn full_and_first_names_in_text_are_replaced_ignoring_case() {
        let p = pseudonyms(&["Chloë de W.", "Bram K."]);
        assert_eq!(
            p.text("chloë de w. en Bram vonden het lastig; CHLOË ook."),
            "Deelnemer 01 en Deelnemer 02 vonden het lastig; Deelnemer 01 ook."
        );
    }

    #[test]
    fn names_inside_other_words_stay() {
        let p = pseudonyms(&["Bram K."]);
        assert_eq!(p.text("Brammetje en Abram"), "Brammetje en Abram");
    }

    #[test]
    fn case_folding_and_normal_forms_do_not_hide_a_name() {
        let p = pseudonyms(&["Eline Aydın", "Chloë Wijnands"]);
        assert_eq!(p.text("ELINE AYDIN kwam"), "Deelnemer 01 kwam");
        assert_eq!(p.text("Chloe\u{308} ook"), "Deelnemer 02 ook");
        assert_eq!(p.name("CHLOE\u{308} WIJNANDS"), "Deelnemer 02");
    }

    #[test]
    fn surnames_hyphens_initials_and_e_mail_addresses_are_replaced() {
        let p = pseudonyms(&["Anouk de Vries", "Floor Jansen", "Pieter Wijnands"]);
        assert_eq!(
            p.text("mevrouw Wijnands belde"),
            "mevrouw Deelnemer 03 belde"
        );
        assert_eq!(p.text("A. de Vries zei"), "Deelnemer 01 zei");
        assert_eq!(p.text("Floor-Jansen"), "Deelnemer 02");
        assert_eq!(p.text("met Jansen-groep"), "met Deelnemer 02-groep");
        assert_eq!(
            p.text("mail anouk.devries@gemeente.nl of x@y.nl."),
            "mail Deelnemer 01 of [e-mailadres]."
        );
        let p = pseudonyms(&["Chloë El Amrani", "Bas van der Berg"]);
        assert_eq!(
            p.text("CHLOË-AMRANI en Berg"),
            "Deelnemer 01-Deelnemer 01 en Deelnemer 02"
        );
    }

    #[test]
    fn a_part_two_people_share_names_neither() {
        let p = pseudonyms(&["Anouk de Vries", "Anouk Bakker"]);
        assert_eq!(p.text("Anouk belde"), "[naam] belde");
        assert_eq!(p.text("Anouk Bakker belde"), "Deelnemer 02 belde");
    }
}
