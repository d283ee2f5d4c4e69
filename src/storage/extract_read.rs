//! The archive as `search` and `actions` read it: each session from the
//! remembered extract (see `extract`) while its file's stamp is unchanged,
//! else parsed now, on every core; the extract is written again when
//! anything changed. Never trusted over the files: a file whose stamp
//! differs is parsed again, and one gone is dropped.

use std::collections::HashMap;
use std::fs::FileType;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use super::archive::{SortKey, sort_key};
use super::cache::SETTLE;
use super::catalog::Stamp;
use super::extract::{Extracts, Remembered, ToRemember, head_of};
use super::file::load_stamped;
use super::paths::session_files;
use super::{Archive, StorageError};
use crate::domain::{Session, TextPool, Texts, lean, texts_of};

/// How much of each session is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// What search reads: the search texts, and of the session its title,
    /// partnership, date and the like, and its actions' ids alone.
    Search,
    /// What `actions` reads: of the session its title, partnership, date
    /// and the like, its actions and its participants; no search texts.
    Actions,
    /// All the extract keeps: of the session its head, its actions and its
    /// participants (as [`lean`] keeps them), with its search texts.
    Lean,
}

/// Every session of an archive that could be read, newest first, with its
/// file and search texts; the files that could not be read are counted.
#[derive(Debug, Default)]
pub struct Extracted {
    pub paths: Vec<PathBuf>,
    pub sessions: Vec<Session>,
    pub texts: Vec<Texts>,
    /// Each file's stamp as it was read.
    pub stamps: Vec<Stamp>,
    /// Each file that could not be read, with its stamp when one could be
    /// taken.
    pub unread: Vec<Unread>,
    /// The extract to write again, when anything changed and it is not
    /// written yet (see [`extracted_later`]).
    pub remembering: Option<Remembering>,
}

impl Extracted {
    /// Room for `n` more sessions read.
    fn reserve(&mut self, n: usize) {
        self.paths.reserve_exact(n);
        self.sessions.reserve_exact(n);
        self.texts.reserve_exact(n);
        self.stamps.reserve_exact(n);
    }
}

/// A file that could not be read: its name, and its stamp when one could
/// be taken.
pub type Unread = (String, Option<Stamp>);

/// The extract to write again after a read that found changes.
#[derive(Debug)]
pub struct Remembering {
    extracts: Extracts,
    depth: Depth,
    /// Where each session read came from, in the order read.
    origins: Vec<Origin>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// The extract.
    Kept,
    /// Its file, read now.
    Read,
    /// Its file, read now but changed too recently to remember.
    Unsettled,
}

/// Reads the archive to `depth`, from the extract remembered beside its
/// cards where files are unchanged, remembering it again when anything
/// changed.
pub fn extracted(archive: &Archive, depth: Depth) -> Result<Extracted, StorageError> {
    extracted_with(archive, Extracts::of(archive.dir()).as_ref(), depth)
}

/// [`extracted`] with the extract kept in `extracts` (none: read every file).
pub fn extracted_with(
    archive: &Archive,
    extracts: Option<&Extracts>,
    depth: Depth,
) -> Result<Extracted, StorageError> {
    let mut out = extracted_later(archive, extracts, depth)?;
    if let Some(remembering) = out.remembering.take() {
        remembering.write(&out.paths, &out.sessions, &out.texts, &out.stamps);
    }
    Ok(out)
}

