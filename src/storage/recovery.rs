//! Never losing what was typed, even to a crash or a power cut.
//!
//! While a session is open, the app writes what is on screen to a hidden
//! journal beside the session file (`.{stem}.recovery.ron`) a moment after
//! each change, and removes it once the session is saved. A journal still
//! there at the next start, newer than its session, holds work that was
//! never saved.
//!
//! For the app:
//! - as you type (debounced): [`write_recovery`]`(session_path, &session)`;
//! - after each successful save, and when the person closes without saving
//!   or declines a recovery: [`discard_recovery`]`(session_path)`;
//! - at start: for each path in [`pending_recoveries`]`(archive_dir)`, read
//!   it with [`read_recovery`], show `domain::differences(&saved, &recovered)`
//!   and offer to restore it (then save it) or discard it;
//! - in the panic hook: [`write_recovery`] if the session has a file, and
//!   [`write_panic_recovery`] if that fails, printing the path it returns.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{create_atomic, write_atomic};
use super::format::try_to_ron;
use super::lock::{is_locked, sidecar};
use super::paths::file_name;
use super::special::read_regular;
use super::{StorageError, load};
use crate::domain::Session;

const SUFFIX: &str = "recovery.ron";

/// The journal file for a session: `.{stem}.recovery.ron` beside it.
pub fn recovery_path(session_path: &Path) -> PathBuf {
    sidecar(session_path, SUFFIX)
}

/// Replaces the session's journal with `session`, atomically.
pub fn write_recovery(session_path: &Path, session: &Session) -> Result<(), StorageError> {
    let text = try_to_ron(session)?;
    write_atomic(&recovery_path(session_path), text.as_bytes())
}

/// The journaled session, if there is a journal: `None` when there is none,
/// an error when it cannot be read (it is then left alone).
pub fn read_recovery(session_path: &Path) -> Option<Result<Session, StorageError>> {
    let path = recovery_path(session_path);
    match load(&path) {
        Err(StorageError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => None,
        result => Some(result),
    }
}

/// Removes the session's journal; nothing to do when there is none.
pub fn discard_recovery(session_path: &Path) -> Result<(), StorageError> {
    let path = recovery_path(session_path);
    match fs::remove_file(&path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(StorageError::io("remove", path, e)),
        _ => Ok(()),
    }
}

/// The session files in `dir` whose journal holds unsaved work: the journal
/// is newer than the session file (or has the same time but other
/// contents), or the session file is gone. Sessions open in a running
/// Roundtable are left out: their journal is live, not abandoned. Sorted.
pub fn pending_recoveries(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = read
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stem = name.strip_prefix('.')?.strip_suffix(&format!(".{SUFFIX}"))?;
            let session = dir.join(format!("{stem}.ron"));
            (is_pending(&session, &entry.path()) && !is_locked(&session)).then_some(session)
        })
        .collect();
    found.sort();
    found
}

fn is_pending(session: &Path, journal: &Path) -> bool {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(session), modified(journal)) {
        (None, _) => true,
        (Some(saved), Some(journaled)) if journaled > saved => true,
        (Some(saved), Some(journaled)) if journaled == saved => {
            read_regular(session).ok() != read_regular(journal).ok()
        }
        _ => false,
    }
}

/// Writes the session to a new, visible file in `dir`, for when it cannot
/// be saved where it belongs: `{date}-{slug}-rescued.ron`, numbered when
/// taken. It shows up in the archive like any session. When `dir` cannot be
/// written either, the file goes to the home folder (where the person will
/// find it, and which survives a restart), and only then to the system's
/// temporary folder.
pub fn write_panic_recovery(dir: &Path, session: &Session) -> Result<PathBuf, StorageError> {
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    let folders: Vec<PathBuf> = [Some(dir.to_path_buf()), home, Some(std::env::temp_dir())]
        .into_iter()
        .flatten()
        .collect();
    write_rescue_in(&folders, session)
}

