//! Dilemma results: each card shown with its first vote and revote per option.
//! The shift is what discussion did: revotes minus votes, per option.

use crate::journal::record::{CardLog, SessionLog, VoteRound};

/// One option of a card with its counts.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionResult {
    pub text: String,
    pub votes: u32,
    /// `None` when no revote was held.
    pub revotes: Option<u32>,
}

impl OptionResult {
    /// Revotes minus votes, when there was a revote.
    pub fn shift(&self) -> Option<i64> {
        self.revotes.map(|r| i64::from(r) - i64::from(self.votes))
    }
}

/// One card as shown in one session.
#[derive(Debug, Clone, PartialEq)]
pub struct DilemmaResult {
    /// Index of the session in `Review::sessions`.
    pub session: usize,
    pub block: String,
    pub card: String,
    pub title: String,
    pub options: Vec<OptionResult>,
    pub outcome: Option<String>,
    pub notes: Vec<String>,
}

impl DilemmaResult {
    pub fn from_card(session: usize, block: &str, card: &CardLog) -> DilemmaResult {
        let count = |counts: &[u32], i: usize| counts.get(i).copied().unwrap_or(0);
        // Hands and phones together: what the room voted.
        let first = card.total_counts(VoteRound::First).unwrap_or_default();
        let revotes = card.total_counts(VoteRound::Revote);
        DilemmaResult {
            session,
            block: block.to_string(),
            card: card.card.clone(),
            title: card.title.clone(),
            options: card
                .options
                .iter()
                .enumerate()
                .map(|(i, text)| OptionResult {
                    text: text.clone(),
                    votes: count(&first, i),
                    revotes: revotes.as_deref().map(|r| count(r, i)),
                })
                .collect(),
            outcome: card.outcome.clone().filter(|o| !o.trim().is_empty()),
            notes: card.notes.iter().map(|n| n.text.clone()).collect(),
        }
    }

    pub fn total_votes(&self) -> u32 {
        self.options.iter().map(|o| o.votes).sum()
    }
    pub fn total_revotes(&self) -> Option<u32> {
        let revotes: Option<Vec<u32>> = self.options.iter().map(|o| o.revotes).collect();
        revotes.map(|r| r.iter().sum())
    }
    /// Most votes any option got, in either round (for scaling bars).
    pub fn top(&self) -> u32 {
        self.options
            .iter()
            .map(|o| o.votes.max(o.revotes.unwrap_or(0)))
            .max()
            .unwrap_or(0)
    }
}

/// Every card shown in a session, in order.
pub fn of_session(session: usize, log: &SessionLog) -> Vec<DilemmaResult> {
    log.blocks
        .iter()
        .flat_map(|b| {
            b.cards
                .iter()
                .map(move |c| DilemmaResult::from_card(session, &b.title, c))
        })
        .collect()
}

#[cfg(test)]
mod phone_tests {
    use super::*;

    #[test]
    fn phone_votes_count_with_the_hands_in_reports() {
        let card: CardLog = ron::from_str(
            r#"(deck: "D", card: "k1", title: "Kaart", situation: "…",
                options: ["Ja", "Nee"], shown: "2026-11-23T10:00:00+01:00",
                votes: [2, 1], revotes: Some([0, 1]),
                phone_ballots: [
                    (device: 0, round: First, option: 1),
                    (device: 1, round: First, option: 1),
                    (device: 0, round: Revote, option: 0),
                ])"#,
        )
        .expect("a card log");
        let result = DilemmaResult::from_card(0, "Blok", &card);
        let votes: Vec<u32> = result.options.iter().map(|o| o.votes).collect();
        let revotes: Vec<Option<u32>> = result.options.iter().map(|o| o.revotes).collect();
        assert_eq!(votes, [2, 3]);
        assert_eq!(revotes, [Some(1), Some(1)]);
    }
}
