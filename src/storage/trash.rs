//! Removed sessions: moved into a `trash` folder inside the archive, never
//! deleted, so a removal can always be undone. The archive lists only the
//! files at its top level, so a session in the trash is out of the home
//! screen, search, actions, measures and reports without any of them
//! needing to know about the trash.
//!
//! A move never replaces a file: a name already taken gets a number
//! (`x-2.ron`), in the trash and on the way back alike. The session's
//! recovery journal moves with it, so unsaved work is neither offered for a
//! removed session nor lost.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::archive::{Archive, Entry};
use super::atomic::create_atomic;
use super::lock::{LockError, lock};
use super::recovery::recovery_path;
use super::{StorageError, paths::is_session_file};

/// The trash folder's name inside the archive.
pub const TRASH: &str = "trash";

#[derive(Debug, thiserror::Error)]
pub enum TrashError {
    /// Someone has the session open: removing it under them could lose work.
    #[error("{} was not removed: {}", .path.display(), .holder.who())]
    Locked { path: PathBuf, holder: LockError },
    /// Only a session file directly in the archive (or in its trash) moves.
    #[error("{} is not a session file in {}", .path.display(), .folder.display())]
    NotInFolder { path: PathBuf, folder: PathBuf },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl TrashError {
    pub fn hint(&self) -> Option<String> {
        match self {
            TrashError::Locked { .. } => Some("close it there first, then remove it again".into()),
            TrashError::NotInFolder { .. } => {
                Some("name a session by its file name or title, as `roundtable list` shows it".into())
            }
            TrashError::Storage(e) => e.hint(),
        }
    }
}

impl Archive {
    /// The trash folder (it may not exist yet).
    pub fn trash_dir(&self) -> PathBuf {
        self.dir().join(TRASH)
    }

    /// Moves the session at `path` (a file in this archive) and its recovery
    /// journal into the trash, and returns where it went. Refused while
    /// someone has the session open; the lock is held during the move, so
    /// nobody opens it meanwhile.
    pub fn remove(&self, path: &Path, now: DateTime<Utc>) -> Result<PathBuf, TrashError> {
        check_in(path, self.dir())?;
        let _lock = lock(path, now).map_err(|holder| TrashError::Locked {
            path: path.into(),
            holder,
        })?;
        let trash = self.trash_dir();
        create_dir(&trash)?;
        Ok(move_session(path, &trash)?)
    }

    /// How many session files are in the trash, without reading them.
    pub fn trash_len(&self) -> usize {
        fs::read_dir(self.trash_dir())
            .map(|read| read.flatten().filter(|e| is_session_file(&e.path())).count())
            .unwrap_or(0)
    }

    /// The sessions in the trash, newest first; none when there is no trash.
    pub fn trashed(&self) -> Result<Vec<Entry>, StorageError> {
        let trash = self.trash_dir();
        if !trash.is_dir() {
            return Ok(Vec::new());
        }
        Archive::open(trash)?.scan()
    }

    /// Moves a session from the trash (`path` is a file in it) back into
    /// the archive, under a new name if its old one is taken, and returns
    /// where it went.
    pub fn restore(&self, path: &Path) -> Result<PathBuf, TrashError> {
        check_in(path, &self.trash_dir())?;
        Ok(move_session(path, self.dir())?)
    }
}

/// Refuses anything but a session file directly inside `folder`.
fn check_in(path: &Path, folder: &Path) -> Result<(), TrashError> {
    let canonical = |p: &Path| fs::canonicalize(p).ok();
    let parent = path.parent().and_then(canonical);
    if is_session_file(path) && path.is_file() && parent.is_some() && parent == canonical(folder) {
        Ok(())
    } else {
        Err(TrashError::NotInFolder {
            path: path.into(),
            folder: folder.into(),
        })
    }
}

fn create_dir(dir: &Path) -> Result<(), StorageError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| StorageError::io("create the folder", dir, e))
}

/// Moves a session file into `to`, under its own name or the first free
/// numbered one, then its journal beside it. Returns the new path.
fn move_session(path: &Path, to: &Path) -> Result<PathBuf, StorageError> {
    let name = path.file_name().unwrap_or_default();
    let stem = Path::new(name).file_stem().unwrap_or_default().to_string_lossy();
    for n in 1..10_000 {
        let target = match n {
            1 => to.join(name),
            n => to.join(format!("{stem}-{n}.ron")),
        };
        if move_new(path, &target)? {
            let journal = recovery_path(path);
            if journal.exists() {
                // The session itself moved: a journal that cannot follow
                // stays where it was, where `roundtable` still offers it.
                let _ = move_new(&journal, &recovery_path(&target));
            }
            return Ok(target);
        }
    }
    Err(StorageError::io(
        "find a free file name in",
        to,
        io::Error::from(io::ErrorKind::AlreadyExists),
    ))
}

/// Moves `from` to `to` unless something is already at `to` (`Ok(false)`).
/// A hard link cannot replace a file, unlike a rename; where links are not
/// supported (some USB sticks) the file is copied, never replacing either.
fn move_new(from: &Path, to: &Path) -> Result<bool, StorageError> {
    match fs::hard_link(from, to) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
        Err(_) => {
            let bytes = fs::read(from).map_err(|e| StorageError::io("read", from, e))?;
            if !create_atomic(to, &bytes)? {
                return Ok(false);
            }
        }
    }
    fs::remove_file(from).map_err(|e| StorageError::io("remove", from, e))?;
    Ok(true)
}

#[cfg(test)]
#[path = "trash_tests.rs"]
mod tests;
