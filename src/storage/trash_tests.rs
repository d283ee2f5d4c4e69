use chrono::NaiveDate;

use super::*;
use crate::domain::Session;
use crate::storage::{read_recovery, write_recovery};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

fn archive_with(titles: &[&str]) -> (tempfile::TempDir, Archive, Vec<PathBuf>) {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(tmp.path().join("sessions")).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let paths = titles
        .iter()
        .map(|t| archive.create(&Session::new(t, "P", date, now())).unwrap())
        .collect();
    (tmp, archive, paths)
}

fn names(entries: &[Entry]) -> Vec<String> {
    entries.iter().map(Entry::file_name).collect()
}

#[test]
fn a_removed_session_leaves_the_archive_for_the_trash_with_its_journal() {
    let (_tmp, archive, paths) = archive_with(&["Kick-off", "Review"]);
    let session = crate::storage::load(&paths[0]).unwrap();
    write_recovery(&paths[0], &session).unwrap();
    let moved = archive.remove(&paths[0], now()).unwrap();
    assert_eq!(moved, archive.trash_dir().join("2026-06-01-kick-off.ron"));
    assert!(!paths[0].exists());
    assert_eq!(names(&archive.list()), ["2026-06-01-review.ron"]);
    assert_eq!(names(&archive.trashed().unwrap()), ["2026-06-01-kick-off.ron"]);
    assert_eq!(archive.trash_len(), 1, "the journal is not counted");
    assert!(read_recovery(&paths[0]).is_none(), "the journal moved too");
    assert!(read_recovery(&moved).is_some());
    assert!(
        !crate::storage::lock_path(&paths[0]).exists(),
        "the lock is released"
    );
}

#[test]
fn restoring_never_overwrites_a_session_of_the_same_name() {
    let (_tmp, archive, paths) = archive_with(&["Kick-off"]);
    let original = fs::read(&paths[0]).unwrap();
    let in_trash = archive.remove(&paths[0], now()).unwrap();
    // A new session took the name meanwhile.
    fs::write(&paths[0], "(title: \"newer\")").unwrap();
    let back = archive.restore(&in_trash).unwrap();
    assert_eq!(back, archive.dir().join("2026-06-01-kick-off-2.ron"));
    assert_eq!(fs::read(&back).unwrap(), original);
    assert_eq!(fs::read_to_string(&paths[0]).unwrap(), "(title: \"newer\")");
    assert!(archive.trashed().unwrap().is_empty());
}

#[test]
fn removing_a_second_session_of_the_same_name_keeps_both_in_the_trash() {
    let (_tmp, archive, paths) = archive_with(&["Kick-off"]);
    let text = fs::read(&paths[0]).unwrap();
    archive.remove(&paths[0], now()).unwrap();
    fs::write(&paths[0], &text).unwrap();
    let second = archive.remove(&paths[0], now()).unwrap();
    assert_eq!(second.file_name().unwrap(), "2026-06-01-kick-off-2.ron");
    assert_eq!(archive.trashed().unwrap().len(), 2);
}

#[test]
fn a_session_open_elsewhere_is_not_removed() {
    let (_tmp, archive, paths) = archive_with(&["Kick-off"]);
    let held = lock(&paths[0], now()).unwrap();
    let err = archive.remove(&paths[0], now()).unwrap_err();
    assert!(matches!(err, TrashError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("was not removed"), "{err}");
    assert!(paths[0].exists());
    assert!(archive.trashed().unwrap().is_empty());
    drop(held);
    archive.remove(&paths[0], now()).unwrap();
}

#[test]
fn only_session_files_of_the_archive_move() {
    let (tmp, archive, paths) = archive_with(&["Kick-off"]);
    let outside = tmp.path().join("elsewhere.ron");
    fs::write(&outside, "x").unwrap();
    let err = archive.remove(&outside, now()).unwrap_err();
    assert!(matches!(err, TrashError::NotInFolder { .. }), "{err}");
    assert!(outside.exists());
    // Restoring takes files from the trash only.
    assert!(matches!(
        archive.restore(&paths[0]),
        Err(TrashError::NotInFolder { .. })
    ));
}

#[test]
fn no_trash_folder_means_an_empty_trash() {
    let (_tmp, archive, _) = archive_with(&[]);
    assert!(archive.trashed().unwrap().is_empty());
    assert!(!archive.trash_dir().exists(), "looking creates nothing");
}
