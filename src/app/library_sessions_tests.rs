use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::domain::{ActionItem, ActionStatus};
use crate::storage::{Archive, Cache};

fn session(title: &str, day: u32) -> Session {
    let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
    let date = NaiveDate::from_ymd_opt(2026, 6, day).unwrap_or_default();
    let mut s = Session::new(title, "Riverside", date, now);
    s.actions.push(ActionItem {
        id: format!("a-{day}").into(),
        text: format!("Book the hall for {title}").into(),
        ..ActionItem::default()
    });
    s.notes
        .insert(crate::domain::Step::Goals, format!("notes on {title}"));
    s
}

/// Polls the way the app's ticks do until a read is finished and current.
fn read_until_done(library: &mut Library) -> Loaded {
    let start = Instant::now();
    let mut saw_progress = false;
    loop {
        library.poll();
        library.poll_across(true);
        let reading = library.across();
        saw_progress |= reading.progress.is_some();
        if let Some((generation, loaded)) = reading.loaded
            && generation == library.generation
            && reading.progress.is_none()
            && library.checking.is_none()
        {
            assert!(saw_progress || generation > 0, "a read shows its progress");
            return loaded;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "gave up waiting");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn titles(loaded: &Loaded) -> Vec<String> {
    loaded.sessions.iter().map(|s| s.title.clone()).collect()
}

#[test]
fn sessions_are_read_in_the_background_once_and_again_only_where_changed() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().join("archive")).unwrap_or_else(|e| panic!("{e}"));
    let cache = Cache::in_folder(&tmp.path().join("cache"), archive.dir());
    let first = archive
        .create(&session("First", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let second = archive
        .create(&session("Second", 2))
        .unwrap_or_else(|e| panic!("{e}"));

    let mut library = Library::remembered_in(&archive, Some(cache));
    // The terminal starts the folder check after its first frame.
    library.refresh();
    let reading = library.across();
    assert!(reading.loaded.is_none(), "nothing read yet");
    assert!(reading.progress.is_some(), "a read is under way at once");
    let loaded = read_until_done(&mut library);
    assert_eq!(titles(&loaded), ["Second", "First"]);
    assert!(loaded.sessions[0].notes.is_empty(), "held lean");
    assert!(loaded.indexed(), "the index is built before the screen gets it");
    assert_eq!(found(&loaded, "notes second"), 1, "notes still found");

    // Kept between screens: nothing read again while nothing changed.
    let again = library.across();
    let (_, same) = again.loaded.unwrap_or_else(|| panic!("kept"));
    assert!(Arc::ptr_eq(&same.sessions, &loaded.sessions) && again.progress.is_none());

    // A change elsewhere (another Roundtable, a sync) is read alone.
    let mut changed = session("Second, changed", 2);
    changed.id = loaded.sessions[0].id.clone();
    std::thread::sleep(Duration::from_millis(20));
    let text = crate::storage::to_ron(&changed);
    crate::storage::write_atomic(&second, text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    library.refresh();
    // The worker checks the folder in its own time (and the watcher may ask
    // for one more check meanwhile): wait until the change is in.
    let start = Instant::now();
    let mut after = read_until_done(&mut library);
    while titles(&after) != ["Second, changed", "First"] && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(5));
        after = read_until_done(&mut library);
    }
    assert_eq!(titles(&after), ["Second, changed", "First"]);
    let at = |l: &Loaded, p: &std::path::Path| l.index_of(p).map(|i| Arc::clone(&l.sessions[i]));
    let (before_first, after_first) = (at(&loaded, &first), at(&after, &first));
    assert!(
        before_first
            .zip(after_first)
            .is_some_and(|(a, b)| Arc::ptr_eq(&a, &b)),
        "the unchanged file was not read again"
    );
    // Its search fields were taken from the index held, the changed file's made anew.
    assert_eq!(found(&after, "notes first"), 1, "unchanged fields kept");
    assert_eq!(found(&after, "notes second"), 1, "the old fields gone");
    assert_eq!(found(&after, "notes changed"), 1, "the new fields in");
}

fn found(loaded: &Loaded, query: &str) -> usize {
    loaded.index().find_from(&mut Default::default(), query).len()
}

#[test]
fn a_saved_file_is_put_in_place_without_reading_the_others() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().join("archive")).unwrap_or_else(|e| panic!("{e}"));
    let path = archive
        .create(&session("First", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    archive
        .create(&session("Second", 2))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut library = Library::now(&archive);
    let loaded = library.sessions();
    let reading = library.across();
    assert!(reading.progress.is_none(), "read on the spot");

    let mut done = crate::storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
    done.actions[0].status = ActionStatus::Done;
    done.title = "First, moved".into();
    std::fs::write(&path, crate::storage::to_ron(&done)).unwrap_or_else(|e| panic!("{e}"));
    let patched = library.across_saved(&loaded, &path);
    assert!(!patched.indexed(), "the index is patched only when search asks");
    assert_eq!(found(&patched, "moved"), 1, "the saved file's new text is found");
    assert_eq!(found(&patched, "notes second"), 1, "the others' are kept");
    assert_eq!(found(&loaded, "moved"), 0, "the index before is unchanged");
    let i = patched.index_of(&path).unwrap_or_default();
    assert_eq!(patched.sessions[i].actions[0].status, ActionStatus::Done);
    let other = 1 - i;
    assert!(
        Arc::ptr_eq(&patched.sessions[other], &loaded.sessions[other]),
        "shared"
    );
    // A later read takes the saved file's fields from its own index.
    library.refresh();
    let again = library.sessions();
    assert_eq!(found(&again, "moved"), 1);
    assert_eq!(found(&again, "notes first"), 1);
    assert_eq!(found(&again, "notes second"), 1);
}
