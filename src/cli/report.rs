//! `regie report`: command-line arguments and entry point.
//! The work itself lives in the pure modules; this file only wires it up.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {}

pub fn execute(_args: ReportArgs) -> ExitCode {
    eprintln!("regie report: not built yet");
    ExitCode::from(super::FAILURE)
}
