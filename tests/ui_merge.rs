//! The merge screen: a session and its conflict copy side by side by
//! section; mine / theirs / both per section; saving writes the merged
//! session and moves the copy to the trash. And the home line that names
//! conflict copies.
#![allow(clippy::unwrap_used)]

#[macro_use]
mod ui_support;

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyCode;
use roundtable::app::{Action, App, Screen};
use roundtable::domain::{ActionItem, Session};
use roundtable::storage::{self, Archive};
use ui_support::*;

snap_both_sizes!();

const COPY: &str = "2026-12-03-kick-off (Ben's conflicted copy 2026-12-03).ron";

fn item(id: &str, text: &str) -> ActionItem {
    ActionItem {
        id: id.into(),
        text: text.into(),
        owner: "Ann Okafor".into(),
        ..Default::default()
    }
}

/// A session edited on two laptops: mine in place, Ben's as a copy.
fn conflicted() -> (tempfile::TempDir, Archive, Session, Session) {
    let (dir, archive) = empty_archive();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut mine = Session::new("Kick-off", "Eastside Health Equity Partnership", date, now());
    mine.location = "Hall A".into();
    mine.actions = vec![item("a1", "Book the venue"), item("a2", "Share the survey")];
    let mut theirs = mine.clone();
    theirs.location = "Hall B".into();
    theirs.facilitator = "Ben Adeyemi".into();
    theirs.actions = vec![item("a1", "Book the venue"), item("a3", "Write to the council")];
    storage::save(&archive.dir().join("2026-12-03-kick-off.ron"), &mine).unwrap();
    storage::save(&archive.dir().join(COPY), &theirs).unwrap();
    (dir, archive, mine, theirs)
}

fn tick(app: &mut App) {
    app.update(Action::Tick, now());
}

fn select(app: &mut App, path: &Path) {
    for _ in 0..10 {
        if app.home().unwrap().selected_entry().unwrap().path == path {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("{path:?} not in the list");
}

fn opened(archive: Archive) -> (App, PathBuf) {
    let copy = archive.dir().join(COPY);
    let mut app = app(archive);
    tick(&mut app);
    select(&mut app, &copy);
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen, Screen::Merge(_)),
        "Enter on a copy opens the merge screen"
    );
    (app, copy)
}

#[test]
fn home_names_the_conflict_copy_and_what_to_do() {
    let (_dir, archive, _, _) = conflicted();
    let mut app = app(archive);
    tick(&mut app);
    let screen = render(&app, 120, 40).to_string();
    assert!(
        screen.contains("⚠ a conflict copy (Ben) of 2026-12-03-kick-off: select it, Enter to merge"),
        "{screen}"
    );
    // Its own row says so too, in the timeline and in the flat list.
    assert!(screen.contains("⚠ conflict copy (Ben): "), "{screen}");
    press(&mut app, KeyCode::Char('v'));
    let flat = render(&app, 120, 40).to_string();
    assert!(flat.contains("⚠ conflict copy (Ben): "), "{flat}");
}

#[test]
fn the_merge_screen_shows_both_versions_by_section() {
    let (_dir, archive, _, _) = conflicted();
    let (mut app, _) = opened(archive);
    snap_both("merge_header", &app);
    press(&mut app, KeyCode::Char('t'));
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('b'));
    snap_both("merge_actions_both", &app);
}

#[test]
fn choices_by_section_give_the_merged_file_and_the_copy_goes_to_the_trash() {
    let (dir, archive, mine, theirs) = conflicted();
    let original = archive.dir().join("2026-12-03-kick-off.ron");
    let trash = archive.trash_dir();
    let (mut app, copy) = opened(archive);
    // Header: Ben's. Actions: both, by id.
    press(&mut app, KeyCode::Char('t'));
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('b'));
    // A single piece cannot be "both": said, and nothing changes.
    for _ in 0..3 {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Char('b'));
    assert!(
        app.message.as_ref().unwrap().text.contains("not a list"),
        "{:?}",
        app.message
    );
    press(&mut app, KeyCode::Char('s'));

    assert!(matches!(app.screen, Screen::Home(_)));
    let message = &app.message.as_ref().unwrap().text;
    assert!(
        message.starts_with("Merged 2026-12-03-kick-off: saved"),
        "{message}"
    );
    let merged = storage::load(&original).unwrap();
    assert_eq!(merged.location, theirs.location);
    assert_eq!(merged.facilitator, theirs.facilitator);
    let texts: Vec<&str> = merged.actions.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Book the venue", "Share the survey", "Write to the council"]
    );
    assert_eq!(merged.id, mine.id);
    assert_eq!(merged.updated, now());
    // The copy is not deleted: it waits in the trash.
    assert!(!copy.exists());
    assert_eq!(storage::load(&trash.join(COPY)).unwrap(), theirs);
    drop(dir);
}

#[test]
fn leaving_without_saving_changes_nothing() {
    let (_dir, archive, mine, theirs) = conflicted();
    let original = archive.dir().join("2026-12-03-kick-off.ron");
    let (mut app, copy) = opened(archive);
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home(_)));
    assert_eq!(storage::load(&original).unwrap(), mine);
    assert_eq!(storage::load(&copy).unwrap(), theirs);
}
