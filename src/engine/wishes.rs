//! Learning wishes ("leerwensen"): each person's wish, typed in a Wishes block on the first day,
//! and where they stand ("waar sta je nu") on later days, beside the wish from earlier logs.

use super::record::{Stamp, WishAspect, WishLine};
use super::{Engine, Event, Refusal, clock, non_empty};
use crate::script::BlockKind;

/// One person on the facilitator's wishes panel (never on the room's screen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WishRow {
    pub name: String,
    pub present: bool,
    /// The wish typed today, if any.
    pub wish_today: Option<String>,
    /// The newest wish from an earlier day of the programme.
    pub wish_earlier: Option<String>,
    /// Where they stood on the latest earlier day they said so.
    pub stood: Option<String>,
    /// Where they stand today, if typed.
    pub stand: Option<String>,
}

impl WishRow {
    /// What a line typed for this person now records: the wish while none is known from an
    /// earlier day, otherwise where they stand today.
    pub fn aspect(&self) -> WishAspect {
        if self.wish_earlier.is_some() {
            WishAspect::Stand
        } else {
            WishAspect::Wish
        }
    }

    /// The wish that counts: today's, or else the earlier one.
    pub fn wish(&self) -> Option<&str> {
        self.wish_today.as_deref().or(self.wish_earlier.as_deref())
    }

    /// Today's text for the aspect a new line records (what an edit starts from).
    pub fn typed_today(&self) -> Option<&str> {
        match self.aspect() {
            WishAspect::Wish => self.wish_today.as_deref(),
            WishAspect::Stand => self.stand.as_deref(),
        }
    }
}

/// The newest line about `name` with `aspect` in `lines` (the lines are in time order).
pub fn latest<'a>(lines: &'a [WishLine], name: &str, aspect: WishAspect) -> Option<&'a WishLine> {
    lines
        .iter()
        .rev()
        .find(|line| line.name == name && line.aspect == aspect)
}

impl Engine {
    /// Everyone in the cohort, in cohort order, with their wish and where they stand.
    pub fn wish_rows(&self) -> Vec<WishRow> {
        let log = &self.log;
        let today = |name: &str, aspect| latest(&log.wishes, name, aspect).map(|l| l.text.clone());
        log.participants
            .iter()
            .map(|name| WishRow {
                name: name.clone(),
                present: clock::is_present(log, name),
                wish_today: today(name, WishAspect::Wish),
                wish_earlier: self.history.wishes.get(name).cloned(),
                stood: self.history.stands.get(name).cloned(),
                stand: today(name, WishAspect::Stand),
            })
            .collect()
    }

    /// Record a line about `name`'s wish in the Wishes block on screen.
    pub(super) fn wish(
        &mut self,
        name: String,
        aspect: WishAspect,
        text: String,
        now: Stamp,
    ) -> Result<Vec<Event>, Refusal> {
        let text = non_empty(text)?;
        if !matches!(self.current_block().0.kind, BlockKind::Wishes) {
            return Err(Refusal::WrongBlock);
        }
        if !self.log.participants.contains(&name) {
            return Err(Refusal::UnknownPerson(name));
        }
        if latest(&self.log.wishes, &name, aspect).is_some_and(|line| line.text == text) {
            return Ok(Vec::new());
        }
        self.log.wishes.push(WishLine {
            at: now,
            name,
            aspect,
            text,
        });
        Ok(vec![Event::NoteRecorded])
    }
}
