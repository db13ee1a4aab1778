//! Changing the plan while the session runs: move a coming block, insert a block after the one
//! on screen, drop a coming block (kept in the log, marked), and reload a fixed session file.

use super::{Engine, Event, Refusal};
use crate::engine::record::{BlockKindTag, BlockLog, LiveChange, Stamp};
use crate::script::validate::MAX_BLOCK_MINUTES;
use crate::script::{Block, BlockKind, LoadedSession, Minutes};

/// What kind of block the facilitator can insert live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertKind {
    Break,
    Plenary,
}

/// Why the plan cannot change as asked; the state is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanRefusal {
    /// The block is on screen, or before it: it ran or runs.
    NotAhead,
    /// The block (or the one it would pass) ran earlier (the facilitator went back since).
    HasRun,
    /// Nothing to move past: the block is already first after the one on screen, or last.
    AtEdge,
    /// The neighbour it would change places with ran earlier (the facilitator went back).
    WouldPassRun,
    /// No block with that number.
    NoSuchBlock,
}

/// What a reload changed: blocks that had not run and now read differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reloaded {
    pub changed_blocks: usize,
}

impl Engine {
    /// Move block `index` one place earlier or later among the blocks still to come.
    pub(super) fn move_block(
        &mut self,
        index: usize,
        later: bool,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        self.can_change(index)?;
        let other = if later {
            index + 1
        } else {
            index
                .checked_sub(1)
                .ok_or(Refusal::Plan(PlanRefusal::AtEdge))?
        };
        if other >= self.log.blocks.len() || other <= self.current_index() {
            return Err(Refusal::Plan(PlanRefusal::AtEdge));
        }
        self.can_change(other)
            .map_err(|_| Refusal::Plan(PlanRefusal::WouldPassRun))?;
        self.mark_scripted();
        if let Some(live) = &mut self.log.blocks[index].live {
            live.moved = Some(now);
        }
        self.log.blocks.swap(index, other);
        self.script.session.blocks.swap(index, other);
        Ok(vec![Event::PlanChanged])
    }

    /// Insert a block of `minutes` after the block on screen.
    pub(super) fn insert_block(
        &mut self,
        title: String,
        minutes: i64,
        kind: InsertKind,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        let title = super::non_empty(title)?;
        let minutes = Minutes(minutes.clamp(1, i64::from(MAX_BLOCK_MINUTES)) as u32);
        let block = Block {
            title,
            minutes,
            kind: match kind {
                InsertKind::Break => BlockKind::Break,
                InsertKind::Plenary => BlockKind::Plenary,
            },
            notes: String::new(),
        };
        self.mark_scripted();
        let mut log = super::block_log(&block);
        log.live = Some(LiveChange {
            scripted: None,
            inserted: Some(now),
            moved: None,
            dropped: None,
        });
        let at = self.current_index() + 1;
        self.log.blocks.insert(at, log);
        self.script.session.blocks.insert(at, block);
        Ok(vec![Event::PlanChanged])
    }

    /// Take block `index` out of the plan; the log keeps it under `dropped`, marked.
    pub(super) fn drop_block(&mut self, index: usize, now: Stamp) -> Result<Vec<Event>, Refusal> {
        self.can_change(index)?;
        self.mark_scripted();
        let mut block = self.log.blocks.remove(index);
        self.script.session.blocks.remove(index);
        if let Some(live) = &mut block.live {
            live.dropped = Some(now);
        }
        self.log.dropped.push(block);
        Ok(vec![Event::PlanChanged])
    }

    /// Whether block `index` may be moved or dropped: after the one on screen, never run.
    pub fn can_change(&self, index: usize) -> Result<(), Refusal> {
        let block = self
            .log
            .blocks
            .get(index)
            .ok_or(Refusal::Plan(PlanRefusal::NoSuchBlock))?;
        if index <= self.current_index() {
            return Err(Refusal::Plan(PlanRefusal::NotAhead));
        }
        if !untouched(block) {
            return Err(Refusal::Plan(PlanRefusal::HasRun));
        }
        Ok(())
    }

    /// Give every block of the plan its place in the session file before the plan changes,
    /// so the log still says which scripted block each one is (for resume and reload).
    fn mark_scripted(&mut self) {
        let places = scripted_places(&self.log.blocks, &self.log.dropped);
        for (block, place) in self.log.blocks.iter_mut().zip(places) {
            block.live.get_or_insert(LiveChange {
                scripted: place,
                inserted: None,
                moved: None,
                dropped: None,
            });
        }
    }

