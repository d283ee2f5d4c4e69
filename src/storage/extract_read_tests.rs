use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::*;
use crate::domain::{ActionFilter, History, SearchIndex, search};
use crate::storage::{Cache, save};

/// A copy of the example archive, every file an hour old (settled), and
/// an empty cache folder.
fn copy() -> (tempfile::TempDir, tempfile::TempDir, Archive, Extracts) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for entry in fs::read_dir("workshops")
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let to = dir.path().join(entry.file_name());
        fs::copy(entry.path(), &to).unwrap_or_else(|e| panic!("{e}"));
        age(&to, 3600);
    }
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(dir.path().into()).unwrap_or_else(|e| panic!("{e}"));
    let extracts = Extracts::beside(&Cache::in_folder(cache.path(), dir.path()), dir.path());
    (dir, cache, archive, extracts)
}

/// Sets a file's modification time `secs` into the past.
fn age(path: &Path, secs: u64) {
    let old = SystemTime::now() - Duration::from_secs(secs);
    fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(old))
        .unwrap_or_else(|e| panic!("{e}"));
}

fn read(archive: &Archive, extracts: &Extracts, depth: Depth) -> Extracted {
    extracted_with(archive, Some(extracts), depth).unwrap_or_else(|e| panic!("{e}"))
}

fn titles(read: &Extracted) -> Vec<String> {
    read.sessions.iter().map(|s| s.title.clone()).collect()
}

/// Every action as `actions --json` sees it: its text, session and flags.
fn actions(sessions: &[Session]) -> Vec<(String, usize, Vec<String>)> {
    let history = History::new(sessions);
    let today = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default();
    history
        .actions_matching(&ActionFilter::default(), today)
        .iter()
        .map(|r| {
            let flags = history
                .flags(r.action, r.session)
                .iter()
                .map(|f| f.words())
                .collect();
            (r.action.text.to_string(), r.session, flags)
        })
        .collect()
}

#[test]
fn remembered_or_read_now_search_and_actions_find_what_a_full_read_finds() {
    let (_dir, _cache, archive, extracts) = copy();
    let full: Vec<Session> = archive
        .scan()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .filter_map(|e| e.session.ok())
        .collect();
    let cold = read(&archive, &extracts, Depth::Lean);
    assert!(extracts.file().exists(), "remembered after the first read");
    assert_eq!(extracts.read(Depth::Lean).len(), full.len());
    let warm = read(&archive, &extracts, Depth::Lean);
    let warm_search = read(&archive, &extracts, Depth::Search);
    let lean_full: Vec<Session> = full
        .iter()
        .cloned()
        .map(|s| as_kept(s, &mut TextPool::default()))
        .collect();
    assert_eq!(cold.sessions, lean_full);
    assert_eq!(warm.sessions, lean_full);
    assert_eq!(warm.paths, warm_search.paths);
    assert_eq!(actions(&warm.sessions), actions(&full));
    for query in [
        "hall",
        "carers",
        "level ground",
        "data review",
        "a",
        "café",
        "zzz",
    ] {
        let expected = search(&full, query);
        for got in [&cold, &warm, &warm_search] {
            assert_eq!(
                SearchIndex::of(&got.sessions, &got.texts).search(query),
                expected,
                "{query}"
            );
        }
    }
}

#[test]
fn a_remembered_session_is_used_only_while_its_file_is_unchanged() {
    let (dir, _cache, archive, extracts) = copy();
    let first = read(&archive, &extracts, Depth::Lean);
    // Remembered sessions are used as they are while the stamp holds: here
    // one remembered title differs from its file's, to show it.
    let mut remembered = extracts.read(Depth::Lean);
    remembered[0].session.title = "Remembered".into();
    let name = remembered[0].name.clone();
    extracts.write(remembered.iter().map(Remembered::to_remember));
    for depth in [Depth::Lean, Depth::Search] {
        assert!(titles(&read(&archive, &extracts, depth)).contains(&"Remembered".to_string()));
    }
    // Changed since (new text, an older time as a sync may leave it): read again.
    let path = dir.path().join(&name);
    let mut session = crate::storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
    session.title = "Renamed since".into();
    save(&path, &session).unwrap_or_else(|e| panic!("{e}"));
    age(&path, 7200);
    let again = titles(&read(&archive, &extracts, Depth::Search));
    assert!(again.contains(&"Renamed since".to_string()), "{again:?}");
    assert!(!again.contains(&"Remembered".to_string()), "{again:?}");
    // Gone: dropped, here and from the extract.
    fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let after = read(&archive, &extracts, Depth::Lean);
    assert_eq!(after.sessions.len(), first.sessions.len() - 1);
    assert!(!titles(&after).contains(&"Renamed since".to_string()));
    assert!(extracts.read(Depth::Lean).iter().all(|r| r.name != name));
}

#[test]
fn broken_and_just_changed_files_are_read_every_time_and_never_remembered() {
    let (dir, _cache, archive, extracts) = copy();
    let bad = dir.path().join("2026-01-01-bad.ron");
    fs::write(&bad, "(title: oops").unwrap_or_else(|e| panic!("{e}"));
    age(&bad, 3600);
    let fresh = dir.path().join("2027-01-01-fresh.ron");
    fs::copy(
        dir.path().join("2026-07-08-level-ground-launch-session.ron"),
        &fresh,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..2 {
        let got = read(&archive, &extracts, Depth::Search);
        assert_eq!(got.unread.len(), 1);
        assert!(got.paths.contains(&fresh));
    }
    let names: Vec<String> = extracts.read(Depth::Lean).into_iter().map(|r| r.name).collect();
    assert!(
        !names.iter().any(|n| n.contains("bad") || n.contains("fresh")),
        "{names:?}"
    );
}

#[test]
fn a_damaged_extract_is_ignored_and_written_afresh() {
    let (_dir, _cache, archive, extracts) = copy();
    let cold = read(&archive, &extracts, Depth::Lean);
    let bytes = fs::read(extracts.file()).unwrap_or_default();
    fs::write(extracts.file(), &bytes[..bytes.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
    let again = read(&archive, &extracts, Depth::Search);
    assert_eq!(again.paths, cold.paths);
    assert_eq!(extracts.read(Depth::Lean).len(), cold.sessions.len(), "rebuilt");
}
