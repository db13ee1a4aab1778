//! Correcting what was typed: notes, card notes, takeaways and outcomes can be edited or
//! deleted; the text they had is kept in the block's `corrections`, so the log loses nothing.

use super::record::{Correction, EntryKind, Note, Stamp};
use super::{Engine, Event, Refusal, non_empty};

/// One typed line of the block on screen, as the facilitator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntryKind,
    /// Index in its own list (block notes, the card's notes, or takeaways).
    pub index: usize,
    pub text: String,
}

impl Engine {
    /// Everything typed in the block on screen that can be corrected, in the order shown:
    /// block notes, the card's notes and outcome, takeaways.
    pub fn entries(&self) -> Vec<Entry> {
        let (_, block) = self.current_block();
        let list = |kind, notes: &[Note]| {
            notes
                .iter()
                .enumerate()
                .map(move |(index, n)| Entry {
                    kind,
                    index,
                    text: n.text.clone(),
                })
                .collect::<Vec<_>>()
        };
        let mut entries = list(EntryKind::Note, &block.notes);
        if let Some(card) = block.cards.get(block.current_card) {
            entries.extend(list(EntryKind::CardNote, &card.notes));
            if let Some(outcome) = &card.outcome {
                entries.push(Entry {
                    kind: EntryKind::Outcome,
                    index: 0,
                    text: outcome.clone(),
                });
            }
        }
        entries.extend(list(EntryKind::Takeaway, &block.takeaways));
        entries
    }

    /// Replace the text of an entry (`Some`) or delete it (`None`); the old text is kept.
    pub(super) fn correct(
        &mut self,
        kind: EntryKind,
        index: usize,
        text: Option<String>,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        let text = text.map(non_empty).transpose()?;
        let block = self.current_log_mut();
        let current = block.current_card;
        let card = block.cards.get_mut(current);
        let old = match (kind, card) {
            (EntryKind::Outcome, Some(card)) if index == 0 => match &text {
                Some(new) => card.outcome.replace(new.clone()),
                None => card.outcome.take(),
            },
            (EntryKind::CardNote, Some(card)) => edit(&mut card.notes, index, &text),
            (EntryKind::Note, _) => edit(&mut block.notes, index, &text),
            (EntryKind::Takeaway, _) => edit(&mut block.takeaways, index, &text),
            _ => None,
        };
        let old = old.ok_or(Refusal::NothingToUndo)?;
        if text.as_deref() == Some(old.as_str()) {
            return Ok(Vec::new());
        }
        block.corrections.push(Correction {
            at: now,
            kind,
            old,
            new: text,
        });
        Ok(vec![Event::NoteRecorded])
    }
}

/// Set or remove note `index` of `notes`; the text it had, if it existed.
fn edit(notes: &mut Vec<Note>, index: usize, text: &Option<String>) -> Option<String> {
    match text {
        Some(new) => notes
            .get_mut(index)
            .map(|note| std::mem::replace(&mut note.text, new.clone())),
        None => (index < notes.len()).then(|| notes.remove(index).text),
    }
}
