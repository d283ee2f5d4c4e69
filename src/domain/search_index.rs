//! Search that keeps up with typing, however large the archive: every
//! searchable field is folded once (case, accents, dashes, quotes) when the
//! index is built, each longer query only looks again at what the shorter
//! one found, and a result's snippet is made only when it is shown.
//!
//! The index is lean: each distinct folded text is kept once (carried goals,
//! actions and the vision repeat from session to session), in one buffer.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::Session;
use super::fold::fold;
use super::search::{Hit, PHRASE_BOOST, Section, fields, matching, one_line};
use super::text_pool::TextPool;

/// An action with no id, which is never merged with another.
const NO_GROUP: u32 = u32::MAX;

/// One searchable field of one session.
#[derive(Debug, Clone, Copy)]
struct Field {
    session: u32,
    /// Its folded text in [`SearchIndex::text`].
    text: u32,
    item: u32,
    /// Its original text in [`SearchIndex::raws`], to show.
    raw: u32,
    section: Section,
}

/// One searchable text of a session, as `search::fields` lists them.
pub type Stored = (Section, u32, super::Text);

/// Every searchable text of one session, kept apart from the session so an
/// index can be built again without it (see [`SearchIndex::of`]).
pub type Texts = Arc<[Stored]>;

/// The searchable texts of `session`, blank ones left out.
pub fn texts_of(session: &Session, pool: &mut TextPool) -> Texts {
    fields(session)
        .into_iter()
        .filter(|(_, _, raw)| !raw.trim().is_empty())
        .map(|(section, item, raw)| (section, small(item), pool.get(&raw)))
        .collect()
}

/// The fields of an archive, folded once. Build it from the sessions, and
/// search it with the same sessions.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every distinct original text, as found.
    raws: Vec<super::Text>,
    /// Every distinct folded text, one after another.
    folded: String,
    /// Where each distinct text ends in `folded`; it starts where the one before ends.
    ends: Vec<usize>,
    /// Every field holding something, in the order results are ranked on
    /// equal scores: newest session first (then the first given), then
    /// section and item; a place's fields are side by side.
    fields: Vec<Field>,
    /// Each action's group (carried actions share one), at `action_base[session] + item`.
    groups: Vec<u32>,
    action_base: Vec<u32>,
    group_count: usize,
    /// The last query's words, the texts and fields it found, to narrow from.
    last: Narrowing,
}

/// What the last query found, to narrow the next one from; a screen keeps
/// its own beside an index it shares (see [`SearchIndex::find_from`]).
#[derive(Debug, Clone, Default)]
pub struct Narrowing(Option<Last>);

#[derive(Debug, Clone)]
struct Last {
    words: Vec<String>,
    texts: Vec<u32>,
    fields: Vec<u32>,
}

