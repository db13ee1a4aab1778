//! `regie check PATH...`: check session, deck and cohort files or folders of them.
//! Diagnostics go to stderr (coloured on a terminal), the summary line to stdout.

use super::print;
use crate::script::check_paths;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders (searched recursively for `*.ron`) to check.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn execute(args: CheckArgs) -> ExitCode {
    let report = check_paths(&args.paths);
    let color = std::io::stderr().is_terminal();
    let rendered = report.render(color);
    if !rendered.is_empty() {
        print::stderr_line(&rendered);
    }
    if let Err(code) = print::stdout("check", &format!("{}\n", report.summary())) {
        return code;
    }
    ExitCode::from(report.exit_code())
}
