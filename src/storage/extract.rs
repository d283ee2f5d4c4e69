//! The remembered extract of each session, beside the cards (see `cache`):
//! what `search` and `actions` read from a session, so they need not parse
//! every file again when nothing changed. Only ever a shortcut, like the
//! cards: keyed by each file's name, size and modification time, checked
//! against the folder before it is trusted (see `extract_read`), ignored
//! when unreadable, from another version or for another folder, and
//! replaced in one step, so two running copies never see half of one (the
//! last to write wins).
//!
//! MessagePack with field names, because the session types leave out
//! fields that hold their default when written (a format without names
//! would misread them). The file has three parts, each with its length
//! before it: a head; the front, which `search` reads alone (each session's
//! head, its action ids and its search texts, each distinct text once); and
//! the back: the actions and participants, each distinct one once (carried
//! actions and the same people repeat from session to session). Nothing
//! else of a session is kept: no command that reads the extract uses it,
//! and encoding it made a first run slower.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::Cache;
use super::cache::replace_with;
use super::catalog::Stamp;
use super::extract_read::Depth;
use crate::domain::{ActionItem, Participant, Section, Session, Step, Text, Texts};

/// Changes whenever this file's layout changes; the program's version is
/// checked too, as the session types may change with it.
const LAYOUT: u32 = 5;

/// One remembered session: its file's name and stamp, the session (all the
/// extract keeps, see [`Depth::Lean`], or the part search or actions read)
/// and its search texts (none for actions).
#[derive(Debug, Clone)]
pub struct Remembered {
    pub name: String,
    pub stamp: Stamp,
    pub session: Session,
    pub texts: Texts,
}

/// A session to remember, borrowed from wherever it is held.
#[derive(Debug, Clone, Copy)]
pub struct ToRemember<'a> {
    pub name: &'a str,
    pub stamp: Stamp,
    /// As the extract keeps it (see [`Depth::Lean`]): it is written as it is.
    pub session: &'a Session,
    pub texts: &'a Texts,
}

impl Remembered {
    pub fn to_remember(&self) -> ToRemember<'_> {
        ToRemember {
            name: &self.name,
            stamp: self.stamp,
            session: &self.session,
            texts: &self.texts,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Head {
    layout: u32,
    version: String,
    /// The archive folder, to ignore an extract whose name collided.
    dir: String,
}

/// `P` and `E` are how the texts and the entries are read (see
/// `extract_brief`).
#[derive(Serialize, Deserialize)]
struct Front<P, E> {
    /// Every distinct search text.
    texts: P,
    entries: Vec<E>,
}

/// A front entry as written, borrowed from the session (read back as a
/// `BriefEntry`).
#[derive(Serialize)]
struct FrontEntry<'a> {
    name: &'a str,
    stamp: Stamp,
    /// The session's head.
    rest: Brief<Cow<'a, str>>,
    action_ids: Vec<&'a str>,
    /// Each search text as three numbers: its place, item and text.
    texts: Vec<u32>,
}

#[derive(Serialize, Deserialize, Default)]
struct Back {
    /// How many distinct actions and participants follow, each kind in a
    /// part of its own, one encoded after another.
    counts: [u32; KINDS],
    /// Each entry's actions and participants.
    entries: Vec<[Vec<u32>; KINDS]>,
}

/// The remembered extract of one archive folder.
#[derive(Debug, Clone)]
pub struct Extracts {
    file: PathBuf,
    dir: String,
}

impl Extracts {
    /// The extract of the archive in `dir`, in the cards' cache folder;
    /// `None` when there is none.
    pub fn of(dir: &Path) -> Option<Extracts> {
        Cache::of(dir).map(|cache| Extracts::beside(&cache, dir))
    }

    /// The extract kept beside `cache`, the cards of the archive in `dir`.
    pub fn beside(cache: &Cache, dir: &Path) -> Extracts {
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        Extracts {
            file: cache.file().with_extension("extract"),
            dir: dir.to_string_lossy().into_owned(),
        }
    }

    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The archive folder, as written into the extract.
    pub fn dir(&self) -> &str {
        &self.dir
    }

