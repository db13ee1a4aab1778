//! Phones in the room: the join code, the devices that joined (a random token each, nothing
//! else) and their anonymous ballots on the card on screen; a phone's last vote counts.

use super::record::{CardLog, VoteRound};
use super::{Engine, Event, Refusal};
use serde::{Deserialize, Serialize};

/// At most this many devices may join one session.
pub const MAX_DEVICES: usize = 500;

/// The room's record in the log. Devices are known by a random token only: never an address,
/// a browser or a name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PhonesLog {
    /// The code phones type (or read from the QR code) to join.
    pub join_code: String,
    /// Tokens of the devices that joined, in the order they joined; a ballot names its device
    /// by its place in this list.
    #[serde(default)]
    pub devices: Vec<String>,
}

/// One phone's vote on a card in one ballot (a device has at most one per ballot).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneBallot {
    /// Index into `PhonesLog::devices`.
    pub device: u32,
    pub round: VoteRound,
    /// Zero-based option index.
    pub option: usize,
}

/// Why a phone's command was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneRefusal {
    /// The room is not open (regie runs without `--room`).
    Closed,
    /// The token never joined.
    UnknownDevice,
    /// `MAX_DEVICES` have joined.
    Full,
    /// No card is on screen, or results are shown: nobody votes now.
    VotingClosed,
    /// The phone voted on a card or ballot that is no longer the one on screen.
    Stale,
}

impl CardLog {
    /// Phone votes per option in `round` (each device's last vote).
    pub fn phone_counts(&self, round: VoteRound) -> Vec<u32> {
        let mut counts = vec![0; self.options.len()];
        for ballot in self.phone_ballots.iter().filter(|b| b.round == round) {
            if let Some(count) = counts.get_mut(ballot.option) {
                *count += 1;
            }
        }
        counts
    }

    /// Hands and phones together, per option, in `round` (`None`: no revote started).
    pub fn total_counts(&self, round: VoteRound) -> Option<Vec<u32>> {
        let hands = match round {
            VoteRound::First => &self.votes,
            VoteRound::Revote => self.revotes.as_ref()?,
        };
        let phones = self.phone_counts(round);
        Some(hands.iter().zip(phones).map(|(h, p)| h + p).collect())
    }

    /// The ballot being counted now.
    pub fn round(&self) -> VoteRound {
        if self.revotes.is_some() {
            VoteRound::Revote
        } else {
            VoteRound::First
        }
    }

    /// Whether phones may vote (or change their vote): results are not shown.
    pub fn open_for_phones(&self) -> bool {
        !self.revealed
    }

    /// The option device `device` chose in `round`, if it voted.
    pub fn phone_choice(&self, device: u32, round: VoteRound) -> Option<usize> {
        self.phone_ballots
            .iter()
            .find(|b| b.device == device && b.round == round)
            .map(|b| b.option)
    }
}

impl PhonesLog {
    /// The place of `token` among the devices that joined.
    pub fn device(&self, token: &str) -> Option<u32> {
        self.devices
            .iter()
            .position(|t| t == token)
            .and_then(|i| u32::try_from(i).ok())
    }
}

impl Engine {
    /// Open the room with `join_code`, or keep the code it already has (a resumed run keeps
    /// its code, so the QR code on the wall and the phones' tokens stay valid).
    pub(super) fn open_room(&mut self, join_code: String) -> Result<Vec<Event>, Refusal> {
        if self.log.phones.is_some() {
            return Ok(Vec::new());
        }
        self.log.phones = Some(PhonesLog {
            join_code,
            devices: Vec::new(),
        });
        Ok(vec![Event::RoomOpened])
    }

    /// A device joins with its token; a token that joined before changes nothing.
    pub(super) fn join_phone(&mut self, token: String) -> Result<Vec<Event>, Refusal> {
        let phones = self
            .log
            .phones
            .as_mut()
            .ok_or(Refusal::Phone(PhoneRefusal::Closed))?;
        if phones.device(&token).is_some() {
            return Ok(Vec::new());
        }
        if phones.devices.len() >= MAX_DEVICES {
            return Err(Refusal::Phone(PhoneRefusal::Full));
        }
        phones.devices.push(token);
        Ok(vec![Event::PhoneJoined])
    }

    /// A phone's vote for `option` of card `card` in ballot `round`; it replaces the device's
    /// earlier vote in that ballot.
    pub(super) fn phone_vote(
        &mut self,
        token: &str,
        card: &str,
        round: VoteRound,
        option: usize,
    ) -> Result<Vec<Event>, Refusal> {
        let device = self.joined_device(token)?;
        let on_screen = self
            .card_mut()
            .map_err(|_| Refusal::Phone(PhoneRefusal::VotingClosed))?;
        if on_screen.card != card || on_screen.round() != round {
            return Err(Refusal::Phone(PhoneRefusal::Stale));
        }
        if !on_screen.open_for_phones() {
            return Err(Refusal::Phone(PhoneRefusal::VotingClosed));
        }
        if option >= on_screen.options.len() {
            return Err(Refusal::NoSuchOption);
        }
        let ballots = &mut on_screen.phone_ballots;
        match ballots
            .iter_mut()
            .find(|b| b.device == device && b.round == round)
        {
            Some(earlier) if earlier.option == option => return Ok(Vec::new()),
            Some(earlier) => earlier.option = option,
            None => ballots.push(PhoneBallot {
                device,
                round,
                option,
            }),
        }
        Ok(vec![Event::VoteRecorded])
    }

    /// The place of `token` among the devices that joined, or why a phone cannot act.
    pub(super) fn joined_device(&self, token: &str) -> Result<u32, Refusal> {
        self.log
            .phones
            .as_ref()
            .ok_or(Refusal::Phone(PhoneRefusal::Closed))?
            .device(token)
            .ok_or(Refusal::Phone(PhoneRefusal::UnknownDevice))
    }

    /// The room's record, if the room is open.
    pub fn phones(&self) -> Option<&PhonesLog> {
        self.log.phones.as_ref()
    }

    /// How many devices joined and how many of them voted in the ballot being counted on the
    /// card on screen.
    pub fn phone_tally(&self) -> (usize, usize) {
        let joined = self.log.phones.as_ref().map_or(0, |p| p.devices.len());
        let voted = self.current_card().map_or(0, |card| {
            let round = card.round();
            card.phone_ballots
                .iter()
                .filter(|b| b.round == round)
                .count()
        });
        (joined, voted)
    }
}
