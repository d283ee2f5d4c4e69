//! The archive as a list of cards (see `domain::Card`), checked against the
//! folder cheaply: a file whose size and modification time are unchanged
//! keeps the card read before; only new or changed files are parsed, on
//! every core. `cache` remembers the cards between runs.

use std::collections::HashMap;
use std::fs::{self, FileType, Metadata};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::archive::sort_key;
use super::file::load_stamped;
use super::paths::session_files;
use super::{Archive, Cache, Messages, StorageError};
use crate::domain::{Card, Session};

/// A file's size and modification time: while both are unchanged, the card
/// read from it before still holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub secs: u64,
    pub nanos: u32,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Option<Stamp> {
        let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: meta.len(),
            secs: since.as_secs(),
            nanos: since.subsec_nanos(),
        })
    }

    pub fn read(path: &Path) -> Option<Stamp> {
        Stamp::of(&fs::metadata(path).ok()?)
    }

    /// The stamp of a folder's entry, following a link as [`Stamp::read`]
    /// does; looked up in the folder already open rather than by the whole
    /// path again, which is much of a check when nothing changed.
    pub fn of_entry(entry: &fs::DirEntry) -> Option<Stamp> {
        match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => Stamp::of(&entry.metadata().ok()?),
            _ => Stamp::read(&entry.path()),
        }
    }
}

/// One file of the archive as last checked: its card, or why it could not
/// be read (kept, so broken files are listed with their reason). The card
/// is shared: the app's list, the library's worker and the cards it
/// remembers hold one copy between them.
#[derive(Debug, Clone)]
pub struct Listed {
    pub path: PathBuf,
    pub stamp: Option<Stamp>,
    pub card: Result<Arc<Card>, Arc<StorageError>>,
}

impl Listed {
    /// This file without the messages of its problems (their counts stay):
    /// at 10,000 sessions the messages weigh as much again as the cards, and
    /// only `list --json` prints them (from the cache's own file for them).
    pub fn without_messages(&self) -> Listed {
        let mut file = self.clone();
        if let Ok(card) = &mut file.card
            && !card.problems.is_empty()
        {
            Arc::make_mut(card).problems = Vec::new();
        }
        file
    }

    /// Reads the file at `path` now.
    pub fn read(path: PathBuf) -> Listed {
        Listed::read_into(path, None, &mut Vec::new())
    }

    /// [`Listed::read`] through `buffer`, with the kind of file a walk of
    /// its folder saw there (see [`load_stamped`]).
    pub fn read_into(path: PathBuf, walked: Option<FileType>, buffer: &mut Vec<u8>) -> Listed {
        let (stamp, session) = load_stamped(&path, walked, buffer);
        let card = session.map(|s| Arc::new(Card::of(&s))).map_err(Arc::new);
        Listed { path, stamp, card }
    }

    /// The card of a session just saved to `path` by this program.
    pub fn saved(path: PathBuf, session: &Session) -> Listed {
        Listed {
            stamp: Stamp::read(&path),
            card: Ok(Arc::new(Card::of(session))),
            path,
        }
    }

    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Whether the file cannot be used as it is: unreadable, or read with
    /// errors (not just warnings).
    pub fn is_broken(&self) -> bool {
        self.card.as_deref().map_or(true, Card::has_errors)
    }

    /// The date the session met, or for an unreadable file the date its
    /// name starts with, so it sorts where expected.
    pub fn date(&self) -> Option<NaiveDate> {
        match &self.card {
            Ok(card) => Some(card.date),
            Err(_) => {
                let name = self.file_name();
                name.get(..10)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            }
        }
    }
}

/// Cards already read, by file name, with the stamp they were read at.
pub type Known = HashMap<String, (Stamp, Arc<Card>)>;

