//! Search that keeps up with typing, however large the archive: every
//! searchable field is folded once (case, accents, dashes, quotes) when the
//! index is built, each longer query only looks again at what the shorter
//! one found, and a result's snippet is made only when it is shown.
//!
//! The index is lean: each distinct folded text is kept once (carried goals,
//! actions and the vision repeat from session to session), in one buffer.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

use super::Session;
use super::fold::fold;
use super::search::{Hit, PHRASE_BOOST, Section, Text, fields, matching, one_line};

/// An action with no id, which is never merged with another.
const NO_GROUP: u32 = u32::MAX;

/// One searchable field of one session.
#[derive(Debug, Clone, Copy)]
struct Field {
    session: u32,
    /// Its folded text in [`SearchIndex::text`].
    text: u32,
    item: u32,
    /// Its place in `search::fields(session)`, to show the original text.
    nth: u32,
    section: Section,
}

/// The fields of an archive, folded once. Build it from the sessions, and
/// search it with the same sessions.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
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
    last: Option<Last>,
}

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
        let mut order: Vec<usize> = (0..sessions.len()).collect();
        order.sort_by(|&a, &b| sessions[b].date.cmp(&sessions[a].date).then(a.cmp(&b)));
        let mut index = SearchIndex::default();
        index.group_actions(sessions);
        // Each text seen, so one repeated from session to session is folded
        // once; and each folded text by its hash (a rare clash keeps one twice).
        let mut seen: HashMap<Cow<str>, Option<u32>, Quickly> = HashMap::default();
        let mut ids: HashMap<u64, u32, Quickly> = HashMap::default();
        for &s in &order {
            let first = index.fields.len();
            for (nth, (section, item, raw)) in fields(&sessions[s]).into_iter().enumerate() {
                let text = match seen.get(raw.as_ref()) {
                    Some(&text) => text,
                    None => {
                        let text = index.add(&raw, &mut ids);
                        seen.insert(raw, text);
                        text
                    }
                };
                let Some(text) = text else { continue };
                index.fields.push(Field {
                    session: small(s),
                    text,
                    item: small(item),
                    nth: small(nth),
                    section,
                });
            }
            // Each place's fields side by side, in the order of places.
            index.fields[first..].sort_by_key(|f| (f.section, f.item, f.nth));
        }
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
    fn group_actions(&mut self, sessions: &[Session]) {
        let mut named: HashMap<&str, u32> = HashMap::new();
        for s in sessions {
            self.action_base.push(small(self.groups.len()));
            for a in &s.actions {
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

    /// Every hit for `query` in `sessions` (those the index was built
    /// from), as [`super::search`] finds them.
    pub fn search(&mut self, sessions: &[Session], query: &str) -> Vec<Hit> {
        self.find(query).hits(self, sessions)
    }

    /// Where every hit for `query` is, best first. A query that only adds
    /// to the last one looks at the last one's finds alone.
    pub fn find(&mut self, query: &str) -> Found {
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        // A word that folds to nothing (a lone accent) is found nowhere.
        if words.is_empty() || words.iter().any(String::is_empty) {
            self.last = None;
            return Found::default();
        }
        let phrase = fold(&query.split_whitespace().collect::<Vec<_>>().join(" "));
        // Every text holding the new words held the old ones.
        let narrow = self.last.as_ref().filter(|l| {
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
        self.last = Some(Last { words, texts, fields });
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
    pub fn hit(&self, index: &SearchIndex, sessions: &[Session], i: usize) -> Option<Hit> {
        let &(f, _) = self.hits.get(i)?;
        let texts = fields(sessions.get(index.fields.get(f as usize)?.session as usize)?);
        self.made(index, &texts, i)
    }

    /// Every result with its text and snippet; each session's texts are
    /// listed once however many results it holds.
    pub fn hits(&self, index: &SearchIndex, sessions: &[Session]) -> Vec<Hit> {
        let session = |i: usize| index.fields.get(self.hits[i].0 as usize).map(|f| f.session);
        let mut order: Vec<usize> = (0..self.hits.len()).collect();
        order.sort_by_key(|&i| session(i));
        let mut made: Vec<Option<Hit>> = vec![None; self.hits.len()];
        let mut texts: Option<(u32, Vec<Text<'_>>)> = None;
        for i in order {
            let Some(s) = session(i) else { continue };
            if texts.as_ref().is_none_or(|(at, _)| *at != s) {
                let Some(session) = sessions.get(s as usize) else {
                    continue;
                };
                texts = Some((s, fields(session)));
            }
            if let Some((_, texts)) = &texts {
                made[i] = self.made(index, texts, i);
            }
        }
        made.into_iter().flatten().collect()
    }

    /// The `i`th result, given its session's texts.
    fn made(&self, index: &SearchIndex, texts: &[Text<'_>], i: usize) -> Option<Hit> {
        let &(f, score) = self.hits.get(i)?;
        let field = index.fields.get(f as usize)?;
        let (section, item, raw) = texts.get(field.nth as usize)?;
        let (text, snippet, highlight, _) = matching(raw, &self.words, &self.phrase)?;
        Some(Hit {
            session: field.session as usize,
            section: *section,
            item: *item,
            text,
            snippet,
            highlight,
            score,
        })
    }
}

#[cfg(test)]
#[path = "search_index_tests.rs"]
mod tests;
