//! `regie check`: command-line arguments and entry point.
//! The work itself lives in the pure modules; this file only wires it up.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {}

pub fn execute(_args: CheckArgs) -> ExitCode {
    eprintln!("regie check: not built yet");
    ExitCode::from(super::FAILURE)
}
