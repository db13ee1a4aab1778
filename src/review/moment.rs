//! The last moment a log knows of: where the clocks of an unfinished (crashed) log stop.
//! Review never reads the wall clock, so the same log always gives the same figures.

use crate::journal::record::{SessionLog, Stamp};

/// The finish time, else the latest time stamp anywhere in the log (at least `created`).
pub fn last_moment(log: &SessionLog) -> Stamp {
    if let Some(done) = log.finished {
        return done;
    }
    let mut last = log.created;
    let mut see = |at: Stamp| last = last.max(at);
    for mark in &log.attendance {
        see(mark.at);
    }
    for block in &log.blocks {
        for run in &block.runs {
            see(run.from);
            if let Some(to) = run.to {
                see(to);
            }
        }
        block.ended.into_iter().for_each(&mut see);
        block.adjustments.iter().for_each(|a| see(a.at));
        block
            .notes
            .iter()
            .chain(&block.takeaways)
            .for_each(|n| see(n.at));
        block.splits.iter().for_each(|s| see(s.at));
        for card in &block.cards {
            see(card.shown);
            card.ended.into_iter().for_each(&mut see);
            card.ballots.iter().for_each(|b| see(b.at));
            card.notes.iter().for_each(|n| see(n.at));
        }
        if let Some(round) = &block.round {
            for turn in &round.turns {
                see(turn.started);
                turn.ended.into_iter().for_each(&mut see);
            }
        }
    }
    last
}
