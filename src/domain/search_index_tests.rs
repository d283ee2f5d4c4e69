use std::collections::{HashMap, HashSet};

use super::*;
use crate::domain::search;
use crate::domain::search::{Section, matching, one_line};
use crate::domain::search_build::folded_line;
use crate::domain::search_fields::fields;
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
        let mut texts = Vec::new();
        fields(s, |section, item, raw| {
            texts.push((section, item, raw.to_string()))
        });
        for (section, item, raw) in texts {
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

/// Every result of `queries` in `index`, with its text and snippet.
fn all_found(index: &mut SearchIndex, queries: &[&str]) -> Vec<Vec<Hit>> {
    queries.iter().map(|q| index.search(q)).collect()
}

/// `session` with its title, an action and a note changed.
fn changed(mut session: Session, n: usize) -> Session {
    session.title = format!("Harbour changed {n}");
    session.actions.push(crate::domain::ActionItem {
        id: format!("new-{n}").into(),
        text: "Book the harbour hall".into(),
        ..Default::default()
    });
    session.set_note(crate::domain::Step::Roles, format!("partners moved {n}"));
    session
}

#[test]
fn an_index_patched_after_a_change_finds_what_one_built_afresh_finds() {
    let mut sessions = sample::sessions(30, 7);
    let before = SearchIndex::new(&sessions);
    sessions[4] = changed(sessions[4].clone(), 4);
    sessions[20] = changed(sessions[20].clone(), 20);
    sessions.push(changed(sessions[2].clone(), 30));
    let ones: Vec<(usize, SearchIndex)> = [4, 20, 30]
        .into_iter()
        .map(|i| (i, SearchIndex::new(std::slice::from_ref(&sessions[i]))))
        .collect();
    let changes: Vec<(usize, &SearchIndex)> = ones.iter().map(|(i, one)| (*i, one)).collect();
    // The sessions it is given may be lean: it reads their dates and action ids.
    let lean: Vec<Session> = (sessions.iter().cloned())
        .map(|s| crate::domain::lean(s, &mut Default::default()))
        .collect();
    let mut patched = before.patched(&lean, &changes);
    let mut afresh = SearchIndex::new(&sessions);
    assert_eq!(patched.fields.len(), afresh.fields.len());
    let queries = [TYPED, &["harbour changed", "moved", "book the"]].concat();
    assert_eq!(
        all_found(&mut patched, &queries),
        all_found(&mut afresh, &queries)
    );
    assert!(!patched.search("partners moved 20").is_empty());
}

#[test]
fn items_too_large_for_a_field_keep_their_number() {
    let sessions = sample::sessions(1, 3);
    let text = |item: u32, raw: &str| (Section::ParkingLot, item, crate::domain::Text::from(raw));
    let texts: Texts = std::sync::Arc::from(vec![
        text(65_534, "hall one"),
        text(65_535, "hall two"),
        text(70_000, "hall three"),
        text(u32::MAX, "hall four"),
    ]);
    let mut index = SearchIndex::of(&sessions, &[texts]);
    let items: Vec<usize> = index.search("hall").iter().map(|h| h.item).collect();
    assert_eq!(items, [65_534, 65_535, 70_000, u32::MAX as usize]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    /// Whatever sessions change, an index patched from the one before finds
    /// what one built afresh finds.
    #[test]
    fn patching_any_sessions_is_building_afresh(
        seed in 0u64..1000,
        n in 1usize..16,
        picks in proptest::collection::vec(0usize..20, 0..4),
        query in proptest::sample::select(TYPED),
    ) {
        let mut sessions = sample::sessions(n, seed);
        let before = SearchIndex::new(&sessions);
        let mut ones = Vec::new();
        for (k, pick) in picks.into_iter().enumerate() {
            let at = pick.min(sessions.len());
            let source = sessions[pick % sessions.len()].clone();
            let now = changed(source, k);
            if at == sessions.len() {
                sessions.push(now);
            } else {
                sessions[at] = now;
            }
            ones.push((at, SearchIndex::new(std::slice::from_ref(&sessions[at]))));
        }
        let changes: Vec<(usize, &SearchIndex)> = ones.iter().map(|(i, one)| (*i, one)).collect();
        let mut patched = before.patched(&sessions, &changes);
        let mut afresh = SearchIndex::new(&sessions);
        proptest::prop_assert_eq!(patched.search(query), afresh.search(query));
        proptest::prop_assert_eq!(patched.search("harbour"), afresh.search("harbour"));
    }
}

#[test]
fn a_carried_action_is_shown_where_it_scores_best() {
    let mut sessions = sample::sessions(3, 2);
    let action = |text: &str| crate::domain::ActionItem {
        id: "carried".into(),
        text: text.into(),
        ..Default::default()
    };
    // Newest first: the phrase is only in the oldest session's wording.
    let mut dates: Vec<usize> = (0..3).collect();
    dates.sort_by_key(|&i| std::cmp::Reverse(sessions[i].date));
    sessions[dates[0]].actions.push(action("Hire zorblax big hall"));
    sessions[dates[1]].actions.push(action("Hire zorblax big hall"));
    sessions[dates[2]].actions.push(action("Hire zorblax hall"));
    let mut index = SearchIndex::new(&sessions);
    for query in ["zorblax hall", "zorblax", "big hall", "hall zorblax"] {
        let found = index.search(query);
        assert_eq!(found, reference(&sessions, query), "{query:?}");
        let carried = |h: &&Hit| h.section == Section::Actions && h.text.contains("zorblax");
        assert_eq!(found.iter().filter(carried).count(), 1, "{query:?}");
    }
    let hall = index.search("zorblax hall");
    let shown = hall.iter().find(|h| h.text.contains("zorblax"));
    assert_eq!(
        shown.map(|h| h.session),
        Some(dates[2]),
        "the phrase scores higher"
    );
}