/// [`extracted_with`], leaving the extract to write to
/// [`Extracted::remembering`], so a caller can write it while it works
/// with what was read.
pub fn extracted_later(
    archive: &Archive,
    extracts: Option<&Extracts>,
    depth: Depth,
) -> Result<Extracted, StorageError> {
    let dir = archive.dir();
    let files = session_files(dir)?;
    let mut remembered: HashMap<String, Remembered> = extracts
        .map(|e| e.read(depth))
        .unwrap_or_default()
        .into_iter()
        .map(|r| (r.name.clone(), r))
        .collect();
    let before = remembered.len();
    // Every session, the ones kept from the extract first, then those read
    // now, each written into place once.
    let mut all: Vec<(PathBuf, Result<Remembered, Unread>)> = Vec::new();
    let mut to_read = Vec::new();
    for found in files {
        // Stamped only when there is something remembered to keep: a file
        // to read is stamped once open.
        match remembered.remove(&found.name) {
            Some(r) if found.stamp() == Some(r.stamp) => all.push((found.path, Ok(r))),
            _ => to_read.push((found.walked(), found.path, found.name)),
        }
    }
    let first_fresh = all.len();
    // One pool and one buffer for the sessions read one after another on a
    // core, so the words they repeat (carried actions, the same people) are
    // held once and each file is read into the same memory: less memory to
    // fetch from the system, which is much of a first run.
    all.par_extend(
        to_read
            .into_par_iter()
            .map_init(<(TextPool, Vec<u8>)>::default, |(pool, buffer), file| {
                read_one(file, pool, buffer)
            }),
    );
    let fresh = first_fresh..all.len();
    let changed = first_fresh < before
        || all[fresh.clone()]
            .iter()
            .any(|(_, r)| r.as_ref().is_ok_and(|r| settled(r.stamp)));
    let mut out = Extracted::default();
    for (_, read) in &mut all[fresh] {
        if let Err(unread) = read {
            out.unread.push(std::mem::take(unread));
        }
    }
    // Sorted by where each session goes, then each moved once, into place:
    // a session is large, and gathering, sorting and placing them moved
    // each several times over.
    let mut order: Vec<(SortKey, usize)> = all
        .iter()
        .enumerate()
        .filter_map(|(at, (_, r))| {
            let r = r.as_ref().ok()?;
            let s = &r.session;
            Some((
                sort_key(r.name.clone(), Some((s.date, s.start_time, s.title.as_str()))),
                at,
            ))
        })
        .collect();
    order.sort_unstable();
    out.reserve(order.len());
    let mut origins = Vec::with_capacity(order.len());
    for (_, at) in order {
        let (path, slot) = &mut all[at];
        let Ok(r) = std::mem::replace(slot, Err(Unread::default())) else {
            continue;
        };
        origins.push(match (at >= first_fresh, settled(r.stamp)) {
            (false, _) => Origin::Kept,
            (true, true) => Origin::Read,
            (true, false) => Origin::Unsettled,
        });
        out.paths.push(std::mem::take(path));
        out.sessions.push(r.session);
        out.texts.push(r.texts);
        out.stamps.push(r.stamp);
    }
    out.remembering = extracts.filter(|_| changed).map(|extracts| Remembering {
        extracts: extracts.clone(),
        depth,
        origins,
    });
    Ok(out)
}

/// A file to read, as the walk found it, read now: what the extract keeps
/// of its session, or its name and stamp when it cannot be read.
fn read_one(
    (walked, path, name): (Option<FileType>, PathBuf, String),
    pool: &mut TextPool,
    buffer: &mut Vec<u8>,
) -> (PathBuf, Result<Remembered, Unread>) {
    let (stamp, session) = load_stamped(&path, walked, buffer);
    let read = match session {
        Ok(session) => Ok(Remembered {
            name,
            // A file without a time is never remembered (see `remember`).
            stamp: stamp.unwrap_or(Stamp {
                size: 0,
                secs: u64::MAX,
                nanos: 0,
            }),
            texts: texts_of(&session, pool),
            session: as_kept(session, pool),
        }),
        Err(_) => Err((name, stamp)),
    };
    (path, read)
}

/// `session` as the extract keeps it (see [`Depth::Lean`]), so what is read
/// now and what is remembered are the same: its head, and its actions and
/// participants as [`lean`] keeps them.
pub(super) fn as_kept(mut session: Session, pool: &mut TextPool) -> Session {
    let actions = std::mem::take(&mut session.actions);
    let participants = std::mem::take(&mut session.participants);
    let mut kept = head_of(session);
    kept.actions = actions;
    kept.participants = participants;
    lean(kept, pool)
}

/// Whether a file of `stamp` changed long enough ago to be remembered: one
/// changed within the same tick of its file system's clock may change again
/// without its stamp changing (as for the cards).
pub fn settled(stamp: Stamp) -> bool {
    let before = SystemTime::now()
        .checked_sub(SETTLE)
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    stamp.secs < before
}

impl Remembering {
    /// Writes the extract of the sessions read (`paths` and the rest, as
    /// [`Extracted`] holds them): those kept from it and those read now
    /// that had settled.
    pub fn write(&self, paths: &[PathBuf], sessions: &[Session], texts: &[Texts], stamps: &[Stamp]) {
        // Search and actions read each remembered session in part: the
        // extract is written from whole ones. One that changed meanwhile
        // is left out.
        let whole: Option<HashMap<String, Remembered>> = (self.depth != Depth::Lean).then(|| {
            self.extracts
                .read(Depth::Lean)
                .into_iter()
                .map(|r| (r.name.clone(), r))
                .collect()
        });
        let names: Vec<String> = paths
            .iter()
            .map(|p| p.file_name().unwrap_or_default().to_string_lossy().into_owned())
            .collect();
        let mut list = Vec::with_capacity(sessions.len());
        for (i, origin) in self.origins.iter().enumerate() {
            let (Some(name), Some(session), Some(texts), Some(&stamp)) =
                (names.get(i), sessions.get(i), texts.get(i), stamps.get(i))
            else {
                continue;
            };
            let now = ToRemember {
                name,
                stamp,
                session,
                texts,
            };
            match (origin, &whole) {
                (Origin::Read, _) | (Origin::Kept, None) => list.push(now),
                (Origin::Kept, Some(whole)) => {
                    if let Some(w) = whole.get(name).filter(|w| w.stamp == stamp) {
                        list.push(w.to_remember());
                    }
                }
                (Origin::Unsettled, _) => {}
            }
        }
        self.extracts.write(list);
    }
}

#[cfg(test)]
#[path = "extract_read_tests.rs"]
mod tests;