/// [`write_panic_recovery`] into the first of `folders` that takes it.
fn write_rescue_in(folders: &[PathBuf], session: &Session) -> Result<PathBuf, StorageError> {
    let text = try_to_ron(session)?;
    let stem = file_name(session, 1);
    let stem = stem.trim_end_matches(".ron");
    let mut last = None;
    for folder in folders {
        for n in 1..100 {
            let name = match n {
                1 => format!("{stem}-rescued.ron"),
                n => format!("{stem}-rescued-{n}.ron"),
            };
            let path = folder.join(name);
            match create_atomic(&path, text.as_bytes()) {
                Ok(true) => return Ok(path),
                Ok(false) => continue,
                Err(e) => {
                    last = Some(e);
                    break;
                }
            }
        }
    }
    let dir = folders.first().map_or(Path::new("."), PathBuf::as_path);
    Err(last.unwrap_or_else(|| {
        StorageError::io(
            "find a free file name in",
            dir,
            io::Error::from(io::ErrorKind::AlreadyExists),
        )
    }))
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::storage::save;

    fn sample() -> Session {
        Session::for_tests("Kick-off", "P", "2026-12-03")
    }

    #[test]
    fn a_journal_is_written_read_and_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("2026-12-03-kick-off.ron");
        save(&session, &sample()).unwrap();
        assert!(read_recovery(&session).is_none());
        let mut typed = sample();
        typed.location = "Hall B".into();
        write_recovery(&session, &typed).unwrap();
        assert!(dir.path().join(".2026-12-03-kick-off.recovery.ron").is_file());
        assert_eq!(read_recovery(&session).unwrap().unwrap(), typed);
        assert_eq!(pending_recoveries(dir.path()), std::slice::from_ref(&session));
        discard_recovery(&session).unwrap();
        discard_recovery(&session).unwrap();
        assert!(read_recovery(&session).is_none());
        assert!(pending_recoveries(dir.path()).is_empty());
    }

    #[test]
    fn a_journal_older_than_its_saved_session_is_not_pending() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        write_recovery(&session, &sample()).unwrap();
        assert_eq!(
            pending_recoveries(dir.path()),
            std::slice::from_ref(&session),
            "no session file yet"
        );
        save(&session, &sample()).unwrap();
        let journal = fs::File::options()
            .write(true)
            .open(recovery_path(&session))
            .unwrap();
        let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
        journal.set_modified(long_ago).unwrap();
        assert!(pending_recoveries(dir.path()).is_empty());
    }

    #[test]
    fn the_journal_of_a_session_open_elsewhere_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let open = crate::storage::lock(&session, now).unwrap();
        write_recovery(&session, &sample()).unwrap();
        assert!(pending_recoveries(dir.path()).is_empty());
        drop(open);
        assert_eq!(pending_recoveries(dir.path()), std::slice::from_ref(&session));
    }

    #[test]
    fn an_unreadable_journal_is_reported_not_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        fs::write(recovery_path(&session), "(title: ").unwrap();
        assert!(matches!(
            read_recovery(&session),
            Some(Err(StorageError::Parse { .. }))
        ));
    }

    #[test]
    fn journals_stay_out_of_the_archive_listing() {
        let dir = tempfile::tempdir().unwrap();
        let archive = crate::storage::Archive::open(dir.path().into()).unwrap();
        let path = archive.create(&sample()).unwrap();
        write_recovery(&path, &sample()).unwrap();
        assert_eq!(archive.list().len(), 1);
    }

    #[test]
    fn a_panic_file_is_new_and_visible_and_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_panic_recovery(dir.path(), &sample()).unwrap();
        let second = write_panic_recovery(dir.path(), &sample()).unwrap();
        assert_eq!(first, dir.path().join("2026-12-03-kick-off-rescued.ron"));
        assert_eq!(second, dir.path().join("2026-12-03-kick-off-rescued-2.ron"));
        assert_eq!(load(&second).unwrap(), sample());
    }

    #[test]
    fn a_panic_file_falls_back_to_the_next_folder() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        let home = dir.path().join("home");
        fs::create_dir(&home).unwrap();
        let path = write_rescue_in(&[gone, home.clone()], &sample()).unwrap();
        assert!(path.starts_with(&home), "{}", path.display());
        assert_eq!(load(&path).unwrap(), sample());
    }
}
