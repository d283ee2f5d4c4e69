//! Running the system `git` in the archive folder, with errors a person can
//! act on. Every call names the folder (`git -C DIR`), never relies on the
//! current directory, and asks git not to prompt or open an editor.

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

use super::SyncError;

/// Set while the full-screen app runs: git must then never ask for a
/// password or passphrase on the terminal the app is drawing on.
static NO_PROMPTS: AtomicBool = AtomicBool::new(false);

/// From now on, git fails rather than asks (the app calls this at start).
pub fn never_prompt() {
    NO_PROMPTS.store(true, Ordering::Relaxed);
}

/// The archive folder as a git working tree.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
}

impl Git {
    pub fn new(dir: &Path) -> Git {
        Git {
            dir: dir.to_path_buf(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether `git` can be run at all.
    pub fn check_installed() -> Result<(), SyncError> {
        match Command::new("git").arg("--version").output() {
            Ok(out) if out.status.success() => Ok(()),
            Ok(_) => Err(SyncError::NoGit),
            Err(_) => Err(SyncError::NoGit),
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("git");
        cmd.arg("-C")
            .arg(&self.dir)
            // Never wait for a password or an editor nobody sees.
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_EDITOR", "true")
            .env("GIT_SEQUENCE_EDITOR", "true")
            .env("LC_ALL", "C")
            // File names are names, never patterns.
            .env("GIT_LITERAL_PATHSPECS", "1")
            .args(["-c", "core.quotepath=off"])
            .stdin(Stdio::null());
        // ssh reads a passphrase from the terminal itself: in the app, ask
        // it not to, unless the person chose their own ssh command.
        if NO_PROMPTS.load(Ordering::Relaxed) && std::env::var_os("GIT_SSH_COMMAND").is_none() {
            cmd.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        cmd.args(args);
        cmd
    }

    /// Runs `git ARGS`; the output whatever the exit status.
    pub fn output(&self, args: &[&str]) -> Result<Output, SyncError> {
        self.command(args).output().map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => SyncError::NoGit,
            _ => SyncError::Git {
                what: args.join(" "),
                detail: e.to_string(),
            },
        })
    }

    /// Runs `git ARGS` and returns its standard output, or the error it
    /// printed.
    pub fn run(&self, args: &[&str]) -> Result<String, SyncError> {
        let out = self.output(args)?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(failed(args, &out))
        }
    }

    /// Runs `git ARGS` and returns its raw standard output (file contents).
    pub fn bytes(&self, args: &[&str]) -> Result<Vec<u8>, SyncError> {
        let out = self.output(args)?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(failed(args, &out))
        }
    }

    /// Whether `git ARGS` succeeds (for questions like "is there a remote
    /// branch").
    pub fn succeeds(&self, args: &[&str]) -> Result<bool, SyncError> {
        Ok(self.output(args)?.status.success())
    }

    /// Whether the folder is inside a git working tree.
    pub fn is_repository(&self) -> Result<bool, SyncError> {
        let out = self.output(&["rev-parse", "--is-inside-work-tree"])?;
        Ok(out.status.success() && String::from_utf8_lossy(&out.stdout).trim() == "true")
    }

    /// Whether a rebase or merge is stopped half-way in this repository.
    pub fn operation_in_progress(&self) -> Result<bool, SyncError> {
        for name in ["rebase-merge", "rebase-apply", "MERGE_HEAD"] {
            let path = self.run(&["rev-parse", "--git-path", name])?;
            if self.dir.join(path.trim()).exists() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Lines of standard output, empty lines dropped.
    pub fn lines(&self, args: &[&str]) -> Result<Vec<String>, SyncError> {
        Ok(self
            .run(args)?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect())
    }
}

/// A failed git command, sorted into what the person can do about it.
fn failed(args: &[&str], out: &Output) -> SyncError {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let detail = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("hint:"))
        .collect::<Vec<_>>()
        .join("; ");
    let lower = stderr.to_lowercase();
    if lower.contains("please tell me who you are") || lower.contains("unable to auto-detect email") {
        return SyncError::NoIdentity;
    }
    let offline = [
        "could not resolve host",
        "unable to access",
        "connection refused",
        "connection timed out",
        "network is unreachable",
        "could not read from remote repository",
        "does not appear to be a git repository",
    ];
    if offline.iter().any(|s| lower.contains(s)) {
        return SyncError::Unreachable { detail };
    }
    if args.first() == Some(&"push") && (lower.contains("rejected") || lower.contains("failed to push")) {
        return SyncError::PushRefused { detail };
    }
    SyncError::Git {
        what: args.join(" "),
        detail,
    }
}
