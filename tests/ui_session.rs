#![allow(clippy::unwrap_used)]
//! The session screen as the room sees it: every section with realistic
//! items at a small laptop size (80×24) and a projector size (120×40),
//! drawn without colour.

#[macro_use]
mod ui_session_fixture;

use KeyCode::{Down, Tab};
use ratatui::crossterm::event::KeyCode;
use ui_session_fixture::{draw, keys, screen_after};

snapshot_helpers!();

#[test]
fn step_1_goals() {
    check("goals", &[Down]);
}

#[test]
fn step_2_vision() {
    check("vision_drafts", &keys("2"));
    check("vision_consent", &[KeyCode::Char('2'), Tab, Tab, Down]);
}

#[test]
fn step_3_activities_and_measures() {
    check("activities", &keys("3"));
    check("measures", &[KeyCode::Char('3'), Tab, Down]);
}

#[test]
fn step_4_roles() {
    check("roles", &keys("4"));
    check("roles_governance", &[KeyCode::Char('4'), Tab, Tab]);
}

#[test]
fn step_5_awareness() {
    check("awareness", &keys("5"));
}

#[test]
fn step_6_data_and_next_steps() {
    check("next_steps_readings", &keys("6"));
    check("next_steps_learnings", &[KeyCode::Char('6'), Tab, Down]);
}

#[test]
fn participants_and_voices() {
    check("participants", &keys("pj+"));
}

#[test]
fn decisions_and_actions() {
    check("decisions", &keys("dj"));
    check("actions", &[KeyCode::Char('d'), Tab]);
}

#[test]
fn parking_lot() {
    check("parking_lot", &keys("l"));
}

/// The only pictures that show the guidance text from `assets/steps`.
#[test]
fn guidance_shown() {
    snapshot("goals_with_guidance", &[Down]);
    snapshot("measures_with_guidance", &[KeyCode::Char('3'), Tab]);
}
