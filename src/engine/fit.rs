//! Whether a recorded log can be continued with a script: same blocks, and indices and vote
//! counts that point inside them. A log edited by hand or a script changed since is refused.

use crate::engine::record::SessionLog;
use crate::script::LoadedSession;
use std::fmt;

/// Why a log does not fit a script, in words a facilitator can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch(pub String);

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Mismatch {}

/// Check that `log` was recorded with (this version of) `script` and is internally sound.
pub fn check(script: &LoadedSession, log: &SessionLog) -> Result<(), Mismatch> {
    let blocks = &script.session.blocks;
    if log.blocks.len() != blocks.len() {
        return Err(Mismatch(format!(
            "the log has {} blocks, the session now has {}",
            log.blocks.len(),
            blocks.len()
        )));
    }
    for (n, (planned, recorded)) in blocks.iter().zip(&log.blocks).enumerate() {
        if planned.title != recorded.title || planned.kind.tag() != recorded.kind {
            return Err(Mismatch(format!(
                "block {} is \"{}\" ({}) in the log but \"{}\" ({}) in the session",
                n + 1,
                recorded.title,
                recorded.kind,
                planned.title,
                planned.kind.name()
            )));
        }
        if !recorded.cards.is_empty() && recorded.current_card >= recorded.cards.len() {
            return Err(Mismatch(format!(
                "block {} points at card {} of {}",
                n + 1,
                recorded.current_card + 1,
                recorded.cards.len()
            )));
        }
        for card in &recorded.cards {
            let options = card.options.len();
            let revotes = card.revotes.as_ref().map_or(options, Vec::len);
            if card.votes.len() != options || revotes != options {
                return Err(Mismatch(format!(
                    "card \"{}\" has {options} options but votes for {}",
                    card.card,
                    card.votes.len()
                )));
            }
        }
    }
    if log.current >= log.blocks.len() {
        return Err(Mismatch(format!(
            "the log is on block {} of {}",
            log.current + 1,
            log.blocks.len()
        )));
    }
    Ok(())
}
