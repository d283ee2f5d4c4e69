//! Following a session file as another program saves it, for the
//! read-only presenter window. Saves replace the file by an atomic rename,
//! so the folder is watched and events are kept for the file's name only.
//! Watching never opens the file for writing, locks it or leaves anything
//! beside it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

/// A watch on one file; dropping it stops watching.
pub struct FileWatch {
    _watcher: RecommendedWatcher,
    changes: Receiver<()>,
}

impl FileWatch {
    /// Starts watching `path`'s folder for changes to `path`.
    pub fn new(path: &Path) -> notify::Result<FileWatch> {
        let name: Option<OsString> = path.file_name().map(OsString::from);
        let folder: PathBuf = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (tx, changes) = channel();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            let ours = event.is_ok_and(|e| {
                !e.kind.is_access() && e.paths.iter().any(|p| p.file_name() == name.as_deref())
            });
            if ours {
                let _ = tx.send(());
            }
        })?;
        watcher.watch(&folder, RecursiveMode::NonRecursive)?;
        Ok(FileWatch {
            _watcher: watcher,
            changes,
        })
    }

    /// Waits up to `timeout` for a change; true when there was one (any
    /// burst of events counts once).
    pub fn changed(&self, timeout: Duration) -> bool {
        let changed = self.changes.recv_timeout(timeout).is_ok();
        while self.changes.try_recv().is_ok() {}
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_is_noticed_and_its_neighbours_are_not() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("s.ron");
        std::fs::write(&path, "a").unwrap_or_else(|e| panic!("{e}"));
        let watch = FileWatch::new(&path).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("other.ron"), "b").unwrap_or_else(|e| panic!("{e}"));
        assert!(!watch.changed(Duration::from_millis(300)));
        crate::storage::write_atomic(&path, b"c").unwrap_or_else(|e| panic!("{e}"));
        assert!(watch.changed(Duration::from_secs(10)));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap_or_else(|e| panic!("{e}"))
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        assert_eq!(names.len(), 2, "watching leaves nothing behind: {names:?}");
    }
}
