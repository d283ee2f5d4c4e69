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

    /// As [`App::start`], with `home` as the home folder.
    #[allow(dead_code)]
    pub fn start_with_home(dir: &Path, home: &Path, cols: u16, rows: u16) -> App {
        App::start_with(dir, cols, rows, |cmd| {
            cmd.env("HOME", home);
        })
    }

    /// [`App::start`] with more arguments or environment set by `configure`.
    #[allow(dead_code)]
    pub fn start_with(dir: &Path, cols: u16, rows: u16, configure: impl FnOnce(&mut Command)) -> App {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_roundtable"));
        cmd.arg("--dir")
            .arg(dir)
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            // Remembered cards go beside the build, not in the person's cache.
            .env(
                "ROUNDTABLE_CACHE_DIR",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
            )
            // A person's own config file never changes what a test sees.
            .env(
                "ROUNDTABLE_CONFIG",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config.ron"),
            );
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

    /// Types text or control characters. Callers then wait for what they
    /// expect on screen. Only a lone Esc is followed by a pause, because
    /// the terminal itself tells Esc from Alt-something by time: an Esc
    /// with the next key right behind it reads as Alt and that key.
    pub fn send(&mut self, keys: &str) {
        use std::io::Write;
        self.pty.write_all(keys.as_bytes()).expect("type into the app");
        self.pty.flush().expect("flush keys");
        if keys.ends_with('\x1b') {
            sleep(Duration::from_millis(200));
        }
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

    /// Waits until `done` holds (a file's contents, say), pumping the screen
    /// meanwhile; fails with `what` and the screen after 15 s.
    #[allow(dead_code)]
    pub fn wait_until(&mut self, what: &str, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            self.pump();
            if done() {
                return;
            }
            sleep(Duration::from_millis(20));
        }
        panic!("waited 15 s for {what}; the screen shows:\n{}", self.contents());
    }

    /// Closes the terminal as closing its window does: every descriptor of
    /// this pseudo-terminal's master side is closed (the spawner keeps a
    /// copy), so the app gets a real hang-up, not just a SIGHUP. Waits for
    /// the app to end and returns its exit code (`None`: killed by a signal).
    #[cfg(target_os = "linux")]
    #[allow(dead_code)]
    pub fn hang_up(self) -> Option<i32> {
        use std::os::fd::AsRawFd;
        let fd = self.pty.get_stream().as_raw_fd();
        let index = pty_index(fd).expect("the master side of a pseudo-terminal");
        let pid: i32 = self.pty.get_process().pid().to_string().parse().unwrap_or(0);
        // Not dropped: that would signal the app and close these again.
        std::mem::forget(self);
        for other in (0..4096).filter(|&other| other != fd && pty_index(other) == Some(index)) {
            // SAFETY: a descriptor of this pty's master, owned by the forgotten session.
            unsafe { libc::close(other) };
        }
        // SAFETY: as above.
        unsafe { libc::close(fd) };
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            let mut status = 0;
            // SAFETY: waits for our own child, without blocking.
            if unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) } == pid {
                return libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
            }
            sleep(Duration::from_millis(20));
        }
        panic!("the app did not end after its terminal hung up");
    }

    /// Waits for the process to end by itself and returns its exit code
    /// (`None`: killed by a signal).
    #[allow(dead_code)]
    pub fn wait_for_exit_code(&mut self) -> Option<i32> {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            self.pump();
            match self.pty.get_process().status() {
                Ok(WaitStatus::StillAlive) => {}
                Ok(WaitStatus::Exited(_, code)) => return Some(code),
                _ => return None,
            }
            sleep(Duration::from_millis(50));
        }
        panic!("the app did not exit; the screen shows:\n{}", self.contents());
    }

    /// Waits for the process to end by itself and returns whether it succeeded.
    pub fn wait_for_exit(&mut self) -> bool {
        self.wait_for_exit_code() == Some(0)
    }
}

/// Which pseudo-terminal `fd` is the master side of, if it is one.
#[cfg(target_os = "linux")]
#[allow(dead_code)]
fn pty_index(fd: i32) -> Option<u32> {
    let mut index: libc::c_uint = 0;
    // SAFETY: TIOCGPTN writes one unsigned int; on anything else it fails.
    (unsafe { libc::ioctl(fd, libc::TIOCGPTN, &mut index) } == 0).then_some(index)
}
