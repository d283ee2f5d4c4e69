//! `m` in a session: the prompt for where to write the minutes, prefilled
//! with the session's folder, and the full path said once written.
#![allow(clippy::unwrap_used)]

#[macro_use]
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::message::Tone;
use roundtable::app::save_as::Purpose;
use ui_support::*;

snap_both_sizes!();

const MINUTES: &str = "2026-12-03-monthly-review-data-and-next-steps.md";

fn asked_where(app: &mut roundtable::app::App) {
    press(app, KeyCode::Enter);
    press(app, KeyCode::Char('m'));
    let prompt = app.save_as.as_ref().expect("m asks where to write the minutes");
    assert_eq!(prompt.purpose, Purpose::Minutes);
}

fn backspaces(app: &mut roundtable::app::App) {
    let n = app.save_as.as_ref().unwrap().path.chars().count();
    for _ in 0..n {
        press(app, KeyCode::Backspace);
    }
}

#[test]
fn m_asks_for_the_folder_starting_with_the_sessions_own() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    asked_where(&mut app);
    let prompt = app.save_as.as_ref().unwrap();
    assert_eq!(prompt.path, app.archive.dir().display().to_string());
    snap_both("minutes_where", &app);
}

#[test]
fn enter_writes_the_minutes_there_and_says_the_full_path() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    app.display_dir = app.archive.dir().display().to_string();
    asked_where(&mut app);
    press(&mut app, KeyCode::Enter);
    assert!(app.save_as.is_none());
    let written = app.archive.dir().join(MINUTES);
    assert!(
        std::fs::read_to_string(&written)
            .unwrap()
            .contains("Monthly review")
    );
    let message = app.message.clone().unwrap();
    assert_eq!(message.tone, Tone::Success);
    assert_eq!(
        message.text,
        format!("Minutes written to {} (for partners)", written.display())
    );
}

#[test]
fn another_folder_can_be_chosen_and_a_missing_one_is_refused() {
    let (_dir, archive) = archive_with_sessions();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut app = app(archive);
    asked_where(&mut app);
    backspaces(&mut app);
    let missing = elsewhere.path().join("no-such-folder");
    type_text(&mut app, &missing.display().to_string());
    press(&mut app, KeyCode::Enter);
    let prompt = app.save_as.as_ref().expect("the prompt stays open");
    let error = prompt.error.clone().unwrap();
    assert!(
        error.starts_with("There is no folder ") && error.contains("no-such-folder"),
        "{error}"
    );
    assert!(!missing.exists());
    backspaces(&mut app);
    type_text(&mut app, &elsewhere.path().display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(app.save_as.is_none());
    assert!(elsewhere.path().join(MINUTES).is_file());
    assert!(!app.archive.dir().join(MINUTES).exists());
    let message = app.message.clone().unwrap().text;
    assert!(
        message.ends_with(&format!(
            "{} (for partners)",
            elsewhere.path().join(MINUTES).display()
        )),
        "{message}"
    );
}

#[test]
fn esc_writes_nothing_and_says_so() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    asked_where(&mut app);
    press(&mut app, KeyCode::Esc);
    assert!(app.save_as.is_none());
    assert!(!app.archive.dir().join(MINUTES).exists());
    assert!(app.message.clone().unwrap().text.contains("not written"));
}
