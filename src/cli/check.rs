//! `regie check PATH... [--lang nl|en]`: check session, deck and cohort files or folders of them.
//! Diagnostics go to stderr (coloured on a terminal), the summary line to stdout.

use super::print;
use crate::i18n::Lang;
use crate::script::check_paths;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders (searched recursively for `*.ron`) to check.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Language of the messages [default: from LC_ALL/LC_MESSAGES/LANG, Dutch when unset]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

pub fn execute(args: CheckArgs) -> ExitCode {
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let report = check_paths(&args.paths);
    let color = std::io::stderr().is_terminal();
    let rendered = report.render_in(color, lang);
    if !rendered.is_empty() {
        print::stderr_line(&rendered);
    }
    if let Err(code) = print::stdout("check", &format!("{}\n", report.summary_in(lang))) {
        return code;
    }
    ExitCode::from(report.exit_code())
}