    /// Every remembered session to `depth`; empty when there is nothing
    /// to trust.
    pub fn read(&self, depth: Depth) -> Vec<Remembered> {
        let Ok(bytes) = std::fs::read(&self.file) else {
            return Vec::new();
        };
        self.decode(&bytes, depth).unwrap_or_default()
    }

    fn decode(&self, bytes: &[u8], depth: Depth) -> Option<Vec<Remembered>> {
        let (head, rest) = part(bytes)?;
        let head: Head = rmp_serde::from_slice(head).ok()?;
        if head.layout != LAYOUT || head.version != env!("CARGO_PKG_VERSION") || head.dir != self.dir {
            return None;
        }
        let (front, back) = part(rest)?;
        match depth {
            Depth::Lean => whole(front, back),
            Depth::Search => for_search(front),
            Depth::Actions => for_actions(front, back),
        }
    }

    /// Remembers `sessions` (each [`crate::domain::lean`]) in place of what
    /// was. Best effort: an extract that cannot be written only means a
    /// slower run next time.
    pub fn write<'a>(&self, sessions: impl IntoIterator<Item = ToRemember<'a>>) {
        if let Some(parts) = self.encode(sessions) {
            // Each part written as it is, not gathered into one copy first.
            let _ = replace_with(&self.file, |out| parts.iter().try_for_each(|p| put(out, p)));
        }
    }

    /// The parts of the file, in order: each is written with its length
    /// before it (see [`put`]).
    fn encode<'a>(&self, sessions: impl IntoIterator<Item = ToRemember<'a>>) -> Option<Vec<Pieces>> {
        let head = Head {
            layout: LAYOUT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            dir: self.dir.clone(),
        };
        let list: Vec<ToRemember> = sessions.into_iter().collect();
        // The front and the back share nothing: each is made on a core of
        // its own, sharing out its work when the other core is free.
        let (front, back) = rayon::join(|| front_of(&list), || back_of(&list));
        let mut parts = vec![Pieces::named(&head)?, front?];
        parts.extend(back?);
        Some(parts)
    }
}

/// The front of an extract of `list`: each session's entry, and each
/// distinct search text once.
fn front_of<'a>(list: &[ToRemember<'a>]) -> Option<Pieces> {
    // Each distinct text's number, by the text borrowed from the sessions.
    let mut numbers: foldhash::HashMap<&'a str, u32> = foldhash::HashMap::default();
    // A text repeated from session to session is most often one shared
    // copy (see `TextPool`): found by where it lies before its bytes are
    // hashed.
    let mut by_place: foldhash::HashMap<usize, u32> = foldhash::HashMap::default();
    // The texts borrowed from the sessions, not copied.
    let mut front: Front<Vec<&str>, FrontEntry> = Front {
        texts: Vec::new(),
        entries: Vec::with_capacity(list.len()),
    };
    for r in list {
        let s = r.session;
        let mut codes = Vec::with_capacity(3 * r.texts.len());
        for (place, item, text) in r.texts.iter() {
            let text: &'a str = text.as_ref();
            let at = *by_place.entry(text.as_ptr() as usize).or_insert_with(|| {
                *numbers.entry(text).or_insert_with(|| {
                    front.texts.push(text);
                    u32::try_from(front.texts.len() - 1).unwrap_or(u32::MAX)
                })
            });
            codes.extend([code(*place), *item, at]);
        }
        front.entries.push(FrontEntry {
            name: r.name,
            stamp: r.stamp,
            rest: Brief::of(s),
            action_ids: s.actions.iter().map(|a| a.id.as_ref()).collect(),
            texts: codes,
        });
    }
    Pieces::named(&front)
}

