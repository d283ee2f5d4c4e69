//! Keeping every word, driven through `update` with a hand-moved clock:
//! autosave after a pause and on section change, the recovery journal,
//! read-only when someone else holds the lock, and the recovery offer.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::path::PathBuf;

use chrono::{DateTime, TimeDelta, Utc};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::recovery::Action as Recover;
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

fn tick(app: &mut App, t: DateTime<Utc>) {
    app.update(Action::Tick, t);
}

fn path(app: &App) -> PathBuf {
    match &app.screen {
        Screen::Session(screen) => screen.path.clone(),
        _ => panic!("expected the session screen, got {}", app.screen_name()),
    }
}

fn on_disk(app: &App) -> String {
    std::fs::read_to_string(path(app)).unwrap()
}

fn journal(app: &App) -> Option<String> {
    std::fs::read_to_string(storage::recovery_path(&path(app))).ok()
}

/// Opens the newest session and starts typing a new goal at 0 s.
fn typing_a_goal(text: &str) -> (tempfile::TempDir, App) {
    let (dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    key(&mut app, KeyCode::Enter, at(0.0));
    key(&mut app, KeyCode::Char('a'), at(0.0));
    typed(&mut app, text, at(0.0));
    (dir, app)
}

#[test]
fn autosave_waits_for_a_two_second_pause_and_keeps_the_editor_open() {
    let (_dir, mut app) = typing_a_goal("Fewer missed appointments");
    tick(&mut app, at(1.0));
    assert!(!on_disk(&app).contains("Fewer missed"), "saved before the pause");
    assert!(app.guard.unsaved);
    tick(&mut app, at(1.9));
    assert!(!on_disk(&app).contains("Fewer missed"), "saved before the pause");
    typed(&mut app, " for carers", at(1.9));
    tick(&mut app, at(3.0));
    assert!(!on_disk(&app).contains("Fewer missed"), "typing again restarts the pause");
    tick(&mut app, at(3.9));
    assert!(on_disk(&app).contains("Fewer missed appointments for carers"));
    assert!(!app.guard.unsaved);
    assert_eq!(app.guard.saved_at, Some(at(3.9)));
    let Screen::Session(screen) = &app.screen else { unreachable!() };
    assert!(screen.editor.is_some(), "autosave must not close the editor");
    // The file always parses, and holds the goal being typed.
    let saved = storage::load(&path(&app)).unwrap();
    assert_eq!(saved.goals.last().unwrap().text, "Fewer missed appointments for carers");
}

#[test]
fn the_journal_is_written_while_typing_and_dropped_after_saving() {
    let (_dir, mut app) = typing_a_goal("Shared data");
    assert_eq!(journal(&app), None, "nothing written before the first tick");
    tick(&mut app, at(0.25));
    assert!(journal(&app).unwrap().contains("Shared data"));
    typed(&mut app, " agreement", at(0.5));
    tick(&mut app, at(0.75));
    assert!(!journal(&app).unwrap().contains("agreement"), "at most once a second");
    tick(&mut app, at(1.25));
    assert!(journal(&app).unwrap().contains("Shared data agreement"));
    tick(&mut app, at(2.5));
    assert!(on_disk(&app).contains("Shared data agreement"));
    assert_eq!(journal(&app), None, "the journal goes once the file holds it");
}

#[test]
fn changing_section_saves_at_once() {
    let (_dir, mut app) = typing_a_goal("Warm referrals");
    key(&mut app, KeyCode::Esc, at(0.1)); // close the editor, keeping the text
    assert!(!on_disk(&app).contains("Warm referrals"));
    key(&mut app, KeyCode::Char('2'), at(0.2)); // step 2
    assert!(on_disk(&app).contains("Warm referrals"));
    assert!(!app.guard.unsaved);
}
