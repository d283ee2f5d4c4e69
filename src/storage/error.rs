//! What can go wrong with session files, worded for the people who will read
//! it: every error names the file or folder it is about, and most carry a hint
//! saying what to do next.

use std::io;
use std::path::PathBuf;

/// The advice given whenever a session file cannot be read as a session.
pub const FIX_HINT: &str = "fix the file in a text editor, then run `roundtable check`";

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The operating system refused a read, write or folder creation.
    #[error("could not {action} {}: {}", .path.display(), plain_io(.source))]
    Io {
        /// What we were doing, as a verb phrase: "read", "save", "create the folder"…
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// Saving failed (a full disk, a read-only or vanished folder…). What
    /// the person typed is still open in Roundtable.
    #[error("could not save {}: {}. Your work is still open in Roundtable, so nothing is lost yet", .path.display(), save_failure(.source))]
    NotSaved { path: PathBuf, source: io::Error },
    /// The file is not a readable session; line and column are 1-based.
    #[error("{}:{line}:{col}: {message}", .path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    /// The name is a session file's but it is not a plain file (a folder, a
    /// named pipe, a link to nothing…), so it was never opened.
    #[error("could not read {}: {what}", .path.display())]
    NotAFile { path: PathBuf, what: String },
    /// The file comes from a newer Roundtable; reading it here could lose
    /// what this version does not understand.
    #[error("{}: {}", .path.display(), newer_format(*.version))]
    NewerFormat { path: PathBuf, version: u32 },
    /// Saving would replace a file that Roundtable cannot read back, losing
    /// whatever the person wrote in it.
    #[error("{} was not saved over: {reason}", .path.display())]
    WontOverwrite { path: PathBuf, reason: String },
    /// No `--dir`, no `ROUNDTABLE_DIR`, and no home folder to fall back on.
    #[error("could not work out where to keep sessions: this system has no home folder")]
    NoDataDir,
    /// `find` matched nothing.
    #[error("no session called \"{name}\" in {}{}", .dir.display(), list_candidates(.candidates, "similar sessions"))]
    NotFound {
        name: String,
        dir: PathBuf,
        candidates: Vec<String>,
    },
    /// `find` matched more than one session.
    #[error("\"{name}\" matches more than one session{}", list_candidates(.candidates, "candidates"))]
    Ambiguous { name: String, candidates: Vec<String> },
    /// Serialising a session failed; never expected, but never written out half-done.
    #[error("could not turn the session into text: {0}")]
    Format(String),
}

impl StorageError {
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> StorageError {
        StorageError::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// What the person can do about it, when there is something useful to say.
    pub fn hint(&self) -> Option<String> {
        match self {
            StorageError::Parse { .. } | StorageError::WontOverwrite { .. } => Some(FIX_HINT.into()),
            StorageError::NewerFormat { .. } => Some(
                "the file is left exactly as it is; open it with the newer Roundtable that wrote it".into(),
            ),
            StorageError::NoDataDir => {
                Some("pass `--dir PATH`, or set the ROUNDTABLE_DIR environment variable to a folder".into())
            }
            StorageError::NotFound { .. } => {
                Some("run `roundtable list` to see every session, or give the path to the file".into())
            }
            StorageError::Ambiguous { .. } => Some("use the file name (without .ron) to pick one".into()),
            StorageError::NotSaved { path, source } => Some(save_hint(path, source)),
            StorageError::NotAFile { .. } => Some(
                "Roundtable reads only plain files: move it out of the folder or rename it so its name \
                 does not end in .ron"
                    .into(),
            ),
            StorageError::Io {
                action: "read",
                source,
                ..
            } if source.kind() == io::ErrorKind::PermissionDenied => Some(
                "you are not allowed to read it: ask whoever owns it to share it, or change its permissions \
                 (for example `chmod u+r` on the file)"
                    .into(),
            ),
            StorageError::Io { source, .. } if source.kind() == io::ErrorKind::PermissionDenied => {
                Some("check that you are allowed to use this folder, or choose another with `--dir`".into())
            }
            _ => None,
        }
    }
}

impl StorageError {
    /// Why, without naming the file: for messages that name it already.
    pub fn reason(&self) -> String {
        match self {
            StorageError::Io { source, .. } => plain_io(source),
            StorageError::NotSaved { source, .. } => save_failure(source),
            StorageError::Parse {
                line, col, message, ..
            } => format!("line {line}, column {col}: {message}"),
            StorageError::NewerFormat { version, .. } => newer_format(*version),
            StorageError::WontOverwrite { reason, .. } => reason.clone(),
            StorageError::NotAFile { what, .. } => what.clone(),
            other => other.to_string(),
        }
    }
}

/// Why a save failed, in plain words.
fn save_failure(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "its folder is no longer there".into(),
        io::ErrorKind::AlreadyExists => "a file with that name already exists".into(),
        _ => plain_io(e),
    }
}

