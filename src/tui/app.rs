//! The runner's state: the engine plus what only the screen knows (overlays, input, messages).
//! `App::step` takes one action at a time; views read the `App` and never change it.

use super::form_entry::{self, FormStep};
use super::keys::{Action, Mode};
use super::theme::Theme;
use crate::engine::forms::FormInput;
use crate::engine::record::{Moderation, OpenSlot};
use crate::engine::{
    BlockClock, Command, DayClock, Engine, Event, InsertKind, Refusal, RoomOptions, clock,
};
use crate::i18n::Lang;
use crate::journal::Recorder;
use crate::journal::record::{BlockLog, CardLog, EntryKind, GroupSplit, Stamp, Turn};
use crate::script::{Block, BlockKind};

/// Choices made on the command line.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub theme: Theme,
    pub lang: Lang,
    /// Ring the terminal bell when a block reaches zero.
    pub bell: bool,
}

/// What covers the runner screen, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    /// The cohort list; `cursor` is the highlighted row.
    Attendance {
        cursor: usize,
    },
    /// Picking two people to swap: `cursor` is (group, row); `first` the one already picked.
    Swap {
        cursor: (usize, usize),
        first: Option<String>,
    },
    QuitConfirm,
    /// What was typed in this block, to edit (Enter) or delete (d) a line.
    Entries {
        cursor: usize,
    },
    /// The deck of the Dilemmas block on screen, to pick the card to show instead.
    CardPick {
        cursor: usize,
    },
    /// "End the session?" after `n` on the last block.
    FinishConfirm,
    /// room: the join screen for phones (QR code, address and code in big type).
    Join,
    /// The learning wishes of a Wishes block (never on the room): typing jumps to a name,
    /// Enter types that person's wish or where they stand.
    Wishes {
        cursor: usize,
    },
    /// The open answers of the evaluation on screen: Enter approves, d rejects.
    Moderation {
        cursor: usize,
    },
    /// The plan as an editable list (A): `cursor` is the highlighted block.
    Plan {
        cursor: usize,
    },
    /// "Drop this block?" for block `index`, from the plan list (d).
    DropConfirm {
        index: usize,
    },
}

/// What the input line records when Enter is pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Note,
    Takeaway,
    /// The outcome the room reached on the card on screen (starts from the recorded one).
    Outcome,
    /// The time left of the current block, in whole minutes.
    Minutes,
    /// A new text for a note, takeaway or outcome typed earlier.
    Correct {
        kind: EntryKind,
        index: usize,
    },
    /// The wish of (or where they stand now) participant `row` of the cohort.
    Wish {
        row: usize,
    },
    /// A field of the paper evaluation form being typed (the form so far is `App::form`).
    Form(FormStep),
    /// Minutes and a title of a block to insert after the current one ("10 Koffie").
    Insert(InsertKind),
}

/// The one-line text input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub kind: InputKind,
    pub text: String,
}

/// A short message on the status line after an action (e.g. why a key did nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Refused(Refusal),
    SavedElsewhere(String),
    SaveFailed(String),
    NothingToSave,
    /// What was typed as minutes is not a whole number.
    NotMinutes(String),
    /// The session file was reloaded, or why it was not.
    Reload(super::reload::Outcome),
}

/// room: where phones join, for the join screen (`regie run --room`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinInfo {
    /// The address in the QR code, with the code in it.
    pub url: String,
    /// The address to type (it asks for the code).
    pub base_url: String,
    pub code: String,
    /// The facilitator's remote (`--remote`): for the notes panel only, never the room's screen.
    pub remote: Option<String>,
}

