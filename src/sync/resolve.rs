//! Ending a conflict: the merged session saved over the original (under its
//! lock, atomically), and the conflict copy moved to the trash, where it
//! can still be restored.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::domain::Session;
use crate::storage::{self, Archive};

/// Saves `merged` as `original` and moves `copy` to the archive's trash;
/// where the copy went. The message says what failed and that nothing was
/// lost (the original and the copy are untouched until the save succeeds).
pub fn resolve(
    original: &Path,
    copy: &Path,
    merged: &Session,
    now: DateTime<Utc>,
) -> Result<PathBuf, String> {
    let lock = storage::lock(original, now).map_err(|e| {
        let hint = e.hint().map(|h| format!("; {h}")).unwrap_or_default();
        format!("the merge was not saved: {}{hint}", e.who())
    })?;
    storage::save(original, merged).map_err(|e| {
        let hint = e.hint().map(|h| format!("; {h}")).unwrap_or_default();
        format!("the merge was not saved, both versions are as they were: {e}{hint}")
    })?;
    drop(lock);
    let dir = copy.parent().unwrap_or(Path::new("."));
    let archive = Archive::open(dir.to_path_buf()).map_err(|e| e.to_string())?;
    archive.remove(copy, now).map_err(|e| {
        format!(
            "the merge was saved in {}, but the conflict copy could not be moved to the trash: {e}; remove it by hand",
            original.display()
        )
    })
}
