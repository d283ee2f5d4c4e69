//! Building the search index a session at a time, from the session itself
//! or from an index built before: a file that changed is read again, and
//! every other session's fields are taken from the index already held, so
//! nothing keeps a second copy of every text just to rebuild the index.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::Session;
use super::fold::fold;
use super::search::{Section, one_line};
use super::search_fields::{fields, room_for_fields};
use super::search_index::SearchIndex;
use super::text_pool::TextPool;

/// One searchable text of a session, as `search_fields::fields` lists them.
pub type Stored = (Section, u32, super::Text);

/// Every searchable text of one session, kept apart from the session (the
/// extract remembers them; see [`SearchIndex::of`]).
pub type Texts = Arc<[Stored]>;

/// The searchable texts of `session`, blank ones left out.
pub fn texts_of(session: &Session, pool: &mut TextPool) -> Texts {
    let mut out = Vec::with_capacity(room_for_fields(session));
    fields(session, |section, item, raw| {
        if !raw.trim().is_empty() {
            out.push((section, small(item), pool.get(raw)));
        }
    });
    out.into()
}

pub(super) fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// An item this large or larger is looked up in [`SearchIndex::wide`].
pub(super) const WIDE: u16 = u16::MAX;

/// One searchable field of one session: 8 bytes. Its session is known from
/// where it lies (a session's fields are side by side).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Field {
    /// Its text in [`SearchIndex::raws`] (and folded, in `folded`).
    pub raw: u32,
    /// Its item, or [`WIDE`] when that is too large to hold here.
    pub item: u16,
    pub section: Section,
}

/// Texts one after another in one buffer.
#[derive(Debug, Clone, Default)]
pub(super) struct Strings {
    all: String,
    /// Where each text ends; it starts where the one before ends.
    ends: Vec<usize>,
}

impl Strings {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn get(&self, id: u32) -> &str {
        let i = id as usize;
        let start = i
            .checked_sub(1)
            .and_then(|b| self.ends.get(b))
            .copied()
            .unwrap_or(0);
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.all.get(start..end).unwrap_or("")
    }

    fn push(&mut self, text: &str) {
        self.all.push_str(text);
        self.ends.push(self.all.len());
    }

