//! `regie run` and `regie` without arguments: command-line arguments and entry point.
//! The work itself lives in the pure modules and `tui`; this file only wires it up.

use crate::engine::{Engine, ProgrammeHistory};
use crate::i18n::Lang;
use crate::journal::record::SessionLog;
use crate::script::{LoadError, LoadedSession, load_session};
use crate::tui::event_loop::now;
use crate::tui::{App, Choice, Picker, Recorder, Settings, Theme, ThemeName};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// A session file, or the name of a bundled session (e.g. voorbeeld/kennismaking).
    #[arg(value_name = "SESSION")]
    pub session: String,
    /// Folder for session logs [default: $REGIE_LOG_DIR, else ./logs]. Shown on screen.
    #[arg(long, value_name = "DIR")]
    pub log_dir: Option<PathBuf>,
    /// Continue the newest unfinished log of this session in the log folder.
    #[arg(long)]
    pub resume: bool,
    /// Colours: dark, light (for projectors that wash dark screens out) or high contrast.
    #[arg(long, value_enum, default_value_t = ThemeName::Dark)]
    pub theme: ThemeName,
    /// Interface language [default: from LC_ALL/LC_MESSAGES/LANG, Dutch when unset].
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Ring the terminal bell when a block reaches zero.
    #[arg(long)]
    pub bell: bool,
}

pub fn execute(args: RunArgs) -> ExitCode {
    let script = match load(&args.session) {
        Ok(script) => script,
        Err(error) => {
            eprintln!("{}", error.render_styled(std::io::stderr().is_terminal()));
            return ExitCode::from(error.exit_code());
        }
    };
    run_loaded(script, &args)
}

/// A session named on the command line: a file if one exists there, else bundled content.
fn load(name: &str) -> Result<LoadedSession, LoadError> {
    // TODO(bundled): fall back to `crate::bundled::load_bundled(name)` once it is on main.
    load_session(Path::new(name))
}

/// Run a loaded session: open (or resume) its log, then the screen until the facilitator quits.
fn run_loaded(script: LoadedSession, args: &RunArgs) -> ExitCode {
    let log_dir = log_dir(args.log_dir.clone());
    let settings = Settings {
        theme: Theme::named(args.theme),
        lang: args.lang.unwrap_or_else(Lang::from_env),
        bell: args.bell,
    };
    let logs = read_logs(&log_dir);
    let (engine, recorder) = if args.resume {
        match resumable(&logs, &script) {
            Some((path, log)) => (
                Engine::resume(script, history(&logs, log), log.clone()),
                FileRecorder::at(path, log_dir.clone()),
            ),
            None => {
                eprintln!(
                    "regie run --resume: no unfinished log of {} in {}; start without --resume",
                    script.source,
                    log_dir.display()
                );
                return ExitCode::from(super::BAD_INPUT);
            }
        }
    } else {
        let now = now();
        let cohort = script.cohort.as_ref().map(|c| c.name.as_str());
        let history = match &script.session.programme {
            Some(programme) => history_of(&logs, programme, cohort, now),
            None => ProgrammeHistory::default(),
        };
        let engine = Engine::new(script, history, now);
        let recorder = FileRecorder::new(log_dir.clone(), engine.log());
        (engine, recorder)
    };
    let mut app = App::new(engine, Box::new(recorder), settings);
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(error) => {
            eprintln!("regie run: cannot use this terminal: {error}");
            return ExitCode::from(super::FAILURE);
        }
    };
    let result = crate::tui::run_app(&mut terminal, &mut app);
    ratatui::restore();
    if let Some(error) = &app.log_error {
        eprintln!("regie run: the last log write failed: {error}");
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("regie run: {error}");
            ExitCode::from(super::FAILURE)
        }
    }
}

/// `regie` with no arguments: pick a session, then run it.
pub fn execute_default() -> ExitCode {
    let lang = Lang::from_env();
    let theme = Theme::named(ThemeName::Dark);
    let mut picker = Picker::new(choices());
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(error) => {
            eprintln!("regie: cannot use this terminal: {error}");
            return ExitCode::from(super::FAILURE);
        }
    };
    let picked = crate::tui::pick_session(&mut terminal, &mut picker, &theme, lang);
    ratatui::restore();
    match picked {
        Ok(Some(choice)) => execute(RunArgs {
            session: choice.source,
            log_dir: None,
            resume: false,
            theme: ThemeName::Dark,
            lang: None,
            bell: false,
        }),
        Ok(None) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("regie: {error}");
            ExitCode::from(super::FAILURE)
        }
    }
}

