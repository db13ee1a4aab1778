//! `regie review`: browse recorded sessions in the terminal (list, one session, a programme).
//! Reading and aggregating is `review`'s; drawing is `tui::review`'s; this only wires them.

use crate::i18n::Lang;
use crate::tui::review::ReviewApp;
use crate::tui::{Theme, ThemeName};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// A folder of session logs (or one log) [default: $REGIE_LOG_DIR, else ./logs].
    #[arg(value_name = "LOGDIR")]
    pub path: Option<PathBuf>,
    /// Show pseudonyms instead of names (e.g. when the screen is shared).
    #[arg(long, alias = "anonymize")]
    pub anonymise: bool,
    /// Colours: dark, light or high contrast.
    #[arg(long, value_enum, default_value_t = ThemeName::Dark)]
    pub theme: ThemeName,
    /// Interface language [default: from LC_ALL/LC_MESSAGES/LANG, Dutch when unset].
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

pub fn execute(args: ReviewArgs) -> ExitCode {
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let paths: Vec<PathBuf> = args.path.into_iter().collect();
    // The screen shows the notes (the facilitator's own desk); exports from it leave them out.
    let privacy = crate::review::Privacy {
        notes: true,
        anonymise: args.anonymise.then_some(lang),
    };
    let review = match super::report::gather("review", &paths, privacy) {
        Ok(review) => review,
        Err(code) => return code,
    };
    if !std::io::stdout().is_terminal() {
        super::print::stderr_line(
            "regie review: the review screens need a terminal; \
             use `regie report` to write Markdown, CSV or a workbook",
        );
        return ExitCode::from(super::BAD_INPUT);
    }
    let mut app = ReviewApp::new(review, lang, Theme::named(args.theme));
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(error) => {
            super::print::stderr_line(&format!("regie review: cannot use this terminal: {error}"));
            return ExitCode::from(super::FAILURE);
        }
    };
    let result = crate::tui::review::run(&mut terminal, &mut app);
    ratatui::restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::print::stderr_line(&format!("regie review: {error}"));
            ExitCode::from(super::FAILURE)
        }
    }
}
