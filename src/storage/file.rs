//! Loading and saving one session file.

use std::fs::FileType;
use std::io;
use std::path::Path;

use super::StorageError;
use super::atomic::{create_atomic, write_atomic};
use super::catalog::Stamp;
use super::format::{parse, parse_all, try_to_ron};
use super::special::{read_regular, read_regular_into};
use crate::domain::Session;

/// Reads a session file. Mistakes in it come back as
/// [`StorageError::Parse`] with the line, column and what was expected.
pub fn load(path: &Path) -> Result<Session, StorageError> {
    parse(&read_regular(path)?, path)
}

/// [`load`] for reading many files one after another: the file is read
/// into `buffer`, whose memory is reused (fetching fresh memory for each
/// file is much of a first run's time), and comes with its stamp, taken
/// from the open file before it is read: a change while parsing makes the
/// next run read it again rather than keep the older text. `walked` is
/// the kind of file a walk of its folder saw there, when known.
pub fn load_stamped(
    path: &Path,
    walked: Option<FileType>,
    buffer: &mut Vec<u8>,
) -> (Option<Stamp>, Result<Session, StorageError>) {
    match read_regular_into(path, walked, buffer) {
        Ok(meta) => (Stamp::of(&meta), parse(buffer, path)),
        Err(e) => (Stamp::read(path), Err(e)),
    }
}

/// Reads a session file and finds every problem in it, not just the first:
/// each misspelt field and the mistake that stopped parsing, in file order.
/// The session is there when it parsed despite them (`validate` may still
/// find more). For `roundtable check`; the app uses [`load`].
pub fn load_all(path: &Path) -> (Option<Session>, Vec<StorageError>) {
    match read_regular(path) {
        Ok(bytes) => parse_all(&bytes, path),
        Err(e) => (None, vec![e]),
    }
}

/// Saves a session over `path` atomically. Refuses to replace a file that
/// does not read back as a session this version understands, so a person's
/// hand edits (or a newer Roundtable's data) are never lost. The caller keeps
/// `updated` current.
///
/// When the write fails (a full disk, a folder that became read-only or was
/// deleted, a USB stick pulled out), the error is [`StorageError::NotSaved`],
/// saying the work is still in memory and suggesting [`save_as`]. A deleted
/// folder is not re-created: that could silently write to the mount point
/// of an unplugged drive, where nobody would look for the file.
pub fn save(path: &Path, session: &Session) -> Result<(), StorageError> {
    replaceable(path, &load(path))?;
    write(path, session)
}

fn write(path: &Path, session: &Session) -> Result<(), StorageError> {
    let text = try_to_ron(session)?;
    write_atomic(path, text.as_bytes()).map_err(|e| not_saved(path, e))
}

/// Saves a copy of the session as a new file at `path`, for when the usual
/// place cannot be written. Never replaces an existing file.
pub fn save_as(path: &Path, session: &Session) -> Result<(), StorageError> {
    let text = try_to_ron(session)?;
    if create_atomic(path, text.as_bytes()).map_err(|e| not_saved(path, e))? {
        Ok(())
    } else {
        Err(StorageError::NotSaved {
            path: path.into(),
            source: io::Error::from(io::ErrorKind::AlreadyExists),
        })
    }
}

/// A failed write of `path`, reworded to say the work is still open. (The
/// error may be about the temporary file's folder; name the session file.)
fn not_saved(path: &Path, e: StorageError) -> StorageError {
    match e {
        StorageError::Io { source, .. } => StorageError::NotSaved {
            path: path.into(),
            source,
        },
        other => other,
    }
}

/// Like [`save`], but also refuses when the file no longer holds
/// `last_saved` (what Roundtable loaded or last wrote there): someone changed
/// it in another program meanwhile, and their edit would be lost.
pub fn save_over(path: &Path, session: &Session, last_saved: &Session) -> Result<(), StorageError> {
    // Read once: the same reading answers both questions.
    let on_disk = load(path);
    match &on_disk {
        Ok(on_disk) if on_disk != last_saved => Err(StorageError::WontOverwrite {
            path: path.into(),
            reason: "it was changed by another program since Roundtable opened it".into(),
        }),
        _ => {
            replaceable(path, &on_disk)?;
            write(path, session)
        }
    }
}

