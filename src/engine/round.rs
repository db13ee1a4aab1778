//! Round blocks: everyone present speaks in turn, in a seeded random order, each with a
//! short timer of their own; Enter hands over to the next speaker.

use super::seed::seed_at;
use super::{Engine, Event, Refusal, clock};
use crate::engine::record::{RoundLog, Stamp, Turn};
use crate::groups::Dice;
use crate::script::BlockKind;

impl Engine {
    /// End the current turn and give the floor to the next person still present.
    pub(super) fn next_speaker(&mut self, now: Stamp) -> Result<Vec<Event>, Refusal> {
        let index = self.current_index();
        let BlockKind::Round { seconds_each } = self.script.session.blocks[index].kind else {
            return Err(Refusal::WrongBlock);
        };
        if self.log.blocks[index].round.is_none() {
            let seed = seed_at(now, index as u64);
            let mut order = self.present();
            Dice::new(seed).shuffle(&mut order);
            self.log.blocks[index].round = Some(RoundLog {
                seed,
                seconds_each,
                order,
                turns: Vec::new(),
            });
        }
        let log = &self.log;
        let round = log.blocks[index]
            .round
            .as_ref()
            .ok_or(Refusal::WrongBlock)?;
        let spoken = round.turns.len();
        let next = round
            .order
            .iter()
            .filter(|name| !round.turns.iter().any(|t| &t.name == *name))
            .find(|name| clock::is_present(log, name))
            .cloned();
        if next.is_none() && round.turns.last().is_none_or(|t| t.ended.is_some()) && spoken > 0 {
            return Ok(Vec::new());
        }
        let round = self.log.blocks[index]
            .round
            .as_mut()
            .ok_or(Refusal::WrongBlock)?;
        if let Some(turn) = round.turns.last_mut() {
            turn.ended.get_or_insert(now);
        }
        if let Some(name) = &next {
            round.turns.push(Turn {
                name: name.clone(),
                started: now,
                ended: None,
            });
        }
        Ok(vec![Event::SpeakerChanged { name: next }])
    }

    /// Who has the floor and their seconds left (negative once over time).
    pub fn current_speaker(&self, now: Stamp) -> Option<(&str, i64)> {
        let round = self.current_block().1.round.as_ref()?;
        clock::speaker_clock(round, now).map(|(name, turn)| (name, turn.remaining))
    }
}
