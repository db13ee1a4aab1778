//! Dilemma cards in a running session: drawing on entry, moving between cards, votes and
//! revotes, revealing results, notes and outcomes.

use super::draw::draw_cards;
use super::seed::seed_at;
use super::timeline::Arrival;
use super::{Engine, Event, Refusal, non_empty};
use crate::engine::record::{Ballot, CardLog, Note, Stamp, VoteRound};
use crate::script::{BlockKind, Card, DrawOrder};
use std::collections::BTreeSet;

impl Engine {
    /// On entering a Dilemmas block: draw its cards the first time, show a card at once.
    pub(super) fn enter_cards(&mut self, now: Stamp, arrival: Arrival) -> Vec<Event> {
        let index = self.current_index();
        let BlockKind::Dilemmas { deck, draw, order } = &self.script.session.blocks[index].kind
        else {
            return Vec::new();
        };
        let Some(deck) = self.script.decks.get(deck) else {
            return Vec::new();
        };
        if self.log.blocks[index].drawn.is_empty() {
            let played = self.played_cards(&deck.title);
            let seed = seed_at(now, index as u64);
            let drawn = draw_cards(deck, *draw as usize, *order, &played, seed);
            let block = &mut self.log.blocks[index];
            block.draw_seed = (*order == DrawOrder::Random).then_some(seed);
            block.drawn = drawn;
        }
        let block = &mut self.log.blocks[index];
        if block.cards.is_empty() {
            let Some(card) = block
                .drawn
                .first()
                .and_then(|id| deck.cards.iter().find(|c| &c.id == id))
            else {
                return Vec::new();
            };
            block.cards.push(card_log(&deck.title, card, now));
        } else {
            block.current_card = match arrival {
                Arrival::Forward => 0,
                Arrival::Backward => block.cards.len() - 1,
            };
            block.cards[block.current_card].ended = None;
        }
        vec![Event::CardShown {
            block: index,
            card: block.current_card,
        }]
    }

    /// Card ids of the deck titled `deck` already played in the programme or drawn earlier
    /// in this session.
    fn played_cards(&self, deck: &str) -> BTreeSet<&str> {
        let mut played: BTreeSet<&str> = self
            .history
            .played_cards
            .iter()
            .filter(|(title, _)| title == deck)
            .map(|(_, id)| id.as_str())
            .collect();
        for (block, log) in self.script.session.blocks.iter().zip(&self.log.blocks) {
            if let BlockKind::Dilemmas { deck: path, .. } = &block.kind
                && self.script.decks.get(path).is_some_and(|d| d.title == deck)
            {
                played.extend(log.drawn.iter().map(String::as_str));
            }
        }
        played
    }

    /// Whether `Next` shows another card of this block rather than leaving it.
    pub(super) fn has_next_card(&self) -> bool {
        let index = self.current_index();
        let has_deck = match &self.script.session.blocks[index].kind {
            BlockKind::Dilemmas { deck, .. } => self.script.decks.contains_key(deck),
            _ => false,
        };
        let block = &self.log.blocks[index];
        has_deck && block.current_card + 1 < block.drawn.len().max(block.cards.len())
    }

    /// The next card of this block, if there is one (shown now if it is new).
    pub(super) fn next_card(&mut self, now: Stamp) -> Option<Vec<Event>> {
        if !self.has_next_card() {
            return None;
        }
        let index = self.current_index();
        let BlockKind::Dilemmas { deck, .. } = &self.script.session.blocks[index].kind else {
            return None;
        };
        let deck = self.script.decks.get(deck)?;
        let block = &mut self.log.blocks[index];
        let next = block.current_card + 1;
        if next == block.cards.len() {
            let card = deck.cards.iter().find(|c| c.id == block.drawn[next])?;
            block.cards.push(card_log(&deck.title, card, now));
        }
        block.cards[block.current_card].ended.get_or_insert(now);
        block.current_card = next;
        block.cards[next].ended = None;
        Some(vec![Event::CardShown {
            block: index,
            card: next,
        }])
    }

    /// The previous card of this block, if the current one is not its first.
    pub(super) fn previous_card(&mut self, now: Stamp) -> Option<Vec<Event>> {
        let index = self.current_index();
        let block = &mut self.log.blocks[index];
        if block.current_card == 0 || block.cards.is_empty() {
            return None;
        }
        block.cards[block.current_card].ended.get_or_insert(now);
        block.current_card -= 1;
        block.cards[block.current_card].ended = None;
        Some(vec![Event::CardShown {
            block: index,
            card: block.current_card,
        }])
    }