/// Whether the cards `known` were read from the files `listed` as they
/// are now (the same names and stamps): cards of one stamp say the same.
pub fn same_files(listed: &[Listed], known: &Known) -> bool {
    let mut trusted = 0;
    for l in listed {
        if let (Some(stamp), Ok(_)) = (l.stamp, &l.card) {
            trusted += 1;
            if known.get(&l.file_name()).is_none_or(|(was, _)| *was != stamp) {
                return false;
            }
        }
    }
    trusted == known.len()
}

/// Cards of the files in `listed` that can be trusted next time (without
/// the messages of their problems: the counts are kept).
pub fn known(listed: &[Listed]) -> Known {
    listed
        .iter()
        .filter_map(|l| Some((l.file_name(), (l.stamp?, l.without_messages().card.ok()?))))
        .collect()
}

/// Files read per batch, so progress shows while a large archive is read.
const BATCH: usize = 256;

/// Every session file in `dir`, in folder order: a card from `known` where
/// the file's stamp is unchanged, else read now. `progress` is told of each
/// batch of files read, with how many are checked so far of how many in all
/// (first with none read: the files whose cards were kept).
pub fn check(
    dir: &Path,
    known: &Known,
    mut progress: impl FnMut(&[Listed], usize, usize),
) -> Result<Vec<Listed>, StorageError> {
    let mut listed = Vec::new();
    let mut to_read = Vec::new();
    for found in session_files(dir)? {
        // Stamped only when there is a card to keep: a file to read is
        // stamped once open.
        let known = known.get(&found.name);
        let stamp = known.and_then(|_| found.stamp());
        match (known, stamp) {
            (Some((was, card)), Some(now)) if *was == now => listed.push(Listed {
                path: found.path,
                stamp,
                card: Ok(Arc::clone(card)),
            }),
            _ => to_read.push((found.walked(), found.path)),
        }
    }
    let total = listed.len() + to_read.len();
    progress(&[], listed.len(), total);
    for chunk in to_read.chunks(BATCH) {
        let read: Vec<Listed> = chunk
            .par_iter()
            .cloned()
            .map_init(Vec::new, |buffer, (walked, path)| {
                Listed::read_into(path, walked, buffer)
            })
            .collect();
        listed.extend_from_slice(&read);
        progress(&read, listed.len(), total);
    }
    Ok(listed)
}

/// Every session file in the archive as a card, newest first, as `list`
/// prints them: from the cards remembered last time where the files are
/// unchanged, remembering them again when anything changed (with
/// `preview(listed)` for the app's next first frame).
pub fn cards(
    archive: &Archive,
    preview: impl FnOnce(&[Listed]) -> Vec<u8>,
) -> Result<Vec<Listed>, StorageError> {
    let cache = Cache::of(archive.dir());
    let remembered = cache.as_ref().map(Cache::read).unwrap_or_default();
    let mut listed = check(archive.dir(), &remembered, |_, _, _| {})?;
    if let Some(cache) = cache.filter(|_| !same_files(&listed, &remembered)) {
        cache.write(&listed, &preview(&listed));
    }
    listed.sort_by_cached_key(|l| {
        let meta = l
            .card
            .as_ref()
            .ok()
            .map(|c| (c.date, c.start_time, c.title.as_str()));
        sort_key(l.file_name(), meta)
    });
    Ok(listed)
}

/// Puts back the messages of each card's problems where only their counts
/// were remembered: from the cache kept for them, else by reading the file
/// again (`list --json` prints every message).
pub fn with_messages(cache: Option<&Cache>, listed: &mut [Listed]) {
    let mut remembered: Option<Messages> = None;
    for l in listed.iter_mut() {
        if l.card.as_deref().map_or(true, Card::has_messages) {
            continue;
        }
        let remembered = remembered.get_or_insert_with(|| cache.map(Cache::messages).unwrap_or_default());
        match (remembered.remove(&l.file_name()), &mut l.card) {
            (Some((stamp, problems)), Ok(card)) if Some(stamp) == l.stamp => {
                Arc::make_mut(card).problems = problems
            }
            _ => *l = Listed::read(l.path.clone()),
        }
    }
}

#[cfg(test)]
#[path = "catalog_tests.rs"]
mod tests;
