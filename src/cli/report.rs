//! `regie report`: export recorded sessions as a Markdown evaluation report, one CSV table or an
//! Excel workbook; private notes only when asked, names as pseudonyms when asked; files 0600.

use crate::i18n::Lang;
use crate::review::export::{self, Format, Output};
use crate::review::{self, Dialect, Privacy, Review, Table};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Session logs and folders of logs [default: $REGIE_LOG_DIR, else ./logs].
    #[arg(value_name = "LOG|LOGDIR")]
    pub paths: Vec<PathBuf>,
    /// markdown: a readable evaluation report; csv: one table (choose it with --table);
    /// xlsx: an Excel workbook with every table (needs --output).
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
    /// The CSV table: sessions, blocks, dilemmas, groups, attendance or notes.
    #[arg(long, value_enum, value_name = "NAME")]
    pub table: Option<Table>,
    /// standard: `,` and no byte-order mark; excel-nl: `;`, UTF-8 with byte-order mark, decimal comma.
    #[arg(long, value_enum, value_name = "DIALECT")]
    pub csv_dialect: Option<Dialect>,
    /// Include the facilitator's private notes (block and card notes); left out by default.
    #[arg(long)]
    pub with_notes: bool,
    /// Replace every name (also inside notes) by a pseudonym, the same one in every log.
    #[arg(long, alias = "anonymize")]
    pub anonymise: bool,
    /// The course's attendance rule: the share of days (in percent) a participant must attend;
    /// the workbook's attendance sheet says per person whether it is met.
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u8).range(1..=100))]
    pub attendance_rule: Option<u8>,
    /// Write to this file (created with mode 0600) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the report [default: from LC_ALL/LC_MESSAGES/LANG, Dutch when unset].
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

fn refuse(message: impl std::fmt::Display) -> ExitCode {
    super::print::stderr_line(&format!("regie report: {message}"));
    ExitCode::from(super::BAD_INPUT)
}

pub fn execute(args: ReportArgs) -> ExitCode {
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let table = match (args.format, args.table) {
        (Format::Csv, None) => {
            return refuse(
                "--format csv prints one table: add --table sessions, blocks, dilemmas, \
                 groups, attendance or notes",
            );
        }
        (Format::Markdown | Format::Xlsx, Some(_)) => {
            return refuse(
                "--table is for --format csv; the Markdown report and the workbook hold every table",
            );
        }
        (_, table) => table,
    };
    if args.csv_dialect.is_some() && args.format != Format::Csv {
        return refuse("--csv-dialect is for --format csv");
    }
    if args.format == Format::Xlsx && args.output.is_none() {
        return refuse(
            "a workbook is a binary file and is not written to the terminal: \
             add --output FILE.xlsx",
        );
    }
    let privacy = Privacy {
        notes: args.with_notes,
        anonymise: args.anonymise.then_some(lang),
    };
    let mut review = match gather("report", &args.paths, privacy) {
        Ok(review) => review,
        Err(code) => return code,
    };
    if args.attendance_rule.is_some() {
        review.attendance_rule = args.attendance_rule;
    }
    let output = match (args.format, table) {
        (Format::Csv, Some(table)) => Output::Csv(table, args.csv_dialect.unwrap_or_default()),
        (Format::Xlsx, _) => Output::Workbook,
        _ => Output::Markdown,
    };
    let bytes = match export::render(&review, output, lang) {
        Ok(bytes) => bytes,
        Err(message) => {
            super::print::stderr_line(&format!("regie report: {message}"));
            return ExitCode::from(super::FAILURE);
        }
    };
    match &args.output {
        Some(path) => match export::write_private(path, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                super::print::stderr_line(&format!(
                    "regie report: {}: cannot write the report: {e}",
                    path.display()
                ));
                // A folder that does not exist or is not writable is the user's to fix.
                let code = match e.kind() {
                    std::io::ErrorKind::NotFound
                    | std::io::ErrorKind::PermissionDenied
                    | std::io::ErrorKind::IsADirectory
                    | std::io::ErrorKind::NotADirectory => super::BAD_INPUT,
                    _ => super::FAILURE,
                };
                ExitCode::from(code)
            }
        },
        // A closed pipe (`| head`) is not a failure of the report.
        None => match super::print::stdout_bytes("report", &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
    }
}

/// Read the logs named on the command line (or the default folder), report the unreadable
/// ones on stderr, leave out or replace what `privacy` says. Exit 2 when a path is wrong or
/// nothing is readable.
pub fn gather(command: &str, paths: &[PathBuf], privacy: Privacy) -> Result<Review, ExitCode> {
    let refuse = |message: String| {
        super::print::stderr_line(&format!("regie {command}: {message}"));
        ExitCode::from(super::BAD_INPUT)
    };
    let paths = if paths.is_empty() {
        crate::journal::reading_dirs(None)
    } else {
        paths.to_vec()
    };
    let loaded = review::load(&paths).map_err(|e| refuse(e.to_string()))?;
    for error in &loaded.errors {
        super::print::stderr_line(&format!(
            "regie {command}: skipped a log that cannot be read: {error}"
        ));
    }
    if loaded.logs.is_empty() {
        let mut named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        if named.is_empty() {
            named.push(crate::journal::folder::data_logs().display().to_string());
        }
        return Err(refuse(format!(
            "no readable session logs in {}; give a log file or a folder of logs \
             (regie run writes them to --log-dir, $REGIE_LOG_DIR, or else one folder per \
             programme under {})",
            named.join(", "),
            crate::journal::folder::data_logs().display()
        )));
    }
    Ok(Review::build_private(loaded, privacy))
}
