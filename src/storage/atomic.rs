//! Writing a file so that it is either the old version or the new one, never
//! half of each: write a temporary file beside it, sync it to disk, then
//! rename it over the target in one step.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

use super::StorageError;

/// Replaces (or creates) `path` with `bytes` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let temp = write_temp(path, bytes)?;
    if let Ok(meta) = fs::metadata(path) {
        // Keep the permissions the person gave the file.
        let _ = fs::set_permissions(temp.path(), meta.permissions());
    }
    temp.persist(path)
        .map_err(|e| StorageError::io("save", path, e.error))?;
    sync_parent(path);
    Ok(())
}

/// Writes `bytes` to `path` only if nothing is there yet; `Ok(false)` when
/// the name is taken, so callers can try another name without any race.
pub fn create_atomic(path: &Path, bytes: &[u8]) -> Result<bool, StorageError> {
    let temp = write_temp(path, bytes)?;
    match temp.persist_noclobber(path) {
        Ok(_) => {
            sync_parent(path);
            Ok(true)
        }
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(StorageError::io("save", path, e.error)),
    }
}

/// How temporary files start and end; the process id follows the prefix,
/// so leftovers of a crash can be told from files being written now.
const TEMP_PREFIX: &str = ".roundtable-";
const TEMP_SUFFIX: &str = ".tmp";
/// No write keeps its temporary file anywhere near this long.
const LEFTOVER_AFTER: Duration = Duration::from_secs(60);

/// A fully written and synced temporary file in `path`'s folder (a dotfile,
/// so archive listings skip it), named `.roundtable-{pid}-{random}.tmp`.
/// Dropped on error, which deletes it.
fn write_temp(path: &Path, bytes: &[u8]) -> Result<NamedTempFile, StorageError> {
    let dir = parent(path);
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        // Sessions name people and what they said: a new file is the owner's
        // alone (an existing file's permissions are copied over afterwards).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    let mut temp = builder
        .tempfile_in(&dir)
        .map_err(|e| StorageError::io("write in the folder", &dir, e))?;
    let file = temp.as_file_mut();
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .and_then(|()| file.sync_all())
        .map_err(|e| StorageError::io("save", path, e))?;
    Ok(temp)
}

/// Removes the temporary files a crash (or `kill -9`) left in `dir` in the
/// middle of a save. Only plain files that no write could still be using:
/// more than a minute old, and not named after a process running here (the
/// folder may be shared, so age alone decides for another computer's).
/// Returns how many went.
pub fn clean_leftovers(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(middle) = name
                .strip_prefix(TEMP_PREFIX)
                .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
            else {
                return false;
            };
            let Ok(meta) = entry.path().symlink_metadata() else {
                return false;
            };
            let old = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age > LEFTOVER_AFTER);
            // Files from before the pid was in the name have none.
            let writer = middle
                .split_once('-')
                .and_then(|(pid, _)| pid.parse::<u32>().ok());
            meta.is_file() && old && !writer.is_some_and(super::whoami::is_alive)
        })
        .filter(|entry| fs::remove_file(entry.path()).is_ok())
        .count()
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes the rename itself durable. Best effort: not every system can sync a
/// folder, and the data is already safe in the file.
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(parent(path)) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temp_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "old and much longer content").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(names(dir.path()), ["a.txt"]);
    }

    #[test]
    fn create_never_clobbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.txt");
        assert!(create_atomic(&path, b"first").unwrap());
        assert!(!create_atomic(&path, b"second").unwrap());
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(names(dir.path()), ["b.txt"]);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("c.txt");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("nope"), "{err}");
        assert!(!path.exists());
    }

    #[test]
    fn temp_files_are_named_after_their_process() {
        let dir = tempfile::tempdir().unwrap();
        let temp = write_temp(&dir.path().join("a.ron"), b"x").unwrap();
        let name = temp.path().file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with(&format!(".roundtable-{}-", std::process::id())),
            "{name}"
        );
    }

    #[test]
    fn only_leftovers_of_ended_writers_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        let dead = super::super::whoami::DEAD_PID;
        let make = |name: &str, old: bool| {
            let path = d.join(name);
            fs::write(&path, "(complete)").unwrap();
            if old {
                let file = fs::File::options().write(true).open(&path).unwrap();
                file.set_modified(long_ago).unwrap();
            }
        };
        make(&format!(".roundtable-{dead}-abc.tmp"), true); // a crash's: goes
        make(".roundtable-Xy12Zq.tmp", true); // an older Roundtable's: goes
        make(&format!(".roundtable-{dead}-new.tmp"), false); // being written elsewhere, maybe
        make(&format!(".roundtable-{}-mine.tmp", std::process::id()), true); // a live writer's
        make("session.ron", true);
        fs::create_dir(d.join(".roundtable-1-dir.tmp")).unwrap();
        assert_eq!(clean_leftovers(d), 2);
        let mut kept = vec![
            format!(".roundtable-{}-mine.tmp", std::process::id()),
            ".roundtable-1-dir.tmp".into(),
            format!(".roundtable-{dead}-new.tmp"),
            "session.ron".into(),
        ];
        kept.sort();
        assert_eq!(names(d), kept);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        write_atomic(&a, b"x").unwrap();
        assert!(create_atomic(&b, b"x").unwrap());
        for path in [a, b] {
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn keeps_existing_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.txt");
        fs::write(&path, "x").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"y").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }
}