    fn shrink(&mut self) {
        self.all.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// The sessions' fields as added, each session's [`Span`] placed at its
/// session by [`IndexBuilder::finish`].
#[derive(Debug, Default)]
pub struct IndexBuilder<'a> {
    raws: Strings,
    folded: Strings,
    fields: Vec<Field>,
    /// Items too large for [`Field::item`], by field, in field order.
    wide: Vec<(u32, u32)>,
    /// Each text's id by its hash (a rare clash keeps a text twice).
    ids: HashMap<u64, u32, Quickly>,
    /// For each index taken from, its ids here by its ids there.
    taken: Vec<(&'a SearchIndex, Vec<u32>)>,
}

/// The fields of one session in an [`IndexBuilder`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span(pub(super) u32, pub(super) u32);

impl<'a> IndexBuilder<'a> {
    /// Room for `fields` fields, so the list is not grown by doubling.
    pub fn with_capacity(fields: usize) -> IndexBuilder<'a> {
        let mut builder = IndexBuilder::default();
        builder.fields.reserve_exact(fields);
        builder
    }

    /// The searchable fields of a whole `session`.
    pub fn add(&mut self, session: &Session) -> Span {
        let mut found = Vec::with_capacity(room_for_fields(session));
        fields(session, |section, item, raw| {
            if !raw.trim().is_empty()
                && let Some(id) = self.intern(raw)
            {
                found.push((section, small(item), id));
            }
        });
        self.place(found)
    }

    /// The fields `texts` lists (section, item, text), in that order.
    pub fn add_texts<'t>(&mut self, texts: impl Iterator<Item = (Section, u32, &'t str)>) -> Span {
        let found: Vec<(Section, u32, u32)> = texts
            .filter(|(_, _, raw)| !raw.trim().is_empty())
            .filter_map(|(section, item, raw)| Some((section, item, self.intern(raw)?)))
            .collect();
        self.place(found)
    }

    /// Each place's fields side by side, in the order of places (a stable
    /// sort: a place's fields stay in the order listed).
    fn place(&mut self, mut found: Vec<(Section, u32, u32)>) -> Span {
        found.sort_by_key(|&(section, item, _)| (section, item));
        self.push(found.into_iter())
    }

    /// The fields of session `slot` of `index`, as they are there.
    pub fn add_from(&mut self, index: &'a SearchIndex, slot: usize) -> Span {
        let at = match self.taken.iter().position(|(i, _)| std::ptr::eq(*i, index)) {
            Some(at) => at,
            None => {
                self.taken.push((index, vec![u32::MAX; index.raws.len()]));
                self.taken.len() - 1
            }
        };
        let range = index.span(slot);
        let mut found = Vec::with_capacity(range.len());
        for f in range {
            let Some(field) = index.fields.get(f) else {
                continue;
            };
            let old = field.raw as usize;
            let known = self.taken[at].1.get(old).copied().unwrap_or(u32::MAX);
            let id = match known {
                u32::MAX => match self.intern(index.raws.get(field.raw)) {
                    Some(id) => {
                        if let Some(slot) = self.taken[at].1.get_mut(old) {
                            *slot = id;
                        }
                        id
                    }
                    None => continue,
                },
                id => id,
            };
            found.push((field.section, index.item(f), id));
        }
        self.push(found.into_iter())
    }

    fn push(&mut self, found: impl Iterator<Item = (Section, u32, u32)>) -> Span {
        let start = small(self.fields.len());
        for (section, item, raw) in found {
            let at = small(self.fields.len());
            let item = match u16::try_from(item) {
                Ok(small) if small < WIDE => small,
                _ => {
                    self.wide.push((at, item));
                    WIDE
                }
            };
            self.fields.push(Field { raw, item, section });
        }
        Span(start, small(self.fields.len()))
    }

    /// The id of `raw`, kept (and folded on one line) if new; none when it
    /// folds to nothing.
    fn intern(&mut self, raw: &str) -> Option<u32> {
        let hash = Quickly::default().hash_one(raw);
        if let Some(&id) = self.ids.get(&hash)
            && self.raws.get(id) == raw
        {
            return Some(id);
        }
        let folded = folded_line(raw);
        if folded.trim().is_empty() {
            return None;
        }
        let id = small(self.raws.len());
        self.raws.push(raw);
        self.folded.push(&folded);
        self.ids.entry(hash).or_insert(id);
        Some(id)
    }

    /// The index of `sessions` (whole or [`super::lean`]: it reads only
    /// their dates and action ids), session `i` holding the fields of
    /// `parts[i]` (none when there is no such part).
    pub fn finish<S: Borrow<Session>>(self, sessions: &[S], parts: &[Span]) -> SearchIndex {
        let IndexBuilder {
            mut raws,
            mut folded,
            mut fields,
            mut wide,
            ids,
            taken,
        } = self;
        // The maps go before the lists are copied to fit.
        drop((ids, taken));
        raws.shrink();
        folded.shrink();
        fields.shrink_to_fit();
        wide.shrink_to_fit();
        let spans = (0..sessions.len())
            .map(|i| parts.get(i).copied().unwrap_or_default())
            .collect();
        SearchIndex::assemble(sessions, (raws, folded), fields, wide, spans)
    }
}

/// `raw` on one line and folded, as `search::matching` compares it; most
/// text is ASCII, where folding is lower case alone.
pub(super) fn folded_line(raw: &str) -> String {
    let line = one_line(raw);
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        out.extend(rest[..ascii].bytes().map(|b| char::from(b.to_ascii_lowercase())));
        rest = &rest[ascii..];
        // Each char folds alone, so one at a time is the same as all at once.
        if let Some(c) = rest.chars().next() {
            out.push_str(&fold(&rest[..c.len_utf8()]));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// A quick hash for spotting repeated texts: the archive is the user's own,
/// so there is no one flooding the table to fear.
#[derive(Debug, Default, Clone, Copy)]
struct Quick(u64);

impl Quick {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Quick {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            self.add(u64::from_le_bytes(eight));
        }
        for &b in words.remainder() {
            self.add(u64::from(b));
        }
    }
}

type Quickly = BuildHasherDefault<Quick>;
