//! Replaying this laptop's commits on top of the shared archive. When both
//! sides changed the same file, git stops; nothing is resolved silently:
//! this laptop's version stays in place and theirs is saved beside it as a
//! conflict copy, for the merge screen. The rebase then finishes, so the
//! repository is never left half-way.

use std::path::Path;

use super::copies::{self, ConflictCopy};
use super::{Git, SyncError};
use crate::storage::write_atomic;

/// The most commits replayed in one sync; a guard against a loop.
const MAX_STOPS: usize = 1000;

/// Rebases the current branch onto `tracking`; the conflict copies kept.
pub fn onto(git: &Git, tracking: &str, today: &str) -> Result<Vec<ConflictCopy>, SyncError> {
    if !git.succeeds(&["rev-parse", "--verify", "--quiet", "HEAD"])? {
        // Nothing committed here yet: take the shared archive as it is.
        let branch = git.run(&["symbolic-ref", "--quiet", "--short", "HEAD"])?;
        git.run(&["checkout", "--quiet", "-B", branch.trim(), tracking])?;
        return Ok(Vec::new());
    }
    let out = git.output(&["rebase", "--quiet", tracking])?;
    if out.status.success() {
        return Ok(Vec::new());
    }
    let mut kept = Vec::new();
    for _ in 0..MAX_STOPS {
        if !git.operation_in_progress()? {
            return Ok(kept);
        }
        let stopped = unmerged(git)?;
        if stopped.is_empty() {
            // Stopped for something other than a conflict: put everything
            // back as it was before the sync's rebase.
            let _ = git.output(&["rebase", "--abort"]);
            return Err(SyncError::Git {
                what: format!("rebase {tracking}"),
                detail: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            });
        }
        for file in stopped {
            kept.extend(keep_both(git, tracking, &file, today)?);
        }
        let next = git.output(&["-c", "core.editor=true", "rebase", "--continue"])?;
        if !next.status.success() && !git.operation_in_progress()? {
            return Err(SyncError::Git {
                what: "rebase --continue".into(),
                detail: String::from_utf8_lossy(&next.stderr).trim().to_string(),
            });
        }
    }
    Ok(kept)
}

/// One file git could not merge, with each side's contents (by blob id).
#[derive(Debug, Default)]
struct Unmerged {
    path: String,
    /// The shared archive's version (stage 2 while rebasing).
    theirs: Option<String>,
    /// This laptop's version (stage 3 while rebasing).
    mine: Option<String>,
}

fn unmerged(git: &Git) -> Result<Vec<Unmerged>, SyncError> {
    let text = git.run(&["ls-files", "--unmerged", "-z"])?;
    let mut files: Vec<Unmerged> = Vec::new();
    for record in text.split('\0').filter(|r| !r.is_empty()) {
        let Some((info, path)) = record.split_once('\t') else {
            continue;
        };
        let fields: Vec<&str> = info.split_whitespace().collect();
        let (Some(blob), Some(stage)) = (fields.get(1), fields.get(2)) else {
            continue;
        };
        let at = match files.iter().position(|f| f.path == path) {
            Some(at) => at,
            None => {
                files.push(Unmerged {
                    path: path.to_string(),
                    ..Unmerged::default()
                });
                files.len() - 1
            }
        };
        match *stage {
            "2" => files[at].theirs = Some(blob.to_string()),
            "3" => files[at].mine = Some(blob.to_string()),
            _ => {}
        }
    }
    Ok(files)
}

/// Keeps both versions of `file`: mine in place, theirs beside it. When one
/// side removed the file, the other side's version is kept in place.
fn keep_both(
    git: &Git,
    tracking: &str,
    file: &Unmerged,
    today: &str,
) -> Result<Option<ConflictCopy>, SyncError> {
    let path = git.dir().join(&file.path);
    let blob = |id: &str| git.bytes(&["cat-file", "blob", id]);
    let mut copy = None;
    match (&file.mine, &file.theirs) {
        (Some(mine), Some(theirs)) => {
            let author = git
                .run(&["log", "-1", "--format=%an", tracking, "--", &file.path])
                .unwrap_or_default();
            let copy_path = copies::name_for(&path, author.trim(), today);
            write(&copy_path, &blob(theirs)?)?;
            write(&path, &blob(mine)?)?;
            add(git, &copy_path)?;
            copy = copies::recognise(&copy_path, |_| true);
        }
        (Some(only), None) | (None, Some(only)) => write(&path, &blob(only)?)?,
        (None, None) => {}
    }
    add(git, &path)?;
    Ok(copy)
}

fn add(git: &Git, path: &Path) -> Result<(), SyncError> {
    let relative = path.strip_prefix(git.dir()).unwrap_or(path);
    git.run(&["add", "--force", "--", &relative.to_string_lossy()])?;
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), SyncError> {
    write_atomic(path, bytes).map_err(|e| SyncError::Write {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}
