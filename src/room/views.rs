//! What phones and room views receive, as JSON: drawn only from the engine's `RoomView` (which
//! has no private field), plus the card's id, whether voting is open and the phone's own vote.

use super::server::Snapshot;
use crate::engine::record::VoteRound;
use crate::engine::room::{Content, Results, RoomOptions, RoomView, Stage};
use serde::Serialize;

/// A phone's view of the session.
#[derive(Debug, Serialize)]
pub struct PhoneView {
    pub session: String,
    pub finished: bool,
    /// The block on screen: its title.
    pub block: Option<String>,
    pub card: Option<PhoneCard>,
    /// The evaluation form while an Evaluation block is on screen.
    pub evaluation: Option<super::forms::PhoneForm>,
}

/// The card on screen as a phone sees it.
#[derive(Debug, Serialize)]
pub struct PhoneCard {
    pub id: String,
    pub number: usize,
    pub of: usize,
    pub title: String,
    pub situation: String,
    pub options: Vec<String>,
    /// "first" or "revote": sent back with the vote.
    pub round: &'static str,
    /// Whether this phone may vote (or change its vote) now.
    pub open: bool,
    /// This phone's vote in this ballot.
    pub mine: Option<usize>,
    /// Only once the facilitator revealed them.
    pub results: Option<Results>,
}

/// The room's snapshot now, as the projector shows it.
pub fn room_view(snapshot: &Snapshot) -> RoomView {
    RoomView::of(
        &snapshot.log,
        chrono::Local::now().fixed_offset(),
        RoomOptions::default(),
    )
}

pub fn room_json(snapshot: &Snapshot) -> String {
    serde_json::to_string(&room_view(snapshot)).unwrap_or_else(|_| "null".into())
}

/// Device `device`'s view.
pub fn phone_view(snapshot: &Snapshot, device: u32) -> PhoneView {
    let view = room_view(snapshot);
    let log = &snapshot.log;
    let (block, card) = match &view.stage {
        Stage::Finished { .. } => (None, None),
        Stage::Block(block) => {
            let card = match &block.content {
                Content::Card(Some(card)) => {
                    let index = log.current.min(log.blocks.len().saturating_sub(1));
                    log.blocks
                        .get(index)
                        .and_then(|b| b.cards.get(b.current_card))
                        .map(|recorded| {
                            let round = recorded.round();
                            PhoneCard {
                                id: recorded.card.clone(),
                                number: card.number,
                                of: card.of,
                                title: card.title.clone(),
                                situation: card.situation.clone(),
                                options: card.options.clone(),
                                round: match round {
                                    VoteRound::First => "first",
                                    VoteRound::Revote => "revote",
                                },
                                open: recorded.open_for_phones(),
                                mine: recorded.phone_choice(device, round),
                                results: card.results.clone(),
                            }
                        })
                }
                _ => None,
            };
            (Some(block.title.clone()), card)
        }
    };
    PhoneView {
        session: view.session_title.clone(),
        finished: matches!(view.stage, Stage::Finished { .. }),
        block,
        card,
        evaluation: super::forms::phone_form(snapshot, device),
    }
}

pub fn phone_json(snapshot: &Snapshot, device: u32) -> String {
    serde_json::to_string(&phone_view(snapshot, device)).unwrap_or_else(|_| "null".into())
}
