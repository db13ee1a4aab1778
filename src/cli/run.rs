//! `regie run` and `regie` without arguments: command-line arguments and entry point.
//! The work itself lives in the pure modules and `tui`; this file only wires it up.

use crate::bundled;
use crate::engine::{Engine, ProgrammeHistory};
use crate::i18n::Lang;
use crate::journal::{self, Journal, LogFolder};
use crate::script::{LoadError, LoadedSession, load_session};
use crate::tui::event_loop::now;
use crate::tui::{App, Choice, Picker, Settings, Theme, ThemeName};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// A session file, or the name of a bundled session (e.g. voorbeeld/kennismaking).
    #[arg(value_name = "SESSION")]
    pub session: String,
    #[command(flatten)]
    pub options: RunOptions,
}

/// How to run a session; also taken by `regie` without a subcommand for the picked session.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RunOptions {
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

/// A session named on the command line: a file if one exists there, else bundled content
/// (`voorbeeld/kennismaking`), else the file's own error (it does not exist).
fn load(name: &str) -> Result<LoadedSession, LoadError> {
    let path = Path::new(name);
    if !path.exists()
        && let Some(bundled) = bundled::find(name)
    {
        return bundled::load(&bundled);
    }
    load_session(path)
}

/// Run a loaded session: open (or resume) its log, then the screen until the facilitator quits.
fn run_loaded(script: LoadedSession, args: &RunArgs) -> ExitCode {
    let log_dir = journal::default_log_dir(args.options.log_dir.clone());
    let settings = Settings {
        theme: Theme::named(args.options.theme),
        lang: args.options.lang.unwrap_or_else(Lang::from_env),
        bell: args.options.bell,
    };
    let folder = journal::scan(&log_dir);
    for error in &folder.errors {
        eprintln!("regie run: skipped a log that cannot be read: {error}");
    }
    let opened = if args.options.resume {
        resume(script, &folder, &log_dir)
    } else {
        start(script, &folder, &log_dir)
    };
    let (engine, journal) = match opened {
        Ok(opened) => opened,
        Err((message, code)) => {
            eprintln!("regie run: {message}");
            return ExitCode::from(code);
        }
    };
    let mut app = App::new(engine, Box::new(journal), settings);
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(error) => {
            eprintln!("regie run: cannot use this terminal: {error}");
            return ExitCode::from(super::FAILURE);
        }
    };
    let result = crate::tui::run_app(&mut terminal, &mut app);
    ratatui::restore();
    if let Some(error) = app.log_error.clone() {
        // Never leave with the record only in memory: put it somewhere that works.
        app.step(crate::tui::keys::Action::SaveElsewhere, now());
        if app.log_error.is_some() {
            let why = match &app.message {
                Some(crate::tui::app::Message::SaveFailed(why)) => why.clone(),
                _ => error,
            };
            // Nowhere to write: the terminal is the last place the record can go.
            eprintln!(
                "regie run: the log could not be written anywhere ({why}); here it is, \
                 save it as a .ron file to keep it:\n{}",
                journal::writer::to_ron(app.engine().log())
            );
            return ExitCode::from(super::FAILURE);
        }
        eprintln!(
            "regie run: the log could not be written ({error}); it was saved in {} instead",
            app.log_place()
        );
    } else if app.engine().is_finished() {
        eprintln!("regie run: the log is in {}", app.log_place());
    } else {
        let dir = match &args.options.log_dir {
            Some(dir) => format!(" --log-dir {}", dir.display()),
            None => String::new(),
        };
        eprintln!(
            "regie run: the log is in {}; continue with: regie run {}{dir} --resume",
            app.log_place(),
            bundled::short_name(&app.engine().script().source)
        );
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
pub fn execute_default(options: RunOptions) -> ExitCode {
    let lang = options.lang.unwrap_or_else(Lang::from_env);
    let theme = Theme::named(options.theme);
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
            options,
        }),
        Ok(None) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("regie: {error}");
            ExitCode::from(super::FAILURE)
        }
    }
}

/// Sessions to pick from: every session file under ./sessions, and the bundled ones that no
/// local file of the same path overrides; the example programme first.
fn choices() -> Vec<Choice> {
    let mut local = Vec::new();
    collect_ron(Path::new("sessions"), &mut local);
    let mut listed: Vec<(PathBuf, Choice)> = local
        .into_iter()
        .filter_map(|path| {
            let session = load_session(&path).ok()?;
            let choice = Choice {
                title: session.session.title,
                source: path.display().to_string(),
            };
            Some((path, choice))
        })
        .collect();
    for path in bundled::session_files() {
        if listed.iter().any(|(p, _)| p == &path) {
            continue;
        }
        if let Ok(session) = bundled::load(&path) {
            let choice = Choice {
                title: session.session.title,
                source: bundled::label(&path),
            };
            listed.push((path, choice));
        }
    }
    listed.sort_by_key(|(path, _)| bundled::listing_order(path));
    listed.into_iter().map(|(_, choice)| choice).collect()
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

/// A fresh run with its new log, written once before the screen opens.
fn start(
    script: LoadedSession,
    folder: &LogFolder,
    log_dir: &Path,
) -> Result<(Engine, Journal), (String, u8)> {
    let now = now();
    let cohort = script.cohort.as_ref().map(|c| c.name.as_str());
    let history = match &script.session.programme {
        Some(programme) => journal::history_before(
            &folder.logs,
            programme,
            cohort,
            now,
            &journal::identity::session_identity(&script.source, Some(programme)),
        ),
        None => ProgrammeHistory::default(),
    };
    let engine = journal::identity::stamp(Engine::new(script, history, now), false);
    let journal = Journal::create(log_dir, engine.log())
        .map_err(|error| (error.to_string(), super::FAILURE))?;
    Ok((engine, journal))
}

/// Continue the newest unfinished log of this session.
fn resume(
    script: LoadedSession,
    folder: &LogFolder,
    log_dir: &Path,
) -> Result<(Engine, Journal), (String, u8)> {
    let identity = journal::identity::session_identity(
        &script.source,
        script.session.programme.as_deref(),
    );
    let Some((path, log)) = journal::find_resumable(&folder.logs, &identity) else {
        return Err((
            format!(
                "--resume: no unfinished log of {} in {}; start without --resume",
                script.source,
                log_dir.display()
            ),
            super::BAD_INPUT,
        ));
    };
    let history = journal::history::history_of(&folder.logs, log);
    let source = script.source.clone();
    let engine = Engine::resume(script, history, log.clone()).map_err(|mismatch| {
        (
            format!(
                "--resume: {} cannot be continued with {source}: {mismatch}; \
                 run it without --resume to start a new log (the old one is kept)",
                path.display()
            ),
            super::BAD_INPUT,
        )
    })?;
    // Take the log's lock only once the log is known to fit.
    let journal = Journal::reopen(path).map_err(|error| (error.to_string(), super::FAILURE))?;
    Ok((engine, journal))
}
