//! Search that keeps up with typing, however large the archive: every
//! searchable field is folded once (case, accents, dashes, quotes) when the
//! index is built, each longer query only looks again at what the shorter
//! one found, and a result's snippet is made only when it is shown.
//!
//! The index is lean: each distinct text is kept once (carried goals,
//! actions and the vision repeat from session to session), in one buffer,
//! and each field is 8 bytes (see `search_build`).

use std::borrow::Borrow;
use std::collections::HashMap;
use std::ops::Range;

use super::Session;
use super::fold::fold;
use super::search::Hit;
use super::search_build::{Field, IndexBuilder, Span, Strings, Texts, WIDE, small};
use super::search_found::Ranking;

/// An action with no id, which is never merged with another.
const NO_GROUP: u32 = u32::MAX;

/// The fields a query found are kept to narrow the next one from only when
/// fewer than one in this many: looking at every field again costs about as
/// much as looking through a list that long, and holds no memory.
const KEEP_ONE_IN: usize = 4;

/// The fields of an archive, folded once. Build it from the sessions, and
/// search it with the same sessions.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every distinct text, as found, and folded on one line, by one id.
    pub(super) raws: Strings,
    folded: Strings,
    /// Every field holding something, each session's side by side, a
    /// place's fields side by side in the order of places.
    pub(super) fields: Vec<Field>,
    /// The items too large for a field, by field, in field order.
    wide: Vec<(u32, u32)>,
    /// Where each session's fields are in `fields`.
    spans: Vec<Span>,
    /// The sessions in the order results are ranked on equal scores:
    /// newest first (then the first given); then by section and item.
    pub(super) order: Vec<u32>,
    /// Each session holding fields by where its fields start, to find the
    /// session of a field.
    starts: Vec<(u32, u32)>,
    /// Each action's group (carried actions share one), at `action_base[session] + item`.
    groups: Vec<u32>,
    action_base: Vec<u32>,
    pub(super) group_count: usize,
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
    /// The fields found, in the order searched; none when they were many
    /// (every field is looked at again).
    fields: Option<Vec<u32>>,
}

/// The results of one query, best first, then newest session first: where
/// each is, cheaply; the text and snippet of one are made on request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Each score's hits (fields of the index) in the order searched,
    /// best score first.
    pub(super) levels: Vec<(u32, Vec<u32>)>,
    pub(super) words: Vec<Vec<char>>,
    pub(super) phrase: Vec<char>,
}

impl SearchIndex {
    /// The index of whole `sessions`.
    pub fn new<S: Borrow<Session>>(sessions: &[S]) -> SearchIndex {
        let mut builder = IndexBuilder::default();
        let parts: Vec<Span> = sessions.iter().map(|s| builder.add(s.borrow())).collect();
        builder.finish(sessions, &parts)
    }

    /// The index of `sessions` (whole or [`super::lean`]: it reads only their
    /// dates and action ids) with the searchable `texts` of each, side by side.
    pub fn of<S: Borrow<Session>>(sessions: &[S], texts: &[Texts]) -> SearchIndex {
        let mut builder = IndexBuilder::with_capacity(texts.iter().map(|t| t.len()).sum());
        let parts: Vec<Span> = texts
            .iter()
            .map(|t| builder.add_texts(t.iter().map(|(s, i, raw)| (*s, *i, raw.as_ref()))))
            .collect();
        builder.finish(sessions, &parts)
    }

    /// This index with some sessions changed: `sessions` (whole or lean) as
    /// they are now, the first of them as in this index but for each
    /// `(session, one)` of `changed`, whose fields are those of `one`'s only
    /// session. No text is folded again but the changed sessions' new ones.
    pub fn patched<S: Borrow<Session>>(
        &self,
        sessions: &[S],
        changed: &[(usize, &SearchIndex)],
    ) -> SearchIndex {
        let more: usize = changed.iter().map(|(_, one)| one.fields.len()).sum();
        let mut builder = IndexBuilder::with_capacity(self.fields.len() + more);
        let parts: Vec<Span> = (0..sessions.len())
            .map(|s| match changed.iter().rev().find(|(c, _)| *c == s) {
                Some((_, one)) => builder.add_from(one, 0),
                None => builder.add_from(self, s),
            })
            .collect();
        builder.finish(sessions, &parts)
    }