/// The back of an extract of `list`, and its distinct actions and
/// participants (carried actions and the same people repeat from session
/// to session), each encoded once.
fn back_of(list: &[ToRemember]) -> Option<Vec<Pieces>> {
    let mut actions: Distinct<ActionItem> = Distinct::default();
    let mut participants: Distinct<Participant> = Distinct::default();
    let mut back = Back::default();
    for r in list {
        let s = r.session;
        back.entries.push([
            s.actions.iter().map(|a| actions.add(a)).collect(),
            s.participants.iter().map(|p| participants.add(p)).collect(),
        ]);
    }
    back.counts = [actions.count(), participants.count()];
    let (items, people) = rayon::join(|| actions.encode(), || participants.encode());
    Some(vec![Pieces::named(&back)?, items?, people?])
}

/// The session with only its head (see [`Brief`]), exactly as the extract
/// gives it back, its texts moved rather than copied.
pub(super) fn head_of(s: Session) -> Session {
    brief::cut(s)
}

/// Every remembered session as the extract keeps it (see [`Depth::Lean`]).
fn whole(front: &[u8], back: &[u8]) -> Option<Vec<Remembered>> {
    let front: Front<Vec<&str>, SearchEntry> = rmp_serde::from_slice(front).ok()?;
    let back = Tables::read(back)?;
    let pool = pooled(front.texts);
    let mut out = Vec::with_capacity(front.entries.len());
    for (i, entry) in front.entries.into_iter().enumerate() {
        let mut session = entry.rest.session()?;
        let [actions, participants] = back.entries.get(i)?;
        session.actions = pick(&back.actions, actions)?;
        session.participants = pick(&back.participants, participants)?;
        out.push(Remembered {
            name: entry.name,
            stamp: entry.stamp,
            session,
            texts: texts_at(&entry.texts, &pool)?,
        });
    }
    Some(out)
}

/// Every remembered session's head, action ids and search texts.
fn for_search(front: &[u8]) -> Option<Vec<Remembered>> {
    let front: Front<Vec<&str>, SearchEntry> = rmp_serde::from_slice(front).ok()?;
    let pool = pooled(front.texts);
    let mut out = Vec::with_capacity(front.entries.len());
    for entry in front.entries {
        let mut session = entry.rest.session()?;
        session.actions = entry
            .action_ids
            .into_iter()
            .map(|id| ActionItem {
                id: id.into(),
                ..ActionItem::default()
            })
            .collect();
        out.push(Remembered {
            name: entry.name,
            stamp: entry.stamp,
            session,
            texts: texts_at(&entry.texts, &pool)?,
        });
    }
    Some(out)
}

/// Every remembered session's head, actions and participants.
fn for_actions(front: &[u8], back: &[u8]) -> Option<Vec<Remembered>> {
    let front: Front<IgnoredAny, ActionsEntry> = rmp_serde::from_slice(front).ok()?;
    let back = Tables::read(back)?;
    let mut out = Vec::with_capacity(front.entries.len());
    for (i, entry) in front.entries.into_iter().enumerate() {
        let mut session = entry.rest.session()?;
        let [actions, participants] = back.entries.get(i)?;
        session.actions = pick(&back.actions, actions)?;
        session.participants = pick(&back.participants, participants)?;
        out.push(Remembered {
            name: entry.name,
            stamp: entry.stamp,
            session,
            texts: Texts::default(),
        });
    }
    Some(out)
}

/// The texts, read where they lie in the extract, each shared.
fn pooled(texts: Vec<&str>) -> Vec<Text> {
    texts.into_iter().map(Text::from).collect()
}

/// An entry's search texts, from their three numbers each.
fn texts_at(codes: &[u32], pool: &[Text]) -> Option<Texts> {
    codes
        .chunks_exact(3)
        .map(|t| Some((section(t[0])?, t[1], pool.get(t[2] as usize)?.clone())))
        .collect()
}

#[path = "extract_parts.rs"]
mod parts;
use parts::*;

#[path = "extract_brief.rs"]
mod brief;
use brief::{ActionsEntry, Brief, SearchEntry};

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
