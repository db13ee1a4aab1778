//! `regie run` and `regie` without arguments: command-line arguments, the terminal's lifetime
//! and the exit message. Which run to open is decided in `open`; the words are in `say`.

mod choices;
mod open;
mod say;

use crate::cli::print;
use crate::engine::Engine;
use crate::i18n::Lang;
use crate::journal::Journal;
use crate::tui::event_loop::{ask_resume, now};
use crate::tui::picker::{Answer, Question};
use crate::tui::{App, Picker, Settings, Theme, ThemeName};
use open::{Failure, Prepared};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// A session file, the name of a bundled session (e.g. voorbeeld/kennismaking), or a
    /// session log (LOG.ron) whose run to continue.
    #[arg(value_name = "SESSION|LOG")]
    pub session: String,
    #[command(flatten)]
    pub options: RunOptions,
}

/// How to run a session; also taken by `regie` without a subcommand for the picked session.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RunOptions {
    /// Folder for session logs [default: $REGIE_LOG_DIR, else one folder per programme:
    /// $XDG_DATA_HOME/regie/logs/<programme>, or ~/.local/share/regie/logs/<programme>].
    /// Shown on screen.
    #[arg(long, value_name = "DIR")]
    pub log_dir: Option<PathBuf>,
    /// Continue the newest unfinished run of this session without asking (without it, regie
    /// asks whether to continue an unfinished run or start anew).
    #[arg(long)]
    pub resume: bool,
    /// Try the session out: recorded in <log folder>/rehearsal, never counted as a day in
    /// reports or in the history of later days.
    #[arg(long)]
    pub rehearsal: bool,
    /// Colours: dark, light (for projectors that wash dark screens out) or high contrast.
    #[arg(long, value_enum, default_value_t = ThemeName::Dark)]
    pub theme: ThemeName,
    /// Interface language [default: from LC_ALL/LC_MESSAGES/LANG, Dutch when unset].
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Ring the terminal bell when a block reaches zero.
    #[arg(long)]
    pub bell: bool,
    /// Open the room: phones vote and a browser shows /room over the local network (j shows
    /// the join screen). Without it nothing listens.
    #[arg(long)]
    pub room: bool,
    /// Where the room listens [default: this laptop's network address, port 7878 or the next
    /// free one].
    #[arg(long, value_name = "IP:PORT", requires = "room")]
    pub room_addr: Option<std::net::SocketAddr>,
    /// Also serve a remote for the facilitator (next, pause, +1 minute, reveal) at a secret
    /// address shown only in the notes panel (o). Whoever has that address controls the session.
    #[arg(long, requires = "room")]
    pub remote: bool,
}

pub fn execute(args: RunArgs) -> ExitCode {
    let lang = args.options.lang.unwrap_or_else(Lang::from_env);
    let prepared = match open::prepare(&args.session, &args.options, lang) {
        Ok(prepared) => prepared,
        Err(failure) => {
            let missing = matches!(failure, Failure::Load(_))
                && !std::path::Path::new(&args.session).exists();
            let code = fail(failure, lang);
            let names = crate::bundled::closest_names(&args.session);
            if missing && !names.is_empty() {
                print::stderr_line(&say::prefixed(&say::did_you_mean(lang, &names)));
            }
            return code;
        }
    };
    for skipped in &prepared.skipped {
        print::stderr_line(&say::prefixed(skipped));
    }
    run_prepared(&prepared, &args.options, lang)
}

/// Print why the run did not start, in `lang`; its exit code.
fn fail(failure: Failure, lang: Lang) -> ExitCode {
    match failure {
        Failure::Load(error) => {
            print::stderr_line(&error.render_in(std::io::stderr().is_terminal(), lang));
            ExitCode::from(error.exit_code())
        }
        Failure::Said { message, code } => {
            print::stderr_line(&say::prefixed(&message));
            ExitCode::from(code)
        }
    }
}

/// room: with `--room`, open the session's room (the join screen, key j, says where).
fn open_room(
    app: &mut App,
    options: &RunOptions,
    inbox: &crate::tui::event_loop::Inbox,
) -> Result<Option<crate::room::Room>, Failure> {
    if !options.room {
        return Ok(None);
    }
    let config = crate::room::RoomConfig {
        addr: options.room_addr,
        limits: crate::room::Limits::default(),
        lang: app.settings.lang,
        remote: options.remote,
    };
    crate::tui::event_loop::open_room(app, config, inbox)
        .map(Some)
        .map_err(|error| Failure::Said {
            message: format!("--room: {error}"),
            code: match options.room_addr {
                Some(_) => super::BAD_INPUT,
                None => super::FAILURE,
            },
        })
}

