//! Breakout blocks: split the people present with the group solver, using who already met
//! earlier in the programme and in this session; reshuffle with a new seed; swap by hand.

use super::seed::seed_at;
use super::{Engine, Event, Refusal};
use crate::engine::record::{GroupSplit, SplitScore, Stamp};
use crate::groups::{self, Person, Problem, Sizing, meetings_from_splits};
use crate::script::{BlockKind, ParticipantName};

/// Constraint pairs as plain names.
fn names(pairs: &[(ParticipantName, ParticipantName)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.0.clone(), b.0.clone()))
        .collect()
}

impl Engine {
    /// The solver's problem for the current breakout block with the people present now.
    fn breakout_problem(&self) -> Result<Problem, Refusal> {
        let index = self.current_index();
        let BlockKind::Breakout { size, balance } = &self.script.session.blocks[index].kind else {
            return Err(Refusal::WrongBlock);
        };
        let cohort = self.script.cohort.as_ref();
        let people = self
            .present()
            .into_iter()
            .map(|name| Person {
                attributes: cohort
                    .and_then(|c| c.participants.iter().find(|p| p.name.0 == name))
                    .map(|p| p.attributes.clone())
                    .unwrap_or_default(),
                name,
            })
            .collect();
        let mut splits = self.history.splits.clone();
        splits.extend(
            self.log
                .blocks
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != index)
                .filter_map(|(_, b)| b.splits.last().map(|s| s.groups.clone())),
        );
        let mut problem = Problem {
            people,
            sizing: Sizing::Size(*size as usize),
            rounds: 1,
            keep_apart: cohort.map(|c| names(&c.keep_apart)).unwrap_or_default(),
            keep_together: cohort.map(|c| names(&c.keep_together)).unwrap_or_default(),
            history: meetings_from_splits(&splits),
            balance: balance.clone(),
        };
        problem.forget_absent();
        Ok(problem)
    }

    /// A new split of the people present, solved with `seed` or a fresh seed from the time.
    pub(super) fn reshuffle(
        &mut self,
        seed: Option<u64>,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        let problem = self.breakout_problem()?;
        let index = self.current_index();
        let salt = ((index as u64) << 32) | self.log.blocks[index].splits.len() as u64;
        let seed = seed.unwrap_or_else(|| seed_at(now, salt));
        let plan = groups::solve(&problem, seed).map_err(Refusal::Groups)?;
        let groups = plan.rounds.into_iter().next().unwrap_or_default();
        self.current_log_mut().splits.push(GroupSplit {
            at: now,
            seed,
            groups,
            score: SplitScore {
                repeated_pairs: plan.score.repeated_pairs,
                imbalance: plan.score.imbalance,
            },
            swaps: Vec::new(),
        });
        Ok(vec![Event::GroupsSplit { seed }])
    }

    /// Entering a breakout that has no split yet splits the people present at once.
    pub(super) fn enter_breakout(&mut self, now: Stamp) -> Vec<Event> {
        let index = self.current_index();
        let is_breakout = matches!(
            self.script.session.blocks[index].kind,
            BlockKind::Breakout { .. }
        );
        if !is_breakout || !self.log.blocks[index].splits.is_empty() {
            return Vec::new();
        }
        self.reshuffle(None, now)
            .unwrap_or_else(|refusal| vec![Event::SplitRefused(refusal)])
    }

    /// Swap two people between groups of the newest split; the split is scored again.
    pub(super) fn swap(&mut self, a: &str, b: &str) -> Result<Vec<Event>, Refusal> {
        let problem = self.breakout_problem()?;
        let split = self
            .current_log_mut()
            .splits
            .last_mut()
            .ok_or(Refusal::WrongBlock)?;
        let find = |name: &str| {
            split
                .groups
                .iter()
                .enumerate()
                .find_map(|(g, group)| group.iter().position(|n| n == name).map(|i| (g, i)))
        };
        let (ga, ia) = find(a).ok_or_else(|| Refusal::UnknownPerson(a.to_owned()))?;
        let (gb, ib) = find(b).ok_or_else(|| Refusal::UnknownPerson(b.to_owned()))?;
        if ga == gb {
            return Ok(Vec::new());
        }
        split.groups[ga][ia] = b.to_owned();
        split.groups[gb][ib] = a.to_owned();
        split.swaps.push((a.to_owned(), b.to_owned()));
        let score = groups::score(&problem, std::slice::from_ref(&split.groups));
        split.score = SplitScore {
            repeated_pairs: score.repeated_pairs,
            imbalance: score.imbalance,
        };
        Ok(vec![Event::Swapped])
    }
}
