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

#[test]
fn figures_are_worked_out_again_when_the_archive_changes() {
    let (_dir, mut app) = partnership_app();
    let warnings = |app: &App| match &app.screen {
        Screen::Partnership(s) => s.figures.engagement.warnings.len(),
        _ => panic!("left the partnership screen"),
    };
    assert_eq!(warnings(&app), 2);
    // The council comes and speaks in December after all, saved elsewhere.
    let mut sessions = partnership_support::sessions();
    let december = sessions.last_mut().unwrap();
    december.participants[3].attendance = roundtable::domain::Attendance::Present;
    december.participants[3].contributions = 2;
    let path = app.archive.dir().join(format!("{}.ron", december.id));
    roundtable::storage::save(&path, december).unwrap();
    app.library.refresh();
    app.update(roundtable::app::Action::Tick, now());
    assert_eq!(warnings(&app), 1, "only Westbank's silence is left");
}

#[test]
fn a_partnership_without_goals_or_health_checks_says_how_to_get_them() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('P'));
    press(&mut app, KeyCode::Char('2'));
    let screen = render(&app, 80, 24).to_string();
    assert!(screen.contains("No agreed goals yet"), "{screen}");
    assert!(screen.contains("│  each."), "wrapped, not cut:\n{screen}");
    press(&mut app, KeyCode::Char('3'));
    let screen = render(&app, 80, 24).to_string();
    assert!(screen.contains("No health checks yet"), "{screen}");
}

#[test]
fn g_drafts_the_agreement_into_the_archive_folder() {
    let (_dir, mut app) = partnership_app();
    press(&mut app, KeyCode::Char('g'));
    let text = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(text.contains("Partnering agreement drafted"), "{text}");
    let drafted: Vec<_> = std::fs::read_dir(app.archive.dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with("-agreement.md"))
        .collect();
    assert_eq!(drafted.len(), 1, "one agreement file");
    let agreement = std::fs::read_to_string(drafted[0].path()).unwrap();
    assert!(agreement.contains("Riverside Food Partnership"), "{agreement}");
    assert_eq!(app.screen_name(), "Partnership", "the screen stays open");
}
