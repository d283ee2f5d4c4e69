use std::fs;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::storage::{Archive, Cache, save};

fn session(title: &str) -> Session {
    let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
    let date = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
    Session::new(title, "Riverside", date, now)
}

fn titles(listed: &[Listed]) -> Vec<String> {
    let mut t: Vec<String> = listed
        .iter()
        .map(|l| {
            l.card
                .as_ref()
                .map_or_else(|e| format!("broken: {e}"), |c| c.title.clone())
        })
        .collect();
    t.sort();
    t
}

/// Sets a file's modification time into the past, as an older file's.
fn age(path: &Path) {
    let old = SystemTime::now() - Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(old))
        .unwrap_or_default();
}

#[test]
fn an_unchanged_file_keeps_its_card_and_a_changed_one_is_read_again() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().into()).unwrap_or_else(|e| panic!("{e}"));
    let path = archive.create(&session("June")).unwrap_or_else(|e| panic!("{e}"));
    let first = check(tmp.path(), &Known::new(), |_, _, _| {}).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(titles(&first), ["June"]);
    // A remembered card with the file's stamp is used as it is: the file is
    // not read (its title here differs from the file's to show it).
    let mut known = known(&first);
    if let Some((_, card)) = known.values_mut().next() {
        std::sync::Arc::make_mut(card).title = "Remembered".into();
    }
    let again = check(tmp.path(), &known, |_, _, _| {}).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(titles(&again), ["Remembered"]);
    // Any change of size or time reads the file again.
    save(&path, &session("June, renamed")).unwrap_or_else(|e| panic!("{e}"));
    age(&path);
    let changed = check(tmp.path(), &known, |_, _, _| {}).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(titles(&changed), ["June, renamed"]);
}

#[test]
fn broken_files_are_listed_with_their_reason_and_never_remembered() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    fs::write(tmp.path().join("2026-01-01-bad.ron"), "(title: oops").unwrap_or_default();
    fs::write(tmp.path().join("notes.md"), "not a session").unwrap_or_default();
    let listed = check(tmp.path(), &Known::new(), |_, _, _| {}).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(listed.len(), 1);
    assert!(listed[0].is_broken());
    assert_eq!(listed[0].date(), NaiveDate::from_ymd_opt(2026, 1, 1));
    assert!(known(&listed).is_empty());
}

#[test]
fn progress_counts_every_file_once() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().into()).unwrap_or_else(|e| panic!("{e}"));
    for n in 0..5 {
        archive
            .create(&session(&format!("S{n}")))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let seen = std::sync::Mutex::new(Vec::new());
    check(tmp.path(), &Known::new(), |read, _, total| {
        if let Ok(mut seen) = seen.lock() {
            seen.push((read.len(), total));
        }
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let seen = seen.into_inner().unwrap_or_default();
    assert_eq!(seen.iter().map(|(n, _)| n).sum::<usize>(), 5);
    assert!(seen.iter().all(|&(_, total)| total == 5));
}

#[test]
fn the_cache_remembers_settled_cards_and_ignores_what_it_cannot_trust() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = tmp.path().join("archive");
    let archive = Archive::open(dir.clone()).unwrap_or_else(|e| panic!("{e}"));
    let old = archive.create(&session("Old")).unwrap_or_else(|e| panic!("{e}"));
    age(&old);
    archive
        .create(&session("Just saved"))
        .unwrap_or_else(|e| panic!("{e}"));
    let cache = Cache::in_folder(&tmp.path().join("cache"), &dir);
    assert!(cache.read().is_empty());
    let listed = check(&dir, &Known::new(), |_, _, _| {}).unwrap_or_else(|e| panic!("{e}"));
    cache.write(&listed, &[]);
    // Only the file that has settled is remembered: one saved a moment ago
    // could change again without its stamp changing.
    let remembered = cache.read();
    let names: Vec<&String> = remembered.keys().collect();
    assert_eq!(names, ["2026-06-01-old.ron"]);
    // Another archive's cache under the same name, or garbage, is ignored.
    let other = Cache::in_folder(&tmp.path().join("cache"), &tmp.path().join("elsewhere"));
    fs::copy(cache.file(), other.file()).unwrap_or_default();
    assert!(other.read().is_empty());
    fs::write(cache.file(), b"\xff\xff\xff garbage").unwrap_or_default();
    assert!(cache.read().is_empty());
}

#[test]
fn problems_are_remembered_as_counts_and_their_messages_kept_apart() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = tmp.path().join("archive");
    let archive = Archive::open(dir.clone()).unwrap_or_else(|e| panic!("{e}"));
    let mut s = session("Owned elsewhere");
    s.actions.push(crate::domain::ActionItem {
        text: "Call".into(),
        owner: "Nobody here".into(),
        ..Default::default()
    });
    let path = archive.create(&s).unwrap_or_else(|e| panic!("{e}"));
    age(&path);
    let cache = Cache::in_folder(&tmp.path().join("cache"), &dir);
    let listed = check(&dir, &Known::new(), |_, _, _| {}).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(listed[0].card.as_ref().map(|c| c.problems.len()).ok(), Some(1));
    cache.write(&listed, b"first frame");
    assert_eq!(cache.preview().as_deref(), Some(&b"first frame"[..]));
    // The card is remembered with its counts only ...
    let remembered = cache.read();
    let (_, card) = remembered.values().next().unwrap_or_else(|| panic!("remembered"));
    assert_eq!((card.warnings, card.problems.len()), (1, 0));
    assert_eq!(cache.messages().len(), 1, "... its message apart");
    // `list --json` puts the message back: from the cache, or from the
    // file when the cache of messages is gone.
    let expected = s.validate();
    for lost in [false, true] {
        if lost {
            fs::remove_file(cache.file().with_extension("problems")).unwrap_or_default();
        }
        let mut again = check(&dir, &remembered, |_, _, _| {}).unwrap_or_else(|e| panic!("{e}"));
        assert!(again[0].card.as_ref().is_ok_and(|c| c.problems.is_empty()));
        crate::storage::with_messages(Some(&cache), &mut again);
        let found = again[0]
            .card
            .as_ref()
            .map(|c| c.problems.clone())
            .unwrap_or_default();
        assert_eq!(found, expected, "lost: {lost}");
    }
}