    /// Take a changed session file at a block boundary: blocks that have run keep what was
    /// recorded; blocks still to come take their new title, kind and minutes. A file that
    /// does not fit the run (other blocks, or a block that ran renamed) changes nothing.
    pub fn reload(&mut self, script: LoadedSession) -> Result<Reloaded, super::Mismatch> {
        let plan = super::fit::plan(&script, &self.log, Leniency::Coming)?;
        let mut changed_blocks = 0;
        for (block, planned) in self.log.blocks.iter_mut().zip(&plan) {
            if untouched(block) && block.live.as_ref().is_none_or(|l| l.inserted.is_none()) {
                let fresh = (
                    planned.title.clone(),
                    planned.kind.tag(),
                    planned.minutes.seconds(),
                );
                // An evaluation still to come asks what the file asks now.
                let asked = super::evaluation::EvaluationLog::for_kind(&planned.kind);
                if fresh != (block.title.clone(), block.kind, block.planned_seconds)
                    || asked != block.evaluation
                {
                    (block.title, block.kind, block.planned_seconds) = fresh;
                    block.evaluation = asked;
                    changed_blocks += 1;
                }
            }
        }
        self.script = LoadedSession {
            session: crate::script::Session {
                blocks: plan,
                ..script.session
            },
            ..script
        };
        Ok(Reloaded { changed_blocks })
    }
}

/// How strictly a session file must match the recorded blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leniency {
    /// Every block keeps its title and kind (resume).
    Strict,
    /// Blocks that have not run may read differently (reload).
    Coming,
}

/// A block nothing happened in yet: never entered, timed or written in.
pub fn untouched(block: &BlockLog) -> bool {
    block.runs.is_empty()
        && block.ended.is_none()
        && block.cards.is_empty()
        && block.drawn.is_empty()
        && block.splits.is_empty()
        && block.round.is_none()
        && block.notes.is_empty()
        && block.takeaways.is_empty()
        && block
            .evaluation
            .as_ref()
            .is_none_or(|e| e.forms.is_empty() && e.undone.is_empty())
}

/// How a block's place in the plan changed while the session ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    Inserted,
    Moved,
    Dropped,
}

impl Changed {
    /// "inserted", "moved" or "dropped", as written in exported tables.
    pub fn name(self) -> &'static str {
        match self {
            Changed::Inserted => "inserted",
            Changed::Moved => "moved",
            Changed::Dropped => "dropped",
        }
    }

    /// "live gewijzigd: ingevoegd" / "changed live: inserted".
    pub fn describe(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang::{En, Nl};
        match (self, lang) {
            (Changed::Inserted, Nl) => "live gewijzigd: ingevoegd",
            (Changed::Moved, Nl) => "live gewijzigd: verschoven",
            (Changed::Dropped, Nl) => "live gewijzigd: geschrapt",
            (Changed::Inserted, En) => "changed live: inserted",
            (Changed::Moved, En) => "changed live: moved",
            (Changed::Dropped, En) => "changed live: dropped",
        }
    }
}

/// Whether (and how) the block was inserted, moved or dropped while the session ran; a
/// dropped block counts as dropped, an inserted one that moved as inserted.
pub fn changed_live(block: &BlockLog) -> Option<Changed> {
    let live = block.live.as_ref()?;
    if live.dropped.is_some() {
        Some(Changed::Dropped)
    } else if live.inserted.is_some() {
        Some(Changed::Inserted)
    } else {
        live.moved.map(|_| Changed::Moved)
    }
}

/// Each block's place in the session file: the one its mark says, or else (blocks never moved)
/// the next place no mark claims, in order; `None` for a block inserted live. Moving a block
/// marks it, so the blocks without a mark keep the session file's order.
pub fn scripted_places(blocks: &[BlockLog], dropped: &[BlockLog]) -> Vec<Option<usize>> {
    let claimed: Vec<usize> = blocks
        .iter()
        .chain(dropped)
        .filter_map(|b| b.live.as_ref()?.scripted)
        .collect();
    let mut free = (0..).filter(|i| !claimed.contains(i));
    blocks
        .iter()
        .map(|b| match &b.live {
            Some(live) => live.scripted,
            None => free.next(),
        })
        .collect()
}

/// The script block of a block inserted live, rebuilt from its record.
pub fn inserted_block(block: &BlockLog) -> Block {
    let minutes = (block.planned_seconds.max(0) as u64).div_ceil(60);
    Block {
        title: block.title.clone(),
        minutes: Minutes(u32::try_from(minutes).unwrap_or(u32::MAX)),
        kind: match block.kind {
            BlockKindTag::Break => BlockKind::Break,
            _ => BlockKind::Plenary,
        },
        notes: String::new(),
    }
}