/// The results of one query, best first, then newest session first: where
/// each is, cheaply; the text and snippet of one are made on request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// A field of the index and its score.
    hits: Vec<(u32, u32)>,
    words: Vec<Vec<char>>,
    phrase: Vec<char>,
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl SearchIndex {
    pub fn new(sessions: &[Session]) -> SearchIndex {
        let mut pool = TextPool::default();
        let texts: Vec<Texts> = sessions.iter().map(|s| texts_of(s, &mut pool)).collect();
        SearchIndex::of(sessions, &texts)
    }

    /// The index of `sessions` (whole or [`super::lean`]: it reads only their
    /// dates and action ids) with the searchable `texts` of each, side by side.
    pub fn of<S: Borrow<Session>>(sessions: &[S], texts: &[Texts]) -> SearchIndex {
        let date = |i: usize| sessions[i].borrow().date;
        let mut order: Vec<usize> = (0..sessions.len().min(texts.len())).collect();
        order.sort_by(|&a, &b| date(b).cmp(&date(a)).then(a.cmp(&b)));
        let mut index = SearchIndex::default();
        // Sized once: growing by doubling held two copies at the peak.
        index
            .fields
            .reserve_exact(order.iter().map(|&s| texts[s].len()).sum());
        index.group_actions(sessions);
        // Each text seen, so one repeated from session to session is folded
        // once; and each folded text by its hash (a rare clash keeps one twice).
        let mut seen: HashMap<&str, Option<(u32, u32)>, Quickly> = HashMap::default();
        let mut ids: HashMap<u64, u32, Quickly> = HashMap::default();
        for &s in &order {
            let first = index.fields.len();
            for (section, item, raw) in texts[s].iter() {
                let ids = match seen.get(raw.as_ref()) {
                    Some(&ids) => ids,
                    None => {
                        let folded = index.add(raw, &mut ids);
                        let both = folded.map(|text| {
                            index.raws.push(raw.clone());
                            (text, small(index.raws.len() - 1))
                        });
                        seen.insert(raw.as_ref(), both);
                        both
                    }
                };
                let Some((text, raw)) = ids else { continue };
                index.fields.push(Field {
                    session: small(s),
                    text,
                    item: *item,
                    raw,
                    section: *section,
                });
            }
            // Each place's fields side by side, in the order of places (a
            // stable sort: a place's fields stay in the order listed).
            index.fields[first..].sort_by_key(|f| (f.section, f.item));
        }
        index.raws.shrink_to_fit();
        index.folded.shrink_to_fit();
        index.ends.shrink_to_fit();
        index.fields.shrink_to_fit();
        index
    }

    /// The id of `raw` folded on one line, kept if new; none for a blank.
    fn add(&mut self, raw: &str, ids: &mut HashMap<u64, u32, Quickly>) -> Option<u32> {
        let text = folded_line(raw);
        if text.trim().is_empty() {
            return None;
        }
        let hash = Quickly::default().hash_one(&text);
        if let Some(&id) = ids.get(&hash)
            && self.text(id) == text
        {
            return Some(id);
        }
        let id = small(self.ends.len());
        self.folded.push_str(&text);
        self.ends.push(self.folded.len());
        ids.entry(hash).or_insert(id);
        Some(id)
    }

    /// Every action's group: actions with the same id are one carried action.
    fn group_actions<S: Borrow<Session>>(&mut self, sessions: &[S]) {
        let mut named: HashMap<&str, u32> = HashMap::new();
        for s in sessions {
            self.action_base.push(small(self.groups.len()));
            for a in &s.borrow().actions {
                let next = small(named.len());
                let group = match a.id.as_str() {
                    "" => NO_GROUP,
                    id => *named.entry(id).or_insert(next),
                };
                self.groups.push(group);
            }
        }
        self.group_count = named.len();
    }

    fn text(&self, id: u32) -> &str {
        let i = id as usize;
        let start = i.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.folded[start..self.ends[i]]
    }

    fn group(&self, field: &Field) -> u32 {
        let at = self.action_base.get(field.session as usize).copied().unwrap_or(0) + field.item;
        self.groups.get(at as usize).copied().unwrap_or(NO_GROUP)
    }

    /// Every hit for `query`, as [`super::search`] finds them.
    pub fn search(&mut self, query: &str) -> Vec<Hit> {
        self.find(query).hits(self)
    }

    /// Where every hit for `query` is, best first. A query that only adds
    /// to the last one looks at the last one's finds alone.
    pub fn find(&mut self, query: &str) -> Found {
        let mut last = std::mem::take(&mut self.last);
        let found = self.find_from(&mut last, query);
        self.last = last;
        found
    }

    /// [`SearchIndex::find`] narrowing from `last`, which it updates.
    pub fn find_from(&self, last: &mut Narrowing, query: &str) -> Found {
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        // A word that folds to nothing (a lone accent) is found nowhere.
        if words.is_empty() || words.iter().any(String::is_empty) {
            last.0 = None;
            return Found::default();
        }
        let phrase = fold(&query.split_whitespace().collect::<Vec<_>>().join(" "));
        // Every text holding the new words held the old ones.
        let narrow = last.0.as_ref().filter(|l| {
            l.words
                .iter()
                .all(|o| words.iter().any(|w| w.contains(o.as_str())))
        });
        let has_all = |&t: &u32| {
            let text = self.text(t);
            words.iter().all(|w| text.contains(w.as_str()))
        };
        let texts: Vec<u32> = match narrow {
            Some(last) => last.texts.iter().copied().filter(has_all).collect(),
            None => (0..small(self.ends.len())).filter(has_all).collect(),
        };
        // 1 for a text holding every word, 2 when it holds them as a phrase.
        let mut marks = vec![0u8; self.ends.len()];
        for &t in &texts {
            let as_phrase = words.len() > 1 && self.text(t).contains(phrase.as_str());
            marks[t as usize] = if as_phrase { 2 } else { 1 };
        }
        let marked = |&f: &u32| marks[self.fields[f as usize].text as usize] > 0;
        let fields: Vec<u32> = match narrow {
            Some(last) => last.fields.iter().copied().filter(marked).collect(),
            None => (0..small(self.fields.len())).filter(marked).collect(),
        };
        let hits = self.ranked(&fields, &marks);
        last.0 = Some(Last { words, texts, fields });
        Found {
            hits,
            words: query
                .split_whitespace()
                .map(|w| fold(w).chars().collect())
                .collect(),
            phrase: phrase.chars().collect(),
        }
    }

    /// The found `fields`, one per place (its best score; the first field
    /// of equals), best first, then in index order, each carried action once.
    fn ranked(&self, fields: &[u32], marks: &[u8]) -> Vec<(u32, u32)> {
        let place = |f: u32| {
            let f = &self.fields[f as usize];
            (f.session, f.section, f.item)
        };
        let mut best: Vec<(u32, u32)> = Vec::with_capacity(fields.len());
        for &f in fields {
            let field = &self.fields[f as usize];
            let boost = if marks[field.text as usize] == 2 {
                PHRASE_BOOST
            } else {
                0
            };
            let score = field.section.weight() + boost;
            // A place's fields are side by side, so a repeat is the last one kept.
            match best.last_mut() {
                Some(last) if place(last.0) == place(f) => {
                    if score > last.1 {
                        *last = (f, score);
                    }
                }
                _ => best.push((f, score)),
            }
        }
        // Best first, keeping index order among equals: counted per score, then placed.
        let top = best.iter().map(|h| h.1).max().unwrap_or(0);
        let rank = |score: u32| (top - score) as usize;
        let mut at = vec![0usize; rank(0) + 1];
        for h in &best {
            at[rank(h.1)] += 1;
        }
        let mut total = 0;
        for slot in &mut at {
            (*slot, total) = (total, total + *slot);
        }
        let mut ranked = vec![(0, 0); best.len()];
        for h in best {
            ranked[at[rank(h.1)]] = h;
            at[rank(h.1)] += 1;
        }
        // An action carried from session to session is one action: show it
        // once, in its latest session (which comes first among equals).
        let mut seen = vec![false; self.group_count];
        ranked.retain(|&(f, _)| {
            let field = &self.fields[f as usize];
            if field.section != Section::Actions {
                return true;
            }
            match seen.get_mut(self.group(field) as usize) {
                Some(seen) => !std::mem::replace(seen, true),
                None => true,
            }
        });
        ranked
    }
}