    /// Replace the card on screen before anyone voted on it: with `wanted` (a card id of the
    /// deck) or the first card not played yet and not skipped in this block.
    pub(super) fn replace_card(
        &mut self,
        wanted: Option<String>,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        let index = self.current_index();
        let BlockKind::Dilemmas { deck: path, .. } = &self.script.session.blocks[index].kind else {
            return Err(Refusal::WrongBlock);
        };
        let deck = self.script.decks.get(path).ok_or(Refusal::WrongBlock)?;
        let block = &self.log.blocks[index];
        let at = block.current_card;
        let on_screen = block.cards.get(at).ok_or(Refusal::WrongBlock)?;
        if !on_screen.ballots.is_empty() || on_screen.votes.iter().any(|&v| v > 0) {
            return Err(Refusal::CardHasVotes);
        }
        let played = self.played_cards(&deck.title);
        let card = match &wanted {
            Some(id) => deck.cards.iter().find(|c| &c.id == id),
            None => deck
                .cards
                .iter()
                .find(|c| !played.contains(c.id.as_str()) && !block.skipped.contains(&c.id)),
        };
        let card = match card {
            Some(card) if card.id != on_screen.card => card.clone(),
            _ if wanted.is_some() => return Err(Refusal::NoSuchOption),
            _ => return Err(Refusal::NoOtherCard),
        };
        let title = deck.title.clone();
        let block = &mut self.log.blocks[index];
        let skipped = std::mem::replace(&mut block.cards[at], card_log(&title, &card, now));
        if let Some(slot) = block.drawn.iter_mut().find(|id| **id == skipped.card) {
            *slot = card.id.clone();
        } else {
            block.drawn.push(card.id.clone());
        }
        // A card picked by hand that was drawn for later in this block is not shown twice.
        if let Some(later) = block
            .drawn
            .iter()
            .enumerate()
            .skip(at + 1)
            .find(|(_, id)| **id == card.id)
            .map(|(i, _)| i)
        {
            block.drawn.remove(later);
        }
        block.skipped.push(skipped.card);
        Ok(vec![Event::CardShown {
            block: index,
            card: at,
        }])
    }

    pub(super) fn card_mut(&mut self) -> Result<&mut CardLog, Refusal> {
        let block = self.current_log_mut();
        let at = block.current_card;
        block.cards.get_mut(at).ok_or(Refusal::WrongBlock)
    }

    pub(super) fn vote(&mut self, option: usize, now: Stamp) -> Result<Vec<Event>, Refusal> {
        let card = self.card_mut()?;
        if option >= card.options.len() {
            return Err(Refusal::NoSuchOption);
        }
        let round = match &mut card.revotes {
            Some(revotes) => {
                revotes[option] += 1;
                VoteRound::Revote
            }
            None => {
                card.votes[option] += 1;
                VoteRound::First
            }
        };
        card.ballots.push(Ballot {
            at: now,
            round,
            option,
        });
        Ok(vec![Event::VoteRecorded])
    }

    /// Take back the last vote of the round being counted.
    pub(super) fn undo_vote(&mut self) -> Result<Vec<Event>, Refusal> {
        let card = self.card_mut()?;
        let round = if card.revotes.is_some() {
            VoteRound::Revote
        } else {
            VoteRound::First
        };
        let at = card
            .ballots
            .iter()
            .rposition(|b| b.round == round)
            .ok_or(Refusal::NothingToUndo)?;
        let ballot = card.ballots.remove(at);
        let counts = match round {
            VoteRound::First => &mut card.votes,
            VoteRound::Revote => card.revotes.as_mut().ok_or(Refusal::NothingToUndo)?,
        };
        counts[ballot.option] = counts[ballot.option].saturating_sub(1);
        Ok(vec![Event::VoteUndone])
    }

    pub(super) fn start_revote(&mut self) -> Result<Vec<Event>, Refusal> {
        let card = self.card_mut()?;
        if card.revotes.is_some() {
            return Ok(Vec::new());
        }
        card.revotes = Some(vec![0; card.options.len()]);
        // The room votes again unswayed; shown results would also read as false shifts.
        card.revealed = false;
        Ok(vec![Event::RevoteStarted])
    }

    pub(super) fn toggle_reveal(&mut self) -> Result<Vec<Event>, Refusal> {
        let card = self.card_mut()?;
        card.revealed = !card.revealed;
        Ok(vec![Event::RevealToggled {
            revealed: card.revealed,
        }])
    }

    /// A note on the card on screen, or on the block when it shows no card.
    pub(super) fn note(&mut self, text: String, now: Stamp) -> Result<Vec<Event>, Refusal> {
        let note = Note {
            at: now,
            text: non_empty(text)?,
        };
        match self.card_mut() {
            Ok(card) => card.notes.push(note),
            Err(_) => self.current_log_mut().notes.push(note),
        }
        Ok(vec![Event::NoteRecorded])
    }

    pub(super) fn outcome(&mut self, text: String) -> Result<Vec<Event>, Refusal> {
        let text = non_empty(text)?;
        self.card_mut()?.outcome = Some(text);
        Ok(vec![Event::NoteRecorded])
    }
}

/// A card as shown at `now`, no votes yet.
fn card_log(deck: &str, card: &Card, now: Stamp) -> CardLog {
    CardLog {
        deck: deck.to_owned(),
        card: card.id.clone(),
        title: card.title.clone(),
        situation: card.situation.clone(),
        options: card.options.clone(),
        questions: card.questions.clone(),
        shown: now,
        ended: None,
        votes: vec![0; card.options.len()],
        revotes: None,
        revealed: false,
        ballots: Vec::new(),
        notes: Vec::new(),
        outcome: None,
        phone_ballots: Vec::new(),
    }
}
