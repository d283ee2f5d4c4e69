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
use std::hash::{BuildHasherDefault, Hash, Hasher};
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
const LAYOUT: u32 = 2;

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
    /// How many distinct actions, participants, decisions and activities
    /// follow, each kind in a part of its own, one encoded after another.
    counts: [u32; 4],
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
        let (head, rest) = part(bytes)?;
        let head: Head = rmp_serde::from_slice(head).ok()?;
        if head.layout != LAYOUT || head.version != env!("CARGO_PKG_VERSION") || head.dir != self.dir {
            return None;
        }
        let (front, rest) = part(rest)?;
        let front: Front = rmp_serde::from_slice(front).ok()?;
        let back = if lean { Some(Tables::read(rest)?) } else { None };
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
                            id: id.into(),
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
        let mut texts: Pool<&str> = Pool::default();
        let mut front = Front::default();
        let mut kinds: [Pool<Vec<u8>>; 4] = Default::default();
        let mut blobs: [Vec<u8>; 4] = Default::default();
        let mut back = Back::default();
        for r in sessions {
            let s = r.session;
            let texts = r
                .texts
                .iter()
                .map(|(place, item, text)| {
                    let at = texts.add(text.as_ref(), || front.texts.push(text.to_string()));
                    [code(*place), *item, at]
                })
                .collect::<Vec<_>>()
                .concat();
            front.entries.push(FrontEntry {
                name: r.name.to_string(),
                stamp: r.stamp,
                rest: rest_of(s),
                action_ids: s.actions.iter().map(|a| a.id.to_string()).collect(),
                texts,
            });
            let [actions, participants, decisions, activities] = &mut kinds;
            let [a, p, d, v] = &mut blobs;
            back.entries.push([
                s.actions
                    .iter()
                    .map(|x| add(actions, a, x))
                    .collect::<Option<_>>()?,
                s.participants
                    .iter()
                    .map(|x| add(participants, p, x))
                    .collect::<Option<_>>()?,
                s.decisions
                    .iter()
                    .map(|x| add(decisions, d, x))
                    .collect::<Option<_>>()?,
                s.activities
                    .iter()
                    .map(|x| add(activities, v, x))
                    .collect::<Option<_>>()?,
            ]);
        }
        back.counts = kinds
            .each_ref()
            .map(|k| u32::try_from(k.seen.len()).unwrap_or(u32::MAX));
        let mut bytes = Vec::new();
        put(&mut bytes, &rmp_serde::to_vec_named(&head).ok()?)?;
        put(&mut bytes, &rmp_serde::to_vec_named(&front).ok()?)?;
        put(&mut bytes, &rmp_serde::to_vec_named(&back).ok()?)?;
        for blob in &blobs {
            put(&mut bytes, blob)?;
        }
        Some(bytes)
    }
}

/// The lean session without its actions, participants, decisions and
/// activities, cloned without them (a field added to `Session` must be
/// named here too).
fn rest_of(s: &Session) -> Session {
    Session {
        format_version: s.format_version,
        id: s.id.clone(),
        title: s.title.clone(),
        partnership: s.partnership.clone(),
        date: s.date,
        start_time: s.start_time,
        location: s.location.clone(),
        facilitator: s.facilitator.clone(),
        status: s.status,
        previous: s.previous.clone(),
        shown_in_minutes: s.shown_in_minutes,
        shown_to: s.shown_to.clone(),
        participants: Vec::new(),
        goals: s.goals.clone(),
        vision: s.vision.clone(),
        activities: Vec::new(),
        roles: s.roles.clone(),
        awareness: s.awareness.clone(),
        review: s.review.clone(),
        notes: s.notes.clone(),
        decisions: Vec::new(),
        reviews: s.reviews.clone(),
        actions: Vec::new(),
        parking_lot: s.parking_lot.clone(),
        rounds: s.rounds.clone(),
        votes: s.votes.clone(),
        consent_checks: s.consent_checks.clone(),
        plan: s.plan.clone(),
        minutes: s.minutes.clone(),
        health: s.health.clone(),
        created: s.created,
        updated: s.updated,
    }
}

/// The distinct actions, participants, decisions and activities of an
/// extract, and which each entry holds.
struct Tables {
    actions: Vec<ActionItem>,
    participants: Vec<Participant>,
    decisions: Vec<Decision>,
    activities: Vec<Activity>,
    entries: Vec<[Vec<u32>; 4]>,
}

impl Tables {
    /// Reads the back of an extract.
    fn read(bytes: &[u8]) -> Option<Tables> {
        let (back, rest) = part(bytes)?;
        let back: Back = rmp_serde::from_slice(back).ok()?;
        let [a, p, d, v] = back.counts;
        let (actions, rest) = part(rest)?;
        let (participants, rest) = part(rest)?;
        let (decisions, rest) = part(rest)?;
        let (activities, _) = part(rest)?;
        Some(Tables {
            actions: items(actions, a)?,
            participants: items(participants, p)?,
            decisions: items(decisions, d)?,
            activities: items(activities, v)?,
            entries: back.entries,
        })
    }
}

/// `count` things encoded one after another.
fn items<T: DeserializeOwned>(bytes: &[u8], count: u32) -> Option<Vec<T>> {
    let mut de = rmp_serde::Deserializer::from_read_ref(bytes);
    (0..count).map(|_| T::deserialize(&mut de).ok()).collect()
}

/// The number of `item` among the distinct ones, encoding it onto `blob`
/// when new (it is known by its encoding: the session types are not `Hash`).
fn add(pool: &mut Pool<Vec<u8>>, blob: &mut Vec<u8>, item: &impl Serialize) -> Option<u32> {
    let encoded = rmp_serde::to_vec_named(item).ok()?;
    if let Some(&at) = pool.seen.get(&encoded) {
        return Some(at);
    }
    blob.extend_from_slice(&encoded);
    Some(pool.add(encoded, || {}))
}

/// Distinct things by a key, numbered in the order first seen.
struct Pool<K> {
    seen: HashMap<K, u32, BuildHasherDefault<Quick>>,
}

impl<K> Default for Pool<K> {
    fn default() -> Self {
        Pool {
            seen: HashMap::default(),
        }
    }
}

impl<K: Hash + Eq> Pool<K> {
    /// The number of `key`, calling `new` when it is seen for the first time.
    fn add(&mut self, key: K, new: impl FnOnce()) -> u32 {
        let next = u32::try_from(self.seen.len()).unwrap_or(u32::MAX);
        *self.seen.entry(key).or_insert_with(|| {
            new();
            next
        })
    }
}

/// A quick hash for spotting repeats while writing: the archive is the
/// person's own, so there is no one flooding the table to fear.
#[derive(Default)]
struct Quick(u64);

impl Hasher for Quick {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

/// The items of `table` at `at`; none when one is missing.
fn pick<T: Clone>(table: &[T], at: &[u32]) -> Option<Vec<T>> {
    at.iter().map(|&i| table.get(i as usize).cloned()).collect()
}

/// Writes `part` with its length before it.
fn put(bytes: &mut Vec<u8>, part: &[u8]) -> Option<()> {
    bytes.extend(u32::try_from(part.len()).ok()?.to_le_bytes());
    bytes.extend_from_slice(part);
    Some(())
}

/// A part written by [`put`], and what follows it.
fn part(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = usize::try_from(u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?)).ok()?;
    Some((bytes.get(4..4 + len)?, bytes.get(4 + len..)?))
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
