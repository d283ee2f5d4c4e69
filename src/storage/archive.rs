//! The archive: one folder of session files, listed newest first.

use std::cmp::Reverse;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use rayon::prelude::*;

use super::StorageError;
use super::atomic::create_atomic;
use super::file::load;
use super::format::try_to_ron;
use super::paths::{archive_dir, file_name, session_files};
use crate::domain::{Problem, Session, Severity};

/// A session file found in the archive, parsed or not. Broken files stay in
/// the list with their error, so they can be shown and fixed rather than
/// silently disappearing.
#[derive(Debug)]
pub struct Entry {
    pub path: PathBuf,
    pub session: Result<Session, StorageError>,
}

impl Entry {
    /// The file name, for display.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// What `Session::validate` finds; empty for files that did not parse.
    pub fn problems(&self) -> Vec<Problem> {
        self.session.as_ref().map(Session::validate).unwrap_or_default()
    }

    /// Whether the file cannot be used as it is: it did not parse, or it
    /// parsed with errors (not just warnings).
    pub fn is_broken(&self) -> bool {
        self.session.is_err() || self.problems().iter().any(|p| p.severity == Severity::Error)
    }

    /// Newest first: session date, then start time, then title. Broken files
    /// sort by the date their name starts with, so they appear where expected.
    /// Same-titled copies end on the file name, shortest first (`x`, `x-2`…).
    fn sort_key(&self) -> SortKey {
        let meta = self
            .session
            .as_ref()
            .ok()
            .map(|s| (s.date, s.start_time, s.title.as_str()));
        sort_key(self.file_name(), meta)
    }
}

/// Newest first: session date, then start time, then title. Broken files
/// sort by the date their name starts with, so they appear where expected.
/// Same-titled copies end on the file name, shortest first (`x`, `x-2`…).
pub(super) fn sort_key(name: String, meta: Option<(NaiveDate, Option<NaiveTime>, &str)>) -> SortKey {
    let (date, time, title) = match meta {
        Some((date, time, title)) => (Some(date), time, title.to_lowercase()),
        None => {
            let date = name
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            (date, None, name.to_lowercase())
        }
    };
    (Reverse(date), Reverse(time), title, name.len(), name)
}

pub(super) type SortKey = (
    Reverse<Option<NaiveDate>>,
    Reverse<Option<NaiveTime>>,
    String,
    usize,
    String,
);

/// The folder holding a partnership's sessions.
#[derive(Debug, Clone)]
pub struct Archive {
    dir: PathBuf,
}

impl Archive {
    /// Opens (creating when missing) the archive folder.
    pub fn open(dir: PathBuf) -> Result<Archive, StorageError> {
        let not_a_folder = || std::io::Error::from(std::io::ErrorKind::NotADirectory);
        if dir.exists() && !dir.is_dir() {
            return Err(StorageError::io("use the folder", &dir, not_a_folder()));
        }
        create_private_dir(&dir).map_err(|e| StorageError::io("create the folder", &dir, e))?;
        Ok(Archive { dir })
    }

    /// Opens the folder chosen by `--dir`, `ROUNDTABLE_DIR` or the platform
    /// default (see [`archive_dir`]).
    pub fn resolve(flag: Option<&Path>) -> Result<Archive, StorageError> {
        Archive::open(archive_dir(flag)?)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every session file, newest first; empty if the folder cannot be read
    /// (use [`Archive::scan`] to learn why).
    pub fn list(&self) -> Vec<Entry> {
        self.scan().unwrap_or_default()
    }

    /// Every session file, newest first, or why the folder cannot be read.
    pub fn scan(&self) -> Result<Vec<Entry>, StorageError> {
        let paths: Vec<PathBuf> = session_files(&self.dir)?.map(|f| f.path).collect();
        // Files parse independently: on every core at once.
        let mut entries: Vec<Entry> = paths
            .into_par_iter()
            .map(|path| Entry {
                session: load(&path),
                path,
            })
            .collect();
        entries.sort_by_cached_key(Entry::sort_key);
        Ok(entries)
    }

    /// Saves a new session under a fresh, unique file name and returns it.
    /// Never replaces an existing file, even one created a moment ago.
    pub fn create(&self, session: &Session) -> Result<PathBuf, StorageError> {
        let text = try_to_ron(session)?;
        for n in 1..10_000 {
            let path = self.dir.join(file_name(session, n));
            if !path.exists() && create_atomic(&path, text.as_bytes())? {
                return Ok(path);
            }
        }
        Err(StorageError::io(
            "find a free file name in",
            &self.dir,
            std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        ))
    }
}

/// Creates `dir` and any missing parents, readable by the owner alone
/// (0700 on Unix). A folder that already exists is left as it is: it may be
/// one the person chose to share.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::storage::save;