/// Whether a file that loaded as `on_disk` may be replaced.
fn replaceable(path: &Path, on_disk: &Result<Session, StorageError>) -> Result<(), StorageError> {
    match on_disk {
        Err(StorageError::NewerFormat { version, .. }) => Err(StorageError::WontOverwrite {
            path: path.into(),
            reason: format!(
                "it was written by a newer Roundtable (format {version}), and saving would lose what this version does not understand"
            ),
        }),
        Err(StorageError::Parse {
            line, col, message, ..
        }) => Err(StorageError::WontOverwrite {
            path: path.into(),
            reason: format!(
                "it has a mistake at line {line}, column {col} ({message}), and saving would lose what is in it"
            ),
        }),
        // A folder, a named pipe, a link to nothing: not Roundtable's to replace.
        Err(StorageError::NotAFile { what, .. }) => Err(StorageError::WontOverwrite {
            path: path.into(),
            reason: what.clone(),
        }),
        // Missing or unreadable: the write itself will succeed or say why.
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::storage::to_ron;

    fn sample() -> Session {
        Session::for_tests("Title", "P", "2026-12-03")
    }

    #[test]
    fn save_then_load_gives_the_same_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut s = sample();
        save(&path, &s).unwrap();
        assert_eq!(load(&path).unwrap(), s);
        s.title = "Changed".into();
        save(&path, &s).unwrap();
        assert_eq!(load(&path).unwrap(), s);
        assert_eq!(fs::read_to_string(&path).unwrap(), to_ron(&s));
    }

    #[test]
    fn a_broken_file_is_never_saved_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.ron");
        let broken = to_ron(&sample()).replace("title: \"Title\"", "title: Title");
        fs::write(&path, &broken).unwrap();
        let err = save(&path, &sample()).unwrap_err();
        assert!(matches!(err, StorageError::WontOverwrite { .. }), "{err:?}");
        assert!(err.to_string().contains("line 4, column 12"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    }

    #[test]
    fn a_newer_format_is_never_saved_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.ron");
        let future = to_ron(&sample()).replace("format_version: 4", "format_version: 9");
        fs::write(&path, &future).unwrap();
        assert!(save(&path, &sample()).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), future);
    }

    #[test]
    fn save_over_notices_edits_made_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let opened = sample();
        save(&path, &opened).unwrap();
        let mut mine = opened.clone();
        mine.location = "Hall B".into();
        save_over(&path, &mine, &opened).unwrap();
        let mut theirs = mine.clone();
        theirs.facilitator = "Edited elsewhere".into();
        save(&path, &theirs).unwrap();
        let err = save_over(&path, &mine, &opened).unwrap_err();
        assert!(err.to_string().contains("changed by another program"), "{err}");
        assert_eq!(load(&path).unwrap(), theirs);
        fs::remove_file(&path).unwrap();
        save_over(&path, &mine, &opened).unwrap();
        assert_eq!(load(&path).unwrap(), mine);
    }

    #[test]
    fn a_vanished_folder_is_reported_not_recreated() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("stick");
        fs::create_dir(&folder).unwrap();
        let path = folder.join("s.ron");
        save(&path, &sample()).unwrap();
        fs::remove_dir_all(&folder).unwrap();
        let err = save(&path, &sample()).unwrap_err();
        assert!(matches!(err, StorageError::NotSaved { .. }), "{err:?}");
        assert!(err.to_string().contains("nothing is lost yet"), "{err}");
        assert!(err.hint().unwrap().contains("Save as"));
        assert!(!folder.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_says_so_and_points_to_save_as() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        save(&path, &sample()).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
        let root = fs::write(dir.path().join("probe"), "").is_ok();
        let mut changed = sample();
        changed.title = "Changed".into();
        let result = save(&path, &changed);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        if root {
            return; // Root ignores permissions: nothing to test.
        }
        let err = result.unwrap_err();
        assert!(err.to_string().contains("permission denied"), "{err}");
        assert!(err.hint().unwrap().contains("cannot be written to"));
        assert_eq!(load(&path).unwrap(), sample());
    }

    #[test]
    fn save_as_writes_a_new_file_but_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.ron");
        save_as(&path, &sample()).unwrap();
        assert_eq!(load(&path).unwrap(), sample());
        let mut other = sample();
        other.title = "Other".into();
        let err = save_as(&path, &other).unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(load(&path).unwrap(), sample());
    }

    #[test]
    fn loading_a_missing_file_names_it() {
        let err = load(Path::new("/no/such/place.ron")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "could not read /no/such/place.ron: it does not exist"
        );
    }

    #[test]
    fn saving_over_a_folder_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        assert!(save(dir.path(), &sample()).is_err());
        assert!(dir.path().is_dir());
    }
}
