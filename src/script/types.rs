//! The three file formats users write by hand: Session, Deck and Cohort.
//! These serde types are the contract of docs/formats.md; unknown fields are rejected.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A block's planned length in whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Minutes(pub u32);

impl Minutes {
    pub fn seconds(self) -> i64 {
        i64::from(self.0) * 60
    }
}

/// The name of a participant, unique within a cohort.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ParticipantName(pub String);

impl ParticipantName {
    pub fn new(name: impl Into<String>) -> Self {
        Self(name.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ParticipantName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One session: a day or half day of timed blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Session", deny_unknown_fields)]
pub struct Session {
    pub title: String,
    /// Ties the days of one series together (history of cards and groups).
    #[serde(default)]
    pub programme: Option<String>,
    /// Path of the cohort file, relative to the session file.
    #[serde(default)]
    pub cohort: Option<String>,
    /// Planned start, local time, "HH:MM".
    #[serde(default)]
    pub start: Option<String>,
    /// What participants do before the next day (shown at the end, kept in the log).
    #[serde(default)]
    pub homework: Option<String>,
    pub blocks: Vec<Block>,
}

/// One timed block of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub title: String,
    pub minutes: Minutes,
    pub kind: BlockKind,
    /// Facilitator notes: shown only on the facilitator's notes panel, never to the room.
    #[serde(default)]
    pub notes: String,
}

/// What happens in a block. A field a kind does not have is an error (`Round(seconds: 20)`
/// names `seconds_each`), never silently ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum BlockKind {
    /// Everyone together; a countdown.
    Plenary,
    /// Every person present takes a turn of `seconds_each`, in random order.
    Round { seconds_each: u32 },
    /// Dilemma cards drawn from a deck (path relative to the session file).
    Dilemmas {
        deck: String,
        draw: u32,
        #[serde(default)]
        order: DrawOrder,
    },
    /// A break; the screen shows when the room resumes.
    Break,
    /// Breakout groups of `size`, balanced on the named attributes; from a course plan's round
    /// of the day when `plan` names one (a `regie groups --output` file, relative to the
    /// session file); each group's `roles` handed out in turn over the course.
    Breakout {
        size: u32,
        #[serde(default)]
        balance: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        plan: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        roles: Vec<String>,
    },
    /// The facilitator types takeaways.
    Harvest,
    /// Learning wishes: the facilitator types each person's wish (on the first day) or where
    /// they stand now (on later days, beside the wish from earlier logs). Never on the room.
    Wishes,
    /// An evaluation form: by default a grade 1-10 ("cijfer") with a "top" and a "tip", plus
    /// the session's own questions. Answered on phones or typed from paper forms; anonymous.
    /// With `grade: false, top_and_tip: false` and one question it is a mid-day question.
    Evaluation {
        /// Ask for a grade from 1 to 10.
        #[serde(default = "yes")]
        grade: bool,
        /// Ask for a top (what was good) and a tip (what could be better), short texts.
        #[serde(default = "yes")]
        top_and_tip: bool,
        /// The session's own questions, asked after the grade.
        #[serde(default)]
        questions: Vec<Question>,
    },
}

fn yes() -> bool {
    true
}

/// A question of an Evaluation block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// What is asked, as the form shows it.
    pub text: String,
    pub answer: AnswerKind,
}

impl Question {
    /// The largest point of a scale question; `None` for an open one.
    pub fn scale(&self) -> Option<u8> {
        match self.answer {
            AnswerKind::Scale { to } => Some(to),
            AnswerKind::Open => None,
        }
    }
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerKind {
    /// A whole number from 1 to `to` (5 for agree/disagree, 10 for a grade).
    Scale { to: u8 },
    /// A short text of at most `MAX_ANSWER_CHARS` characters.
    Open,
}

/// The longest open answer (a top, a tip, an open question) in characters.
pub const MAX_ANSWER_CHARS: usize = 280;

/// The scale of a grade: 1 to 10.
pub const GRADE_MAX: u8 = 10;

impl BlockKind {
    /// Short name of the kind, as written in files ("Plenary", "Round", ...).
    pub fn name(&self) -> &'static str {
        self.tag().name()
    }

