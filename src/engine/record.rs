//! The session record: everything recorded during one run of a session, owned by the engine.
//! It is the engine's state; `journal` serialises it as `<log dir>/<date>-<time>-<session>.ron`.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

pub use super::evaluation::{
    Answer, EvaluationLog, Form, FormSource, Moderation, OpenAnswer, OpenSlot, Part,
};
pub use super::phones::{PhoneBallot, PhonesLog};
pub use crate::script::BlockKindTag;

/// Wall-clock time with its UTC offset, as stored in logs.
pub type Stamp = DateTime<FixedOffset>;

/// The log format version written by this build. Readers accept this and every older version.
pub const FORMAT_VERSION: u32 = 1;

/// One run of one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "SessionLog")]
pub struct SessionLog {
    pub format: u32,
    pub session: SessionInfo,
    pub created: Stamp,
    /// Set when the facilitator finishes the last block or quits after the end.
    #[serde(default)]
    pub finished: Option<Stamp>,
    /// Index of the block on screen.
    pub current: usize,
    /// Everyone in the cohort (or nobody when the session has no cohort).
    #[serde(default)]
    pub participants: Vec<String>,
    /// Changes of attendance, in time order; everyone counts as present until marked absent.
    #[serde(default)]
    pub attendance: Vec<AttendanceMark>,
    pub blocks: Vec<BlockLog>,
    /// The room for phones (`regie run --room`): join code and device tokens; absent without.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phones: Option<PhonesLog>,
    /// Learning wishes typed in a Wishes block, and where people stand; personal, never shown
    /// to the room. The newest line per person and aspect counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wishes: Vec<WishLine>,
    /// Blocks dropped from the plan while the session ran, with their marks (`live.dropped`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<BlockLog>,
}

/// What the log needs to know of the script it ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub title: String,
    /// The session file as given on the command line, or `bundled:<path>`.
    pub file: String,
    #[serde(default)]
    pub programme: Option<String>,
    #[serde(default)]
    pub cohort: Option<String>,
    /// Planned start "HH:MM", if the script has one.
    #[serde(default)]
    pub planned_start: Option<String>,
    #[serde(default)]
    pub homework: Option<String>,
    /// The cohort's attendance rule (percent of the days), if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance_rule: Option<u8>,
    /// Which session this run is of, however its path was typed, and what the run counts as.
    /// Set by the journal; logs older than this field read with an empty one.
    #[serde(default)]
    pub identity: Identity,
}

/// A run's place in its programme: the session it is of, and whether it counts as a day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Identity {
    /// `<programme>/<path inside the programme's folder>`, or the canonical path of a session
    /// file without a programme; the same for a bundled session and its copy on disk.
    pub session: String,
    /// Where the session file was when the run began (its canonical path; empty for bundled
    /// sessions), so `regie run LOG` finds it from any folder.
    pub path: String,
    /// Run with `--rehearsal`: recorded, never a day of the programme.
    pub rehearsal: bool,
    /// When a new run of the same session was started instead of continuing this one.
    pub abandoned: Option<Stamp>,
}

/// Someone marked absent or present at a moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttendanceMark {
    pub at: Stamp,
    pub name: String,
    pub present: bool,
}

/// What a line about a person's learning wish says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum WishAspect {
    /// The wish itself ("leerwens"), typed on the first day (or the first day someone is there).
    Wish,
    /// Where the person stands now ("waar sta je nu"), typed on a later day.
    Stand,
}

/// One line typed about one person in a Wishes block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WishLine {
    pub at: Stamp,
    pub name: String,
    pub aspect: WishAspect,
    pub text: String,
}

/// A span of time during which a block's clock ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub from: Stamp,
    #[serde(default)]
    pub to: Option<Stamp>,
}

/// A facilitator's change to a block's length (+60 or -60 seconds per key press).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    pub at: Stamp,
    pub seconds: i64,
}

