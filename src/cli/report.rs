//! `regie report`: export recorded sessions as a Markdown evaluation report or one CSV table,
//! optionally with pseudonyms; files are created readable by their owner only (they hold names).

use crate::i18n::Lang;
use crate::review::{self, Review, Table};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Session logs and folders of logs [default: $REGIE_LOG_DIR, else ./logs].
    #[arg(value_name = "LOG|LOGDIR")]
    pub paths: Vec<PathBuf>,
    /// markdown: a readable evaluation report; csv: one table (choose it with --table).
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
    /// The CSV table: sessions, blocks, dilemmas, groups, attendance or notes.
    #[arg(long, value_enum, value_name = "NAME")]
    pub table: Option<Table>,
    /// Replace every name (also inside notes) by a pseudonym, the same one in every log.
    #[arg(long, alias = "anonymize")]
    pub anonymise: bool,
    /// Write to this file (created with mode 0600) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the report [default: from LC_ALL/LC_MESSAGES/LANG, Dutch when unset].
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

/// What the report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Csv,
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
        (Format::Markdown, Some(_)) => {
            return refuse("--table is for --format csv; the Markdown report holds every table");
        }
        (_, table) => table,
    };
    let review = match gather("report", &args.paths, args.anonymise, lang) {
        Ok(review) => review,
        Err(code) => return code,
    };
    let text = match table {
        Some(table) => table.csv(&review),
        None => review::markdown::render(&review, lang),
    };
    match &args.output {
        Some(path) => match write_private(path, &text) {
            Ok(()) => ExitCode::SUCCESS,
            Err((message, code)) => {
                super::print::stderr_line(&format!("regie report: {}: {message}", path.display()));
                ExitCode::from(code)
            }
        },
        // A closed pipe (`| head`) is not a failure of the report.
        None => match super::print::stdout("report", &text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
    }
}

/// Read the logs named on the command line (or the default folder), report the unreadable
/// ones on stderr, pseudonymise if asked. Exit 2 when a path is wrong or nothing is readable.
pub fn gather(
    command: &str,
    paths: &[PathBuf],
    anonymise: bool,
    lang: Lang,
) -> Result<Review, ExitCode> {
    let refuse = |message: String| {
        super::print::stderr_line(&format!("regie {command}: {message}"));
        ExitCode::from(super::BAD_INPUT)
    };
    let paths = if paths.is_empty() {
        vec![crate::journal::default_log_dir(None)]
    } else {
        paths.to_vec()
    };
    let mut loaded = review::load(&paths).map_err(|e| refuse(e.to_string()))?;
    for error in &loaded.errors {
        super::print::stderr_line(&format!(
            "regie {command}: skipped a log that cannot be read: {error}"
        ));
    }
    if loaded.logs.is_empty() {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(refuse(format!(
            "no readable session logs in {}; give a log file or a folder of logs \
             (regie run writes them to --log-dir, $REGIE_LOG_DIR or ./logs)",
            named.join(", ")
        )));
    }
    if anonymise {
        review::anonymise(&mut loaded.logs, lang);
    }
    Ok(Review::build(loaded))
}

/// Write `text` to a file only its owner can read: created 0600, or set to 0600 if it existed.
fn write_private(path: &std::path::Path, text: &str) -> Result<(), (String, u8)> {
    let bad = |e: std::io::Error| {
        (
            format!("cannot create the output file: {e}"),
            super::BAD_INPUT,
        )
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(bad)?;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .map_err(bad)?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| (format!("cannot write the report: {e}"), super::FAILURE))
}
