//! Shared set-up for the benchmarks: generated archives on disk, made once
//! per size and kept for the whole run.
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use chrono::{DateTime, Utc};
use roundtable::app::library::preview;
use roundtable::domain::Session;
use roundtable::storage::{Archive, Cache, Known, check, sample};
use tempfile::TempDir;

/// Archive sizes: the 1,000 and 10,000 sessions under `cargo bench`,
/// a small one when `cargo test` runs each benchmark once (no `--bench`).
pub fn sizes() -> Vec<usize> {
    if std::env::args().any(|a| a == "--bench") {
        vec![1_000, 10_000]
    } else {
        vec![30]
    }
}

/// Items in the long session of the per-keystroke, export and save benches.
pub const ITEMS: usize = 2_000;

pub const SEED: u64 = 2026;

/// Thursday 3 December 2026, 09:30 UTC.
pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-03T09:30:00Z")
        .unwrap()
        .to_utc()
}

/// The generated sessions of an `n`-session archive.
pub fn sessions(n: usize) -> Vec<Session> {
    sample::sessions(n, SEED)
}

/// A folder holding an `n`-session archive, written on first use.
pub fn archive(n: usize) -> Archive {
    static DIRS: OnceLock<Mutex<HashMap<usize, TempDir>>> = OnceLock::new();
    let mut dirs = DIRS.get_or_init(Default::default).lock().unwrap();
    let dir = dirs.entry(n).or_insert_with(|| {
        let dir = tempfile::tempdir().unwrap();
        sample::write(dir.path(), &sessions(n)).unwrap();
        dir
    });
    Archive::open(dir.path().to_path_buf()).unwrap()
}

/// The cache of the `n`-session archive, written on first use as a run of
/// the app that finished checking it leaves it (stamps in the past, so
/// every card is remembered).
pub fn remembered(n: usize) -> Cache {
    static CACHES: OnceLock<Mutex<HashMap<usize, (TempDir, Cache)>>> = OnceLock::new();
    let archive = archive(n);
    let mut caches = CACHES.get_or_init(Default::default).lock().unwrap();
    let (_, cache) = caches.entry(n).or_insert_with(|| {
        let folder = tempfile::tempdir().unwrap();
        let cache = Cache::in_folder(folder.path(), archive.dir());
        let mut listed = check(archive.dir(), &Known::new(), |_, _, _| {}).unwrap();
        for stamp in listed.iter_mut().filter_map(|l| l.stamp.as_mut()) {
            stamp.secs = 0;
        }
        cache.write(&listed, &preview(&listed));
        (folder, cache)
    });
    cache.clone()
}