/// Sessions to pick from: bundled ones, then every session file under ./sessions.
fn choices() -> Vec<Choice> {
    // TODO(bundled): prepend `crate::bundled::sessions()` once it is on main.
    let mut files = Vec::new();
    collect_ron(Path::new("sessions"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let session = load_session(&path).ok()?;
            Some(Choice {
                title: session.session.title,
                source: path.display().to_string(),
            })
        })
        .collect()
}

fn collect_ron(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_ron(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

// ---- Interim log handling until the journal lands on main --------------------------------
// TODO(journal): replace `log_dir`, `read_logs`, `resumable`, `history_of` and `FileRecorder`
// with `journal::default_log_dir`, `find_resumable`, `history` and `Journal`.

fn log_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| std::env::var_os("REGIE_LOG_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("logs"))
}

/// Every session log in `dir` that can be read, oldest first.
fn read_logs(dir: &Path) -> Vec<(PathBuf, SessionLog)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut logs: Vec<(PathBuf, SessionLog)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let log: SessionLog = ron::from_str(&text).ok()?;
            Some((p, log))
        })
        .collect();
    logs.sort_by_key(|(_, log)| log.created);
    logs
}

/// The newest unfinished log of `script`.
fn resumable<'a>(
    logs: &'a [(PathBuf, SessionLog)],
    script: &LoadedSession,
) -> Option<(PathBuf, &'a SessionLog)> {
    logs.iter()
        .rev()
        .find(|(_, log)| log.finished.is_none() && log.session.file == script.source)
        .map(|(path, log)| (path.clone(), log))
}

/// The history a resumed run was started with: the runs of its programme before it.
fn history(logs: &[(PathBuf, SessionLog)], log: &SessionLog) -> ProgrammeHistory {
    match &log.session.programme {
        Some(programme) => history_of(logs, programme, log.session.cohort.as_deref(), log.created),
        None => ProgrammeHistory::default(),
    }
}

/// Cards played and groups split in runs of `programme` with `cohort` created before `before`.
fn history_of(
    logs: &[(PathBuf, SessionLog)],
    programme: &str,
    cohort: Option<&str>,
    before: crate::journal::record::Stamp,
) -> ProgrammeHistory {
    let mut history = ProgrammeHistory::default();
    for (_, log) in logs {
        let same = log.session.programme.as_deref() == Some(programme)
            && log.session.cohort.as_deref() == cohort;
        if !same || log.created >= before {
            continue;
        }
        for block in &log.blocks {
            for card in &block.cards {
                history
                    .played_cards
                    .insert((card.deck.clone(), card.card.clone()));
            }
            if let Some(split) = block.splits.last() {
                history.splits.push(split.groups.clone());
            }
        }
    }
    history
}

struct FileRecorder {
    path: PathBuf,
    dir: PathBuf,
}

impl FileRecorder {
    fn new(dir: PathBuf, log: &SessionLog) -> FileRecorder {
        let slug: String = Path::new(&log.session.file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "sessie".to_string());
        let name = format!("{}-{slug}.ron", log.created.format("%Y-%m-%d-%H%M%S"));
        FileRecorder {
            path: dir.join(name),
            dir,
        }
    }

    fn at(path: PathBuf, dir: PathBuf) -> FileRecorder {
        FileRecorder { path, dir }
    }
}

impl Recorder for FileRecorder {
    fn write(&mut self, log: &SessionLog) -> Result<(), String> {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::create_dir_all(&self.dir).map_err(|e| e.to_string())?;
        let text = ron::ser::to_string_pretty(log, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        let mut options = atomic_write_file::OpenOptions::new();
        options.mode(0o600);
        let mut file = options.open(&self.path).map_err(|e| e.to_string())?;
        file.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
        file.commit().map_err(|e| e.to_string())
    }

    fn place(&self) -> String {
        self.dir.display().to_string()
    }

    fn save_elsewhere(&mut self, log: &SessionLog) -> Result<String, String> {
        let home = std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default();
        let dir = home.join("regie-logs");
        let name = self.path.file_name().map(PathBuf::from).unwrap_or_default();
        let mut other = FileRecorder::at(dir.join(name), dir);
        other.write(log)?;
        *self = other;
        Ok(self.place())
    }
}
