//! Changing one action in the session file that holds it, for the actions
//! view and `roundtable actions done|set`: the file is read afresh, changed
//! by the action's id and saved only if nobody changed it in between.

use std::fmt;
use std::path::Path;

use chrono::{DateTime, Utc};

use crate::domain::{ActionChange, ActionItem};
use crate::storage::{LockError, StorageError, load, lock, save_over};

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
    /// Someone has the session open; changing it under them could lose work.
    Locked(LockError),
}

impl fmt::Display for WriteBackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteBackError::Storage(e) => e.fmt(f),
            WriteBackError::NoSuchAction(text) => f.write_str(text),
            WriteBackError::Locked(e) => write!(
                f,
                "not changed: {}. Change the action there, or try again once it is closed",
                e.who()
            ),
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
    // Held until the change is saved, so nobody opens the session meanwhile.
    let _lock = lock(path, now).map_err(WriteBackError::Locked)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActionStatus, Session};
    use crate::storage::save;

    fn archive_with_one_action() -> (tempfile::TempDir, std::path::PathBuf, DateTime<Utc>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut s = Session::for_tests("T", "P", "2026-12-03");
        s.actions.push(ActionItem {
            id: "a-1".into(),
            text: "Book the hall".into(),
            ..Default::default()
        });
        save(&path, &s).unwrap();
        (dir, path, s.created)
    }

    fn done() -> ActionChange {
        ActionChange {
            status: Some(ActionStatus::Done),
            ..Default::default()
        }
    }

    #[test]
    fn marks_the_action_done_in_its_file() {
        let (_dir, path, now) = archive_with_one_action();
        let changed = change_action(&path, "a-1", &done(), now).unwrap();
        assert_eq!(changed.after.status, ActionStatus::Done);
        assert_eq!(load(&path).unwrap().actions[0].status, ActionStatus::Done);
    }

    #[test]
    fn a_session_open_elsewhere_is_not_changed_under_them() {
        let (_dir, path, now) = archive_with_one_action();
        let before = std::fs::read(&path).unwrap();
        let _held = lock(&path, now).unwrap();
        let err = change_action(&path, "a-1", &done(), now).unwrap_err();
        assert!(matches!(err, WriteBackError::Locked(_)), "{err}");
        assert!(
            err.to_string().contains("has had this session open since"),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}
