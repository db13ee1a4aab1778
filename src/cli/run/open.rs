//! Which run `regie run` opens: a new one, the session's unfinished one (asked, or `--resume`),
//! or the log file it was given; with the programme's log folder, history and identity.

use super::{RunOptions, say};
use crate::bundled;
use crate::cli::{BAD_INPUT, FAILURE};
use crate::engine::Engine;
use crate::groups::CoursePlan;
use crate::i18n::Lang;
use crate::journal::identity::{self, session_identity};
use crate::journal::writer::{self, Journal};
use crate::journal::{self, LogFolder, SessionLog, Stamp, folder};
use crate::script::{BlockKind, LoadError, LoadedSession, load_session};
use crate::tui::picker::Unfinished;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Why the run cannot start: what to print, and the exit code.
#[derive(Debug)]
pub enum Failure {
    /// A session file with errors: printed as its diagnostic.
    Load(LoadError),
    Said {
        message: String,
        code: u8,
    },
}

fn said(message: String, code: u8) -> Failure {
    Failure::Said { message, code }
}

/// Everything known before the screen opens: nothing has been written yet.
pub struct Prepared {
    pub script: LoadedSession,
    /// The session's identity (see `journal::identity`).
    pub identity: String,
    /// Where this run's log is written: the log folder, or its rehearsal folder.
    pub write_dir: PathBuf,
    pub rehearsal: bool,
    /// The logs of the programme's log folder (the earlier days are read from it).
    pub folder: LogFolder,
    /// The session's unfinished run, when it can be continued with this script.
    pub unfinished: Option<(PathBuf, SessionLog)>,
    /// `--resume`, or a log file was named: continue it without asking.
    pub must_continue: bool,
    /// Logs that could not be read, to mention on stderr.
    pub skipped: Vec<String>,
}

/// Work out what `regie run NAME` means: `NAME` is a session (a file, or bundled content) or a
/// session log (`*.ron` starting with `SessionLog`), whose run it continues.
pub fn prepare(name: &str, options: &RunOptions, lang: Lang) -> Result<Prepared, Failure> {
    let path = Path::new(name);
    if is_log_file(path) {
        return prepare_log(path, options, lang);
    }
    let script = load(name).map_err(Failure::Load)?;
    let programme = script.session.programme.clone();
    let identity = session_identity(&script.source, programme.as_deref());
    let log_dir = folder::programme_log_dir(options.log_dir.clone(), programme.as_deref());
    let write_dir = match options.rehearsal {
        true => folder::rehearsal_dir(&log_dir),
        false => log_dir.clone(),
    };
    let folder = journal::scan(&log_dir);
    // A rehearsal continues rehearsals; a real run continues real runs.
    let found = match options.rehearsal {
        true => journal::find_resumable(&journal::scan(&write_dir).logs, &identity).cloned(),
        false => journal::find_resumable(&folder.logs, &identity).cloned(),
    };
    let skipped = folder
        .errors
        .iter()
        .map(|e| say::skipped_log(lang, e))
        .collect();
    let mut prepared = Prepared {
        script,
        identity,
        write_dir,
        rehearsal: options.rehearsal,
        skipped,
        folder,
        unfinished: None,
        must_continue: options.resume,
    };
    match found {
        Some((path, log)) => match prepared.continued(&log) {
            Ok(_) => {
                refuse_if_running(&path, lang)?;
                prepared.unfinished = Some((path, log));
            }
            Err(why) if options.resume => {
                let source = prepared.script.source.clone();
                return Err(said(
                    say::does_not_fit(lang, &path, &source, &why),
                    BAD_INPUT,
                ));
            }
            // It cannot be continued with the session as it is now: a new run, no question.
            Err(_) => {}
        },
        None if options.resume => {
            return Err(said(
                say::no_unfinished(lang, &prepared.script.source, &prepared.write_dir),
                BAD_INPUT,
            ));
        }
        None => {}
    }
    Ok(prepared)
}