    fn session(title: &str, date: (i32, u32, u32), time: Option<(u32, u32)>) -> Session {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut s = Session::new(
            title,
            "P",
            NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
            now,
        );
        s.start_time = time.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0));
        s
    }

    #[test]
    fn open_creates_the_folder_and_rejects_a_file() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a").join("b");
        assert_eq!(Archive::open(dir.clone()).unwrap().dir(), dir);
        assert!(dir.is_dir());
        let file = tmp.path().join("f");
        fs::write(&file, "x").unwrap();
        let err = Archive::open(file.clone()).unwrap_err();
        let expected = format!(
            "could not use the folder {}: it, or a folder in its path, is a file",
            file.display()
        );
        assert!(err.to_string().starts_with(&expected), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_folder_is_private_and_an_existing_one_untouched() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let tmp = tempfile::tempdir().unwrap();
        let shared = tmp.path().join("shared");
        fs::create_dir(&shared).unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o755)).unwrap();
        Archive::open(shared.join("new").join("sessions")).unwrap();
        assert_eq!(mode(&shared), 0o755);
        assert_eq!(mode(&shared.join("new")), 0o700);
        assert_eq!(mode(&shared.join("new").join("sessions")), 0o700);
    }

    #[test]
    fn create_picks_unique_names() {
        let tmp = tempfile::tempdir().unwrap();
        let archive = Archive::open(tmp.path().into()).unwrap();
        let s = session("June review", (2026, 6, 1), None);
        let names: Vec<String> = (0..3)
            .map(|_| {
                archive
                    .create(&s)
                    .unwrap()
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            names,
            [
                "2026-06-01-june-review.ron",
                "2026-06-01-june-review-2.ron",
                "2026-06-01-june-review-3.ron"
            ]
        );
        assert_eq!(load(&tmp.path().join(&names[2])).unwrap(), s);
    }

    #[test]
    fn list_is_newest_first_keeps_broken_files_and_skips_others_lists_special_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let archive = Archive::open(tmp.path().into()).unwrap();
        archive.create(&session("Old", (2025, 1, 1), None)).unwrap();
        archive
            .create(&session("Beta", (2026, 3, 1), Some((9, 0))))
            .unwrap();
        archive
            .create(&session("Alpha", (2026, 3, 1), Some((9, 0))))
            .unwrap();
        archive
            .create(&session("Early", (2026, 3, 1), Some((8, 0))))
            .unwrap();
        fs::write(tmp.path().join("2025-06-01-broken.ron"), "(title: oops").unwrap();
        fs::write(tmp.path().join(".hidden.ron"), "junk").unwrap();
        fs::write(tmp.path().join("notes.md"), "junk").unwrap();
        fs::create_dir(tmp.path().join("folder.ron")).unwrap();
        let names: Vec<String> = archive.list().iter().map(Entry::file_name).collect();
        assert_eq!(
            names,
            [
                "2026-03-01-alpha.ron",
                "2026-03-01-beta.ron",
                "2026-03-01-early.ron",
                "2025-06-01-broken.ron",
                "2025-01-01-old.ron",
                "folder.ron"
            ]
        );
        let broken = &archive.list()[3];
        assert!(broken.is_broken() && broken.problems().is_empty());
        assert!(matches!(broken.session, Err(StorageError::Parse { .. })));
        // Named like a session but not a file: listed as unreadable, saying why.
        let folder = &archive.list()[5];
        let why = folder.session.as_ref().unwrap_err().to_string();
        assert!(why.ends_with("folder.ron: it is a folder, not a file"), "{why}");
    }

    #[test]
    fn validation_errors_mark_an_entry_broken_but_warnings_do_not() {
        let tmp = tempfile::tempdir().unwrap();
        let mut s = session("T", (2026, 1, 1), None);
        s.actions.push(Default::default());
        let path = tmp.path().join("w.ron");
        save(&path, &s).unwrap();
        let entry = Entry {
            session: load(&path),
            path: path.clone(),
        };
        assert!(!entry.problems().is_empty() && !entry.is_broken());
        s.title = String::new();
        save(&path, &s).unwrap();
        assert!(
            Entry {
                session: load(&path),
                path
            }
            .is_broken()
        );
    }

    #[test]
    fn scan_reports_a_vanished_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("gone");
        let archive = Archive::open(dir.clone()).unwrap();
        fs::remove_dir(&dir).unwrap();
        assert!(archive.scan().unwrap_err().to_string().contains("gone"));
        assert!(archive.list().is_empty());
    }
}
