//! The command line: one file per subcommand, each with its clap arguments and `execute`.
//! `main.rs` only parses and dispatches; exit codes: 0 ok, 2 bad input, 1 other failure.

pub mod check;
pub mod follow;
pub mod groups;
pub mod print;
pub mod report;
pub mod review;
pub mod run;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Exit code for input the user must fix.
pub const BAD_INPUT: u8 = 2;
/// Exit code for any other failure (I/O, terminal).
pub const FAILURE: u8 = 1;

/// regie — run live workshop sessions from a terminal.
#[derive(Debug, Parser)]
#[command(name = "regie", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Without a subcommand: pick a session (bundled, or under ./sessions) and run it with
    /// these options (the same as `regie run`'s).
    #[command(flatten)]
    pub options: run::RunOptions,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a session on the screen (the facilitator's view).
    Run(run::RunArgs),
    /// Check session, deck and cohort files (or folders of them) for errors.
    Check(check::CheckArgs),
    /// Split people into balanced breakout groups.
    Groups(groups::GroupsArgs),
    /// Browse recorded session logs.
    Review(review::ReviewArgs),
    /// Export recorded sessions as Markdown, CSV or an Excel workbook (xlsx).
    Report(report::ReportArgs),
    /// Mirror a running session for the room (projector view).
    Follow(follow::FollowArgs),
}

/// Dispatch a parsed command line.
pub fn execute(cli: Cli) -> ExitCode {
    match cli.command {
        None => run::execute_default(cli.options),
        Some(Command::Run(args)) => run::execute(args),
        Some(Command::Check(args)) => check::execute(args),
        Some(Command::Groups(args)) => groups::execute(args),
        Some(Command::Review(args)) => review::execute(args),
        Some(Command::Report(args)) => report::execute(args),
        Some(Command::Follow(args)) => follow::execute(args),
    }
}