/// Open the run (asking first when the session has an unfinished one), then the screen until
/// the facilitator quits. Nothing is written before the terminal is known to work.
fn run_prepared(prepared: &Prepared, options: &RunOptions, lang: Lang) -> ExitCode {
    if let Err(failure) = prepared.check_folder(lang) {
        return fail(failure, lang);
    }
    if !open::has_terminal() {
        return fail(
            Failure::Said {
                message: say::no_terminal(lang),
                code: super::FAILURE,
            },
            lang,
        );
    }
    let settings = Settings {
        theme: Theme::named(options.theme),
        lang,
        bell: options.bell,
    };
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(error) => {
            return fail(
                Failure::Said {
                    message: say::cannot_use_terminal(lang, &error),
                    code: super::FAILURE,
                },
                lang,
            );
        }
    };
    let opened = match open_run(&mut terminal, prepared, &settings) {
        Ok(Some(opened)) => opened,
        Ok(None) => {
            ratatui::restore();
            return ExitCode::SUCCESS;
        }
        Err(failure) => {
            ratatui::restore();
            return fail(failure, lang);
        }
    };
    let (engine, journal) = opened;
    let watch = crate::tui::reload::Watch::new(engine.script());
    let mut app = App::new(engine, Box::new(journal), settings);
    // Hot reload: a changed session file is taken at the next block boundary (not bundled).
    if let Some(watch) = watch {
        app.watch_script(watch);
    }
    // room: with --room, open the room; a bad address is a plain message and exit code 2.
    let inbox = crate::tui::event_loop::Inbox::default();
    let room = match open_room(&mut app, options, &inbox) {
        Ok(room) => room,
        Err(failure) => {
            ratatui::restore();
            return fail(failure, lang);
        }
    };
    let result = crate::tui::event_loop::run_with(&mut terminal, &mut app, inbox, room);
    ratatui::restore();
    let code = say_goodbye(&mut app, lang);
    match result {
        Ok(()) => code,
        Err(error) => {
            print::stderr_line(&say::prefixed(&error.to_string()));
            ExitCode::from(super::FAILURE)
        }
    }
}

/// The engine and log of the run to show: the unfinished one (continued when asked for, or
/// when the facilitator chooses it) or a new one. `None`: the facilitator left at the question.
fn open_run(
    terminal: &mut ratatui::DefaultTerminal,
    prepared: &Prepared,
    settings: &Settings,
) -> Result<Option<(Engine, Journal)>, Failure> {
    let lang = settings.lang;
    let Some((path, log)) = &prepared.unfinished else {
        let engine = prepared.fresh(now());
        let journal = prepared.create(&engine, lang)?;
        return Ok(Some((engine, journal)));
    };
    let answer = if prepared.must_continue {
        Answer::Continue
    } else {
        let title = prepared.script.session.title.clone();
        let mut question = Question::new(title, open::unfinished(path, log));
        match ask_resume(terminal, &mut question, &settings.theme, lang) {
            Ok(Some(answer)) => answer,
            Ok(None) => return Ok(None),
            Err(error) => {
                return Err(Failure::Said {
                    message: say::cannot_use_terminal(lang, &error),
                    code: super::FAILURE,
                });
            }
        }
    };
    match answer {
        Answer::Continue => {
            let engine = prepared.continued(log).map_err(|why| Failure::Said {
                message: say::does_not_fit(lang, path, &prepared.script.source, &why),
                code: super::BAD_INPUT,
            })?;
            // Take the log's lock only once the log is known to fit.
            let journal = open::reopen(path, lang)?;
            Ok(Some((engine, journal)))
        }
        Answer::StartAnew => {
            // The new log first: if it cannot be made, the old run stays one to continue.
            let at = now();
            let engine = prepared.fresh(at);
            let journal = prepared.create(&engine, lang)?;
            open::abandon(path, log, at, lang)?;
            Ok(Some((engine, journal)))
        }
    }
}

/// After the screen closed: make sure the record is on disk somewhere, and say where it is
/// and how to continue; the exit code.
fn say_goodbye(app: &mut App, lang: Lang) -> ExitCode {
    if let Some(error) = app.log_error.clone() {
        // Never leave with the record only in memory: put it somewhere that works.
        app.step(crate::tui::keys::Action::SaveElsewhere, now());
        if app.log_error.is_some() {
            let why = match &app.message {
                Some(crate::tui::app::Message::SaveFailed(why)) => why.clone(),
                _ => error,
            };
            // Nowhere to write: the terminal is the last place the record can go.
            let ron = crate::journal::writer::to_ron(app.engine().log());
            print::stderr_line(&say::prefixed(&say::nowhere(lang, &why, &ron)));
            return ExitCode::from(super::FAILURE);
        }
        let place = shown_place(app);
        print::stderr_line(&say::prefixed(&say::saved_instead(lang, &error, &place)));
        if !app.engine().is_finished() {
            print::stderr_line(&say::prefixed(&say::continue_with(lang, &place)));
        }
    } else if app.engine().is_finished() {
        print::stderr_line(&say::prefixed(&say::log_is_in(lang, &shown_place(app))));
    } else {
        // After `s` the log is where it was saved last: the hint names that file itself.
        print::stderr_line(&say::prefixed(&say::continue_with(lang, &shown_place(app))));
    }
    ExitCode::SUCCESS
}

/// The log's place as an absolute path, so the hint works from any folder.
fn shown_place(app: &App) -> String {
    let place = app.log_place();
    std::fs::canonicalize(&place)
        .map(|p| p.display().to_string())
        .unwrap_or(place)
}

/// `regie` with no arguments: pick a session, then run it.
pub fn execute_default(options: RunOptions) -> ExitCode {
    let lang = options.lang.unwrap_or_else(Lang::from_env);
    let theme = Theme::named(options.theme);
    if !open::has_terminal() {
        print::stderr_line(&format!("regie: {}", say::no_terminal(lang)));
        return ExitCode::from(super::FAILURE);
    }
    let mut picker = Picker::new(choices::list(&options));
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(error) => {
            print::stderr_line(&format!(
                "regie: {}",
                say::cannot_use_terminal(lang, &error)
            ));
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
            print::stderr_line(&format!("regie: {error}"));
            ExitCode::from(super::FAILURE)
        }
    }
}
