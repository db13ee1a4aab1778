//! Drive the real `regie` binary in a pseudo-terminal: type keys, read the screen as text
//! (vt100), wait until text appears, kill it hard. Waits poll; nothing sleeps a fixed time.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// A running program in a pseudo-terminal.
pub struct Terminal {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Set by the reader thread once the pty gave its last byte (end of file after an exit).
    drained: Arc<AtomicBool>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Terminal {
    /// Start `program args` in `cwd` on a `cols` x `rows` terminal with extra `env`.
    pub fn spawn(
        program: &Path,
        args: &[&str],
        cwd: &Path,
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Terminal {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.cwd(cwd);
        command.env("TERM", "xterm-256color");
        // The language comes from the test (its env or --lang), never from this machine.
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            command.env_remove(var);
        }
        // Hermetic: logs, fallbacks and data go below the test's folder unless it says otherwise.
        command.env("HOME", cwd);
        command.env("XDG_DATA_HOME", cwd.join(".data"));
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("start the program");
        drop(pair.slave);
        let size = |n: u16| std::num::NonZeroU16::new(n.max(1)).expect("at least one");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let feed = Arc::clone(&parser);
        let drained = Arc::new(AtomicBool::new(false));
        let reader_done = Arc::clone(&drained);
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            loop {
                match reader.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => feed.lock().expect("parser lock").process(&buffer[..n]),
                }
            }
            reader_done.store(true, Ordering::SeqCst);
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Terminal {
            parser,
            drained,
            writer,
            child,
            _master: pair.master,
        }
    }

    /// The screen as text, rows separated by newlines.
    pub fn text(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Resize the terminal, as a user dragging the window would (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The screen parser first: whatever the program draws once it sees the new size must
        // land on a grid of that size (the other order lost the redraw now and then).
        let size = |n: u16| std::num::NonZeroU16::new(n.max(1)).expect("at least one");
        self.parser
            .lock()
            .expect("parser lock")
            .set_size(size(rows), size(cols));
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Whether the program is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Whether the program has the alternate screen on and the cursor hidden (as a TUI does
    /// while it runs, and must undo when it leaves).
    pub fn screen_modes(&self) -> (bool, bool) {
        let parser = self.parser.lock().expect("parser lock");
        (
            parser.screen().alternate_screen(),
            parser.screen().hide_cursor(),
        )
    }

    /// Wait until the screen shows `needle`; panics with the screen after `PATIENCE`.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |screen| screen.contains(needle))
    }

    /// Wait until `check` holds for the screen text.
    pub fn wait_until(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.text();
            if check(&screen) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!("waited {PATIENCE:?} for {what:?}; the screen shows:\n{screen}");
            }
            // Fine enough for the bench to time a key's effect; cheap enough for tests.
            thread::sleep(Duration::from_millis(2));
        }
    }

    /// Type `keys` (raw bytes: "\r" is Enter, "\x1b" Esc).
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("type into the pty");
        self.writer.flush().expect("flush the pty");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Send a signal by name ("TERM", "HUP").
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} failed");
    }

    /// Kill with SIGKILL: no chance to clean up, like a laptop losing power.
    pub fn kill_hard(&mut self) {
        let status = std::process::Command::new("kill")
            .args(["-9", &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -9 failed");
        self.child.wait().expect("reap the killed child");
    }

    /// Wait for the program to exit by itself; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                // The last screen may still be in the pty: read it before anyone looks.
                while !self.drained.load(Ordering::SeqCst) && start.elapsed() <= PATIENCE {
                    thread::sleep(Duration::from_millis(10));
                }
                return status.exit_code();
            }
            if start.elapsed() > PATIENCE {
                let screen = self.text();
                let _ = self.child.kill();
                panic!("the program did not exit within {PATIENCE:?}; screen:\n{screen}");
            }
            thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = std::process::Command::new("kill")
                .args(["-9", &self.pid().to_string()])
                .status();
            let _ = self.child.wait();
        }
    }
}
