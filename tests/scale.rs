//! Ten thousand sessions: the archive loads whole, broken files still listed,
//! search and the partnership history still find what they should. Checks
//! behaviour only; the benchmarks in `benches/` measure time, on full-size
//! sessions. (Light ones here keep a debug build's run to seconds.)
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;

use chrono::NaiveDate;
use roundtable::domain::{ActionFilter, History, search};
use roundtable::storage::{Archive, sample};

const N: usize = 10_000;

#[test]
fn ten_thousand_sessions_load_search_and_link_up() {
    let sessions = sample::light_sessions(N, 2026);
    let dir = tempfile::tempdir().unwrap();
    let paths = sample::write(dir.path(), &sessions).unwrap();
    assert_eq!(paths.iter().collect::<HashSet<_>>().len(), N, "one file each");
    std::fs::write(dir.path().join("0000-broken.ron"), "(title: \"unfinished").unwrap();

    let entries = Archive::open(dir.path().to_path_buf()).unwrap().list();
    assert_eq!(entries.len(), N + 1);
    let broken: Vec<_> = entries.iter().filter(|e| e.session.is_err()).collect();
    assert_eq!(broken.len(), 1, "only the broken file is broken");
    assert!(broken[0].file_name() == "0000-broken.ron");
    let dates: Vec<NaiveDate> = entries
        .iter()
        .filter_map(|e| e.session.as_ref().ok())
        .map(|s| s.date)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");

    // A word in one partnership's name finds its sessions' titles, each once.
    let name = sessions[0].partnership.clone();
    let hits = search(&sessions, &name);
    let titles: HashSet<usize> = hits
        .iter()
        .filter(|h| h.section == roundtable::domain::Section::Title)
        .map(|h| h.session)
        .collect();
    let series: Vec<usize> = (0..N).filter(|&i| sessions[i].partnership == name).collect();
    assert!(
        series.len() > 1 && series.iter().all(|i| titles.contains(i)),
        "{name}"
    );
    let unique: HashSet<_> = hits.iter().map(|h| (h.session, h.section, h.item)).collect();
    assert_eq!(unique.len(), hits.len(), "no hit twice");

    // Every partnership is one series; carried actions are counted once.
    let history = History::new(&sessions);
    let partnerships: HashSet<&str> = sessions.iter().map(|s| s.partnership.as_str()).collect();
    assert_eq!(history.series().len(), partnerships.len());
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let actions = history.actions_matching(&ActionFilter::default(), today);
    let ids: HashSet<&str> = actions.iter().map(|a| a.action.id.as_str()).collect();
    assert_eq!(
        ids.len(),
        actions.len(),
        "each action once, in its latest session"
    );
    let measured = history
        .series()
        .iter()
        .filter(|s| !history.measures(s).is_empty())
        .count();
    assert!(measured > partnerships.len() / 2, "{measured}");
}
