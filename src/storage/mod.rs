//! Session files on disk: one pretty RON file per session in an archive
//! folder. (Skeleton: the storage work item replaces this with atomic saves,
//! precise errors and archive-folder resolution; keep these signatures.)

use std::fs;
use std::path::{Path, PathBuf};

use crate::domain::Session;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}:{col}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
}

/// A session file found in the archive, parsed or not.
#[derive(Debug)]
pub struct Entry {
    pub path: PathBuf,
    pub session: Result<Session, StorageError>,
}

/// The folder holding a partnership's sessions.
#[derive(Debug, Clone)]
pub struct Archive {
    dir: PathBuf,
}

impl Archive {
    /// Opens (creating when missing) the archive folder.
    pub fn open(dir: PathBuf) -> Result<Archive, StorageError> {
        fs::create_dir_all(&dir).map_err(|source| StorageError::Io {
            path: dir.clone(),
            source,
        })?;
        Ok(Archive { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every `.ron` file in the folder, newest session first.
    pub fn list(&self) -> Vec<Entry> {
        let mut entries: Vec<Entry> = fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .map(|path| Entry {
                session: load(&path),
                path,
            })
            .collect();
        entries.sort_by(|a, b| b.path.cmp(&a.path));
        entries
    }

    /// Saves a new session under a fresh, unique file name and returns it.
    pub fn create(&self, session: &Session) -> Result<PathBuf, StorageError> {
        let path = self.dir.join(format!("{}.ron", session.id));
        save(&path, session)?;
        Ok(path)
    }
}

pub fn to_ron(session: &Session) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false);
    ron::ser::to_string_pretty(session, config).unwrap_or_default() + "\n"
}

pub fn load(path: &Path) -> Result<Session, StorageError> {
    let text = fs::read_to_string(path).map_err(|source| StorageError::Io {
        path: path.into(),
        source,
    })?;
    ron::from_str(&text).map_err(|e| StorageError::Parse {
        path: path.into(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })
}

pub fn save(path: &Path, session: &Session) -> Result<(), StorageError> {
    fs::write(path, to_ron(session)).map_err(|source| StorageError::Io {
        path: path.into(),
        source,
    })
}
