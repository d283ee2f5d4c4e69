//! The terminal: set it up, run the app's event loop, and always restore it.
//! (Skeleton: the app-shell work item fills this in.)

use crate::storage::Archive;

/// Runs the interactive app on `archive` until the user quits.
pub fn run(_archive: Archive) -> std::io::Result<()> {
    Ok(())
}
