//! What the facilitator asks of the engine (commands) and what it reports back (events).
//! Keys map to commands in `tui`; events tell the shell what to record, ring or show.

/// A facilitator's intent, independent of keys.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start the current block's clock, or pause/resume it (Space).
    StartPause,
    /// Next card of a Dilemmas block, next block otherwise; past the last block: finish.
    Next,
    /// Previous card, or previous block.
    Previous,
    /// Add (positive) or take (negative) whole minutes of the current block.
    Adjust { minutes: i64 },
    /// Set the current block's time left to this many minutes (at least one).
    SetRemaining { minutes: i64 },
    /// A raised hand for option `option` (zero-based) of the card on screen.
    Vote { option: usize },
    /// Take back the last recorded vote of the card on screen.
    UndoVote,
    /// Start the revote after discussion; later votes count as revotes.
    StartRevote,
    /// Put another card in place of the card on screen: the given card id, or the next fresh
    /// card of the deck. The skipped card goes back to the pool (it counts as not played).
    ReplaceCard { card: Option<String> },
    /// Show or hide the results of the card on screen to the room.
    ToggleReveal,
    /// A note on the current block (or the card on screen).
    Note { text: String },
    /// The outcome of the card on screen.
    Outcome { text: String },
    /// Change (`Some`) or delete (`None`) a note, card note, outcome or takeaway of the block
    /// on screen; the old text is kept in the log.
    Correct {
        kind: crate::engine::record::EntryKind,
        index: usize,
        text: Option<String>,
    },
    /// A takeaway in a Harvest block.
    Takeaway { text: String },
    /// A line about `name`'s learning wish in a Wishes block: the wish, or where they stand.
    Wish {
        name: String,
        aspect: crate::engine::record::WishAspect,
        text: String,
    },
    /// Next speaker of a Round block.
    NextSpeaker,
    /// Mark someone present or absent from now on.
    SetPresent { name: String, present: bool },
    /// New group split for the current Breakout block: with this seed, or with a fresh one
    /// taken from the time (recorded in the split either way).
    Reshuffle { seed: Option<u64> },
    /// Swap two people between groups of the current split.
    Swap { a: String, b: String },
    /// A new split of the current Breakout block in groups `delta` larger (or smaller), with a
    /// fresh seed; `u` takes it back like a reshuffle.
    ResizeGroups { delta: i8 },
    /// End the session now (the current block ends).
    Finish,
    /// Open the room for phones with this join code (a room already open keeps its code).
    OpenRoom { join_code: String },
    /// A phone joins with its random device token.
    JoinPhone { token: String },
    /// A paper evaluation form typed by the facilitator, for the Evaluation block on screen.
    /// (`UndoVote` takes back the last one; `ToggleReveal` shows the grades to the room.)
    PaperForm {
        form: crate::engine::forms::FormInput,
    },
    /// A phone's evaluation form for block `block` (it must be on screen); it replaces the
    /// phone's earlier form in that block.
    PhoneForm {
        token: String,
        block: usize,
        form: crate::engine::forms::FormInput,
    },
    /// Approve, reject or set back to pending an open answer of the Evaluation block on screen.
    Moderate {
        slot: crate::engine::record::OpenSlot,
        decision: crate::engine::record::Moderation,
    },
    /// A phone votes for `option` of card `card` in ballot `round`; its last vote counts.
    PhoneVote {
        token: String,
        card: String,
        round: crate::engine::record::VoteRound,
        option: usize,
    },
    /// Move block `index` (still to come, never run) one place later or earlier.
    MoveBlock { index: usize, later: bool },
    /// Insert a block of `minutes` after the block on screen.
    InsertBlock {
        title: String,
        minutes: i64,
        kind: crate::engine::plan::InsertKind,
    },
    /// Drop block `index` (still to come, never run) from the plan; the log keeps it, marked.
    DropBlock { index: usize },
}

/// What happened, for the shell: every event except `Nothing` means the log changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    BlockStarted {
        index: usize,
    },
    Paused {
        index: usize,
    },
    Resumed {
        index: usize,
    },
    MovedTo {
        index: usize,
    },
    Adjusted {
        index: usize,
        seconds: i64,
    },
    CardShown {
        block: usize,
        card: usize,
    },
    VoteRecorded,
    VoteUndone,
    RevoteStarted,
    RevealToggled {
        revealed: bool,
    },
    NoteRecorded,
    SpeakerChanged {
        name: Option<String>,
    },
    AttendanceChanged {
        name: String,
        present: bool,
    },
    GroupsSplit {
        seed: u64,
    },
    /// Entering a breakout could not split its groups (no cohort, nobody present, or the
    /// solver's refusal); the screen says why.
    SplitRefused(Refusal),
    Swapped,
    /// A late arrival or an absence changed the groups without a reshuffle.
    GroupsRepaired,
    Finished,
    RoomOpened,
    PhoneJoined,
    /// An evaluation form was recorded (or a phone's replaced); `forms` are there now.
    FormRecorded {
        forms: usize,
    },
    /// The last paper form was taken back.
    FormUndone {
        forms: usize,
    },
    /// An open answer was approved, rejected or set back to pending.
    Moderated,
    /// A block was moved, inserted or dropped.
    PlanChanged,
}

/// A command that cannot apply now; the state is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The current block is not of the kind the command needs.
    WrongBlock,
    /// No card on screen, or the option does not exist.
    NoSuchOption,
    /// Nothing to undo.
    NothingToUndo,
    /// Name not in the cohort, or not in the split.
    UnknownPerson(String),
    /// The card on screen already has votes: it was played, it cannot be skipped.
    CardHasVotes,
    /// No card of the deck is left to draw instead.
    NoOtherCard,
    /// Already at the first block/card.
    AtStart,
    /// The session has finished.
    Finished,
    /// Empty text.
    EmptyText,
    /// No group size `size` for the people present: sizes from 2 to `largest` make at least
    /// two groups.
    GroupSize {
        size: usize,
        present: usize,
        largest: usize,
    },
    /// A hand swap would break a keep-apart or keep-together pair.
    Swap(crate::groups::SwapRefused),
    /// The group solver could not split (e.g. keep-apart impossible); the message says why.
    Groups(crate::groups::GroupsError),
    /// A phone's command that cannot apply (the room answers the phone; no key sends these).
    Phone(crate::engine::phones::PhoneRefusal),
    /// An evaluation form that does not fit what the block asks.
    Form(crate::engine::forms::FormRefusal),
    /// The plan cannot change that way (a block that ran cannot move or go).
    Plan(crate::engine::plan::PlanRefusal),
}