    /// The index of `fields` (see [`IndexBuilder::finish`]).
    pub(super) fn assemble<S: Borrow<Session>>(
        sessions: &[S],
        (raws, folded): (Strings, Strings),
        fields: Vec<Field>,
        wide: Vec<(u32, u32)>,
        spans: Vec<Span>,
    ) -> SearchIndex {
        let date = |i: u32| sessions.get(i as usize).map(|s| s.borrow().date);
        let mut order: Vec<u32> = (0..small(sessions.len())).collect();
        order.sort_by(|&a, &b| date(b).cmp(&date(a)).then(a.cmp(&b)));
        let mut starts: Vec<(u32, u32)> = (spans.iter().enumerate())
            .filter(|(_, p)| p.1 > p.0)
            .map(|(i, p)| (p.0, small(i)))
            .collect();
        starts.sort_unstable();
        let mut index = SearchIndex {
            raws,
            folded,
            fields,
            wide,
            spans,
            order,
            starts,
            ..SearchIndex::default()
        };
        index.group_actions(sessions);
        index
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
        self.groups.shrink_to_fit();
    }

    /// How many fields it holds.
    pub fn field_count(&self) -> usize {
        self.fields.len()
    }

    /// Where the fields of session `slot` are.
    pub(super) fn span(&self, slot: usize) -> Range<usize> {
        self.spans.get(slot).map_or(0..0, |p| p.0 as usize..p.1 as usize)
    }

    /// The item of field `f`.
    pub(super) fn item(&self, f: usize) -> u32 {
        match self.fields.get(f) {
            Some(field) if field.item == WIDE => {
                let at = self.wide.partition_point(|&(w, _)| (w as usize) < f);
                self.wide.get(at).map_or(0, |&(_, item)| item)
            }
            Some(field) => u32::from(field.item),
            None => 0,
        }
    }

    /// The session field `f` belongs to.
    pub(super) fn session_of(&self, f: usize) -> Option<usize> {
        let after = self.starts.partition_point(|&(start, _)| start as usize <= f);
        let &(_, slot) = self.starts.get(after.checked_sub(1)?)?;
        self.span(slot as usize).contains(&f).then_some(slot as usize)
    }

    fn text(&self, id: u32) -> &str {
        self.folded.get(id)
    }

    pub(super) fn group(&self, slot: usize, item: u32) -> u32 {
        let at = self.action_base.get(slot).copied().unwrap_or(0) + item;
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
            None => (0..small(self.folded.len())).filter(has_all).collect(),
        };
        // 1 for a text holding every word, 2 when it holds them as a phrase.
        let mut marks = vec![0u8; self.folded.len()];
        for &t in &texts {
            let as_phrase = words.len() > 1 && self.text(t).contains(phrase.as_str());
            marks[t as usize] = if as_phrase { 2 } else { 1 };
        }
        let marked = |f: u32| marks[self.fields[f as usize].raw as usize] > 0;
        let mut ranking = Ranking::new(self, &marks, words.len() > 1);
        // The fields found, kept to narrow from while few.
        let few = self.fields.len() / KEEP_ONE_IN;
        let mut fields: Option<Vec<u32>> = Some(Vec::new());
        let mut keep = |f: u32| {
            if fields.as_ref().is_some_and(|k| k.len() >= few) {
                fields = None;
            }
            if let Some(kept) = &mut fields {
                kept.push(f);
            }
        };
        match narrow.and_then(|l| l.fields.as_ref()) {
            Some(before) => {
                // In the order searched, session by session.
                let mut sessions = self.order.iter().map(|&s| (s as usize, self.span(s as usize)));
                let mut session = sessions.next();
                for &f in before.iter().filter(|&&f| marked(f)) {
                    while let Some((_, span)) = &session
                        && !span.contains(&(f as usize))
                    {
                        session = sessions.next();
                    }
                    let Some((slot, _)) = session else { break };
                    keep(f);
                    ranking.add(slot, f);
                }
            }
            None => {
                for &s in &self.order {
                    let span = self.span(s as usize);
                    for f in (small(span.start)..small(span.end)).filter(|&f| marked(f)) {
                        keep(f);
                        ranking.add(s as usize, f);
                    }
                }
            }
        }
        let levels = ranking.finish();
        last.0 = Some(Last { words, texts, fields });
        Found {
            levels,
            words: query
                .split_whitespace()
                .map(|w| fold(w).chars().collect())
                .collect(),
            phrase: phrase.chars().collect(),
        }
    }
}

#[cfg(test)]
#[path = "search_index_tests.rs"]
mod tests;
