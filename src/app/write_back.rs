//! Changing one action in the session file that holds it, for the actions
//! view and `roundtable actions done|set`: the file is read afresh, changed
//! by the action's id and saved only if nobody changed it in between.

use std::fmt;
use std::path::Path;

use chrono::{DateTime, Utc};

use crate::domain::{ActionChange, ActionItem};
use crate::storage::{StorageError, load, save_over};

/// The action before and after; equal when it was already like that (and
/// then nothing was written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub before: ActionItem,
    pub after: ActionItem,
}

#[derive(Debug)]
pub enum WriteBackError {
    /// The file could not be read, or was not saved over.
    Storage(StorageError),
    /// The file holds no action with that id (any more).
    NoSuchAction(String),
}

impl fmt::Display for WriteBackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteBackError::Storage(e) => e.fmt(f),
            WriteBackError::NoSuchAction(text) => f.write_str(text),
        }
    }
}

/// Applies `change` to the action `id` in the session saved at `path`.
pub fn change_action(
    path: &Path,
    id: &str,
    change: &ActionChange,
    now: DateTime<Utc>,
) -> Result<Changed, WriteBackError> {
    let on_disk = load(path).map_err(WriteBackError::Storage)?;
    let mut session = on_disk.clone();
    let before = session
        .change_action(id, change, now)
        .map_err(WriteBackError::NoSuchAction)?;
    let after = session
        .actions
        .iter()
        .find(|a| a.id == before.id)
        .cloned()
        .unwrap_or_default();
    if after != before {
        save_over(path, &session, &on_disk).map_err(WriteBackError::Storage)?;
    }
    Ok(Changed { before, after })
}