/// `regie run LOG.ron`: continue that run with the session it names.
fn prepare_log(path: &Path, options: &RunOptions, lang: Lang) -> Result<Prepared, Failure> {
    let log =
        journal::read_log(path).map_err(|e| said(say::log_unreadable(lang, &e), BAD_INPUT))?;
    if log.finished.is_some() {
        return Err(said(say::log_finished(lang, path), BAD_INPUT));
    }
    let script = session_of(&log)
        .ok_or_else(|| {
            said(
                say::session_not_found(lang, path, &log.session.file),
                BAD_INPUT,
            )
        })?
        .map_err(Failure::Load)?;
    let write_dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
    let write_dir = if write_dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        write_dir
    };
    let rehearsal = log.session.identity.rehearsal || options.rehearsal;
    let log_dir = match write_dir.parent() {
        Some(parent) if rehearsal && write_dir.ends_with("rehearsal") => parent.to_path_buf(),
        _ => write_dir.clone(),
    };
    // The earlier days: beside the log, and in the programme's own folder (a log saved
    // elsewhere after a failed write still knows who met whom on earlier days).
    let programme = log.session.programme.as_deref();
    let home = folder::programme_log_dir(options.log_dir.clone(), programme);
    let folder = days_in(&[log_dir, home]);
    let skipped = folder
        .errors
        .iter()
        .map(|e| say::skipped_log(lang, e))
        .collect();
    let prepared = Prepared {
        identity: identity::of_log(&log),
        script,
        write_dir,
        rehearsal,
        skipped,
        folder,
        unfinished: None,
        must_continue: true,
    };
    if let Err(why) = prepared.continued(&log) {
        let source = prepared.script.source.clone();
        return Err(said(
            say::does_not_fit(lang, path, &source, &why),
            BAD_INPUT,
        ));
    }
    refuse_if_running(path, lang)?;
    Ok(Prepared {
        unfinished: Some((path.to_path_buf(), log)),
        ..prepared
    })
}

impl Prepared {
    /// A new run, opening now.
    pub fn fresh(&self, now: Stamp) -> Engine {
        let mut history = match &self.script.session.programme {
            Some(programme) => journal::history_before(
                &self.folder.logs,
                programme,
                self.script.cohort.as_ref().map(|c| c.name.as_str()),
                now,
                &self.identity,
            ),
            None => crate::engine::ProgrammeHistory::default(),
        };
        history.plans = course_plans(&self.script);
        let engine = Engine::new(self.script.clone(), history, now);
        identity::stamp(engine, self.rehearsal)
    }

    /// The run of `log` continued (no longer marked abandoned, if it was), or why it does not
    /// fit the session as it is now.
    pub fn continued(&self, log: &SessionLog) -> Result<Engine, crate::engine::Mismatch> {
        let mut history = journal::history::history_of(&self.folder.logs, log);
        history.plans = course_plans(&self.script);
        let mut log = log.clone();
        log.session.identity.abandoned = None;
        let engine = Engine::resume(self.script.clone(), history, log)?;
        Ok(identity::stamp(engine, self.rehearsal))
    }

    /// Create the log of a new run (the folder is made if needed).
    pub fn create(&self, engine: &Engine, lang: Lang) -> Result<Journal, Failure> {
        Journal::create(&self.write_dir, engine.log())
            .map(|journal| journal.speaking(lang))
            .map_err(|e| said(e.message(lang), FAILURE))
    }

    /// Make sure the folder for this run's log can be made, before the terminal is touched.
    pub fn check_folder(&self, lang: Lang) -> Result<(), Failure> {
        writer::ensure_folder(&self.write_dir).map_err(|e| said(e.message(lang), FAILURE))
    }
}

/// The course plans the session's Breakout blocks name (`plan:`, relative to the session file),
/// each read and parsed, or why not (the runner then splits with the solver and says so).
fn course_plans(
    script: &LoadedSession,
) -> std::collections::BTreeMap<String, Result<CoursePlan, String>> {
    let folder = Path::new(&script.source)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    script
        .session
        .blocks
        .iter()
        .filter_map(|block| match &block.kind {
            BlockKind::Breakout {
                plan: Some(plan), ..
            } => Some(plan.clone()),
            _ => None,
        })
        .map(|plan| {
            let path = folder.join(&plan);
            let read = std::fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|text| CoursePlan::parse(&text))
                .map_err(|why| format!("{}: {why}", path.display()));
            (plan, read)
        })
        .collect()
}

