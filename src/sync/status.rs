//! How this laptop stands against the shared archive: sessions to pull and
//! to push. Computed off the drawing path (the app asks in the background),
//! fetching only when asked to.

use std::path::Path;

use super::{Git, SyncError, session_stems, upstream};

/// Where this laptop's archive stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Not shared through git: no git, not a repository, or no remote.
    NotShared,
    /// Counts of session files others changed and this laptop changed.
    Known {
        to_pull: usize,
        to_push: usize,
        /// The remote's name, e.g. "origin".
        remote: String,
    },
    /// Shared, but the question could not be answered (offline, say).
    Unknown(String),
}

/// How the archive at `dir` stands; fetches first when `fetch` is set
/// (a failed fetch still answers from what was fetched before).
pub fn standing(dir: &Path, fetch: bool) -> Standing {
    match try_standing(dir, fetch) {
        Ok(s) => s,
        Err(SyncError::NoGit | SyncError::NotARepository { .. }) => Standing::NotShared,
        Err(e) => Standing::Unknown(e.to_string()),
    }
}

fn try_standing(dir: &Path, fetch: bool) -> Result<Standing, SyncError> {
    Git::check_installed()?;
    let git = Git::new(dir);
    if !git.is_repository()? {
        return Ok(Standing::NotShared);
    }
    let Some((remote, branch)) = upstream(&git)? else {
        return Ok(Standing::NotShared);
    };
    let fetched = if fetch {
        git.run(&["fetch", "--quiet", &remote]).err()
    } else {
        None
    };
    let tracking = format!("refs/remotes/{remote}/{branch}");
    let mut to_push = git.lines(&[
        "ls-files",
        "--modified",
        "--deleted",
        "--others",
        "--exclude-standard",
    ])?;
    let mut to_pull = Vec::new();
    if git.succeeds(&["rev-parse", "--verify", "--quiet", &tracking])? {
        to_pull = git.lines(&["diff", "--name-only", "--relative", &format!("HEAD...{tracking}")])?;
        to_push.extend(git.lines(&["diff", "--name-only", "--relative", &format!("{tracking}...HEAD")])?);
    } else if git.succeeds(&["rev-parse", "--verify", "--quiet", "HEAD"])? {
        // Nothing shared yet: everything here is to push.
        to_push.extend(git.lines(&["ls-files"])?);
    }
    if let Some(e) = fetched {
        return Ok(Standing::Unknown(e.to_string()));
    }
    Ok(Standing::Known {
        to_pull: session_stems(&to_pull).len(),
        to_push: session_stems(&to_push).len(),
        remote,
    })
}
