//! The parts of an extract file and the tables of distinct items in its
//! back: each distinct action, participant, decision and activity is
//! encoded once, found again by a quick hash of its bytes.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::*;

/// How many kinds of item the back keeps: actions and participants.
pub(super) const KINDS: usize = 2;

/// The distinct actions and participants of an extract, and which each
/// entry holds.
pub(super) struct Tables {
    pub(super) actions: Vec<ActionItem>,
    pub(super) participants: Vec<Participant>,
    pub(super) entries: Vec<[Vec<u32>; KINDS]>,
}

impl Tables {
    /// Reads the back of an extract.
    pub(super) fn read(bytes: &[u8]) -> Option<Tables> {
        let (back, rest) = part(bytes)?;
        let back: Back = rmp_serde::from_slice(back).ok()?;
        let [a, p] = back.counts;
        let (actions, rest) = part(rest)?;
        let (participants, _) = part(rest)?;
        Some(Tables {
            actions: items(actions, a)?,
            participants: items(participants, p)?,
            entries: back.entries,
        })
    }
}

/// `count` things encoded one after another.
pub(super) fn items<T: DeserializeOwned>(bytes: &[u8], count: u32) -> Option<Vec<T>> {
    let mut de = rmp_serde::Deserializer::from_read_ref(bytes);
    (0..count).map(|_| T::deserialize(&mut de).ok()).collect()
}

/// A session's actions and participants, each encoded, one after another,
/// with the hash of each encoding.
pub(super) struct Encoded {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    hashes: Vec<u64>,
}

impl Encoded {
    pub(super) fn of(s: &Session) -> Option<[Encoded; KINDS]> {
        Some([Encoded::all(&s.actions)?, Encoded::all(&s.participants)?])
    }

    fn all<T: Serialize>(items: &[T]) -> Option<Encoded> {
        let mut bytes = Vec::new();
        let mut ends = Vec::with_capacity(items.len());
        let mut hashes = Vec::with_capacity(items.len());
        for item in items {
            let start = bytes.len();
            rmp_serde::encode::write_named(&mut bytes, item).ok()?;
            hashes.push(quick_hash(&bytes[start..]));
            ends.push(bytes.len());
        }
        Some(Encoded { bytes, ends, hashes })
    }

    /// Each item's hash and encoding.
    pub(super) fn each(&self) -> impl Iterator<Item = (u64, &[u8])> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .zip(&self.hashes)
            .map(|((start, &end), &hash)| (hash, &self.bytes[start..end]))
    }
}

/// The distinct items of one kind, each encoded once, one after another in
/// `blob`, numbered in the order first seen (items are known by their
/// encoding: the session types are not `Hash`).
#[derive(Default)]
pub(super) struct Distinct {
    pub(super) blob: Vec<u8>,
    /// Where each item ends in `blob`.
    ends: Vec<usize>,
    seen: Seen,
}

impl Distinct {
    /// The number of the item encoded as `encoded` (whose [`quick_hash`] is
    /// `hash`), kept when new.
    pub(super) fn add(&mut self, hash: u64, encoded: &[u8]) -> u32 {
        if let Some(at) = self.seen.find(hash, encoded, |at| self.item(at)) {
            return at;
        }
        let at = self.count();
        self.blob.extend_from_slice(encoded);
        self.ends.push(self.blob.len());
        self.seen.note(hash, encoded, at);
        at
    }

    pub(super) fn count(&self) -> u32 {
        u32::try_from(self.ends.len()).unwrap_or(u32::MAX)
    }

    fn item(&self, at: u32) -> Option<&[u8]> {
        let at = at as usize;
        let start = at.checked_sub(1).map_or(0, |i| self.ends[i]);
        self.blob.get(start..*self.ends.get(at)?)
    }
}

/// Which things were seen, each by its number, found again by the hash of
/// its bytes (worked out beforehand, on any core) and checked against the
/// thing kept, so no second copy of each is kept as a key.
#[derive(Default)]
pub(super) struct Seen {
    /// The first thing seen with each hash.
    by_hash: HashMap<u64, u32, BuildHasherDefault<Quick>>,
    /// Things whose hash an earlier, different thing had: all but never.
    clashes: HashMap<Vec<u8>, u32>,
}

impl Seen {
    /// The number of the thing of `hash` and `bytes`, when seen before;
    /// `kept(at)` gives the bytes of the thing numbered `at`.
    pub(super) fn find<'k>(
        &self,
        hash: u64,
        bytes: &[u8],
        kept: impl Fn(u32) -> Option<&'k [u8]>,
    ) -> Option<u32> {
        match self.by_hash.get(&hash) {
            Some(&at) if kept(at) == Some(bytes) => Some(at),
            Some(_) => self.clashes.get(bytes).copied(),
            None => None,
        }
    }

    /// Notes a thing not seen before, numbered `at`.
    pub(super) fn note(&mut self, hash: u64, bytes: &[u8], at: u32) {
        match self.by_hash.entry(hash) {
            Entry::Occupied(_) => {
                self.clashes.insert(bytes.to_vec(), at);
            }
            Entry::Vacant(place) => {
                place.insert(at);
            }
        }
    }
}

/// The hash [`Seen`] knows things by.
pub(super) fn quick_hash(bytes: &[u8]) -> u64 {
    let mut hasher = Quick::default();
    hasher.write(bytes);
    hasher.finish()
}

/// A quick hash for spotting repeats while writing: the archive is the
/// person's own, so there is no one flooding the table to fear.
#[derive(Default)]
pub(super) struct Quick(u64);

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
pub(super) fn pick<T: Clone>(table: &[T], at: &[u32]) -> Option<Vec<T>> {
    at.iter().map(|&i| table.get(i as usize).cloned()).collect()
}

/// Writes `part` with its length before it.
pub(super) fn put(out: &mut dyn std::io::Write, part: &[u8]) -> std::io::Result<()> {
    let len = u32::try_from(part.len()).map_err(|_| std::io::Error::other("a part of over 4 GB"))?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(part)
}

/// A part written by [`put`], and what follows it.
pub(super) fn part(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = usize::try_from(u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?)).ok()?;
    Some((bytes.get(4..4 + len)?, bytes.get(4 + len..)?))
}

/// A search text's place as a number: the steps' places from 16 and 32.
pub(super) fn code(section: Section) -> u32 {
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

pub(super) fn section(code: u32) -> Option<Section> {
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
mod tests {
    use super::*;

    fn add(d: &mut Distinct, item: &[u8]) -> u32 {
        d.add(quick_hash(item), item)
    }

    #[test]
    fn each_distinct_item_is_kept_once_and_numbered_as_first_seen() {
        let mut d = Distinct::default();
        assert_eq!(
            [b"ab", b"cd", b"ab", b"ef", b"cd"].map(|i| add(&mut d, i)),
            [0, 1, 0, 2, 1]
        );
        assert_eq!(d.count(), 3);
        assert_eq!(d.blob, b"abcdef");
        assert_eq!(d.item(2), Some(&b"ef"[..]));
    }

    #[test]
    fn an_item_whose_hash_another_had_first_is_still_told_apart() {
        let mut d = Distinct::default();
        assert_eq!(add(&mut d, b"first"), 0);
        // As if "second" hashed like "first".
        let first = quick_hash(b"first");
        assert_eq!(d.add(first, b"second"), 1);
        assert_eq!(d.add(first, b"second"), 1);
        assert_eq!(add(&mut d, b"first"), 0);
        assert_eq!(d.count(), 2);
        assert_eq!(d.item(1), Some(&b"second"[..]));
    }
}