/// `raw` on one line and folded, as `search::matching` compares it; most
/// text is ASCII, where folding is lower case alone.
fn folded_line(raw: &str) -> String {
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

impl Found {
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The session, section and item of the `i`th result.
    pub fn place(&self, index: &SearchIndex, i: usize) -> Option<(usize, Section, usize)> {
        let &(f, _) = self.hits.get(i)?;
        let field = index.fields.get(f as usize)?;
        Some((field.session as usize, field.section, field.item as usize))
    }

    /// The `i`th result with its text and snippet.
    pub fn hit(&self, index: &SearchIndex, i: usize) -> Option<Hit> {
        let &(f, score) = self.hits.get(i)?;
        let field = index.fields.get(f as usize)?;
        let raw = index.raws.get(field.raw as usize)?;
        let (text, snippet, highlight, _) = matching(raw, &self.words, &self.phrase)?;
        Some(Hit {
            session: field.session as usize,
            section: field.section,
            item: field.item as usize,
            text,
            snippet,
            highlight,
            score,
        })
    }

    /// Every result with its text and snippet.
    pub fn hits(&self, index: &SearchIndex) -> Vec<Hit> {
        (0..self.hits.len()).filter_map(|i| self.hit(index, i)).collect()
    }
}

#[cfg(test)]
#[path = "search_index_tests.rs"]
mod tests;
