//! The partnership screen: opened with `P` from home, its three tabs at
//! 80×24 and 120×40, and its keys.
#![allow(clippy::unwrap_used)]

mod partnership_support;
#[macro_use]
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::partnership::Tab;
use roundtable::app::{App, Screen};
use ui_support::*;

snap_both_sizes!();

fn partnership_app() -> (tempfile::TempDir, App) {
    let (dir, archive) = empty_archive();
    partnership_support::save_into(archive.dir());
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('P'));
    (dir, app)
}

fn tab(app: &App) -> Tab {
    let Screen::Partnership(state) = &app.screen else {
        panic!("expected the partnership screen, got {}", app.screen_name());
    };
    state.tab
}

#[test]
fn attendance_with_warnings() {
    let (_dir, app) = partnership_app();
    assert_eq!(tab(&app), Tab::Attendance);
    snap_both("partnership_attendance", &app);
}

#[test]
fn who_does_what() {
    let (_dir, mut app) = partnership_app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    assert_eq!(tab(&app), Tab::WhoDoesWhat);
    snap_both("partnership_grid", &app);
}

#[test]
fn health_trend() {
    let (_dir, mut app) = partnership_app();
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(tab(&app), Tab::Health);
    snap_both("partnership_health", &app);
}

#[test]
fn keys_move_between_tabs_and_esc_goes_home() {
    let (_dir, mut app) = partnership_app();
    press(&mut app, KeyCode::BackTab);
    assert_eq!(tab(&app), Tab::Health, "Shift-Tab wraps to the last tab");
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(tab(&app), Tab::Attendance);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help_open);
    let help: Vec<&str> = app.screen_keys().iter().map(|k| k.label).collect();
    assert!(help.contains(&"draft agreement"), "{help:?}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_name(), "Sessions");
}

#[test]
fn p_on_an_empty_archive_says_what_to_do() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('P'));
    assert_eq!(app.screen_name(), "Sessions");
    let text = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(text.contains("Select a session of a partnership first"), "{text}");
}