/// The logs of `dirs` together, each file once (oldest first), and what could not be read.
fn days_in(dirs: &[PathBuf]) -> LogFolder {
    let mut all = LogFolder::default();
    let mut seen = std::collections::BTreeSet::new();
    for dir in dirs {
        let key = dir.canonicalize().unwrap_or_else(|_| dir.clone());
        if !seen.insert(key) {
            continue;
        }
        let folder = journal::scan(dir);
        all.logs.extend(folder.logs);
        all.errors.extend(folder.errors);
    }
    folder::sort_oldest_first(&mut all.logs);
    all
}

/// Take over the log at `path` for the run being continued.
pub fn reopen(path: &Path, lang: Lang) -> Result<Journal, Failure> {
    Journal::reopen(path)
        .map(|journal| journal.speaking(lang))
        .map_err(|e| said(e.message(lang), FAILURE))
}

/// Mark the run at `path` abandoned: a new run of its session starts instead.
pub fn abandon(path: &Path, log: &SessionLog, now: Stamp, lang: Lang) -> Result<(), Failure> {
    writer::abandon(path, log, now)
        .map_err(|e| said(say::not_abandoned(lang, path, &e.message(lang)), FAILURE))
}

/// Whether stdin and stdout are a terminal: without one no run starts and no log is made.
pub fn has_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// What the picker and the question show of an unfinished run.
pub fn unfinished(path: &Path, log: &SessionLog) -> Unfinished {
    Unfinished {
        created: log.created,
        block: log.current,
        blocks: log.blocks.len(),
        block_title: log
            .blocks
            .get(log.current)
            .map(|b| b.title.clone())
            .unwrap_or_default(),
        log: path.display().to_string(),
    }
}

fn refuse_if_running(path: &Path, lang: Lang) -> Result<(), Failure> {
    if writer::is_in_use(path) {
        let error = journal::JournalError::InUse {
            path: path.to_path_buf(),
        };
        return Err(said(error.message(lang), FAILURE));
    }
    Ok(())
}

/// A session named on the command line: a file if one exists there, else bundled content
/// (`voorbeeld/kennismaking`), else the file's own error (it does not exist).
pub fn load(name: &str) -> Result<LoadedSession, LoadError> {
    let path = Path::new(name);
    if !path.exists()
        && let Some(bundled) = bundled::find(name)
    {
        return bundled::load(&bundled);
    }
    load_session(path)
}

/// The session a log was recorded with, found the way it was named: the file as named (from
/// here), where the file was when the run began, `sessions/<identity>` here, then bundled
/// content. `None` when none of them exists.
fn session_of(log: &SessionLog) -> Option<Result<LoadedSession, LoadError>> {
    let file = &log.session.file;
    let identity = identity::of_log(log);
    let mut names = vec![file.clone(), log.session.identity.path.clone()];
    if identity.starts_with('/') {
        names.push(identity.clone());
    }
    if log.session.programme.is_some() {
        names.push(format!("sessions/{identity}"));
    }
    for name in &names {
        if Path::new(name).is_file() {
            let loaded = load_session(Path::new(name));
            if loaded.as_ref().is_ok_and(|s| fits_identity(s, &identity)) {
                return Some(loaded);
            }
        }
    }
    let bundled = bundled::find(bundled::short_name(file))
        .or_else(|| bundled::find(&format!("sessions/{identity}")))?;
    Some(bundled::load(&bundled))
}

fn fits_identity(script: &LoadedSession, identity: &str) -> bool {
    session_identity(&script.source, script.session.programme.as_deref()) == identity
}

/// Whether `path` is a session log: a file whose RON starts with `SessionLog(`.
fn is_log_file(path: &Path) -> bool {
    use std::io::Read;
    if path.extension().is_none_or(|e| e != "ron") || !path.is_file() {
        return false;
    }
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    if read.is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    match crate::script::kind::top_level(&text) {
        crate::script::kind::TopLevel::Other(at) => text[at..].starts_with("SessionLog"),
        _ => false,
    }
}
