//! `regie review`: command-line arguments and entry point.
//! The work itself lives in the pure modules; this file only wires it up.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ReviewArgs {}

pub fn execute(_args: ReviewArgs) -> ExitCode {
    eprintln!("regie review: not built yet");
    ExitCode::from(super::FAILURE)
}
