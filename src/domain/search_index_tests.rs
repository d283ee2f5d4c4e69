use std::collections::{HashMap, HashSet};

use super::*;
use crate::domain::search;
use crate::domain::search::{Section, fields, matching, one_line};
use crate::domain::search_build::folded_line;
use crate::storage::sample;

/// Search as it was done before the index: every field of every session
/// matched and snippeted, repeats dropped with a map, then sorted.
fn reference(sessions: &[Session], query: &str) -> Vec<Hit> {
    let words: Vec<Vec<char>> = query
        .split_whitespace()
        .map(|w| fold(w).chars().collect())
        .collect();
    let phrase: Vec<char> = fold(&query.split_whitespace().collect::<Vec<_>>().join(" "))
        .chars()
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = Vec::new();
    let mut at: HashMap<(usize, Section, usize), usize> = HashMap::new();
    for (i, s) in sessions.iter().enumerate() {
        for (section, item, raw) in fields(s) {
            let Some((text, snippet, highlight, boost)) = matching(&raw, &words, &phrase) else {
                continue;
            };
            let hit = Hit {
                session: i,
                section,
                item,
                text,
                snippet,
                highlight,
                score: boost + section.weight(),
            };
            match at.get(&(i, section, item)) {
                Some(&j) if hits[j].score >= hit.score => {}
                Some(&j) => hits[j] = hit,
                None => {
                    at.insert((i, section, item), hits.len());
                    hits.push(hit);
                }
            }
        }
    }
    hits.sort_by(|a, b| {
        let date = |h: &Hit| sessions[h.session].date;
        b.score
            .cmp(&a.score)
            .then(date(b).cmp(&date(a)))
            .then((a.session, a.section, a.item).cmp(&(b.session, b.section, b.item)))
    });
    let mut seen = HashSet::new();
    hits.retain(|h| {
        let id = (h.section == Section::Actions)
            .then(|| sessions[h.session].actions.get(h.item).map(|a| a.id.as_str()))
            .flatten()
            .filter(|id| !id.is_empty());
        id.is_none_or(|id| seen.insert(id))
    });
    hits
}

const TYPED: &[&str] = &[
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
    "the",
    "a e",
    "\u{301}",
];

#[test]
fn narrowing_as_the_query_grows_finds_what_a_fresh_search_finds() {
    let sessions = sample::sessions(40, 5);
    let mut index = SearchIndex::new(&sessions);
    for query in TYPED {
        assert_eq!(index.search(query), search(&sessions, query), "{query:?}");
    }
}

#[test]
fn the_index_finds_what_matching_every_field_finds() {
    let sessions = sample::sessions(40, 11);
    let mut index = SearchIndex::new(&sessions);
    for query in TYPED {
        let found = index.search(query);
        assert_eq!(found, reference(&sessions, query), "{query:?}");
    }
    assert!(!index.search("p").is_empty());
}

#[test]
fn a_later_query_that_is_not_longer_searches_everything_again() {
    let sessions = sample::sessions(20, 9);
    let mut index = SearchIndex::new(&sessions);
    let narrow = index.search("harbour").len();
    let wide = index.search("the").len();
    assert!(wide > narrow, "{wide} {narrow}");
}

#[test]
fn each_distinct_text_is_kept_once() {
    let sessions = sample::sessions(40, 5);
    let index = SearchIndex::new(&sessions);
    let distinct: HashSet<&str> = (0..small(index.raws.len())).map(|t| index.raws.get(t)).collect();
    assert_eq!(distinct.len(), index.raws.len());
    // Carried goals, actions and visions repeat across a partnership.
    assert!(
        index.raws.len() < index.fields.len(),
        "{} {}",
        index.raws.len(),
        index.fields.len()
    );
}

#[test]
fn any_result_is_made_on_request_as_the_whole_list_makes_it() {
    let sessions = sample::sessions(40, 5);
    let mut index = SearchIndex::new(&sessions);
    let found = index.find("partners");
    let all = found.hits(&index);
    assert_eq!(all.len(), found.len());
    for i in [0, found.len() / 2, found.len() - 1] {
        let hit = found.hit(&index, i);
        assert_eq!(hit.as_ref(), all.get(i), "{i}");
        let place = found.place(&index, i);
        assert_eq!(place, hit.map(|h| (h.session, h.section, h.item)));
    }
    assert_eq!(found.hit(&index, found.len()), None);
}

#[test]
fn ascii_text_folds_as_any_text_does() {
    for raw in [
        "Plain  TEXT\n\tand\x0bmore ",
        "Café  Straße",
        "  ",
        "A-B 'q' \"Z\"",
    ] {
        assert_eq!(folded_line(raw), fold(&one_line(raw)), "{raw:?}");
    }
}
