//! Snapshots of the screens between sessions at 80×24 and 120×40, on a copy
//! of the example archive with the clock fixed at 3 December 2026.
#![allow(clippy::unwrap_used)]

mod ui_between_support;
#[macro_use]
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use ui_between_support::*;
use ui_support::*;

snap_both_sizes!();

#[test]
fn timeline_of_the_example_archive() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Down);
    snap_both("timeline", &app);
}

#[test]
fn search_with_results() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "bank block");
    press(&mut app, KeyCode::Down);
    snap_both("search_results", &app);
}

#[test]
fn search_finding_nothing() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zebra crossing");
    snap_both("search_nothing", &app);
}

#[test]
fn actions_view_filtered_to_open_actions() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Down);
    snap_both("actions_open", &app);
}

#[test]
fn actions_view_overdue_for_one_partnership() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('!'));
    snap_both("actions_overdue", &app);
}

#[test]
fn measures_of_a_partnership() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('M'));
    snap_both("measures", &app);
}

#[test]
fn one_measure_as_a_chart() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('M'));
    press(&mut app, KeyCode::Enter);
    snap_both("measure_chart", &app);
}

#[test]
fn next_session_form() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('N'));
    snap_both("next_session", &app);
}

#[test]
fn final_minutes_in_review_mode() {
    let (_dir, mut app) = workshops_app();
    let path = file(&app, "2026-11-11");
    select(&mut app, &path);
    press(&mut app, KeyCode::Enter);
    snap_both("review_mode", &app);
}

#[test]
fn changing_an_actions_owner_or_date() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('!'));
    press(&mut app, KeyCode::Char('e'));
    snap_both("action_edit", &app);
}
