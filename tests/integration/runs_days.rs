//! Which runs count as days (`journal::days`), by property: one day per session, the run with
//! the most activity; and any sequence of start / quit / kill / restart / resume over one
//! session, done as `regie run` does it, keeps every recorded action and yields one day.

use crate::support;

use proptest::prelude::*;
use regie::engine::{Command, Engine};
use regie::journal::days::{self, Standing};
use regie::journal::identity::{self, session_identity};
use regie::journal::record::{Note, SessionLog};
use regie::journal::writer::{self, Journal};
use regie::journal::{self, Recorder, Stamp};
use std::path::Path;
use support::fixtures::{fresh_log, script};

/// A run of session `session` made at minute `minute`, with `notes` notes typed (0: nothing
/// started), maybe a rehearsal.
fn run(session: usize, minute: i64, notes: usize, rehearsal: bool) -> SessionLog {
    let mut log = fresh_log();
    log.session.identity.session = format!("proef/dag-{session}.ron");
    log.session.identity.rehearsal = rehearsal;
    log.created += chrono::Duration::minutes(minute);
    for n in 0..notes {
        log.blocks[0].notes.push(Note {
            at: log.created,
            text: format!("notitie {n}"),
        });
    }
    log
}

fn runs() -> impl Strategy<Value = Vec<SessionLog>> {
    prop::collection::vec((0..4usize, 0..5usize, prop::bool::weighted(0.2)), 0..12).prop_map(
        |specs| {
            specs
                .into_iter()
                .enumerate()
                .map(|(i, (s, notes, rehearsal))| run(s, i as i64, notes, rehearsal))
                .collect()
        },
    )
}

proptest! {
    #![proptest_config(support::props::config(256))]

    #[test]
    fn each_session_that_was_under_way_is_one_day_its_busiest_run(logs in runs()) {
        let standings = days::standings(&logs);
        for session in 0..4 {
            let key = format!("proef/dag-{session}.ron");
            let of: Vec<usize> = (0..logs.len())
                .filter(|&i| logs[i].session.identity.session == key)
                .collect();
            let counted: Vec<usize> =
                of.iter().copied().filter(|&i| standings[i] == Standing::Day).collect();
            let candidates: Vec<usize> = of
                .iter()
                .copied()
                .filter(|&i| !logs[i].session.identity.rehearsal && days::was_started(&logs[i]))
                .collect();
            prop_assert_eq!(counted.len(), usize::from(!candidates.is_empty()));
            if let [day] = counted[..] {
                let most = candidates.iter().map(|&i| days::activity(&logs[i])).max();
                prop_assert_eq!(Some(days::activity(&logs[day])), most);
            }
        }
        for (log, standing) in logs.iter().zip(&standings) {
            if log.session.identity.rehearsal {
                prop_assert_eq!(*standing, Standing::Rehearsal);
            } else if !days::was_started(log) {
                prop_assert_eq!(*standing, Standing::NotStarted);
            }
        }
    }

    #[test]
    fn the_days_do_not_depend_on_the_order_the_logs_were_read(
        logs in runs(),
        seed in any::<u64>(),
    ) {
        let mut shuffled: Vec<SessionLog> = logs.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            shuffled.swap(i, (seed as usize).wrapping_mul(i + 7) % (i + 1));
        }
        let mut a: Vec<Stamp> = days::days(&logs).iter().map(|l| l.created).collect();
        let mut b: Vec<Stamp> = days::days(&shuffled).iter().map(|l| l.created).collect();
        a.sort();
        b.sort();
        prop_assert_eq!(a, b);
    }
}

#[test]
fn a_run_with_only_evaluation_forms_typed_is_a_day() {
    use regie::engine::forms::FormInput;
    let mut engine = crate::eval_fixture::engine();
    let before = days::activity(engine.log());
    let form = FormInput {
        grade: Some(8),
        top: None,
        tip: None,
        answers: vec![],
    };
    engine
        .apply(Command::PaperForm { form }, crate::eval_fixture::opened())
        .expect("a paper form");
    assert_eq!(days::activity(engine.log()), before + 1);
    // Forms alone (no clock started, no block left) make the run a day; without them it is not.
    let mut log = engine.log().clone();
    for block in &mut log.blocks {
        block.runs.clear();
        block.ended = None;
    }
    assert!(days::was_started(&log));
    for block in &mut log.blocks {
        if let Some(evaluation) = &mut block.evaluation {
            evaluation.forms.clear();
        }
    }
    assert!(!days::was_started(&log));
}

#[test]
fn a_run_opened_and_closed_again_is_not_a_day_and_a_rehearsal_never_is() {
    let logs = [run(1, 0, 0, false), run(2, 1, 3, true), run(3, 2, 1, false)];
    assert_eq!(
        days::standings(&logs),
        [Standing::NotStarted, Standing::Rehearsal, Standing::Day]
    );
}

#[test]
fn an_abandoned_run_with_the_day_in_it_still_counts_over_an_empty_new_start() {
    let mut old = run(1, 0, 4, false);
    let at = old.created;
    identity::abandon(&mut old, at);
    let mut new = run(1, 5, 0, false);
    new.blocks[0].runs.push(regie::journal::record::Run {
        from: new.created,
        to: None,
    });
    assert_eq!(
        days::standings([&old, &new]),
        [Standing::Day, Standing::Abandoned]
    );
}

