//! Drives the real binary in a pseudo-terminal and keeps a model of its
//! screen (vt100), so tests wait for what a person would see rather than for
//! bytes in the stream, which ratatui splits up when it redraws only changes.

use std::io::ErrorKind;
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;

pub struct App {
    pty: OsSession,
    screen: vt100::Parser,
}

impl App {
    /// Starts `roundtable --dir DIR` at `cols`×`rows`, without colour.
    #[allow(dead_code)]
    pub fn start(dir: &Path, cols: u16, rows: u16) -> App {
        App::start_with(dir, cols, rows, |_| {})
    }

    /// [`App::start`] with more arguments or environment set by `configure`.
    pub fn start_with(dir: &Path, cols: u16, rows: u16, configure: impl FnOnce(&mut Command)) -> App {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_roundtable"));
        cmd.arg("--dir")
            .arg(dir)
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1");
        configure(&mut cmd);
        let mut pty = Session::spawn(cmd).expect("start roundtable in a pseudo-terminal");
        pty.get_process_mut()
            .set_window_size(cols, rows)
            .expect("set the window size");
        let size = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        App {
            pty,
            screen: vt100::Parser::new(size(rows), size(cols), 0),
        }
    }

    /// Types text or control characters, then gives the app a moment: a
    /// lone Esc must not run into the next key and read as Alt-something.
    pub fn send(&mut self, keys: &str) {
        use std::io::Write;
        self.pty.write_all(keys.as_bytes()).expect("type into the app");
        self.pty.flush().expect("flush keys");
        sleep(Duration::from_millis(200));
        self.pump();
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 65536];
        loop {
            match self.pty.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.screen.process(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(_) => break,
            }
        }
    }

    /// The screen model, for colours and cursor.
    #[allow(dead_code)]
    pub fn screen(&self) -> &vt100::Screen {
        self.screen.screen()
    }

    pub fn contents(&self) -> String {
        self.screen.screen().contents()
    }

    /// Waits until `text` is on screen; fails showing the screen as it is.
    pub fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            self.pump();
            if self.contents().contains(text) {
                return;
            }
            sleep(Duration::from_millis(50));
        }
        panic!("waited 15 s for {text:?}; the screen shows:\n{}", self.contents());
    }

    /// Sends `signal` ("KILL", "TERM", "HUP"...) to the app, as `kill -s` would.
    #[allow(dead_code)]
    pub fn signal(&mut self, signal: &str) {
        let pid = self.pty.get_process().pid().to_string();
        let sent = Command::new("kill").args(["-s", signal, &pid]).status();
        assert!(
            matches!(sent, Ok(s) if s.success()),
            "could not send SIG{signal} to {pid}"
        );
    }

    /// Waits for the process to end by itself and returns whether it succeeded.
    pub fn wait_for_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            self.pump();
            match self.pty.get_process().status() {
                Ok(WaitStatus::StillAlive) => {}
                Ok(WaitStatus::Exited(_, code)) => return code == 0,
                _ => return false,
            }
            sleep(Duration::from_millis(50));
        }
        panic!("the app did not exit; the screen shows:\n{}", self.contents());
    }
}
