//! `regie run` and `regie` without arguments: command-line arguments and entry point.
//! The work itself lives in the pure modules and `tui`; this file only wires it up.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct RunArgs {}

pub fn execute(_args: RunArgs) -> ExitCode {
    eprintln!("regie run: not built yet");
    ExitCode::from(super::FAILURE)
}

/// `regie` with no arguments.
pub fn execute_default() -> ExitCode {
    eprintln!("regie: not built yet");
    ExitCode::from(super::FAILURE)
}