/// What to do when a save failed: always a way to keep the work elsewhere.
fn save_hint(path: &std::path::Path, e: &io::Error) -> String {
    let folder = path.parent().unwrap_or(path).display();
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "free some space on the disk and save again, or use Save as to keep a copy on another drive"
                .into()
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            format!("{folder} cannot be written to: use Save as to keep a copy in a folder you can write to")
        }
        io::ErrorKind::NotFound => format!(
            "{folder} was moved, deleted or is on a drive that was unplugged: put it back and save again, \
             or use Save as to choose another folder"
        ),
        io::ErrorKind::AlreadyExists => "choose another name".into(),
        _ => "try again, or use Save as to keep a copy somewhere else".into(),
    }
}

/// Why a file from a newer Roundtable is refused, without the file name.
pub fn newer_format(version: u32) -> String {
    format!(
        "format_version {version}: written by a newer Roundtable, and this one reads up to format {}: update Roundtable to open it",
        crate::domain::FORMAT_VERSION
    )
}

/// The operating system's reason in plain words, without "(os error 2)".
fn plain_io(e: &io::Error) -> String {
    use io::ErrorKind::*;
    match e.kind() {
        NotFound => "it does not exist".into(),
        PermissionDenied => "permission denied".into(),
        AlreadyExists => "it already exists".into(),
        IsADirectory => "it is a folder, not a file".into(),
        NotADirectory => "it, or a folder in its path, is a file and not a folder".into(),
        StorageFull => "the disk is full".into(),
        ReadOnlyFilesystem => "the disk is read-only".into(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

fn list_candidates(candidates: &[String], label: &str) -> String {
    if candidates.is_empty() {
        return String::new();
    }
    let lines: Vec<String> = candidates.iter().map(|c| format!("\n  {c}")).collect();
    format!("; {label}:{}", lines.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_name_the_path_in_plain_words() {
        let e = StorageError::io("read", "/x/a.ron", io::Error::from(io::ErrorKind::NotFound));
        assert_eq!(e.to_string(), "could not read /x/a.ron: it does not exist");
        let denied = StorageError::io("save", "/x", io::Error::from(io::ErrorKind::PermissionDenied));
        assert!(denied.hint().is_some_and(|h| h.contains("--dir")));
    }

    #[test]
    fn failed_saves_say_the_work_is_safe_and_where_else_to_put_it() {
        let full = StorageError::NotSaved {
            path: "/m/s.ron".into(),
            source: io::Error::from(io::ErrorKind::StorageFull),
        };
        assert_eq!(
            full.to_string(),
            "could not save /m/s.ron: the disk is full. Your work is still open in Roundtable, so nothing is lost yet"
        );
        assert!(full.hint().unwrap().contains("Save as"));
        let gone = StorageError::NotSaved {
            path: "/m/s.ron".into(),
            source: io::Error::from(io::ErrorKind::NotFound),
        };
        assert!(
            gone.to_string().contains("its folder is no longer there"),
            "{gone}"
        );
        assert!(gone.hint().unwrap().starts_with("/m was moved, deleted"));
    }

    #[test]
    fn the_reason_leaves_out_the_file_name() {
        let full = StorageError::NotSaved {
            path: "/m/s.ron".into(),
            source: io::Error::from(io::ErrorKind::StorageFull),
        };
        assert_eq!(full.reason(), "the disk is full");
        let parse = StorageError::Parse {
            path: "/m/.s.recovery.ron".into(),
            line: 3,
            col: 7,
            message: "expected a comma".into(),
        };
        assert_eq!(parse.reason(), "line 3, column 7: expected a comma");
    }

    #[test]
    fn parse_errors_read_like_compiler_messages() {
        let e = StorageError::Parse {
            path: "s.ron".into(),
            line: 3,
            col: 7,
            message: "expected a comma".into(),
        };
        assert_eq!(e.to_string(), "s.ron:3:7: expected a comma");
        assert_eq!(e.hint().as_deref(), Some(FIX_HINT));
    }

    #[test]
    fn lookups_list_their_candidates() {
        let e = StorageError::Ambiguous {
            name: "june".into(),
            candidates: vec!["a".into(), "b".into()],
        };
        assert_eq!(
            e.to_string(),
            "\"june\" matches more than one session; candidates:\n  a\n  b"
        );
        let none = StorageError::NotFound {
            name: "x".into(),
            dir: "/d".into(),
            candidates: vec![],
        };
        assert_eq!(none.to_string(), "no session called \"x\" in /d");
    }
}
