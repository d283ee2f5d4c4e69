//! Unsaved work and locks together: a journal is offered even when the
//! session opens read-only (a lock can outlive a crash), restoring never
//! writes into a session someone else has open, and restoring at start
//! clears the lock the crashed Roundtable left, as starting clears the
//! temporary file of a save it was killed in.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyCode;
use roundtable::app::{App, Screen, recovery};
use roundtable::domain::Goal;
use roundtable::storage;
use ui_support::*;

/// The newest session's file, with a journal holding one more goal.
fn journal_with_a_goal(app: &App) -> PathBuf {
    let path = app.home().unwrap().entries[0].path.clone();
    let mut recovered = storage::load(&path).unwrap();
    recovered.goals.push(Goal {
        text: "Typed before the crash".into(),
        ..Default::default()
    });
    storage::write_recovery(&path, &recovered).unwrap();
    path
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_journal_is_offered_even_when_the_session_opens_read_only() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let path = journal_with_a_goal(&app);
    let before = std::fs::read_to_string(&path).unwrap();
    let theirs = storage::lock(&path, now()).unwrap();
    press(&mut app, KeyCode::Enter);
    let Screen::Session(screen) = &app.screen else {
        unreachable!()
    };
    let why = screen.read_only.clone().expect("read-only");
    assert!(why.contains("to take it over"), "{why}");
    assert_eq!(app.offers.len(), 1, "the journal is offered all the same");
    // Discarding what may be their live work is refused.
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert!(storage::recovery_path(&path).exists());
    // Opened again: offered again, and restoring writes a new file beside
    // it, never into theirs.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.offers.len(), 1);
    press(&mut app, KeyCode::Char('r'));
    let message = app.message.clone().unwrap().text;
    assert!(message.contains("-rescued.ron"), "{message}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "theirs is untouched"
    );
    assert!(theirs.path().exists(), "and so is their lock");
    let rescued: Vec<String> = files(app.archive.dir())
        .into_iter()
        .filter(|n| n.ends_with("-rescued.ron"))
        .collect();
    assert_eq!(rescued.len(), 1, "{rescued:?}");
    let kept = storage::load(&app.archive.dir().join(&rescued[0])).unwrap();
    assert_eq!(kept.goals.last().unwrap().text, "Typed before the crash");
}

#[test]
fn restoring_at_start_clears_the_lock_a_crashed_roundtable_left() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let path = journal_with_a_goal(&app);
    // A lock as this computer's Roundtable writes it, naming a process that
    // has ended.
    let lock = storage::lock(&path, now()).unwrap();
    let text = std::fs::read_to_string(lock.path())
        .unwrap()
        .replace(&format!("pid:{}", std::process::id()), "pid:4194305");
    std::mem::forget(lock);
    std::fs::write(storage::lock_path(&path), text).unwrap();
    if storage::is_locked(&path) {
        return; // This computer has no name: no lock can be proved stale.
    }
    recovery::offer_pending(&mut app);
    assert_eq!(app.offers.len(), 1);
    press(&mut app, KeyCode::Char('r'));
    let goals: Vec<String> = storage::load(&path)
        .unwrap()
        .goals
        .into_iter()
        .map(|g| g.text)
        .collect();
    assert_eq!(goals, ["Typed before the crash"]);
    assert!(
        !storage::lock_path(&path).exists(),
        "the dead process's lock is gone"
    );
    assert!(!storage::recovery_path(&path).exists());
}

#[test]
fn starting_clears_the_temporary_file_of_a_save_killed_midway() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let dir = app.archive.dir().to_path_buf();
    let leftover = dir.join(".roundtable-4194305-q8Jz2a.tmp");
    std::fs::write(&leftover, "(a complete session)").unwrap();
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let file = std::fs::File::options().write(true).open(&leftover).unwrap();
    file.set_modified(an_hour_ago).unwrap();
    let being_written = dir.join(format!(".roundtable-{}-Ab3dE9.tmp", std::process::id()));
    std::fs::write(&being_written, "(half").unwrap();
    recovery::offer_pending(&mut app);
    assert!(!leftover.exists(), "{:?}", files(&dir));
    assert!(being_written.exists(), "a live process's temporary file stays");
}

/// A lock from before the computer restarted, naming a process number that
/// is running again now (here: this very test): stale all the same, so the
/// session opens for editing and its journal is offered, at start and on
/// opening.
#[cfg(target_os = "linux")]
#[test]
fn a_lock_from_before_a_restart_is_taken_over_and_its_journal_offered() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let path = journal_with_a_goal(&app);
    let lock = storage::lock(&path, now()).unwrap();
    let text = std::fs::read_to_string(lock.path()).unwrap();
    std::mem::forget(lock);
    let boot = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").unwrap();
    assert!(text.contains(boot.trim()), "the lock records the boot: {text}");
    let before_restart = text.replace(boot.trim(), "00000000-0000-4000-8000-000000000000");
    std::fs::write(storage::lock_path(&path), before_restart).unwrap();
    if storage::is_locked(&path) {
        return; // This computer has no name: no lock can be proved stale.
    }
    recovery::offer_pending(&mut app);
    assert_eq!(app.offers.len(), 1, "offered at start");
    press(&mut app, KeyCode::Esc); // decide later
    press(&mut app, KeyCode::Enter);
    let Screen::Session(screen) = &app.screen else {
        unreachable!()
    };
    assert_eq!(screen.read_only, None);
    assert!(app.guard.is_locked(), "taken over");
    assert_eq!(app.offers.len(), 1, "and offered on opening");
}
