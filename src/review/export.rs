//! A review written out: as Markdown, one CSV table, every CSV table, or a workbook, into files
//! only their owner can read (reports hold names). `regie report` and the review screens use it.

use super::{Dialect, Review, Table};
use crate::i18n::Lang;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// What a report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Csv,
    Xlsx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// One file's worth of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Markdown,
    Csv(Table, Dialect),
    Workbook,
}

/// The bytes of one output.
pub fn render(review: &Review, output: Output, lang: Lang) -> Result<Vec<u8>, String> {
    match output {
        Output::Markdown => Ok(super::markdown::render(review, lang).into_bytes()),
        Output::Csv(table, dialect) => Ok(table.csv(review, dialect)),
        Output::Workbook => super::workbook::render(review),
    }
}

/// Write `bytes` to a file only its owner can read: created 0600, or set to 0600 if it existed.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Write `review` into `folder` as `<stem>.md`, `<stem>.xlsx`, or one `<stem>-<table>.csv` per
/// table; returns the files written.
pub fn to_folder(
    review: &Review,
    format: Format,
    lang: Lang,
    folder: &Path,
    stem: &str,
) -> Result<Vec<PathBuf>, String> {
    let outputs: Vec<(PathBuf, Output)> = match format {
        Format::Csv => Table::ALL
            .iter()
            .map(|&t| {
                let name = format!("{stem}-{}.csv", t.name());
                (folder.join(name), Output::Csv(t, Dialect::ExcelNl))
            })
            .collect(),
        Format::Markdown => vec![(folder.join(format!("{stem}.md")), Output::Markdown)],
        Format::Xlsx => vec![(folder.join(format!("{stem}.xlsx")), Output::Workbook)],
    };
    let mut written = Vec::new();
    for (path, output) in outputs {
        let bytes = render(review, output, lang)?;
        write_private(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
