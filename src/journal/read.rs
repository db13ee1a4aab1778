//! Reading one session log: RON text to a sound `SessionLog`, with errors at `file:line:col`.
//! Logs of this and every older format version read; a newer one says to update regie.

use super::record::{FORMAT_VERSION, SessionLog};
use crate::engine::fit;
use crate::script::locate::Locator;
use crate::script::source::read_regular;
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a log could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogError {
    pub path: PathBuf,
    /// 1-based line and column of the problem, when it has a place in the text.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match self.position {
            Some((line, col)) => write!(f, "{path}:{line}:{col}: error: {}", self.message),
            None => write!(f, "{path}: error: {}", self.message),
        }
    }
}

impl std::error::Error for LogError {}

/// The largest log regie reads: 100 MB (a full day with every note is well under 1 MB).
pub const MAX_LOG_BYTES: u64 = 100_000_000;

/// Read and parse the log at `path`: a regular file of at most `MAX_LOG_BYTES` (a FIFO or a
/// device is refused without waiting on it).
pub fn read_log(path: &Path) -> Result<SessionLog, LogError> {
    let bytes = read_regular(path, MAX_LOG_BYTES).map_err(|e| LogError {
        path: path.to_path_buf(),
        position: None,
        message: format!("cannot read the log: {e}"),
    })?;
    parse_log(path, &bytes)
}

/// Parse the bytes of a log; `path` only names it in errors.
pub fn parse_log(path: &Path, bytes: &[u8]) -> Result<SessionLog, LogError> {
    let at = |position, message: String| LogError {
        path: path.to_path_buf(),
        position,
        message,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&bytes[..e.valid_up_to()]);
        at(
            Some((line, col)),
            "the log is not UTF-8 text; it was damaged or is not a regie log".into(),
        )
    })?;
    if text.trim().is_empty() {
        return Err(at(
            Some((1, 1)),
            "the log is empty; it is not a regie log (regie never leaves an empty log)".into(),
        ));
    }
    if let Some((version, offset)) = declared_format(text).filter(|(v, _)| *v > FORMAT_VERSION) {
        return Err(at(
            Some(line_col(&bytes[..offset])),
            format!(
                "the log has format {version}, newer than this regie reads ({FORMAT_VERSION}); \
                 update regie to read it"
            ),
        ));
    }
    let log = ron::from_str::<SessionLog>(text).map_err(|e| {
        let position = Some((e.span.start.line.max(1), e.span.start.col.max(1)));
        at(position, format!("not a valid session log: {}", e.code))
    })?;
    // Every number and index is checked here, once, so that nothing that reads a log (the
    // runner's resume, follow, review, report) can overflow on a hand-edited one.
    fit::sound(&log).map_err(|flaw| {
        let (offset, _) = Locator::new(text).span(&flaw.at);
        at(
            Some(line_col(&bytes[..offset.min(bytes.len())])),
            format!("not a sound session log: {}", flaw.message),
        )
    })?;
    Ok(log)
}

/// The number after `format:` near the top of a log, and its byte offset, if there is one.
fn declared_format(text: &str) -> Option<(u32, usize)> {
    let mut end = text.len().min(400);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let after = head.find("format:")? + "format:".len();
    let rest = &head[after..];
    let start = after + (rest.len() - rest.trim_start().len());
    let digits: String = text[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((digits.parse().ok()?, start))
}

/// 1-based line and column just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SessionLog, LogError> {
        parse_log(Path::new("logs/x.ron"), text.as_bytes())
    }

    #[test]
    fn a_syntax_error_names_file_line_and_column() {
        let error = parse("SessionLog(\n  format: 1,\n  session: ]").unwrap_err();
        assert_eq!(error.position.map(|p| p.0), Some(3));
        assert!(error.to_string().starts_with("logs/x.ron:3:"), "{error}");
    }

    #[test]
    fn a_newer_format_asks_for_an_update() {
        let error = parse("SessionLog(\n  format: 99, whatever: true)").unwrap_err();
        assert!(error.message.contains("update regie"), "{error}");
        assert_eq!(error.position, Some((2, 11)));
    }

    #[test]
    fn empty_and_binary_logs_are_errors_with_a_place() {
        assert_eq!(parse("  \n").unwrap_err().position, Some((1, 1)));
        let error = parse_log(Path::new("b.ron"), b"Session\nLog(\xff").unwrap_err();
        assert_eq!(error.position, Some((2, 5)));
    }
}
