//! The parts of an extract file and the tables of distinct things in it:
//! each distinct action and participant is encoded once.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;

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

/// The distinct items of one kind, numbered in the order first seen
/// (equal items encode alike).
pub(super) struct Distinct<'a, T> {
    items: Vec<&'a T>,
    numbers: foldhash::HashMap<ByKey<'a, T>, u32>,
}

/// What a thing is hashed by: its id or name alone, so the copies carried
/// from session to session are not hashed whole (equal things share it).
pub(super) trait Keyed {
    fn key(&self) -> &str;
}

impl Keyed for ActionItem {
    fn key(&self) -> &str {
        &self.id
    }
}

impl Keyed for Participant {
    fn key(&self) -> &str {
        &self.name
    }
}

/// A thing hashed by its [`Keyed::key`] and compared whole.
#[derive(PartialEq, Eq)]
struct ByKey<'a, T>(&'a T);

impl<T: Keyed> Hash for ByKey<'_, T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.key().hash(state);
    }
}

impl<T> Default for Distinct<'_, T> {
    fn default() -> Self {
        Distinct {
            items: Vec::new(),
            numbers: foldhash::HashMap::default(),
        }
    }
}

impl<'a, T: Keyed + Eq + Serialize + Sync> Distinct<'a, T> {
    /// The number of `item`, kept when new.
    pub(super) fn add(&mut self, item: &'a T) -> u32 {
        let next = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        *self.numbers.entry(ByKey(item)).or_insert_with(|| {
            self.items.push(item);
            next
        })
    }

    pub(super) fn count(&self) -> u32 {
        u32::try_from(self.items.len()).unwrap_or(u32::MAX)
    }

    /// Every item, encoded one after another in order, on every core.
    pub(super) fn encode(&self) -> Option<Pieces> {
        let parts: Vec<Pieces> = self
            .items
            .par_chunks(256)
            .map(|chunk| {
                let mut out = Pieces::default();
                for item in chunk {
                    rmp_serde::encode::write_named(&mut out, item).ok()?;
                }
                Some(out)
            })
            .collect::<Option<_>>()?;
        Some(parts.into_iter().fold(Pieces::default(), Pieces::then))
    }
}

/// Bytes written in pieces that are never moved: a buffer that grows by
/// doubling copies all it holds each time, and fetching fresh memory from
/// the system is much of what a first run costs.
#[derive(Default)]
pub(super) struct Pieces {
    pieces: Vec<Vec<u8>>,
    len: usize,
}

/// The size of each piece.
const PIECE: usize = 1 << 16;

impl Pieces {
    /// `value` encoded with its field names.
    pub(super) fn named<T: Serialize + ?Sized>(value: &T) -> Option<Pieces> {
        let mut out = Pieces::default();
        rmp_serde::encode::write_named(&mut out, value).ok()?;
        Some(out)
    }

    /// These bytes followed by those of `next`.
    fn then(mut self, next: Pieces) -> Pieces {
        self.len += next.len;
        self.pieces.extend(next.pieces);
        self
    }

    fn len(&self) -> usize {
        self.len
    }

    fn slices(&self) -> impl Iterator<Item = &[u8]> {
        self.pieces.iter().map(Vec::as_slice)
    }

    /// The bytes in one buffer.
    #[cfg(test)]
    pub(super) fn joined(&self) -> Vec<u8> {
        self.pieces.concat()
    }

    /// Fills the last piece and starts new ones for what does not fit.
    #[cold]
    fn write_on(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            match self.pieces.last_mut() {
                Some(last) if last.len() < last.capacity() => {
                    let n = bytes.len().min(last.capacity() - last.len());
                    last.extend_from_slice(&bytes[..n]);
                    bytes = &bytes[n..];
                }
                _ => self.pieces.push(Vec::with_capacity(PIECE)),
            }
        }
    }
}

impl std::io::Write for Pieces {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self.pieces.last_mut() {
            Some(last) if last.capacity() - last.len() >= bytes.len() => last.extend_from_slice(bytes),
            _ => self.write_on(bytes),
        }
        self.len += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The items of `table` at `at`; none when one is missing.
pub(super) fn pick<T: Clone>(table: &[T], at: &[u32]) -> Option<Vec<T>> {
    at.iter().map(|&i| table.get(i as usize).cloned()).collect()
}

/// Writes `part` with its length before it.
pub(super) fn put(out: &mut dyn std::io::Write, part: &Pieces) -> std::io::Result<()> {
    let len = u32::try_from(part.len()).map_err(|_| std::io::Error::other("a part of over 4 GB"))?;
    out.write_all(&len.to_le_bytes())?;
    part.slices().try_for_each(|p| out.write_all(p))
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

    #[test]
    fn each_distinct_item_is_kept_once_and_numbered_as_first_seen() {
        // Copies of one action that differ only past its id share a hash,
        // and are still told apart.
        let action = |id: &str, text: &str| ActionItem {
            id: id.into(),
            text: text.into(),
            ..ActionItem::default()
        };
        let items = [
            action("a", "Book the room"),
            action("b", "Write it up"),
            action("a", "Book the room"),
            action("a", "Book the bigger room"),
            action("b", "Write it up"),
        ];
        let mut d = Distinct::default();
        assert_eq!(items.each_ref().map(|i| d.add(i)), [0, 1, 0, 2, 1]);
        assert_eq!(d.count(), 3);
        let mut expected = Vec::new();
        for item in [&items[0], &items[1], &items[3]] {
            rmp_serde::encode::write_named(&mut expected, item).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(d.encode().map(|p| p.joined()), Some(expected));
    }
}