/// The runner.
pub struct App {
    engine: Engine,
    recorder: Box<dyn Recorder>,
    pub settings: Settings,
    pub overlay: Overlay,
    pub show_agenda: bool,
    pub show_notes: bool,
    pub input: Option<Input>,
    /// The first key shown by a help overlay too long for the screen.
    pub help_offset: usize,
    /// What has been typed in the attendance list to find a name.
    pub find: String,
    pub message: Option<Message>,
    /// The last log write failed with this error; the next action tries again.
    pub log_error: Option<String>,
    unsaved: bool,
    quit: bool,
    rung_for: Option<usize>,
    /// Projector mode: the screen shows only the room's view (key P).
    pub projector: bool,
    /// The room sees how late the day runs (key L); off by default.
    pub show_slip: bool,
    /// The countdown flashes at zero (key f); on by default.
    pub flash: bool,
    /// room: set while the room server runs.
    pub join: Option<JoinInfo>,
    /// The paper evaluation form being typed, recorded after its last field.
    pub form: FormInput,
    /// The session file, watched for changes to reload at a block boundary (not bundled).
    reload: Option<super::reload::Watch>,
}

impl App {
    pub fn new(engine: Engine, recorder: Box<dyn Recorder>, settings: Settings) -> App {
        App {
            engine,
            recorder,
            settings,
            overlay: Overlay::None,
            show_agenda: false,
            show_notes: false,
            input: None,
            find: String::new(),
            help_offset: 0,
            message: None,
            log_error: None,
            unsaved: false,
            quit: false,
            rung_for: None,
            projector: false,
            show_slip: false,
            flash: true,
            join: None,
            form: FormInput::default(),
            reload: None,
        }
    }

    /// Reload the session file at the next block boundary whenever it changes on disk.
    pub fn watch_script(&mut self, watch: super::reload::Watch) {
        self.reload = Some(watch);
    }

    /// Between blocks (the block on screen has not started its clock), look whether the
    /// session file changed (one `stat`) and reload it. Returns whether the screen changed.
    pub fn check_reload(&mut self) -> bool {
        let waiting = self.current_block().is_some_and(|b| b.runs.is_empty());
        waiting && !self.engine.is_finished() && self.reload_now()
    }

