//! The `regie` binary: parse the command line and hand over to the library.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    regie::cli::execute(regie::cli::Cli::parse())
}
