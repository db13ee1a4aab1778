//! `regie groups`: command-line arguments and entry point.
//! The work itself lives in the pure modules; this file only wires it up.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct GroupsArgs {}

pub fn execute(_args: GroupsArgs) -> ExitCode {
    eprintln!("regie groups: not built yet");
    ExitCode::from(super::FAILURE)
}
