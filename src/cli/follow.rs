//! `regie follow`: command-line arguments and entry point of the room's projector view.
//! The work itself lives in `tui::follow`; this file only wires it up.

use crate::i18n::Lang;
use crate::journal;
use crate::tui::follow::{self, Source, Target};
use crate::tui::{Settings, Theme, ThemeName};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct FollowArgs {
    /// A session log to follow [default: the newest unfinished log in the log folder, and the
    /// next one when a newer session starts].
    #[arg(value_name = "LOG", conflicts_with = "log_dir")]
    pub log: Option<PathBuf>,
    /// Folder of session logs [default: $REGIE_LOG_DIR, else ./logs]. Never written to.
    #[arg(long, value_name = "DIR")]
    pub log_dir: Option<PathBuf>,
    /// Colours: dark, light (for projectors that wash dark screens out) or high contrast.
    #[arg(long, value_enum, default_value_t = ThemeName::Dark)]
    pub theme: ThemeName,
    /// Interface language [default: from LC_ALL/LC_MESSAGES/LANG, Dutch when unset].
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

pub fn execute(args: FollowArgs) -> ExitCode {
    let target = match args.log {
        Some(path) if path.is_dir() => Target::Folder(path),
        Some(path) if path.is_file() => Target::Log(path),
        Some(path) => {
            super::print::stderr_line(&format!(
                "regie follow: there is no log at {}; name a log file, or leave it out to follow \
                 the newest unfinished log of the log folder (--log-dir)",
                path.display()
            ));
            return ExitCode::from(super::BAD_INPUT);
        }
        // Where runs write by default: every programme's folder (or --log-dir, $REGIE_LOG_DIR).
        None => match journal::folder::chosen_log_dir(args.log_dir) {
            Some(dir) => Target::Folder(dir),
            None => Target::Programmes(journal::folder::data_logs()),
        },
    };
    let settings = Settings {
        theme: Theme::named(args.theme),
        lang: args.lang.unwrap_or_else(Lang::from_env),
        bell: false,
    };
    let mut source = Source::new(target);
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(error) => {
            super::print::stderr_line(&format!("regie follow: cannot use this terminal: {error}"));
            return ExitCode::from(super::FAILURE);
        }
    };
    let result = follow::follow(&mut terminal, &mut source, settings);
    ratatui::restore();
    if let Some(error) = source.error() {
        super::print::stderr_line(&format!(
            "regie follow: the last read of the log failed: {error}"
        ));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::print::stderr_line(&format!("regie follow: {error}"));
            ExitCode::from(super::FAILURE)
        }
    }
}
