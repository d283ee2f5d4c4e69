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
//! before it: a head; the front, which `search` reads alone (each session
//! without its long lists, its action ids and its search texts, each
//! distinct text once); and the back: the actions, participants, decisions
//! and activities, each distinct one once (carried actions and the same
//! people repeat from session to session).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::Cache;
use super::cache::replace;
use super::catalog::Stamp;
use crate::domain::{ActionItem, Activity, Decision, Participant, Section, Session, Step, Texts};

/// Changes whenever this file's layout changes; the program's version is
/// checked too, as the session types may change with it.
const LAYOUT: u32 = 1;

/// One remembered session: its file's name and stamp, the session
/// ([`crate::domain::lean`], or for search only its head and action ids)
/// and its search texts.
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
    /// [`crate::domain::lean`]: it is written as it is.
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

#[derive(Serialize, Deserialize, Default)]
struct Front {
    /// Every distinct search text.
    texts: Vec<String>,
    entries: Vec<FrontEntry>,
}

#[derive(Serialize, Deserialize)]
struct FrontEntry {
    name: String,
    stamp: Stamp,
    /// The lean session without its actions, participants, decisions and
    /// activities.
    rest: Session,
    action_ids: Vec<String>,
    /// Each search text as three numbers: its place, item and text.
    texts: Vec<u32>,
}

#[derive(Serialize, Deserialize, Default)]
struct Back {
    actions: Vec<ActionItem>,
    participants: Vec<Participant>,
    decisions: Vec<Decision>,
    activities: Vec<Activity>,
    /// Each entry's actions, participants, decisions and activities.
    entries: Vec<[Vec<u32>; 4]>,
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

    /// Every remembered session, whole (`lean`) or for search only; empty
    /// when there is nothing to trust.
    pub fn read(&self, lean: bool) -> Vec<Remembered> {
        let Ok(bytes) = std::fs::read(&self.file) else {
            return Vec::new();
        };
        self.decode(&bytes, lean).unwrap_or_default()
    }

    fn decode(&self, bytes: &[u8], lean: bool) -> Option<Vec<Remembered>> {
        let (head, rest) = part::<Head>(bytes)?;
        if head.layout != LAYOUT || head.version != env!("CARGO_PKG_VERSION") || head.dir != self.dir {
            return None;
        }
        let (front, rest) = part::<Front>(rest)?;
        let back = if lean { Some(part::<Back>(rest)?.0) } else { None };
        let pool: Vec<Arc<str>> = front.texts.into_iter().map(Arc::from).collect();
        let mut out = Vec::with_capacity(front.entries.len());
        for (i, entry) in front.entries.into_iter().enumerate() {
            let texts = entry
                .texts
                .chunks_exact(3)
                .map(|t| Some((section(t[0])?, t[1], Arc::clone(pool.get(t[2] as usize)?))))
                .collect::<Option<Texts>>()?;
            let mut session = entry.rest;
            match &back {
                Some(back) => {
                    let [actions, participants, decisions, activities] = back.entries.get(i)?;
                    session.actions = pick(&back.actions, actions)?;
                    session.participants = pick(&back.participants, participants)?;
                    session.decisions = pick(&back.decisions, decisions)?;
                    session.activities = pick(&back.activities, activities)?;
                }
                None => {
                    session.actions = entry
                        .action_ids
                        .into_iter()
                        .map(|id| ActionItem {
                            id,
                            ..ActionItem::default()
                        })
                        .collect();
                }
            }
            out.push(Remembered {
                name: entry.name,
                stamp: entry.stamp,
                session,
                texts,
            });
        }
        Some(out)
    }

