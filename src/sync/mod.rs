//! Sharing an archive through git: `roundtable sync` commits this laptop's
//! saved sessions, pulls with rebase and pushes; when two people changed the
//! same session, both versions are kept (theirs as a conflict copy beside
//! it) for the merge screen, never resolved silently. Also recognises the
//! conflict copies synced folders make, and says how far this laptop is
//! behind or ahead of the shared archive.
//!
//! Uses the system `git` (see `git.rs`): the simplest dependency, and the
//! one a team sharing files through git already has.

pub mod copies;
mod error;
mod git;
pub mod merge;
mod rebase;
mod resolve;
mod status;

use std::path::Path;

pub use copies::ConflictCopy;
pub use error::SyncError;
pub use git::{Git, never_prompt};
pub use resolve::resolve;
pub use status::{Standing, standing};

use crate::storage::write_atomic;

/// What stays on this laptop: locks, recovery journals and half-written
/// temporary files are all hidden files beside the sessions.
pub const GITIGNORE: &str = "\
# Written by Roundtable: what stays on this laptop and is never shared.
# Locks (.NAME.lock), recovery journals and temporary files are hidden files.
.*
!.gitignore
*.tmp
# The remembered summary of the archive, if a cache is kept here.
cache/
";

/// What one sync did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Session files committed from this laptop (file stems).
    pub committed: Vec<String>,
    /// Session files others changed, now here.
    pub pulled: Vec<String>,
    /// Sessions both sides changed: theirs kept beside as a copy.
    pub conflicts: Vec<ConflictCopy>,
    /// Whether this laptop's commits reached the remote.
    pub pushed: bool,
    /// Conflict copies waiting to be merged, which hold the push back.
    pub waiting: Vec<ConflictCopy>,
    /// The remote and branch shared with, e.g. "origin/main".
    pub upstream: String,
}

/// Makes `dir` a git repository with Roundtable's `.gitignore`, and commits
/// what is there.
pub fn init(dir: &Path, host: &str) -> Result<(), SyncError> {
    Git::check_installed()?;
    let git = Git::new(dir);
    if !git.is_repository()? {
        git.run(&["init", "--quiet"])?;
    }
    write_gitignore(dir)?;
    commit_all(&git, host)?;
    Ok(())
}

/// Writes `.gitignore` unless one is there; adds Roundtable's lines to one
/// that lacks them.
fn write_gitignore(dir: &Path) -> Result<(), SyncError> {
    let path = dir.join(".gitignore");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    if text.lines().any(|l| l.trim() == ".*") {
        return Ok(());
    }
    let mut new = text;
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    new.push_str(GITIGNORE);
    write_atomic(&path, new.as_bytes()).map_err(|e| SyncError::Write {
        path: path.clone(),
        detail: e.to_string(),
    })
}

/// Commits every change to the shared files; the session files changed.
fn commit_all(git: &Git, host: &str) -> Result<Vec<String>, SyncError> {
    git.run(&["add", "--all", "--", "."])?;
    let changed: Vec<String> = git
        .lines(&["diff", "--cached", "--name-only", "--relative"])?
        .into_iter()
        .collect();
    if changed.is_empty() {
        return Ok(Vec::new());
    }
    let sessions = session_stems(&changed);
    git.run(&[
        "commit",
        "--quiet",
        "--no-verify",
        "-m",
        &message(host, &sessions, &changed),
    ])?;
    Ok(sessions)
}

/// "Roundtable sync from HOST: 2 sessions changed: a, b".
fn message(host: &str, sessions: &[String], files: &[String]) -> String {
    let host = if host.is_empty() { "this computer" } else { host };
    match sessions.len() {
        0 => format!("Roundtable sync from {host}: {} other files changed", files.len()),
        1 => format!("Roundtable sync from {host}: 1 session changed: {}", sessions[0]),
        n => format!(
            "Roundtable sync from {host}: {n} sessions changed: {}",
            sessions.join(", ")
        ),
    }
}