    /// The kind without its settings, as a log records it.
    pub fn tag(&self) -> BlockKindTag {
        match self {
            BlockKind::Plenary => BlockKindTag::Plenary,
            BlockKind::Round { .. } => BlockKindTag::Round,
            BlockKind::Dilemmas { .. } => BlockKindTag::Dilemmas,
            BlockKind::Break => BlockKindTag::Break,
            BlockKind::Breakout { .. } => BlockKindTag::Breakout,
            BlockKind::Harvest => BlockKindTag::Harvest,
            BlockKind::Wishes => BlockKindTag::Wishes,
            BlockKind::Evaluation { .. } => BlockKindTag::Evaluation,
        }
    }
}

/// A block's kind without its settings. Written as its name in a string (`kind: "Round"`), as
/// logs always have been; an unknown name is an error where it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum BlockKindTag {
    Plenary,
    Round,
    Dilemmas,
    Break,
    Breakout,
    Harvest,
    Wishes,
    Evaluation,
}

impl BlockKindTag {
    pub const ALL: [BlockKindTag; 8] = [
        BlockKindTag::Plenary,
        BlockKindTag::Round,
        BlockKindTag::Dilemmas,
        BlockKindTag::Break,
        BlockKindTag::Breakout,
        BlockKindTag::Harvest,
        BlockKindTag::Wishes,
        BlockKindTag::Evaluation,
    ];

    pub fn name(self) -> &'static str {
        match self {
            BlockKindTag::Plenary => "Plenary",
            BlockKindTag::Round => "Round",
            BlockKindTag::Dilemmas => "Dilemmas",
            BlockKindTag::Break => "Break",
            BlockKindTag::Breakout => "Breakout",
            BlockKindTag::Harvest => "Harvest",
            BlockKindTag::Wishes => "Wishes",
            BlockKindTag::Evaluation => "Evaluation",
        }
    }
}

impl fmt::Display for BlockKindTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl From<BlockKindTag> for String {
    fn from(tag: BlockKindTag) -> String {
        tag.name().to_owned()
    }
}

impl TryFrom<String> for BlockKindTag {
    type Error = String;
    fn try_from(name: String) -> Result<Self, Self::Error> {
        BlockKindTag::ALL
            .into_iter()
            .find(|tag| tag.name() == name)
            .ok_or_else(|| {
                format!(
                    "unknown block kind \"{name}\"; expected one of Plenary, Round, Dilemmas, Break, Breakout, Harvest, Wishes, Evaluation"
                )
            })
    }
}

/// The order in which a Dilemmas block draws its cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DrawOrder {
    /// The deck's own order (cards already played in the programme are skipped).
    #[default]
    Deck,
    /// Seeded random order; the seed is recorded in the log.
    Random,
}

/// A deck of dilemma cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Deck", deny_unknown_fields)]
pub struct Deck {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub cards: Vec<Card>,
}

/// One dilemma card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub situation: String,
    pub options: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// The group of participants of a programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Cohort", deny_unknown_fields)]
pub struct Cohort {
    pub name: String,
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub keep_apart: Vec<(ParticipantName, ParticipantName)>,
    #[serde(default)]
    pub keep_together: Vec<(ParticipantName, ParticipantName)>,
    /// People pinned to a breakout group in every breakout: (name, group number from 1), a
    /// facilitator per group or a buddy for a new colleague. Never shown in the room.
    #[serde(default)]
    pub pins: Vec<(ParticipantName, u16)>,
    /// The course's attendance rule: the share of days (percent, 1-100) a participant must be
    /// present for; reports say per person whether it is met.
    #[serde(default)]
    pub attendance_rule: Option<u8>,
}

/// One participant with free-form attributes ("afdeling": "beleid").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub name: ParticipantName,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}