    /// Remembers `sessions` (each [`crate::domain::lean`]) in place of what
    /// was. Best effort: an extract that cannot be written only means a
    /// slower run next time.
    pub fn write<'a>(&self, sessions: impl IntoIterator<Item = ToRemember<'a>>) {
        if let Some(bytes) = self.encode(sessions) {
            let _ = replace(&self.file, &bytes);
        }
    }

    fn encode<'a>(&self, sessions: impl IntoIterator<Item = ToRemember<'a>>) -> Option<Vec<u8>> {
        let head = Head {
            layout: LAYOUT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            dir: self.dir.clone(),
        };
        let mut texts = Pool::default();
        let mut front = Front::default();
        let (mut actions, mut participants, mut decisions, mut activities) =
            (Pool::default(), Pool::default(), Pool::default(), Pool::default());
        let mut back = Back::default();
        for r in sessions {
            let s = r.session;
            let rest = Session {
                actions: Vec::new(),
                participants: Vec::new(),
                decisions: Vec::new(),
                activities: Vec::new(),
                ..s.clone()
            };
            let texts = r
                .texts
                .iter()
                .flat_map(|(place, item, text)| [code(*place), *item, texts.add(text.as_ref(), text)])
                .collect();
            front.entries.push(FrontEntry {
                name: r.name.to_string(),
                stamp: r.stamp,
                rest,
                action_ids: s.actions.iter().map(|a| a.id.clone()).collect(),
                texts,
            });
            back.entries.push([
                s.actions
                    .iter()
                    .map(|a| actions.add_item(a))
                    .collect::<Option<_>>()?,
                s.participants
                    .iter()
                    .map(|p| participants.add_item(p))
                    .collect::<Option<_>>()?,
                s.decisions
                    .iter()
                    .map(|d| decisions.add_item(d))
                    .collect::<Option<_>>()?,
                s.activities
                    .iter()
                    .map(|a| activities.add_item(a))
                    .collect::<Option<_>>()?,
            ]);
        }
        front.texts = texts.items.iter().map(|t| t.to_string()).collect();
        back.actions = actions.items;
        back.participants = participants.items;
        back.decisions = decisions.items;
        back.activities = activities.items;
        let mut bytes = Vec::new();
        put(&mut bytes, &head)?;
        put(&mut bytes, &front)?;
        put(&mut bytes, &back)?;
        Some(bytes)
    }
}

/// Distinct things in the order first seen, by a key: each kept once.
struct Pool<K, T> {
    seen: HashMap<K, u32>,
    items: Vec<T>,
}

impl<K, T> Default for Pool<K, T> {
    fn default() -> Self {
        Pool {
            seen: HashMap::new(),
            items: Vec::new(),
        }
    }
}

impl<K: std::hash::Hash + Eq, T: Clone> Pool<K, T> {
    fn add(&mut self, key: K, item: &T) -> u32 {
        let next = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        *self.seen.entry(key).or_insert_with(|| {
            self.items.push(item.clone());
            next
        })
    }
}

impl<T: Clone + Serialize> Pool<Vec<u8>, T> {
    /// Adds `item`, known by its encoding (the session types are not `Hash`).
    fn add_item(&mut self, item: &T) -> Option<u32> {
        Some(self.add(rmp_serde::to_vec_named(item).ok()?, item))
    }
}

/// The items of `table` at `at`; none when one is missing.
fn pick<T: Clone>(table: &[T], at: &[u32]) -> Option<Vec<T>> {
    at.iter().map(|&i| table.get(i as usize).cloned()).collect()
}

/// Writes `value` with its length before it.
fn put(bytes: &mut Vec<u8>, value: &impl Serialize) -> Option<()> {
    let part = rmp_serde::to_vec_named(value).ok()?;
    bytes.extend(u32::try_from(part.len()).ok()?.to_le_bytes());
    bytes.extend(part);
    Some(())
}

/// Reads a part written by [`put`], and what follows it.
fn part<T: DeserializeOwned>(bytes: &[u8]) -> Option<(T, &[u8])> {
    let len = usize::try_from(u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?)).ok()?;
    let value = rmp_serde::from_slice(bytes.get(4..4 + len)?).ok()?;
    Some((value, bytes.get(4 + len..)?))
}

/// A search text's place as a number: the steps' places from 16 and 32.
fn code(section: Section) -> u32 {
    let step = |s: Step| u32::try_from(s.number()).unwrap_or(0);
    match section {
        Section::Title => 0,
        Section::Participants => 1,
        Section::Decisions => 2,
        Section::Actions => 3,
        Section::ParkingLot => 4,
        Section::Step(s) => 16 + step(s),
        Section::Notes(s) => 32 + step(s),
    }
}

fn section(code: u32) -> Option<Section> {
    let step = |n: u32| Step::ALL.get(usize::try_from(n).ok()?.checked_sub(1)?).copied();
    Some(match code {
        0 => Section::Title,
        1 => Section::Participants,
        2 => Section::Decisions,
        3 => Section::Actions,
        4 => Section::ParkingLot,
        17..=31 => Section::Step(step(code - 16)?),
        33..=47 => Section::Notes(step(code - 32)?),
        _ => return None,
    })
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
