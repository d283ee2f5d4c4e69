//! The archive folder for commands that only read (`list`, `export`,
//! `check`, `search`, `actions`): they never create it, so looking leaves
//! no empty folder behind, least of all where a mistyped `--dir` points.

use std::path::{Path, PathBuf};

use super::CliError;
use crate::storage::{Archive, archive_dir};

/// The archive, or the path of the folder that does not exist (yet).
pub(super) fn existing(dir: Option<&Path>) -> Result<Result<Archive, PathBuf>, CliError> {
    let path = archive_dir(dir)?;
    if path.exists() {
        // Already there, so opening creates nothing; a file in its place is
        // reported as one.
        Ok(Ok(Archive::open(path)?))
    } else {
        Ok(Err(path))
    }
}

/// Why a command that needs a session cannot find one: no folder at all.
pub(super) fn missing(what: &str, dir: &Path) -> CliError {
    CliError::new(format!(
        "{what}: the archive folder {} does not exist",
        dir.display()
    ))
    .with_hint(format!(
        "pass --dir PATH or set {} to the folder that holds your sessions",
        crate::storage::DIR_ENV
    ))
}

/// Said on stderr when a missing folder is read as an empty one.
pub(super) fn missing_note(dir: &Path) -> String {
    format!(
        "note: the archive folder {} does not exist yet, so it holds no sessions; \
         if yours are elsewhere, pass --dir PATH or set {}",
        dir.display(),
        crate::storage::DIR_ENV
    )
}
