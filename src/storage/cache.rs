//! The archive's remembered cards, so the sessions list can be drawn before
//! any file is read. Only ever a shortcut: each card is keyed by its file's
//! name, size and modification time and is checked against the folder
//! before it is trusted; an unreadable, stale or foreign cache is ignored
//! and written afresh. It lives in the platform's cache folder (never in a
//! synced archive), one file per archive, replaced in one step, so two
//! running copies of Roundtable never see half of one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::catalog::{Known, Listed, Stamp};
use crate::domain::Card;

/// The environment variable that chooses the cache folder.
pub const CACHE_ENV: &str = "ROUNDTABLE_CACHE_DIR";

/// Changes whenever [`Card`] or this file's layout changes, so an older
/// cache is ignored rather than misread (the format is not self-describing).
const LAYOUT: u32 = 2;

/// A file changed this recently may change again within the same tick of
/// its file system's clock, leaving its stamp unchanged: its card is not
/// remembered, so the next run reads it again.
const SETTLE: Duration = Duration::from_secs(2);

#[derive(Serialize, Deserialize)]
struct CacheFile {
    layout: u32,
    /// The archive folder, to ignore a cache whose name collided.
    dir: String,
    cards: Vec<(String, Stamp, Card)>,
}

/// The remembered cards of one archive folder.
#[derive(Debug, Clone)]
pub struct Cache {
    file: PathBuf,
    /// The archive folder, written into the cache to ignore one whose
    /// file name collided.
    dir: String,
}

impl Cache {
    /// The cache of the archive in `dir`: under `$ROUNDTABLE_CACHE_DIR`,
    /// else the platform cache folder; `None` when there is neither (the
    /// app then works without).
    pub fn of(dir: &Path) -> Option<Cache> {
        let base = match std::env::var_os(CACHE_ENV).filter(|d| !d.is_empty()) {
            Some(d) => PathBuf::from(d),
            None => directories::ProjectDirs::from("org", "Roundtable", "roundtable")?
                .cache_dir()
                .to_path_buf(),
        };
        Some(Cache::in_folder(&base, dir))
    }

    /// The cache of the archive in `dir`, kept in the folder `base`.
    pub fn in_folder(base: &Path, dir: &Path) -> Cache {
        let dir = std::fs::canonicalize(dir)
            .unwrap_or_else(|_| dir.to_path_buf())
            .to_string_lossy()
            .into_owned();
        let name = format!("{:016x}.cards", fnv(dir.as_bytes()));
        Cache {
            file: base.join("archives").join(name),
            dir,
        }
    }

    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The cards remembered; empty when there are none to trust.
    pub fn read(&self) -> Known {
        let Ok(bytes) = std::fs::read(&self.file) else {
            return Known::new();
        };
        match postcard::from_bytes::<CacheFile>(&bytes) {
            Ok(cache) if cache.layout == LAYOUT && cache.dir == self.dir => cache
                .cards
                .into_iter()
                .map(|(name, stamp, card)| (name, (stamp, card)))
                .collect(),
            _ => Known::new(),
        }
    }

    /// Remembers the cards of `listed`. Best effort: a cache that cannot be
    /// written only means a slower start next time.
    pub fn write(&self, listed: &[Listed]) {
        let settled = SystemTime::now()
            .checked_sub(SETTLE)
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs());
        let cards = listed
            .iter()
            .filter_map(|l| {
                let stamp = l.stamp.filter(|s| s.secs < settled)?;
                Some((l.file_name(), stamp, l.card.as_ref().ok()?.clone()))
            })
            .collect();
        let cache = CacheFile {
            layout: LAYOUT,
            dir: self.dir.clone(),
            cards,
        };
        if let Ok(bytes) = postcard::to_stdvec(&cache) {
            let _ = replace(&self.file, &bytes);
        }
    }
}

/// Writes `bytes` beside `path` and renames it over, in one step. No sync
/// to disk: a cache lost in a power cut is simply rebuilt.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    temp.write_all(bytes)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// FNV-1a: a stable name for an archive's cache file on every platform and
/// Rust version (the standard hasher promises neither).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
