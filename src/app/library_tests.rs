use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};

use super::view::PREVIEW_ROWS;
use super::*;
use crate::domain::Card;
use crate::storage::Stamp;

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
    library.refresh();
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
    cache.write(&listed, &preview(&listed));
    drop(library);
    archive
        .create(&session("Third", 3))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut library = Library::remembered_in(&archive, Some(cache));
    assert_eq!(titles(&library), ["Second", "First"], "drawn from the cache");
    library.refresh();
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

#[test]
fn a_file_saved_in_its_place_is_swapped_in_and_one_that_moves_is_sorted_again() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().into()).unwrap_or_else(|e| panic!("{e}"));
    let old = session("Old", 1);
    let path = archive.create(&old).unwrap_or_else(|e| panic!("{e}"));
    archive
        .create(&session("New", 5))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut library = Library::now(&archive);
    let generation = library.generation;
    // Same place: an action added changes the card, not the order.
    let mut busier = old.clone();
    busier.actions.push(crate::domain::ActionItem::default());
    library.saved(&path, &busier);
    assert_eq!(titles(&library), ["New", "Old"]);
    assert_eq!(library.listed[1].card.as_ref().map(|c| c.actions).ok(), Some(1));
    assert!(library.generation > generation, "the change is drawn");
    let generation = library.generation;
    library.saved(&path, &busier);
    assert_eq!(
        library.generation, generation,
        "the same card again changes nothing"
    );
    // A new date moves it: the list is sorted again.
    let mut later = busier;
    later.date = NaiveDate::from_ymd_opt(2026, 6, 9).unwrap_or_default();
    library.saved(&path, &later);
    assert_eq!(titles(&library), ["Old", "New"]);
}

fn listed(title: &str, partnership: &str, day: u32) -> Listed {
    let mut s = session(title, day % 28 + 1);
    s.partnership = partnership.into();
    Listed {
        path: PathBuf::from(format!("/archive/{title}.ron")),
        stamp: Some(Stamp {
            size: 1,
            secs: 0,
            nanos: 0,
        }),
        card: Ok(std::sync::Arc::new(Card::of(&s))),
    }
}

#[test]
fn the_first_frame_of_a_large_archive_is_drawn_from_its_first_screenful() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = Path::new("/archive");
    let mut all: Vec<Listed> = (0..150).map(|n| listed(&format!("A{n}"), "Alpha", n)).collect();
    all.extend((0..150).map(|n| listed(&format!("B{n}"), "Beta", n)));
    let cache = Cache::in_folder(tmp.path(), dir);
    cache.write(&all, &preview(&all));
    let first = remembered_view(dir, Some(&cache)).unwrap_or_else(|| panic!("a preview"));
    assert_eq!(first.listed.len(), PREVIEW_ROWS, "only the rows drawn first");
    let files: Vec<(&str, usize, usize)> = first
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.files, g.entries.len()))
        .collect();
    assert_eq!(
        files,
        [("Alpha", 150, 150), ("Beta", 150, 50)],
        "every group counts all"
    );
    // The rows are those the full list shows first, in the same order.
    let full = View::of(all);
    let shown = |v: &View| -> Vec<PathBuf> {
        v.groups
            .iter()
            .flat_map(|g| g.entries.iter().map(|&i| v.listed[i].path.clone()))
            .take(PREVIEW_ROWS)
            .collect()
    };
    assert_eq!(shown(&first), shown(&full));
}

#[test]
fn files_read_before_quitting_a_long_check_are_remembered() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().join("archive")).unwrap_or_else(|e| panic!("{e}"));
    let cache = Cache::in_folder(&tmp.path().join("cache"), archive.dir());
    for day in 1..=3 {
        let path = archive
            .create(&session(&format!("S{day}"), day))
            .unwrap_or_else(|e| panic!("{e}"));
        let old = std::time::SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(old))
            .unwrap_or_default();
    }
    let mut library = Library::remembered_in(&archive, Some(cache.clone()));
    library.refresh();
    poll_until(&mut library, |l| l.checking.is_none());
    // As if the user quit while the worker was still reading: what the app
    // holds is written on leaving.
    std::fs::remove_file(cache.file()).unwrap_or_default();
    if let Mode::Worker { unremembered, .. } = &mut library.mode {
        *unremembered = true;
    }
    drop(library);
    assert_eq!(cache.read().len(), 3);
    assert!(remembered_view(archive.dir(), Some(&cache)).is_some_and(|v| v.listed.len() == 3));
}

#[test]
fn a_file_with_the_stamp_it_was_listed_with_keeps_its_card() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().into()).unwrap_or_else(|e| panic!("{e}"));
    let path = archive
        .create(&session("Settled A", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    // Changed an hour ago, as a file is when nobody is working on it.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let set = |path: &std::path::Path| {
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(hour_ago))
            .unwrap_or_else(|e| panic!("{e}"));
    };
    set(&path);
    let mut library = Library::now(&archive);
    // The same size and time as listed: taken as unchanged, as the
    // remembered cards are, so it is not read again.
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, text.replace("Settled A", "Settled B")).unwrap_or_else(|e| panic!("{e}"));
    set(&path);
    library.reread(&path);
    assert_eq!(titles(&library), ["Settled A"], "not read again");
    // A change of size is read.
    std::fs::write(&path, text.replace("Settled A", "Settled, renamed")).unwrap_or_else(|e| panic!("{e}"));
    set(&path);
    library.reread(&path);
    assert_eq!(titles(&library), ["Settled, renamed"]);
}
