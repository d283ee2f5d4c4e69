//! Small file writes the app makes besides session files: exported minutes
//! and copied example sessions. Both go through a temporary file in the same
//! folder and a rename, so a crash never leaves half a file behind.

use std::io::Write;
use std::path::Path;

use tempfile::NamedTempFile;

/// The minutes of `session` (saved at `path`) for `audience`, with progress
/// since the last session, read from the other sessions in the same folder.
pub fn minutes_with_progress(
    path: &Path,
    session: &crate::domain::Session,
    audience: crate::domain::Audience,
) -> String {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let others: Vec<crate::domain::Session> = crate::storage::Archive::open(folder.to_path_buf())
        .map(|a| a.list().into_iter().filter_map(|e| e.session.ok()).collect())
        .unwrap_or_default();
    crate::export::minutes_with_history_for(session, &crate::domain::History::new(&others), audience)
}

/// Writes `text` to `path` atomically, replacing any file already there;
/// a new file is readable by its owner only, like session files.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), String> {
    crate::storage::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())
}

/// Writes `text` to `path` atomically unless a file is already there.
/// Returns whether the file was written.
pub fn write_new(path: &Path, text: &str) -> Result<bool, String> {
    if path.exists() {
        return Ok(false);
    }
    let file = temp_with(path, text)?;
    match file.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(describe(path, &e.error)),
    }
}

fn temp_with(path: &Path, text: &str) -> Result<NamedTempFile, String> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let mut file = NamedTempFile::new_in(dir).map_err(|e| describe(dir, &e))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| describe(path, &e))?;
    Ok(file)
}

fn describe(path: &Path, error: &std::io::Error) -> String {
    format!("{}: {error}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_new_write_keeps() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("minutes.md");
        write_atomic(&path, "one").unwrap();
        write_atomic(&path, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert!(!write_new(&path, "three").unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let fresh = dir.path().join("fresh.ron");
        assert!(write_new(&fresh, "x").unwrap());
        // Nothing but the two files: no temporary files left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone").join("minutes.md");
        let err = write_atomic(&path, "x").unwrap_err();
        assert!(err.contains("gone"), "{err}");
    }
}
