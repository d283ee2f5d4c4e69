//! The archive's remembered cards, so the sessions list can be drawn before
//! any file is read. Only ever a shortcut: each card is keyed by its file's
//! name, size and modification time and is checked against the folder
//! before it is trusted; an unreadable, stale or foreign cache is ignored
//! and written afresh. It lives in the platform's cache folder (never in a
//! synced archive), one file per archive, replaced in one step, so two
//! running copies of Roundtable never see half of one.
//!
//! The file starts with a small head: what the first frame of the sessions
//! list needs (opaque bytes from the app), read alone so the list shows
//! at once whatever the archive's size; the cards follow. The messages of
//! each file's problems live in a second file beside it, read only by the
//! one command that prints them all (`list --json`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::catalog::{Known, Listed, Stamp};
use crate::domain::{Card, Problem};

/// The environment variable that chooses the cache folder.
pub const CACHE_ENV: &str = "ROUNDTABLE_CACHE_DIR";

/// Changes whenever [`Card`] or this file's layout changes, so an older
/// cache is ignored rather than misread (the format is not self-describing).
const LAYOUT: u32 = 3;

/// A file changed this recently may change again within the same tick of
/// its file system's clock, leaving its stamp unchanged: its card is not
/// remembered, so the next run reads it again.
pub(super) const SETTLE: Duration = Duration::from_secs(2);

/// The start of the cards file, with its length before it.
#[derive(Serialize, Deserialize)]
struct Head {
    layout: u32,
    /// The archive folder, to ignore a cache whose name collided.
    dir: String,
    /// What the app draws its first frame from.
    preview: Vec<u8>,
}

/// The messages of each file's problems, by name and stamp, as read (written as [`ProblemsOut`]).
#[derive(Deserialize)]
struct ProblemsFile {
    layout: u32,
    dir: String,
    problems: Vec<(String, Stamp, Vec<Problem>)>,
}

/// [`ProblemsFile`] as written: the messages read this run are borrowed from
/// their cards, not copied (at 10,000 sessions a first check found 20 MB).
#[derive(Serialize)]
struct ProblemsOut<'a> {
    layout: u32,
    dir: &'a str,
    problems: Vec<(&'a str, Stamp, Cow<'a, [Problem]>)>,
}

/// The remembered messages of each file's problems, with the stamp of the
/// file they were found in.
pub type Messages = HashMap<String, (Stamp, Vec<Problem>)>;

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
        let Some((_, body)) = self.split(&bytes) else {
            return Known::new();
        };
        postcard::from_bytes::<Vec<(String, Stamp, Card)>>(body)
            .map(|cards| {
                cards
                    .into_iter()
                    .map(|(name, stamp, card)| (name, (stamp, Arc::new(card))))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What the app remembered for its first frame, reading only the start
    /// of the file; `None` when there is nothing to trust.
    pub fn preview(&self) -> Option<Vec<u8>> {
        let mut file = std::fs::File::open(&self.file).ok()?;
        let mut len = [0; 4];
        file.read_exact(&mut len).ok()?;
        let mut head = vec![0; usize::try_from(u32::from_le_bytes(len)).ok()?];
        file.read_exact(&mut head).ok()?;
        self.head(&head).map(|h| h.preview)
    }

    fn head(&self, bytes: &[u8]) -> Option<Head> {
        postcard::from_bytes::<Head>(bytes)
            .ok()
            .filter(|h| h.layout == LAYOUT && h.dir == self.dir)
    }

    /// The head and the cards' bytes of a whole cards file, when it is ours.
    fn split<'a>(&self, bytes: &'a [u8]) -> Option<(Head, &'a [u8])> {
        let len = usize::try_from(u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?)).ok()?;
        let head = self.head(bytes.get(4..4 + len)?)?;
        Some((head, bytes.get(4 + len..)?))
    }

    fn messages_file(&self) -> PathBuf {
        self.file.with_extension("problems")
    }

    /// The messages remembered for files with problems.
    pub fn messages(&self) -> Messages {
        let Ok(bytes) = std::fs::read(self.messages_file()) else {
            return Messages::new();
        };
        match postcard::from_bytes::<ProblemsFile>(&bytes) {
            Ok(file) if file.layout == LAYOUT && file.dir == self.dir => file
                .problems
                .into_iter()
                .map(|(name, stamp, problems)| (name, (stamp, problems)))
                .collect(),
            _ => Messages::new(),
        }
    }

    /// Remembers the cards of `listed`, and `preview` for the next first
    /// frame. Best effort: a cache that cannot be written only means a
    /// slower start next time.
    pub fn write(&self, listed: &[Listed], preview: &[u8]) {
        let settled = SystemTime::now()
            .checked_sub(SETTLE)
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs());
        let cards: Vec<(String, Stamp, &Card)> = listed
            .iter()
            .filter_map(|l| {
                let stamp = l.stamp.filter(|s| s.secs < settled)?;
                Some((l.file_name(), stamp, l.card.as_deref().ok()?))
            })
            .collect();
        self.write_messages(&cards);
        let head = Head {
            layout: LAYOUT,
            dir: self.dir.clone(),
            preview: preview.to_vec(),
        };
        let Ok(head) = postcard::to_stdvec(&head) else {
            return;
        };
        let Ok(len) = u32::try_from(head.len()) else {
            return;
        };
        let _ = replace_with(&self.file, |out| {
            out.write_all(&len.to_le_bytes())?;
            out.write_all(&head)?;
            postcard::to_io(&cards, out)
                .map(drop)
                .map_err(std::io::Error::other)
        });
    }

    /// The messages of the cards' problems: those read this run, and those
    /// remembered for files unchanged since.
    fn write_messages(&self, cards: &[(String, Stamp, &Card)]) {
        let mut before: Option<Messages> = None;
        let problems = cards
            .iter()
            .filter(|(_, _, card)| card.has_problems())
            .filter_map(|(name, stamp, card)| {
                if !card.problems.is_empty() {
                    return Some((name.as_str(), *stamp, Cow::Borrowed(card.problems.as_slice())));
                }
                let (was, problems) = before.get_or_insert_with(|| self.messages()).remove(name)?;
                (was == *stamp).then_some((name.as_str(), *stamp, Cow::Owned(problems)))
            })
            .collect();
        let file = ProblemsOut {
            layout: LAYOUT,
            dir: &self.dir,
            problems,
        };
        let _ = replace_with(&self.messages_file(), |out| {
            postcard::to_io(&file, out)
                .map(drop)
                .map_err(std::io::Error::other)
        });
    }
}

/// Writes what `write` writes beside `path`, as it writes it (through a
/// buffer, so a large file is never held whole in memory first), and
/// renames it over, in one step. No sync to disk: a cache lost in a power
/// cut is simply rebuilt.
pub(super) fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    let mut out = std::io::BufWriter::new(temp.as_file_mut());
    write(&mut out)?;
    out.flush()?;
    drop(out);
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