    /// Reload the session file if it changed, and say so on the message line.
    fn reload_now(&mut self) -> bool {
        let Some(watch) = &mut self.reload else {
            return false;
        };
        let Some(outcome) = watch.reload_if_changed(&mut self.engine) else {
            return false;
        };
        if matches!(outcome, super::reload::Outcome::Reloaded { .. }) {
            self.unsaved = true;
        }
        self.message = Some(Message::Reload(outcome));
        true
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Where logs go, as shown on screen.
    pub fn log_place(&self) -> String {
        self.recorder.place()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// How keys are read right now.
    pub fn mode(&self) -> Mode {
        match (&self.overlay, &self.input) {
            (Overlay::QuitConfirm | Overlay::FinishConfirm | Overlay::DropConfirm { .. }, _) => {
                Mode::Confirming
            }
            (_, Some(_)) => Mode::Typing,
            // room: keys keep working under the join screen; j or Esc closes it.
            (Overlay::None | Overlay::Join, None) => Mode::Normal,
            (Overlay::Attendance { .. } | Overlay::Wishes { .. }, None) => Mode::Finding,
            _ => Mode::Choosing,
        }
    }

    /// The screen shows the room's view alone: projector mode, with no list, question or input
    /// open (those bring the facilitator's screen back while they are open).
    pub fn projecting(&self) -> bool {
        self.projector && self.overlay == Overlay::None && self.input.is_none()
    }

    /// What the facilitator lets the room see.
    pub fn room_options(&self) -> RoomOptions {
        RoomOptions {
            show_slip: self.show_slip,
        }
    }

    /// Index of the block on screen.
    pub fn current_index(&self) -> usize {
        self.engine.current_index()
    }

    pub fn current_block(&self) -> Option<&BlockLog> {
        self.engine.log().blocks.get(self.current_index())
    }

    pub fn current_kind(&self) -> Option<&BlockKind> {
        self.engine
            .script()
            .session
            .blocks
            .get(self.current_index())
            .map(|b| &b.kind)
    }

    pub fn block_clock(&self, now: Stamp) -> Option<BlockClock> {
        self.engine.block_clock(self.current_index(), now)
    }

    pub fn day_clock(&self, now: Stamp) -> DayClock {
        self.engine.day_clock(now)
    }

    pub fn current_card(&self) -> Option<&CardLog> {
        self.engine.current_card()
    }

    pub fn current_split(&self) -> Option<&GroupSplit> {
        self.engine.latest_split()
    }

    /// The turn now being taken in a round, if any.
    pub fn current_turn(&self) -> Option<&Turn> {
        let round = self.current_block()?.round.as_ref()?;
        round.turns.last().filter(|turn| turn.ended.is_none())
    }

    pub fn is_present(&self, name: &str) -> bool {
        clock::is_present(self.engine.log(), name)
    }

    /// Take one action at `now`.
    pub fn step(&mut self, action: Action, now: Stamp) {
        if !matches!(action, Action::SaveElsewhere) {
            self.message = None;
        }
        // A block boundary: a changed session file is taken before the next block comes on.
        if matches!(action, Action::Command(Command::Next | Command::Previous)) {
            self.reload_now();
        }
        match action {
            Action::Command(Command::Next) if self.engine.next_finishes() => {
                self.overlay = Overlay::FinishConfirm;
            }
            Action::Command(command) => self.command(command, now),
            Action::SetTime => {
                self.input = Some(Input {
                    kind: InputKind::Minutes,
                    text: String::new(),
                })
            }
            Action::Enter => self.enter(now),
            Action::ToggleHelp => self.toggle(Overlay::Help),
            Action::ToggleAgenda => self.show_agenda = !self.show_agenda,
            Action::EditPlan => self.toggle(Overlay::Plan {
                cursor: self.current_index(),
            }),
            Action::Insert(kind) => {
                if matches!(self.overlay, Overlay::None | Overlay::Plan { .. }) {
                    self.input = Some(Input {
                        kind: InputKind::Insert(kind),
                        text: String::new(),
                    });
                }
            }
            Action::MoveBlock { later } => {
                if let Overlay::Plan { cursor } = self.overlay {
                    self.command(
                        Command::MoveBlock {
                            index: cursor,
                            later,
                        },
                        now,
                    );
                    if self.message.is_none() {
                        let moved = if later { cursor + 1 } else { cursor - 1 };
                        self.overlay = Overlay::Plan { cursor: moved };
                    }
                }
            }
            Action::ToggleNotes => self.show_notes = !self.show_notes,
            Action::ToggleAttendance => self.toggle(Overlay::Attendance { cursor: 0 }),
            // room: the join screen exists only while the room runs.
            Action::ToggleJoin if self.join.is_some() => self.toggle(Overlay::Join),
            Action::ToggleJoin => {}
            Action::Reshuffle => {
                if matches!(self.current_kind(), Some(BlockKind::Breakout { .. })) {
                    self.command(Command::Reshuffle { seed: None }, now);
                } else {
                    self.message = Some(Message::Refused(Refusal::WrongBlock));
                }
            }
            Action::StartSwap => {
                if self.current_split().is_some() {
                    self.overlay = Overlay::Swap {
                        cursor: (0, 0),
                        first: None,
                    };
                } else {
                    self.message = Some(Message::Refused(Refusal::WrongBlock));
                }
            }
            Action::Outcome => match self.current_card() {
                Some(card) => {
                    self.input = Some(Input {
                        kind: InputKind::Outcome,
                        text: card.outcome.clone().unwrap_or_default(),
                    })
                }
                None => self.message = Some(Message::Refused(Refusal::WrongBlock)),
            },
            Action::Entries => {
                if self.engine.entries().is_empty() {
                    self.message = Some(Message::Refused(Refusal::NothingToUndo));
                } else {
                    self.toggle(Overlay::Entries { cursor: 0 });
                }
            }
            Action::Delete if matches!(self.overlay, Overlay::Moderation { .. }) => {
                self.moderate(Moderation::Rejected, now)
            }
            Action::Delete => {
                if let Overlay::Plan { cursor } = self.overlay {
                    match self.engine.can_change(cursor) {
                        Ok(()) => self.overlay = Overlay::DropConfirm { index: cursor },
                        Err(refusal) => self.message = Some(Message::Refused(refusal)),
                    }
                } else if let Overlay::Entries { cursor } = self.overlay
                    && let Some(entry) = self.engine.entries().get(cursor).cloned()
                {
                    self.command(
                        Command::Correct {
                            kind: entry.kind,
                            index: entry.index,
                            text: None,
                        },
                        now,
                    );
                    let left = self.engine.entries().len();
                    self.overlay = if left == 0 {
                        Overlay::None
                    } else {
                        Overlay::Entries {
                            cursor: cursor.min(left - 1),
                        }
                    };
                }
            }
            Action::Moderate => {
                if self.engine.evaluation().is_some() {
                    self.toggle(Overlay::Moderation { cursor: 0 });
                } else {
                    self.message = Some(Message::Refused(Refusal::WrongBlock));
                }
            }
            Action::PickCard => {
                if self.deck_cards().is_empty() {
                    self.message = Some(Message::Refused(Refusal::WrongBlock));
                } else {
                    self.toggle(Overlay::CardPick { cursor: 0 });
                }
            }
            Action::ToggleProjector => self.projector = !self.projector,
            Action::ToggleSlip => self.show_slip = !self.show_slip,
            Action::ToggleFlash => self.flash = !self.flash,
            Action::CycleTheme => self.settings.theme = self.settings.theme.cycled(),
            Action::SaveElsewhere => self.save_elsewhere(),
            // After the end nothing is left unsaved: leave without asking.
            Action::AskQuit if self.engine.is_finished() => self.quit = true,
            Action::AskQuit => {
                self.input = None;
                self.overlay = Overlay::QuitConfirm;
            }
            Action::ConfirmQuit if matches!(self.overlay, Overlay::DropConfirm { .. }) => {
                if let Overlay::DropConfirm { index } = self.overlay {
                    self.command(Command::DropBlock { index }, now);
                    let last = self.engine.log().blocks.len() - 1;
                    self.overlay = Overlay::Plan {
                        cursor: index.min(last),
                    };
                }
            }
            Action::ConfirmQuit if self.overlay == Overlay::FinishConfirm => {
                self.overlay = Overlay::None;
                self.command(Command::Next, now);
            }
            Action::ConfirmQuit => {
                self.overlay = Overlay::None;
                self.quit = true;
            }
            Action::Close => {
                self.find.clear();
                if self.input.is_some() {
                    self.input = None;
                } else if let Overlay::DropConfirm { index } = self.overlay {
                    self.overlay = Overlay::Plan { cursor: index };
                } else {
                    self.overlay = Overlay::None;
                }
            }
            Action::Up
            | Action::Down
            | Action::Left
            | Action::Right
            | Action::First
            | Action::Last => self.move_cursor(&action),
            Action::Select => self.select(now),
            Action::Type(c) => {
                if let Some(input) = &mut self.input {
                    input.text.push(c);
                }
            }
            Action::Backspace => {
                if let Some(input) = &mut self.input {
                    input.text.pop();
                } else {
                    self.find.pop();
                }
            }
            Action::Find(c) => {
                self.find.push(c);
                self.jump_to_found();
            }
            Action::Submit => self.submit(now),
        }
        self.check_reload();
        self.save();
    }

    /// Make the screen ready at start: a breakout on screen gets its groups.
    pub fn settle(&mut self, now: Stamp) {
        if !self.engine.settle(now).is_empty() {
            self.unsaved = true;
        }
        self.save();
    }

    /// Write the log if anything is unsaved (also retries a failed write).
    pub fn save(&mut self) {
        if !self.unsaved {
            return;
        }
        match self.recorder.write(self.engine.log()) {
            Ok(()) => {
                self.unsaved = false;
                self.log_error = None;
            }
            Err(error) => self.log_error = Some(error),
        }
    }

    /// Whether the bell should ring now (once per block, when it reaches zero).
    pub fn bell_due(&mut self, now: Stamp) -> bool {
        let index = self.current_index();
        let Some(clock) = self.block_clock(now) else {
            return false;
        };
        if self.settings.bell
            && clock.started
            && clock.remaining <= 0
            && self.rung_for != Some(index)
        {
            self.rung_for = Some(index);
            return true;
        }
        false
    }

    /// The cards of the deck of the Dilemmas block on screen, `(id, title)` in deck order.
    pub fn deck_cards(&self) -> Vec<(String, String)> {
        let index = self.current_index();
        let Some(Block {
            kind: BlockKind::Dilemmas { deck, .. },
            ..
        }) = self.engine.script().session.blocks.get(index)
        else {
            return Vec::new();
        };
        self.engine
            .script()
            .decks
            .get(deck)
            .map(|d| {
                d.cards
                    .iter()
                    .map(|c| (c.id.clone(), c.title.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Put the attendance cursor on the first name (or a word in it) that starts with what was
    /// typed, ignoring case; stay put when none does.
    fn jump_to_found(&mut self) {
        let wanted = self.find.to_lowercase();
        let found = self.engine.log().participants.iter().position(|name| {
            let name = name.to_lowercase();
            name.starts_with(&wanted)
                || name.split([' ', '-']).any(|word| word.starts_with(&wanted))
        });
        if let (Some(at), Overlay::Attendance { cursor } | Overlay::Wishes { cursor }) =
            (found, &mut self.overlay)
        {
            *cursor = at;
        }
    }

    fn toggle(&mut self, overlay: Overlay) {
        self.find.clear();
        self.help_offset = 0;
        let same = std::mem::discriminant(&self.overlay) == std::mem::discriminant(&overlay);
        self.overlay = if same { Overlay::None } else { overlay };
    }

    /// room: a phone's command, through the same engine path as a key; the caller writes the
    /// log once for a batch (`save`) before the phones hear back.
    pub fn remote(&mut self, command: Command, now: Stamp) -> Result<Vec<Event>, Refusal> {
        let events = self.engine.apply(command, now)?;
        self.unsaved |= !events.is_empty();
        Ok(events)
    }

    fn command(&mut self, command: Command, now: Stamp) {
        match self.engine.apply(command, now) {
            Ok(events) => {
                if !events.is_empty() {
                    self.unsaved = true;
                }
                if let Some(Event::SplitRefused(refusal)) = events
                    .into_iter()
                    .find(|e| matches!(e, Event::SplitRefused(_)))
                {
                    self.message = Some(Message::Refused(refusal));
                }
            }
            Err(refusal) => self.message = Some(Message::Refused(refusal)),
        }
    }

    fn enter(&mut self, now: Stamp) {
        match self.current_kind() {
            Some(BlockKind::Round { .. }) => self.command(Command::NextSpeaker, now),
            Some(BlockKind::Harvest) => {
                self.input = Some(Input {
                    kind: InputKind::Takeaway,
                    text: String::new(),
                })
            }
            Some(BlockKind::Wishes) => self.toggle(Overlay::Wishes { cursor: 0 }),
            Some(BlockKind::Evaluation { .. }) => self.open_form(),
            Some(_) => {
                self.input = Some(Input {
                    kind: InputKind::Note,
                    text: String::new(),
                })
            }
            None => {}
        }
    }

    fn submit(&mut self, now: Stamp) {
        let Some(input) = self.input.take() else {
            return;
        };
        if let InputKind::Form(step) = input.kind {
            return self.form_field(step, input.text, now);
        }
        let text = input.text.trim().to_string();
        if text.is_empty() {
            return;
        }
        let command = match input.kind {
            InputKind::Note => Command::Note { text },
            InputKind::Takeaway => Command::Takeaway { text },
            InputKind::Outcome => Command::Outcome { text },
            InputKind::Correct { kind, index } => Command::Correct {
                kind,
                index,
                text: Some(text),
            },
            InputKind::Wish { row } => {
                let Some(person) = self.engine.wish_rows().into_iter().nth(row) else {
                    return;
                };
                // Fast entry from paper: the next person is highlighted for the next line.
                let last = self.engine.log().participants.len().saturating_sub(1);
                self.overlay = Overlay::Wishes {
                    cursor: (row + 1).min(last),
                };
                self.find.clear();
                Command::Wish {
                    aspect: person.aspect(),
                    name: person.name,
                    text,
                }
            }
            // Handled above, field by field.
            InputKind::Form(_) => return,
            InputKind::Insert(kind) => match parse_insert(&text) {
                Some((minutes, title)) => Command::InsertBlock {
                    title: title.unwrap_or_else(|| {
                        super::view::plan::default_title(kind, self.settings.lang).to_string()
                    }),
                    minutes,
                    kind,
                },
                None => {
                    self.message = Some(Message::NotMinutes(text));
                    return;
                }
            },
            InputKind::Minutes => match text.parse::<i64>() {
                Ok(minutes) => Command::SetRemaining { minutes },
                Err(_) => {
                    self.message = Some(Message::NotMinutes(text));
                    return;
                }
            },
        };
        self.command(command, now);
        if input.kind == InputKind::Takeaway {
            // Keep the input open: a harvest is typically several lines in a row.
            self.input = Some(Input {
                kind: InputKind::Takeaway,
                text: String::new(),
            });
        }
    }

    /// Open the first field of a fresh paper form.
    fn open_form(&mut self) {
        let Some(first) = self
            .engine
            .evaluation()
            .and_then(|e| form_entry::steps(e).first().copied())
        else {
            return;
        };
        self.form = FormInput::default();
        self.input = Some(Input {
            kind: InputKind::Form(first),
            text: String::new(),
        });
    }

    /// Enter on a field of the paper form: keep what was typed and go to the next field; after
    /// the last, record the form and open the next one. A form left wholly blank closes the
    /// input; a refused field stays open with its text.
    fn form_field(&mut self, step: FormStep, text: String, now: Stamp) {
        let Some(evaluation) = self.engine.evaluation() else {
            return;
        };
        if let Err(why) = form_entry::fill(&mut self.form, evaluation, step, &text) {
            self.message = Some(Message::Refused(Refusal::Form(why)));
            self.input = Some(Input {
                kind: InputKind::Form(step),
                text,
            });
            return;
        }
        if let Some(next) = form_entry::next(evaluation, step) {
            self.input = Some(Input {
                kind: InputKind::Form(next),
                text: String::new(),
            });
            return;
        }
        let form = std::mem::take(&mut self.form);
        if form_entry::is_blank(&form) {
            return;
        }
        self.command(Command::PaperForm { form }, now);
        if self.message.is_none() {
            self.open_form();
        }
    }

    /// The open answers of the evaluation on screen with their decision, in list order.
    pub fn open_answers(&self) -> Vec<(OpenSlot, Moderation)> {
        self.engine
            .evaluation()
            .map(|e| {
                e.open_answers()
                    .map(|(slot, a)| (slot, a.moderation))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Decide on the answer under the moderation list's cursor; a decision (not a take-back)
    /// moves on to the next answer, so the list is worked through with Enter and `d` alone.
    fn moderate(&mut self, decision: Moderation, now: Stamp) {
        let Overlay::Moderation { cursor } = self.overlay else {
            return;
        };
        let answers = self.open_answers();
        if let Some((slot, _)) = answers.get(cursor).copied() {
            self.command(Command::Moderate { slot, decision }, now);
            if decision != Moderation::Pending && cursor + 1 < answers.len() {
                self.overlay = Overlay::Moderation { cursor: cursor + 1 };
            }
        }
    }

    fn save_elsewhere(&mut self) {
        if self.log_error.is_none() {
            self.message = Some(Message::NothingToSave);
            return;
        }
        match self.recorder.save_elsewhere(self.engine.log()) {
            Ok(place) => {
                self.unsaved = false;
                self.log_error = None;
                self.message = Some(Message::SavedElsewhere(place));
            }
            Err(error) => self.message = Some(Message::SaveFailed(error)),
        }
    }

    fn move_cursor(&mut self, action: &Action) {
        // Only the open list is counted (an arrow key copies no deck or notes it does not need).
        let rows = match self.overlay {
            Overlay::Attendance { .. } | Overlay::Wishes { .. } => {
                self.engine.log().participants.len()
            }
            Overlay::Entries { .. } => self.engine.entries().len(),
            Overlay::CardPick { .. } => self.deck_cards().len(),
            Overlay::Moderation { .. } => self.open_answers().len(),
            Overlay::Help => super::key_table::RUNNER.len(),
            Overlay::Plan { .. } => self.engine.log().blocks.len(),
            _ => 0,
        };
        let groups: Vec<usize> = self
            .current_split()
            .map(|s| s.groups.iter().map(Vec::len).collect())
            .unwrap_or_default();
        match &mut self.overlay {
            Overlay::Attendance { cursor }
            | Overlay::Wishes { cursor }
            | Overlay::Entries { cursor }
            | Overlay::CardPick { cursor }
            | Overlay::Moderation { cursor }
            | Overlay::Plan { cursor } => move_in_list(cursor, rows, action),
            Overlay::Help => move_in_list(&mut self.help_offset, rows, action),
            Overlay::Swap { cursor, .. } if !groups.is_empty() => {
                let (group, row) = cursor;
                match action {
                    Action::Left => *group = group.saturating_sub(1),
                    Action::Right => *group = (*group + 1).min(groups.len() - 1),
                    Action::Up => *row = row.saturating_sub(1),
                    Action::Down => *row += 1,
                    _ => {}
                }
                *row = (*row).min(groups[*group].saturating_sub(1));
            }
            _ => {}
        }
    }

    fn select(&mut self, now: Stamp) {
        match self.overlay.clone() {
            Overlay::Moderation { cursor } => {
                let approved = self
                    .open_answers()
                    .get(cursor)
                    .is_some_and(|(_, m)| *m == Moderation::Approved);
                // Enter approves; on an approved answer it takes the approval back.
                let decision = if approved {
                    Moderation::Pending
                } else {
                    Moderation::Approved
                };
                self.moderate(decision, now);
            }
            Overlay::Attendance { cursor } => {
                if let Some(name) = self.engine.log().participants.get(cursor).cloned() {
                    let present = !self.is_present(&name);
                    self.command(Command::SetPresent { name, present }, now);
                }
            }
            Overlay::Wishes { cursor } => {
                if let Some(person) = self.engine.wish_rows().get(cursor) {
                    self.input = Some(Input {
                        kind: InputKind::Wish { row: cursor },
                        text: person.typed_today().unwrap_or_default().to_owned(),
                    });
                }
            }
            Overlay::Entries { cursor } => {
                if let Some(entry) = self.engine.entries().get(cursor).cloned() {
                    self.overlay = Overlay::None;
                    self.input = Some(Input {
                        kind: InputKind::Correct {
                            kind: entry.kind,
                            index: entry.index,
                        },
                        text: entry.text,
                    });
                }
            }
            Overlay::CardPick { cursor } => {
                if let Some((id, _)) = self.deck_cards().get(cursor).cloned() {
                    self.overlay = Overlay::None;
                    self.command(Command::ReplaceCard { card: Some(id) }, now);
                }
            }
            Overlay::Swap { cursor, first } => {
                let Some(name) = self
                    .current_split()
                    .and_then(|s| s.groups.get(cursor.0))
                    .and_then(|g| g.get(cursor.1))
                    .cloned()
                else {
                    return;
                };
                match first {
                    None => {
                        self.overlay = Overlay::Swap {
                            cursor,
                            first: Some(name),
                        }
                    }
                    Some(a) if a == name => {
                        self.overlay = Overlay::Swap {
                            cursor,
                            first: None,
                        }
                    }
                    Some(a) => {
                        self.overlay = Overlay::None;
                        self.command(Command::Swap { a, b: name }, now);
                    }
                }
            }
            _ => {}
        }
    }
}

/// What was typed to insert a block: minutes first, then an optional title ("10 Koffie").
fn parse_insert(text: &str) -> Option<(i64, Option<String>)> {
    let (minutes, title) = text
        .trim()
        .split_once(char::is_whitespace)
        .unwrap_or((text.trim(), ""));
    let minutes = minutes.parse::<i64>().ok().filter(|m| *m > 0)?;
    let title = title.trim();
    Some((minutes, (!title.is_empty()).then(|| title.to_string())))
}

/// Move a list's `cursor` over `len` rows: up, down, Home (first) and End (last).
fn move_in_list(cursor: &mut usize, len: usize, action: &Action) {
    let last = len.saturating_sub(1);
    *cursor = match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => (*cursor + 1).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => *cursor,
    };
}
