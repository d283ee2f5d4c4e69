//! Why a sync stopped, and what to do about it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("git is not installed (or not on the PATH), so the archive cannot be shared")]
    NoGit,
    #[error("{} is not a git repository yet", .dir.display())]
    NotARepository { dir: PathBuf },
    #[error("{} has no remote to share with{}", .dir.display(), committed_note(.committed))]
    NoRemote { dir: PathBuf, committed: Vec<String> },
    #[error("git does not know your name and email yet, so it cannot record your changes")]
    NoIdentity,
    #[error("could not reach the shared archive: {detail}")]
    Unreachable { detail: String },
    #[error("the shared archive refused this laptop's changes: {detail}")]
    PushRefused { detail: String },
    #[error("a git rebase or merge is stopped half-way in {}", .dir.display())]
    Stopped { dir: PathBuf },
    #[error("could not write {}: {detail}", .path.display())]
    Write { path: PathBuf, detail: String },
    #[error("`git {what}` failed: {detail}")]
    Git { what: String, detail: String },
}

fn committed_note(committed: &[String]) -> String {
    match committed.len() {
        0 => String::new(),
        1 => " (1 session was committed on this laptop)".into(),
        n => format!(" ({n} sessions were committed on this laptop)"),
    }
}

impl SyncError {
    /// What to do next, in one line.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            SyncError::NoGit => {
                "install git (https://git-scm.com/downloads, or your package manager: `apt install git`), then run `roundtable sync` again".into()
            }
            SyncError::NotARepository { .. } => {
                "run `roundtable sync --init` to make it one (a .gitignore keeps locks and journals out), or `git clone URL FOLDER` to start from a shared archive".into()
            }
            SyncError::NoRemote { dir, .. } => format!(
                "add the shared repository with `git -C {} remote add origin URL`, then run `roundtable sync` again",
                shell_quote(&dir.display().to_string())
            ),
            SyncError::NoIdentity => {
                "tell git who you are: `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.org`".into()
            }
            SyncError::Unreachable { .. } => {
                "check the network connection and the remote's address (`git remote -v`); your sessions are committed on this laptop and nothing is lost".into()
            }
            SyncError::PushRefused { .. } => {
                "someone may have shared changes meanwhile, or you may lack permission: run `roundtable sync` again; your sessions are committed on this laptop".into()
            }
            SyncError::Stopped { dir } => format!(
                "finish it with `git -C {0} rebase --continue` or give it up with `git -C {0} rebase --abort`, then run `roundtable sync` again",
                shell_quote(&dir.display().to_string())
            ),
            SyncError::Write { .. } => "check the folder can be written to, then run `roundtable sync` again".into(),
            SyncError::Git { .. } => return None,
        })
    }
}

/// A path quoted for pasting into a shell when it needs it.
fn shell_quote(text: &str) -> String {
    if text.chars().all(|c| c.is_alphanumeric() || "/._-~".contains(c)) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}
