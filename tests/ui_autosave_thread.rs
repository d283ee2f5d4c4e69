//! Autosave on its own thread (as the terminal app runs it): typing never
//! waits for the disk, yet the save still reaches the file, never over
//! another program's edit, and nothing is left under way when the session
//! is left. Results come back on a later tick, so these tests tick until
//! the condition holds.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::path::PathBuf;

use chrono::{DateTime, TimeDelta, Utc};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::{Action, App, Screen};
use roundtable::storage;
use ui_support::*;

fn at(seconds: f64) -> DateTime<Utc> {
    now() + TimeDelta::milliseconds((seconds * 1000.0) as i64)
}

fn key(app: &mut App, code: KeyCode, t: DateTime<Utc>) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)), t);
}

fn typed(app: &mut App, text: &str, t: DateTime<Utc>) {
    for c in text.chars() {
        key(app, KeyCode::Char(c), t);
    }
}

fn path(app: &App) -> PathBuf {
    match &app.screen {
        Screen::Session(screen) => screen.path.clone(),
        _ => panic!("expected the session screen, got {}", app.screen_name()),
    }
}

fn on_disk(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Ticks at `t` until `done` holds: the thread's result is taken in on a
/// tick. Gives up (failing the test) after a generous number of tries.
fn tick_until(app: &mut App, t: DateTime<Utc>, done: impl Fn(&App) -> bool) {
    for _ in 0..20_000 {
        app.update(Action::Tick, t);
        if done(app) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    panic!("the autosave thread never answered");
}

/// Opens the newest session with saves on their own thread and starts
/// typing a new goal at 0 s.
fn typing_a_goal(text: &str) -> (tempfile::TempDir, App) {
    let (dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    app.guard.write_in_background();
    key(&mut app, KeyCode::Enter, at(0.0));
    key(&mut app, KeyCode::Char('a'), at(0.0));
    typed(&mut app, text, at(0.0));
    (dir, app)
}

#[test]
fn an_autosave_on_its_own_thread_reaches_the_file_while_typing_goes_on() {
    let (_dir, mut app) = typing_a_goal("Fewer missed appointments");
    let file = path(&app);
    app.update(Action::Tick, at(2.0));
    // Typing goes on at once, whether or not the write has finished.
    typed(&mut app, " for carers", at(2.1));
    tick_until(&mut app, at(2.2), |app| app.guard.saved_at.is_some());
    assert_eq!(app.guard.saved_at, Some(at(2.0)));
    let saved = storage::load(&file).unwrap();
    assert_eq!(saved.goals.last().unwrap().text, "Fewer missed appointments");
    assert!(
        app.guard.unsaved,
        "what was typed after the save is not in the file"
    );
    // The next pause saves the rest, over the file the thread wrote.
    tick_until(&mut app, at(4.2), |app| app.guard.saved_at == Some(at(4.2)));
    assert!(!app.guard.unsaved);
    assert!(on_disk(&file).contains("Fewer missed appointments for carers"));
    assert_eq!(
        std::fs::read_to_string(storage::recovery_path(&file)).ok(),
        None,
        "the journal goes once the file holds everything"
    );
    let Screen::Session(screen) = &app.screen else {
        unreachable!()
    };
    assert!(screen.editor.is_some(), "autosave must not close the editor");
}

#[test]
fn the_thread_never_saves_over_a_file_changed_elsewhere() {
    let (_dir, mut app) = typing_a_goal("Mine");
    let file = path(&app);
    let mut theirs = storage::load(&file).unwrap();
    theirs.location = "Changed in a text editor".into();
    storage::save(&file, &theirs).unwrap();
    app.update(Action::Tick, at(2.0));
    tick_until(&mut app, at(2.1), |app| app.message.is_some());
    assert_eq!(storage::load(&file).unwrap(), theirs, "their edit is kept");
    let message = app.message.clone().unwrap().text;
    assert!(message.contains("changed by another program"), "{message}");
    assert!(app.guard.unsaved, "ours is still open, unsaved");
}

#[test]
fn leaving_waits_for_the_save_under_way_and_keeps_everything() {
    let (_dir, mut app) = typing_a_goal("Warm referrals");
    let file = path(&app);
    app.update(Action::Tick, at(2.0));
    typed(&mut app, " for all", at(2.0));
    key(&mut app, KeyCode::Esc, at(2.1)); // closes the editor, keeping the text
    key(&mut app, KeyCode::Esc, at(2.2)); // leaves the session, saving
    assert!(matches!(app.screen, Screen::Home(_)), "{:?}", app.message);
    assert!(on_disk(&file).contains("Warm referrals for all"));
    assert_eq!(
        std::fs::read_to_string(storage::recovery_path(&file)).ok(),
        None,
        "no journal left behind"
    );
}
