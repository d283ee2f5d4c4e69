//! Search that keeps up with typing, however large the archive: every
//! searchable field is folded once (case, accents, dashes, quotes) when the
//! archive is loaded, and each longer query only looks again at the fields
//! the shorter one found.

use std::collections::HashMap;

use super::Session;
use super::fold::fold;
use super::search::{Hit, Section, fields, matching, ranked};

/// A searchable text with where it lives, as `search::fields` gives it.
type Text = (Section, usize, String);

/// One searchable field of one session, folded.
#[derive(Debug, Clone)]
struct Field {
    session: usize,
    /// Its place in `search::fields(session)`, to find the text again.
    nth: usize,
    folded: String,
}

/// Every field of an archive, folded once. Build it when the sessions are
/// loaded, and search it with the same sessions.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    fields: Vec<Field>,
    /// The last query's words and the fields it found, to narrow from.
    last: Option<(Vec<String>, Vec<usize>)>,
}

impl SearchIndex {
    pub fn new(sessions: &[Session]) -> SearchIndex {
        let fields = sessions
            .iter()
            .enumerate()
            .flat_map(|(session, s)| {
                fields(s)
                    .into_iter()
                    .enumerate()
                    .map(move |(nth, (_, _, raw))| Field {
                        session,
                        nth,
                        folded: fold(&raw),
                    })
            })
            .filter(|f| !f.folded.trim().is_empty())
            .collect();
        SearchIndex { fields, last: None }
    }

    /// Every hit for `query` in `sessions` (those the index was built
    /// from), as [`super::search`] finds them. A query that only adds to the
    /// last one looks at the last one's fields alone.
    pub fn search(&mut self, sessions: &[Session], query: &str) -> Vec<Hit> {
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        if words.is_empty() {
            self.last = None;
            return Vec::new();
        }
        let has_all = |f: &Field| words.iter().all(|w| f.folded.contains(w.as_str()));
        let found: Vec<usize> = match &self.last {
            // Every field holding the new words held the old ones.
            Some((old, before)) if old.iter().all(|o| words.iter().any(|w| w.contains(o.as_str()))) => before
                .iter()
                .copied()
                .filter(|&i| has_all(&self.fields[i]))
                .collect(),
            _ => (0..self.fields.len())
                .filter(|&i| has_all(&self.fields[i]))
                .collect(),
        };
        let hits = self.hits(sessions, query, &found);
        self.last = Some((words, found));
        hits
    }

    /// The hits among the `found` fields, best first.
    fn hits(&self, sessions: &[Session], query: &str, found: &[usize]) -> Vec<Hit> {
        let words: Vec<Vec<char>> = query
            .split_whitespace()
            .map(|w| fold(w).chars().collect())
            .collect();
        let phrase: Vec<char> = fold(&query.split_whitespace().collect::<Vec<_>>().join(" "))
            .chars()
            .collect();
        let mut hits: Vec<Hit> = Vec::new();
        // Where each (session, section, item) already is in `hits`: a
        // field found twice keeps its best score, in constant time.
        let mut at: HashMap<(usize, Section, usize), usize> = HashMap::new();
        // The texts of the session being looked at: found fields come session by session.
        let mut texts: Option<(usize, Vec<Text>)> = None;
        for field in found.iter().map(|&i| &self.fields[i]) {
            let Some(session) = sessions.get(field.session) else {
                continue;
            };
            if texts.as_ref().is_none_or(|(s, _)| *s != field.session) {
                texts = Some((field.session, fields(session)));
            }
            let Some((section, item, raw)) = texts.as_ref().and_then(|(_, t)| t.get(field.nth)) else {
                continue;
            };
            let Some((text, snippet, highlight, boost)) = matching(raw, &words, &phrase) else {
                continue;
            };
            let hit = Hit {
                session: field.session,
                section: *section,
                item: *item,
                text,
                snippet,
                highlight,
                score: boost + section.weight(),
            };
            match at.get(&(hit.session, hit.section, hit.item)) {
                Some(&i) if hits[i].score >= hit.score => {}
                Some(&i) => hits[i] = hit,
                None => {
                    at.insert((hit.session, hit.section, hit.item), hits.len());
                    hits.push(hit);
                }
            }
        }
        ranked(sessions, hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::search;
    use crate::storage::sample;

    #[test]
    fn narrowing_as_the_query_grows_finds_what_a_fresh_search_finds() {
        let sessions = sample::sessions(40, 5);
        let mut index = SearchIndex::new(&sessions);
        let typed = [
            "p",
            "pa",
            "par",
            "partner",
            "partners",
            "partners ",
            "partners c",
            "partners co",
            "partners c",
            "partners",
            "artn",
            "Café",
            "cafe",
            "",
            "x",
            "q u",
            "harbour",
            "harbour food",
        ];
        for query in typed {
            assert_eq!(
                index.search(&sessions, query),
                search(&sessions, query),
                "{query:?}"
            );
        }
    }

    #[test]
    fn a_later_query_that_is_not_longer_searches_everything_again() {
        let sessions = sample::sessions(20, 9);
        let mut index = SearchIndex::new(&sessions);
        let narrow = index.search(&sessions, "harbour").len();
        let wide = index.search(&sessions, "the").len();
        assert!(wide > narrow, "{wide} {narrow}");
    }
}