/// The stems of the session files among `paths` (relative paths).
fn session_stems(paths: &[String]) -> Vec<String> {
    let mut stems: Vec<String> = paths
        .iter()
        .map(Path::new)
        .filter(|p| crate::storage::is_session_file(p))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

/// Shares the archive at `dir`: commit, pull with rebase, push. `host`
/// names this laptop in the commit message, `today` dates conflict copies.
pub fn sync(dir: &Path, host: &str, today: &str) -> Result<Outcome, SyncError> {
    Git::check_installed()?;
    let git = Git::new(dir);
    if !git.is_repository()? {
        return Err(SyncError::NotARepository {
            dir: dir.to_path_buf(),
        });
    }
    if git.operation_in_progress()? {
        return Err(SyncError::Stopped {
            dir: dir.to_path_buf(),
        });
    }
    write_gitignore(dir)?;
    let mut outcome = Outcome {
        committed: commit_all(&git, host)?,
        ..Outcome::default()
    };
    let Some((remote, branch)) = upstream(&git)? else {
        return Err(SyncError::NoRemote {
            dir: dir.to_path_buf(),
            committed: outcome.committed,
        });
    };
    outcome.upstream = format!("{remote}/{branch}");
    git.run(&["fetch", "--quiet", &remote])?;
    let tracking = format!("refs/remotes/{remote}/{branch}");
    if git.succeeds(&["rev-parse", "--verify", "--quiet", &tracking])? {
        outcome.pulled = session_stems(&git.lines(&[
            "diff",
            "--name-only",
            "--relative",
            &format!("HEAD...{tracking}"),
        ])?);
        outcome.conflicts = rebase::onto(&git, &tracking, today)?;
    }
    outcome.waiting = copies::in_folder(dir);
    if outcome.waiting.is_empty() {
        git.run(&[
            "push",
            "--quiet",
            "--set-upstream",
            &remote,
            &format!("HEAD:refs/heads/{branch}"),
        ])?;
        outcome.pushed = true;
    }
    Ok(outcome)
}

/// The remote and branch to share with: the branch's upstream, else
/// `origin` (or the only remote) and the same branch name.
fn upstream(git: &Git) -> Result<Option<(String, String)>, SyncError> {
    let remotes = git.lines(&["remote"])?;
    if remotes.is_empty() {
        return Ok(None);
    }
    let branch = git
        .run(&["symbolic-ref", "--quiet", "--short", "HEAD"])?
        .trim()
        .to_string();
    let configured = git
        .output(&["config", "--get", &format!("branch.{branch}.remote")])?
        .stdout;
    let configured = String::from_utf8_lossy(&configured).trim().to_string();
    let remote = if remotes.contains(&configured) {
        configured
    } else if remotes.iter().any(|r| r == "origin") {
        "origin".to_string()
    } else {
        remotes[0].clone()
    };
    Ok(Some((remote, branch)))
}

/// This computer's name for commit messages, or empty.
pub fn this_host() -> String {
    whoami::hostname()
        .map(|h| h.trim().to_string())
        .unwrap_or_default()
}

/// What a sync did, in a few lines a person reads after `roundtable sync`
/// or in the app's message.
pub fn summary(outcome: &Outcome) -> String {
    let mut lines = Vec::new();
    let names = |list: &[String]| list.join(", ");
    match outcome.committed.len() {
        0 => {}
        1 => lines.push(format!(
            "Committed 1 session from this laptop: {}.",
            names(&outcome.committed)
        )),
        n => lines.push(format!(
            "Committed {n} sessions from this laptop: {}.",
            names(&outcome.committed)
        )),
    }
    match outcome.pulled.len() {
        0 => {}
        1 => lines.push(format!(
            "Pulled 1 session changed by others: {}.",
            names(&outcome.pulled)
        )),
        n => lines.push(format!(
            "Pulled {n} sessions changed by others: {}.",
            names(&outcome.pulled)
        )),
    }
    for copy in &outcome.conflicts {
        lines.push(format!(
            "Both sides changed {}: your version is in place, theirs is kept beside it as \"{}\". Nothing was lost.",
            copy.original_stem(),
            copy.path.file_name().unwrap_or_default().to_string_lossy()
        ));
    }
    if outcome.pushed {
        if lines.is_empty() {
            lines.push(format!("Already up to date with {}.", outcome.upstream));
        } else {
            lines.push(format!("Shared with {}.", outcome.upstream));
        }
    } else if !outcome.waiting.is_empty() {
        let waiting = match outcome.waiting.len() {
            1 => "1 conflict copy is".to_string(),
            n => format!("{n} conflict copies are"),
        };
        lines.push(format!("Not shared yet: {waiting} waiting to be merged."));
    }
    lines.join("\n")
}