/// One block of the session as it was run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockLog {
    pub title: String,
    /// Written as "Plenary", "Round", "Dilemmas", "Break", "Breakout", "Harvest", "Wishes" or
    /// "Evaluation".
    pub kind: BlockKindTag,
    pub planned_seconds: i64,
    /// Spans during which the clock ran; their sum is the block's elapsed time.
    #[serde(default)]
    pub runs: Vec<Run>,
    /// Set when the facilitator moved on from this block (the last time).
    #[serde(default)]
    pub ended: Option<Stamp>,
    #[serde(default)]
    pub adjustments: Vec<Adjustment>,
    /// Dilemma cards shown in this block.
    #[serde(default)]
    pub cards: Vec<CardLog>,
    /// Index into `cards` of the card on screen.
    #[serde(default)]
    pub current_card: usize,
    /// Card ids skipped by the facilitator (replaced before any vote); they stay in the pool.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
    /// Seed of a random draw of cards, if random.
    #[serde(default)]
    pub draw_seed: Option<u64>,
    /// Card ids drawn for this block, in the order they are shown (`cards` holds those shown).
    #[serde(default)]
    pub drawn: Vec<String>,
    /// Group splits of a breakout, newest last (a reshuffle adds one).
    #[serde(default)]
    pub splits: Vec<GroupSplit>,
    /// Splits taken back with `u` (newest last), kept for the record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undone_splits: Vec<GroupSplit>,
    /// Speaking turns of a round.
    #[serde(default)]
    pub round: Option<RoundLog>,
    /// Takeaways typed during a harvest.
    #[serde(default)]
    pub takeaways: Vec<Note>,
    /// Facilitator notes typed during the block (card notes live on the card).
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Every edit or deletion of a note, takeaway or outcome, with the text it had.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// The forms of an Evaluation block; absent for other kinds (and in older logs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<EvaluationLog>,
    /// Set once the plan changed during the run: which scripted block this is, and whether
    /// it was inserted, moved or dropped live (and when). Absent in logs of unchanged plans.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live: Option<LiveChange>,
}

/// A block's place in a plan changed while the session ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveChange {
    /// Its place in the session file (0-based); `None` for a block inserted live.
    #[serde(default)]
    pub scripted: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inserted: Option<Stamp>,
    /// The last time it was moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropped: Option<Stamp>,
}

/// Which typed line a correction changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryKind {
    Note,
    CardNote,
    Outcome,
    Takeaway,
}

/// A note, takeaway or outcome changed (`new`) or deleted (`new: None`) at a moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    pub at: Stamp,
    pub kind: EntryKind,
    pub old: String,
    #[serde(default)]
    pub new: Option<String>,
}

/// A line of text typed by the facilitator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub at: Stamp,
    pub text: String,
}

/// Which vote is being counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteRound {
    First,
    Revote,
}

/// One raised hand as recorded (kept so `u` can undo the last one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ballot {
    pub at: Stamp,
    pub round: VoteRound,
    /// Zero-based option index.
    pub option: usize,
}

/// One dilemma card as shown, with its votes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardLog {
    /// Deck title.
    pub deck: String,
    pub card: String,
    pub title: String,
    pub situation: String,
    pub options: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    pub shown: Stamp,
    #[serde(default)]
    pub ended: Option<Stamp>,
    /// Votes per option, first round.
    pub votes: Vec<u32>,
    /// Votes per option after discussion; `None` until a revote is started.
    #[serde(default)]
    pub revotes: Option<Vec<u32>>,
    /// Whether results are shown to the room.
    #[serde(default)]
    pub revealed: bool,
    #[serde(default)]
    pub ballots: Vec<Ballot>,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The outcome the room reached, if the facilitator typed one.
    #[serde(default)]
    pub outcome: Option<String>,
    /// Votes from phones, one per device and ballot, kept apart from the hands in `votes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phone_ballots: Vec<PhoneBallot>,
}

/// Solver quality of a split.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitScore {
    /// Pairs in this split who already met earlier in the programme.
    pub repeated_pairs: u32,
    /// Sum over balanced attributes of each group's distance from the whole room's mix.
    pub imbalance: f64,
    /// Fewest repeated pairs any split of the people present could have (a proven lower bound);
    /// absent in logs written before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fewest_repeats: Option<u32>,
}

/// One split of the people present into groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSplit {
    pub at: Stamp,
    pub seed: u64,
    pub groups: Vec<Vec<String>>,
    pub score: SplitScore,
    /// Hand swaps made after the solver, each a pair of names.
    #[serde(default)]
    pub swaps: Vec<(String, String)>,
    /// Changes of attendance repaired in place (a late arrival placed, an absence filled).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repairs: Vec<Repair>,
    /// The course plan's round (1 = day 1) the split started from, when a plan was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_round: Option<u32>,
    /// Roles handed out in the groups: `(name, role)`, in group order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<(String, String)>,
    /// The group size asked for live (`[` and `]`), when it differs from the script's; later
    /// splits of the block keep it, and undoing this split brings the earlier size back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
}

/// Someone arrived or left during a breakout; `moved` are the others who changed group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Repair {
    pub at: Stamp,
    pub name: String,
    pub present: bool,
    #[serde(default)]
    pub moved: Vec<String>,
}

/// The speaking order of a Round block and each turn taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundLog {
    pub seed: u64,
    pub seconds_each: u32,
    pub order: Vec<String>,
    #[serde(default)]
    pub turns: Vec<Turn>,
}

/// One person's turn in a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    pub name: String,
    pub started: Stamp,
    #[serde(default)]
    pub ended: Option<Stamp>,
}
