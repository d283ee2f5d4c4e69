//! Quick capture and the presenter view inside the whole app: help lists
//! their keys, the presenter takes the whole window, and a captured item is
//! saved like any other edit.
#![allow(clippy::unwrap_used)]

mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::{App, Screen};
use roundtable::storage;
use ui_support::*;

fn new_session(title: &str) -> (tempfile::TempDir, App) {
    let (dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, title);
    ctrl(&mut app, 's');
    assert!(matches!(app.screen, Screen::Session(_)), "{:?}", app.message);
    (dir, app)
}

fn path(app: &App) -> std::path::PathBuf {
    match &app.screen {
        Screen::Session(s) => s.path.clone(),
        _ => panic!("not in a session"),
    }
}

#[test]
fn help_lists_capture_and_presenter() {
    let (_dir, app) = new_session("Spring workshop");
    let help: Vec<String> = app
        .screen_keys()
        .iter()
        .map(|k| format!("{} {}", k.keys, k.label))
        .collect();
    assert!(help.contains(&"i capture".to_string()), "{help:?}");
    assert!(help.contains(&"S/F5 present".to_string()), "{help:?}");
}

#[test]
fn the_presenter_takes_the_whole_window() {
    let (_dir, mut app) = new_session("Spring workshop");
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::F(5));
    let screen = render(&app, 80, 24).to_string();
    assert!(
        screen.contains("In one sentence, what does success look like"),
        "{screen}"
    );
    assert!(
        !screen.contains("Steps"),
        "no navigator on the projector: {screen}"
    );
    press(&mut app, KeyCode::Esc);
    assert!(matches!(&app.screen, Screen::Session(s) if s.presenter.is_none()));
    assert!(render(&app, 80, 24).to_string().contains("Steps"));
}

#[test]
fn a_captured_action_is_saved_with_its_step() {
    let (_dir, mut app) = new_session("Spring workshop");
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('i'));
    type_text(&mut app, "Book the hall by 2027-01-15");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    let saved = storage::load(&path(&app)).unwrap();
    let action = &saved.actions[0];
    assert_eq!(action.text, "Book the hall");
    assert_eq!(action.step, Some(roundtable::domain::Step::Activities));
    assert_eq!(action.due.map(|d| d.to_string()).as_deref(), Some("2027-01-15"));
}