#[test]
fn a_card_is_shared_between_lists_and_copied_only_to_let_its_messages_go() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().into()).unwrap_or_else(|e| panic!("{e}"));
    archive.create(&session("June")).unwrap_or_else(|e| panic!("{e}"));
    let listed = check(tmp.path(), &Known::new(), |_, _, _| {}).unwrap_or_else(|e| panic!("{e}"));
    let shared = |a: &Listed, b: &Listed| match (&a.card, &b.card) {
        (Ok(a), Ok(b)) => Arc::ptr_eq(a, b),
        _ => false,
    };
    let mut file = listed[0].clone();
    assert!(
        shared(&file.without_messages(), &file),
        "no messages: nothing to copy"
    );
    let remembered = known(std::slice::from_ref(&file));
    assert!(
        remembered
            .values()
            .all(|(_, card)| file.card.as_ref().is_ok_and(|c| Arc::ptr_eq(c, card)))
    );
    if let Ok(card) = &mut file.card {
        Arc::make_mut(card).problems.push(crate::domain::Problem {
            severity: crate::domain::Severity::Warning,
            message: "No participants listed.".into(),
        });
    }
    let quiet = file.without_messages();
    assert!(!shared(&quiet, &file));
    assert!(quiet.card.as_ref().is_ok_and(|c| c.problems.is_empty()));
    assert!(
        file.card.as_ref().is_ok_and(|c| c.problems.len() == 1),
        "the original keeps its messages"
    );
}

#[test]
fn cards_read_from_the_remembered_files_are_told_apart_without_copying_them() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let archive = Archive::open(tmp.path().into()).unwrap_or_else(|e| panic!("{e}"));
    for title in ["June", "July"] {
        archive.create(&session(title)).unwrap_or_else(|e| panic!("{e}"));
    }
    fs::write(tmp.path().join("2026-01-01-bad.ron"), "(title: oops").unwrap_or_default();
    let listed = check(tmp.path(), &Known::new(), |_, _, _| {}).unwrap_or_else(|e| panic!("{e}"));
    let same = known(&listed);
    let mut changed = same.clone();
    if let Some((stamp, _)) = changed.values_mut().next() {
        stamp.nanos += 1;
    }
    let mut fewer = same.clone();
    fewer.retain(|name, _| name.contains("june"));
    let mut more = same.clone();
    if let Some((stamp, card)) = same.values().next() {
        more.insert("2026-02-02-gone.ron".into(), (*stamp, card.clone()));
    }
    for (remembered, expected) in [(&same, true), (&changed, false), (&fewer, false), (&more, false)] {
        assert_eq!(same_files(&listed, remembered), expected);
    }
}

#[test]
fn files_read_through_one_buffer_each_get_their_own_card_and_stamp() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.ron");
    let short = dir.path().join("short.ron");
    let broken = dir.path().join("broken.ron");
    let mut big = session("A long one");
    big.notes
        .insert(crate::domain::Step::Goals, "words ".repeat(2_000));
    save(&long, &big).unwrap();
    save(&short, &session("Short")).unwrap();
    fs::write(&broken, "(title: ").unwrap();
    let mut buffer = Vec::new();
    // The short file after the long one: nothing of the long one is left over.
    let read: Vec<Listed> = [&long, &short, &broken]
        .into_iter()
        .map(|p| {
            let walked = fs::symlink_metadata(p).ok().map(|m| m.file_type());
            Listed::read_into(p.clone(), walked, &mut buffer)
        })
        .collect();
    assert_eq!(titles(&read[..2]), ["A long one", "Short"]);
    assert!(read[2].card.is_err());
    for l in &read {
        assert_eq!(l.stamp, Stamp::read(&l.path), "{}", l.path.display());
        assert!(l.stamp.is_some());
    }
}

#[test]
fn a_folder_entry_is_stamped_as_its_path_is_following_links() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    save(&real, &session("Real")).unwrap();
    age(&real);
    #[cfg(unix)]
    std::os::unix::fs::symlink(&real, dir.path().join("link.ron")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("dangling.ron")).unwrap();
    let mut seen = 0;
    for entry in fs::read_dir(dir.path()).unwrap().flatten() {
        assert_eq!(
            Stamp::of_entry(&entry),
            Stamp::read(&entry.path()),
            "{:?}",
            entry.path()
        );
        seen += 1;
    }
    assert!(seen >= 1);
}
