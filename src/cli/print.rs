//! The one way every command writes its output: a closed pipe (`| head -1`, `| true`) ends the
//! output quietly where `print!` would panic; any other failure to write is reported, exit 1.

use std::io::{self, Write};
use std::process::ExitCode;

/// Write `text` to stdout and flush it. A reader that went away is not a failure of the
/// command (it asked for no more); another error is said on stderr and gives exit code 1.
pub fn stdout(command: &str, text: &str) -> Result<(), ExitCode> {
    stdout_bytes(command, text.as_bytes())
}

/// `stdout` for output that is bytes (a CSV with a byte-order mark).
pub fn stdout_bytes(command: &str, bytes: &[u8]) -> Result<(), ExitCode> {
    match write_all(&mut io::stdout().lock(), bytes) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            stderr(&format!(
                "regie {command}: cannot write to standard output: {e}\n"
            ));
            Err(ExitCode::from(super::FAILURE))
        }
    }
}

/// Write `text` to stderr. When even that fails there is nowhere left to say so: the exit
/// code still tells.
pub fn stderr(text: &str) {
    let _ = write_all(&mut io::stderr().lock(), text.as_bytes());
}

/// `stderr` with a line end.
pub fn stderr_line(text: &str) {
    stderr(&format!("{text}\n"));
}

fn write_all(to: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    to.write_all(bytes)?;
    to.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_an_error_the_callers_can_tell() {
        let e = write_all(&mut Closed, b"x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe);
        let mut kept = Vec::new();
        write_all(&mut kept, "één\n".as_bytes()).unwrap();
        assert_eq!(kept, "één\n".as_bytes());
    }
}
