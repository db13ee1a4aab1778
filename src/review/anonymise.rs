//! Pseudonyms for names: every person gets "Deelnemer 01" (or "Participant 01"), the same one
//! in every log of the run; names typed into notes, takeaways and outcomes are replaced too.

use crate::i18n::Lang;
use crate::journal::record::SessionLog;
use std::collections::HashMap;
use std::path::PathBuf;

/// Real name to pseudonym, numbered in order of first appearance (oldest log first).
#[derive(Debug, Clone, Default)]
pub struct Pseudonyms {
    by_name: HashMap<String, String>,
    /// Text patterns (lowercase characters) and their replacement, longest first.
    patterns: Vec<(Vec<char>, String)>,
}

impl Pseudonyms {
    /// Collect every name in `logs`: participants, attendance, groups, swaps, rounds.
    pub fn collect(logs: &[(PathBuf, SessionLog)], lang: Lang) -> Pseudonyms {
        let mut order: Vec<String> = Vec::new();
        let mut seen: HashMap<String, ()> = HashMap::new();
        let mut add = |name: &str| {
            let name = name.trim();
            if !name.is_empty() && seen.insert(name.to_string(), ()).is_none() {
                order.push(name.to_string());
            }
        };
        for (_, log) in logs {
            log.participants.iter().for_each(|n| add(n));
            log.attendance.iter().for_each(|m| add(&m.name));
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
        let prefix = lang.pick("Deelnemer", "Participant");
        let digits = order.len().to_string().len().max(2);
        let by_name: HashMap<String, String> = order
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), format!("{prefix} {:0digits$}", i + 1)))
            .collect();
        let mut patterns: Vec<(Vec<char>, String)> = Vec::new();
        for name in &order {
            let pseudonym = by_name[name].clone();
            patterns.push((lower(name), pseudonym.clone()));
            // "Anouk" alone in a note means Anouk V., unless two people share the first name.
            let first = name.split_whitespace().next().unwrap_or("");
            let shared = order
                .iter()
                .filter(|other| other.split_whitespace().next() == Some(first))
                .count()
                > 1;
            if first.chars().count() >= 3 && first != name && !shared {
                patterns.push((lower(first), pseudonym));
            }
        }
        patterns.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        patterns.dedup_by(|a, b| a.0 == b.0);
        Pseudonyms { by_name, patterns }
    }

    /// The pseudonym of a name as recorded (unknown names are replaced inside text instead).
    pub fn name(&self, name: &str) -> String {
        match self.by_name.get(name.trim()) {
            Some(p) => p.clone(),
            None => self.text(name),
        }
    }

    /// `text` with every name (full, or a first name only one person has) replaced as a whole
    /// word, ignoring case.
    pub fn text(&self, text: &str) -> String {
        if self.patterns.is_empty() {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let folded: Vec<char> = chars.iter().map(|c| fold(*c)).collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
        while i < chars.len() {
            let boundary_before = i == 0 || !word(chars.get(i - 1));
            let hit = boundary_before
                .then(|| {
                    self.patterns.iter().find(|(p, _)| {
                        folded[i..].starts_with(p)
                            && (!word(p.last()) || !word(chars.get(i + p.len())))
                    })
                })
                .flatten();
            match hit {
                Some((p, replacement)) => {
                    out.push_str(replacement);
                    i += p.len();
                }
                None => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        out
    }
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn lower(s: &str) -> Vec<char> {
    s.chars().map(fold).collect()
}

/// Replace every name in `logs` by its pseudonym: in name fields and inside every text.
pub fn anonymise(logs: &mut [(PathBuf, SessionLog)], lang: Lang) -> Pseudonyms {
    let p = Pseudonyms::collect(logs, lang);
    let names = |list: &mut Vec<String>| list.iter_mut().for_each(|n| *n = p.name(n));
    for (_, log) in logs.iter_mut() {
        let info = &mut log.session;
        info.title = p.text(&info.title);
        info.homework = info.homework.as_deref().map(|h| p.text(h));
        names(&mut log.participants);
        for mark in &mut log.attendance {
            mark.name = p.name(&mark.name);
        }
        for block in &mut log.blocks {
            block.title = p.text(&block.title);
            for note in block.notes.iter_mut().chain(block.takeaways.iter_mut()) {
                note.text = p.text(&note.text);
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
        let mut p = Pseudonyms::default();
        for (i, n) in names.iter().enumerate() {
            let pseudonym = format!("Deelnemer {:02}", i + 1);
            p.by_name.insert(n.to_string(), pseudonym.clone());
            p.patterns.push((lower(n), pseudonym.clone()));
            let first = n.split_whitespace().next().unwrap_or("");
            if first != *n {
                p.patterns.push((lower(first), pseudonym));
            }
        }
        p.patterns.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        p
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
}
