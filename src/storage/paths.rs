//! Where sessions live, and what their files are called.

use std::ffi::OsString;
use std::fs::{self, FileType};
use std::path::{Path, PathBuf};

use super::StorageError;
use super::catalog::Stamp;
use crate::domain::{Session, slug};

/// The environment variable that chooses the archive folder.
pub const DIR_ENV: &str = "ROUNDTABLE_DIR";

/// The archive folder: `--dir` if given, else `$ROUNDTABLE_DIR`, else the
/// platform's data folder (e.g. `~/.local/share/roundtable/sessions`).
pub fn archive_dir(flag: Option<&Path>) -> Result<PathBuf, StorageError> {
    resolve(flag, std::env::var_os(DIR_ENV), default_dir)
}

/// [`archive_dir`] with the environment passed in, so it can be tested.
fn resolve(
    flag: Option<&Path>,
    env: Option<OsString>,
    default: impl FnOnce() -> Option<PathBuf>,
) -> Result<PathBuf, StorageError> {
    if let Some(dir) = flag.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = env.filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    default().ok_or(StorageError::NoDataDir)
}

fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Roundtable", "roundtable").map(|p| p.data_dir().join("sessions"))
}

/// The file name a session is first saved under: `{date}-{slug}.ron`, or
/// `{date}-{slug}-{n}.ron` for the `n`th with the same date and title. The
/// slug can hold no separator or leading dot, so the name stays in its folder.
pub fn file_name(session: &Session, n: u32) -> String {
    let stem = format!("{}-{}", session.date, slug(&session.title));
    if n <= 1 {
        format!("{stem}.ron")
    } else {
        format!("{stem}-{n}.ron")
    }
}

/// Whether a folder entry is a session file: `*.ron`, not hidden.
pub fn is_session_file(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    !name.starts_with('.') && path.extension().is_some_and(|e| e == "ron")
}

/// A session file found in a walk of its folder (see [`session_files`]).
pub(crate) struct Found {
    pub path: PathBuf,
    pub name: String,
    entry: fs::DirEntry,
}

impl Found {
    /// Its stamp, looked up in the folder already open.
    pub fn stamp(&self) -> Option<Stamp> {
        Stamp::of_entry(&self.entry)
    }

    /// The kind of file the walk saw (see `special::read_regular_into`).
    pub fn walked(&self) -> Option<FileType> {
        self.entry.file_type().ok()
    }
}

/// Every session file in `dir`, in folder order. Folders, pipes and broken
/// links named `*.ron` are found too: they are listed as unreadable, saying
/// what they are, not skipped.
pub(crate) fn session_files(dir: &Path) -> Result<impl Iterator<Item = Found>, StorageError> {
    let read = fs::read_dir(dir).map_err(|e| StorageError::io("read the folder", dir, e))?;
    Ok(read.flatten().filter_map(|entry| {
        let path = entry.path();
        is_session_file(&path).then(|| Found {
            name: entry.file_name().to_string_lossy().into_owned(),
            path,
            entry,
        })
    }))
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;

    #[test]
    fn flag_beats_env_beats_default() {
        let default = || Some(PathBuf::from("/data/sessions"));
        let env = Some(OsString::from("/env"));
        assert_eq!(
            resolve(Some(Path::new("/flag")), env.clone(), default).unwrap(),
            Path::new("/flag")
        );
        assert_eq!(resolve(None, env, default).unwrap(), Path::new("/env"));
        assert_eq!(resolve(None, None, default).unwrap(), Path::new("/data/sessions"));
        assert_eq!(
            resolve(None, Some(OsString::new()), default).unwrap(),
            Path::new("/data/sessions")
        );
    }

    #[test]
    fn no_home_folder_is_a_clear_error() {
        let err = resolve(None, None, || None).unwrap_err();
        assert!(matches!(err, StorageError::NoDataDir));
        assert!(err.hint().is_some_and(|h| h.contains("ROUNDTABLE_DIR")));
    }

    #[test]
    fn the_default_is_a_sessions_folder() {
        if let Some(dir) = default_dir() {
            assert!(dir.ends_with("sessions"));
        }
    }

    #[test]
    fn file_names_from_date_and_title_stay_in_the_folder() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let s = Session::new("../../etc/passwd", "", date, now);
        assert_eq!(file_name(&s, 1), "2026-12-03-etc-passwd.ron");
        assert_eq!(file_name(&s, 3), "2026-12-03-etc-passwd-3.ron");
        assert_eq!(Path::new(&file_name(&s, 2)).components().count(), 1);
    }

    #[test]
    fn only_visible_ron_files_are_sessions() {
        assert!(is_session_file(Path::new("/a/2026-01-01-x.ron")));
        assert!(!is_session_file(Path::new("/a/.roundtable-x.ron")));
        assert!(!is_session_file(Path::new("/a/notes.md")));
        assert!(!is_session_file(Path::new("/a/ron")));
    }
}