/// What the facilitator does to the one session.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// `regie run dag`: continues an unfinished run (the question's default), else a new one.
    Start,
    /// `regie run dag` and "start anew": the unfinished run is marked abandoned.
    Restart,
    /// `regie run dag --resume`: continues, or is refused when there is nothing to continue.
    Resume,
    /// Type a note (a recorded action, written at once).
    Note,
    /// `q` `y`.
    Quit,
    /// Power cut: the lock file stays behind, and maybe a half-written temporary copy.
    Kill { torn: bool },
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        prop_oneof![
            2 => Just(Step::Start),
            1 => Just(Step::Restart),
            1 => Just(Step::Resume),
            5 => Just(Step::Note),
            1 => Just(Step::Quit),
            1 => any::<bool>().prop_map(|torn| Step::Kill { torn }),
        ],
        0..24,
    )
}

/// The runner's side, as `regie run` opens runs (cli/run/open.rs) with the journal's functions.
struct Room {
    dir: tempfile::TempDir,
    live: Option<(Engine, Journal)>,
    clock: Stamp,
    typed: Vec<String>,
    restarted: bool,
}

impl Room {
    fn new() -> Room {
        Room {
            dir: tempfile::tempdir().expect("temp dir"),
            live: None,
            clock: fresh_log().created,
            typed: Vec::new(),
            restarted: false,
        }
    }

    fn tick(&mut self) -> Stamp {
        self.clock += chrono::Duration::seconds(61);
        self.clock
    }

    fn open(&mut self, step: Step) {
        if self.live.is_some() {
            return; // a second runner on the same log is refused; nothing changes
        }
        let now = self.tick();
        let script = script();
        let key = session_identity(&script.source, script.session.programme.as_deref());
        let folder = journal::scan(self.dir.path());
        let found = journal::find_resumable(&folder.logs, &key).cloned();
        let history = regie::engine::ProgrammeHistory::default();
        match (found, step) {
            (Some((path, log)), Step::Start | Step::Resume) => {
                let engine = Engine::resume(script, history, log).expect("its own log fits");
                let journal = Journal::reopen(&path).expect("nobody else holds it");
                self.live = Some((identity::stamp(engine, false), journal));
            }
            (None, Step::Resume) => {}
            (found, _) => {
                if let Some((path, log)) = found {
                    writer::abandon(&path, &log, now).expect("mark abandoned");
                    self.restarted = true;
                }
                let engine = identity::stamp(Engine::new(script, history, now), false);
                let journal = Journal::create(self.dir.path(), engine.log()).expect("create");
                self.live = Some((engine, journal));
            }
        }
        if self.live.is_some() {
            assert!(leftovers(self.dir.path()).is_empty(), "leftovers cleaned");
        }
    }

    fn step(&mut self, step: Step) {
        match step {
            Step::Start | Step::Restart | Step::Resume => self.open(step),
            Step::Note => {
                let now = self.tick();
                let text = format!("actie {}", self.typed.len());
                if let Some((engine, journal)) = &mut self.live {
                    let command = Command::Note { text: text.clone() };
                    engine.apply(command, now).expect("a note is always taken");
                    journal.write(engine.log()).expect("written");
                    self.typed.push(text);
                }
            }
            Step::Quit => self.live = None,
            Step::Kill { torn } => {
                if let Some((_, journal)) = self.live.take() {
                    let path = journal.path().to_path_buf();
                    drop(journal);
                    let name = path.file_name().expect("a name").to_string_lossy();
                    // A killed runner leaves its lock file (unlocked: the process is gone) ...
                    std::fs::write(path.with_file_name(format!(".{name}.lock")), "")
                        .expect("stale lock");
                    // ... and, cut off mid-write, the atomic writer's temporary copy.
                    if torn {
                        std::fs::write(path.with_file_name(format!(".{name}.Xy12ab")), "Sess")
                            .expect("torn copy");
                    }
                }
            }
        }
    }
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with('.') && !n.ends_with(".lock"))
                .collect()
        })
        .unwrap_or_default()
}

fn notes(log: &SessionLog) -> Vec<String> {
    log.blocks
        .iter()
        .flat_map(|b| b.notes.iter().chain(b.cards.iter().flat_map(|c| &c.notes)))
        .map(|n| n.text.clone())
        .collect()
}

proptest! {
    #![proptest_config(support::props::config(64))]

    #[test]
    fn any_sequence_of_starts_kills_and_resumes_keeps_every_action_and_is_one_day(
        steps in steps(),
    ) {
        let mut room = Room::new();
        for step in &steps {
            room.step(*step);
        }
        room.live = None;
        let folder = journal::scan(room.dir.path());
        prop_assert!(folder.errors.is_empty(), "{:?}", folder.errors);
        let logs: Vec<&SessionLog> = folder.sessions().collect();
        // Every action typed is in exactly one log on disk.
        let mut kept: Vec<String> = logs.iter().flat_map(|l| notes(l)).collect();
        kept.sort();
        let mut typed = room.typed.clone();
        typed.sort();
        prop_assert_eq!(&kept, &typed);
        // One day when anything was recorded, none otherwise; it is the busiest run.
        let counted = days::days(logs.iter().copied());
        prop_assert_eq!(counted.len(), usize::from(!typed.is_empty()));
        if let [day] = counted[..] {
            let most = logs.iter().map(|l| notes(l).len()).max().unwrap_or(0);
            prop_assert_eq!(notes(day).len(), most);
            if !room.restarted {
                // Without "start anew" the day holds every action.
                prop_assert_eq!(notes(day).len(), typed.len());
            }
        }
    }
}

#[test]
fn the_same_session_with_another_cohort_is_another_groups_day() {
    let spring = run(1, 0, 2, false);
    let mut autumn = run(1, 1, 1, false);
    autumn.session.cohort = Some("Voorjaar 2027".into());
    assert_eq!(
        days::standings([&spring, &autumn]),
        [Standing::Day, Standing::Day]
    );
}
