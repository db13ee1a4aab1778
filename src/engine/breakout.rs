//! Breakout blocks: the day's round of a course plan or a split by the group solver (using who
//! already met), repaired for who is present; roles handed out; reshuffle; swap by hand.

use super::seed::seed_at;
use super::{Engine, Event, Refusal};
use crate::engine::record::{GroupSplit, Repair, SplitScore, Stamp};
use crate::groups::plan::{self, Misfit};
use crate::groups::{self, Person, Problem, Sizing, SwapRefused, meetings_from_splits};
use crate::i18n::Lang;
use crate::script::{BlockKind, ParticipantName};

/// Why a Breakout block that names a course plan was split by the solver instead.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanTrouble {
    /// The plan file could not be read: its path as written and why.
    Unreadable { plan: String, why: String },
    /// The plan does not fit the cohort or has no round for today.
    Misfit(Misfit),
    /// The day's round could not be repaired for who is present (a hard pair).
    Unrepairable(groups::GroupsError),
}

impl PlanTrouble {
    /// One line for the facilitator: what went wrong, and that the solver split instead.
    pub fn describe(&self, lang: Lang) -> String {
        let why = match self {
            PlanTrouble::Unreadable { plan, why } => match lang {
                Lang::Nl => format!("kan {plan} niet lezen: {why}"),
                Lang::En => format!("cannot read {plan}: {why}"),
            },
            PlanTrouble::Misfit(misfit) => misfit.describe(lang),
            PlanTrouble::Unrepairable(why) => why.describe(lang),
        };
        match lang {
            Lang::Nl => format!("Plan niet gebruikt, de groepen zijn nieuw ingedeeld: {why}"),
            Lang::En => format!("Plan not used, the groups are a fresh split: {why}"),
        }
    }
}

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
        let BlockKind::Breakout { balance, .. } = &self.script.session.blocks[index].kind else {
            return Err(Refusal::WrongBlock);
        };
        let size = self.group_size().ok_or(Refusal::WrongBlock)?;
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
            sizing: Sizing::Size(size),
            rounds: 1,
            keep_apart: cohort.map(|c| names(&c.keep_apart)).unwrap_or_default(),
            keep_together: cohort.map(|c| names(&c.keep_together)).unwrap_or_default(),
            history: meetings_from_splits(&splits),
            balance: balance.clone(),
            pins: cohort
                .map(|c| {
                    c.pins
                        .iter()
                        .map(|(name, group)| (name.0.clone(), usize::from(*group)))
                        .collect()
                })
                .unwrap_or_default(),
        };
        problem.forget_absent();
        Ok(problem)
    }

    /// The group size of the current Breakout block: the one asked for live on its newest
    /// split, else the script's; None on another kind of block.
    pub fn group_size(&self) -> Option<usize> {
        let scripted = self.scripted_size()?;
        let live = self.latest_split().and_then(|s| s.size);
        Some(live.map_or(scripted, |size| size as usize))
    }

    /// The group size the script gives the current Breakout block.
    fn scripted_size(&self) -> Option<usize> {
        match &self.current_block().0.kind {
            BlockKind::Breakout { size, .. } => Some(*size as usize),
            _ => None,
        }
    }

    /// A fresh split in groups `delta` larger or smaller; refused below 2 and above half the
    /// people present (fewer than two groups).
    pub(super) fn resize_groups(&mut self, delta: i8, now: Stamp) -> Result<Vec<Event>, Refusal> {
        let size = self.group_size().ok_or(Refusal::WrongBlock)?;
        let present = self.breakout_problem()?.people.len();
        // Two groups at least: half the room is the largest size.
        let largest = (present / 2).max(2);
        let wanted = size.saturating_add_signed(isize::from(delta));
        if wanted < 2 || wanted > largest {
            return Err(Refusal::GroupSize {
                size: wanted,
                present,
                largest,
            });
        }
        self.split_anew(None, wanted, now)
    }

    /// A new split of the people present, solved with `seed` or a fresh seed from the time.
    pub(super) fn reshuffle(
        &mut self,
        seed: Option<u64>,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        let size = self.group_size().ok_or(Refusal::WrongBlock)?;
        self.split_anew(seed, size, now)
    }

    /// A new split in groups of `size`, recorded with its seed and, when it differs from the
    /// script's, its size.
    fn split_anew(
        &mut self,
        seed: Option<u64>,
        size: usize,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        let live = (Some(size) != self.scripted_size()).then_some(size as u32);
        let mut problem = self.breakout_problem()?;
        problem.sizing = Sizing::Size(size);
        let index = self.current_index();
        let salt = ((index as u64) << 32) | self.log.blocks[index].splits.len() as u64;
        let seed = seed.unwrap_or_else(|| seed_at(now, salt));
        // The breakout screen's budget: an answer well under a second, the same on every machine.
        let plan = groups::solve_with_budget(&problem, seed, groups::Budget::BREAKOUT)
            .map(|solved| solved.plan)
            .map_err(Refusal::Groups)?;
        let groups = plan.rounds.into_iter().next().unwrap_or_default();
        self.current_log_mut().splits.push(GroupSplit {
            at: now,
            seed,
            groups,
            score: score_of(&plan.score, &problem),
            swaps: Vec::new(),
            repairs: Vec::new(),
            plan_round: None,
            roles: Vec::new(),
            size: live,
        });
        self.hand_out_roles();
        Ok(vec![Event::GroupsSplit { seed }])
    }

    /// Pairs in the split on screen who had already worked together (earlier days or earlier
    /// breakouts today), with how often they have met in all: for the facilitator's eyes only.
    pub fn repeated_in_split(&self) -> Vec<(String, String, u32)> {
        match (self.breakout_problem(), self.latest_split()) {
            (Ok(problem), Some(split)) => {
                groups::repeated(&problem, std::slice::from_ref(&split.groups))
            }
            _ => Vec::new(),
        }
    }

    /// The course day of this run: one after the earlier days of the programme.
    pub fn course_day(&self) -> usize {
        self.history.days + 1
    }

    /// The current block's course plan and its round for today, or why it cannot be used;
    /// `None` when the block names no plan.
    fn plan_round(&self) -> Option<Result<(u64, &plan::PlanRound), PlanTrouble>> {
        let index = self.current_index();
        let BlockKind::Breakout {
            plan: Some(name), ..
        } = &self.script.session.blocks[index].kind
        else {
            return None;
        };
        let loaded = match self.history.plans.get(name) {
            Some(Ok(plan)) => plan,
            Some(Err(why)) => {
                return Some(Err(PlanTrouble::Unreadable {
                    plan: name.clone(),
                    why: why.clone(),
                }));
            }
            None => {
                return Some(Err(PlanTrouble::Unreadable {
                    plan: name.clone(),
                    why: "not loaded".to_string(),
                }));
            }
        };
        Some(
            loaded
                .day(self.course_day(), &self.log.participants)
                .map(|round| (loaded.seed, round))
                .map_err(PlanTrouble::Misfit),
        )
    }

    /// Why the current block's plan was not used for its split, if it names one that cannot
    /// be used (the facilitator's screen says so in one line).
    pub fn plan_trouble(&self) -> Option<PlanTrouble> {
        match self.plan_round()? {
            Err(trouble) => Some(trouble),
            Ok((_, round)) => {
                let problem = self.breakout_problem().ok()?;
                plan::fit_to_present(&problem, &round.groups)
                    .err()
                    .map(PlanTrouble::Unrepairable)
            }
        }
    }

    /// The first split of a block that names a course plan: today's round, repaired for who
    /// is present (each repair recorded); `None` when the plan cannot be used.
    fn split_from_plan(&mut self, now: Stamp) -> Option<Vec<Event>> {
        let (seed, round) = self.plan_round()?.ok()?;
        let problem = self.breakout_problem().ok()?;
        let (groups, fixes) = plan::fit_to_present(&problem, &round.groups).ok()?;
        let score = groups::score(&problem, std::slice::from_ref(&groups));
        let day = u32::try_from(self.course_day()).unwrap_or(u32::MAX);
        self.current_log_mut().splits.push(GroupSplit {
            at: now,
            seed,
            groups,
            score: score_of(&score, &problem),
            swaps: Vec::new(),
            repairs: fixes
                .into_iter()
                .map(|fix| Repair {
                    at: now,
                    name: fix.name,
                    present: fix.present,
                    moved: fix.moved,
                })
                .collect(),
            plan_round: Some(day),
            roles: Vec::new(),
            size: None,
        });
        self.hand_out_roles();
        Some(vec![Event::GroupsSplit { seed }])
    }

    /// Hand out the block's roles in the newest split, counting the roles people took on
    /// earlier days and in this session's other breakouts.
    fn hand_out_roles(&mut self) {
        let index = self.current_index();
        let BlockKind::Breakout { roles, .. } = &self.script.session.blocks[index].kind else {
            return;
        };
        if roles.is_empty() {
            return;
        }
        let mut earlier = self.history.roles.clone();
        earlier.extend(
            self.log
                .blocks
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != index)
                .filter_map(|(_, b)| b.splits.last())
                .flat_map(|s| s.roles.iter().cloned()),
        );
        let assigned = match self.log.blocks[index].splits.last() {
            Some(split) => groups::roles::assign(&split.groups, roles, &earlier),
            None => return,
        };
        if let Some(split) = self.current_log_mut().splits.last_mut() {
            split.roles = assigned;
        }
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
        if let Some(events) = self.split_from_plan(now) {
            return events;
        }
        self.reshuffle(None, now)
            .unwrap_or_else(|refusal| vec![Event::SplitRefused(refusal)])
    }

    /// Swap two people between groups of the newest split; the split is scored again. A swap
    /// that would put a keep-apart pair together or split a keep-together pair is refused.
    pub(super) fn swap(&mut self, a: &str, b: &str) -> Result<Vec<Event>, Refusal> {
        let problem = self.breakout_problem()?;
        let split = self
            .current_log_mut()
            .splits
            .last_mut()
            .ok_or(Refusal::WrongBlock)?;
        let checked =
            groups::check_swap(&problem, &split.groups, a, b).map_err(|refused| match refused {
                SwapRefused::Unknown { name } => Refusal::UnknownPerson(name),
                other => Refusal::Swap(other),
            })?;
        if checked.moved.is_empty() {
            return Ok(Vec::new());
        }
        split.groups = checked.groups;
        split.swaps.push((a.to_owned(), b.to_owned()));
        split.score = score_of(&checked.score, &problem);
        self.hand_out_roles();
        Ok(vec![Event::Swapped])
    }

    /// Someone marked present or absent during a breakout that has groups: a late arrival
    /// joins the group that suits them best, an absence is repaired with the fewest moves;
    /// nobody else is reshuffled. Recorded on the split.
    pub(super) fn repair_split(&mut self, name: &str, present: bool, now: Stamp) -> Vec<Event> {
        let Ok(problem) = self.breakout_problem() else {
            return Vec::new();
        };
        let Some(split) = self.current_log_mut().splits.last_mut() else {
            return Vec::new();
        };
        let in_split = split.groups.iter().flatten().any(|n| n == name);
        let repaired = match (present, in_split) {
            (true, false) => groups::place_late_arrival(&problem, &split.groups, name),
            (false, true) => groups::remove_absent(&problem, &split.groups, name),
            _ => return Vec::new(),
        };
        match repaired {
            Ok(repaired) => {
                split.groups = repaired.groups;
                split.score = score_of(&repaired.score, &problem);
                split.repairs.push(Repair {
                    at: now,
                    name: name.to_owned(),
                    present,
                    moved: repaired.moved,
                });
                self.hand_out_roles();
                vec![Event::GroupsRepaired]
            }
            Err(why) => vec![Event::SplitRefused(Refusal::Groups(why))],
        }
    }

    /// Take back the newest reshuffle: the split before it is on screen again; the one taken
    /// back is kept in the log.
    pub(super) fn undo_reshuffle(&mut self) -> Result<Vec<Event>, Refusal> {
        let block = self.current_log_mut();
        if block.splits.len() < 2 {
            return Err(Refusal::NothingToUndo);
        }
        if let Some(undone) = block.splits.pop() {
            block.undone_splits.push(undone);
        }
        Ok(vec![Event::Swapped])
    }
}

/// The solver's score as the log keeps it, with the fewest repeats the people present allow.
fn score_of(score: &groups::Score, problem: &groups::Problem) -> SplitScore {
    SplitScore {
        fewest_repeats: groups::fewest_repeats(problem),
        repeated_pairs: score.repeated_pairs,
        imbalance: score.imbalance,
    }
}
