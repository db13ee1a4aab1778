//! `regie follow`: command-line arguments and entry point.
//! The work itself lives in the pure modules; this file only wires it up.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct FollowArgs {}

pub fn execute(_args: FollowArgs) -> ExitCode {
    eprintln!("regie follow: not built yet");
    ExitCode::from(super::FAILURE)
}
