use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};

use super::*;

fn session(title: &str, day: u32) -> Session {
    let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
    let date = NaiveDate::from_ymd_opt(2026, 6, day).unwrap_or_default();
    Session::new(title, "Riverside", date, now)
}

fn titles(library: &Library) -> Vec<String> {
    library
        .listed
        .iter()
        .map(|l| l.card.as_ref().map_or_else(|_| "?".into(), |c| c.title.clone()))
        .collect()
}

/// Polls until `done` holds (the worker runs on its own thread); a test
/// that waits on a condition, never on a fixed time.
fn poll_until(library: &mut Library, done: impl Fn(&Library) -> bool) {
    let start = Instant::now();
    while !done(library) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "gave up waiting: {:?}",
            titles(library)
        );
        library.poll();
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn the_list_comes_from_remembered_cards_then_from_the_folder_as_checked() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().join("archive")).unwrap_or_else(|e| panic!("{e}"));
    let cache = Cache::in_folder(&tmp.path().join("cache"), archive.dir());
    archive
        .create(&session("First", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    archive
        .create(&session("Second", 2))
        .unwrap_or_else(|e| panic!("{e}"));

    // Nothing remembered yet: the list fills in as the worker reads.
    let mut library = Library::remembered_in(&archive, Some(cache.clone()));
    assert!(library.listed.is_empty() && library.checking.is_some());
    poll_until(&mut library, |l| l.checking.is_none());
    assert_eq!(titles(&library), ["Second", "First"]);

    // Remembered next time (backdated, as files settle), shown before any
    // file is read; a file added meanwhile joins once checked.
    let listed: Vec<Listed> = library
        .listed
        .iter()
        .cloned()
        .map(|mut l| {
            if let Some(stamp) = l.stamp.as_mut() {
                stamp.secs = 0;
            }
            l
        })
        .collect();
    cache.write(&listed);
    drop(library);
    archive
        .create(&session("Third", 3))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut library = Library::remembered_in(&archive, Some(cache));
    assert_eq!(titles(&library), ["Second", "First"], "drawn from the cache");
    poll_until(&mut library, |l| l.checking.is_none() && l.listed.len() == 3);
    assert_eq!(titles(&library), ["Third", "Second", "First"]);

    // A change made elsewhere is picked up without asking (the folder is
    // watched), or at the latest on the next refresh.
    let generation = library.generation;
    archive
        .create(&session("Fourth", 4))
        .unwrap_or_else(|e| panic!("{e}"));
    library.refresh();
    poll_until(&mut library, |l| l.generation > generation && l.listed.len() == 4);
    assert_eq!(titles(&library)[0], "Fourth");
}

#[test]
fn reading_now_lists_newest_first_and_a_saved_session_shows_at_once() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().into()).unwrap_or_else(|e| panic!("{e}"));
    let path = archive
        .create(&session("Old", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(tmp.path().join("2026-06-09-broken.ron"), "(title: oops").unwrap_or_default();
    archive
        .create(&session("New", 5))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut library = Library::now(&archive);
    assert_eq!(titles(&library), ["New", "Old", "?"], "unreadable files last");
    let generation = library.generation;
    library.refresh();
    assert_eq!(library.generation, generation, "nothing changed, nothing redrawn");
    crate::storage::save(&path, &session("Old, renamed", 1)).unwrap_or_else(|e| panic!("{e}"));
    library.reread(&path);
    assert_eq!(titles(&library), ["New", "Old, renamed", "?"]);
    assert_eq!(library.sessions().sessions.len(), 2, "readable sessions in full");
}
