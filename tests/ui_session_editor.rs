#![allow(clippy::unwrap_used)]
//! The item editor and the edges of the session screen: an open form,
//! an inline date error, an empty session, and sizes from tiny to huge.

#[macro_use]
mod ui_session_fixture;

use KeyCode::{Down, Enter, Tab};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::session::SessionScreen;
use roundtable::domain::Session;
use ui_session_fixture::{draw, goal, keys, now, screen_after};

snapshot_helpers!();

#[test]
fn editor_for_a_new_goal() {
    let mut k = keys("1a");
    k.extend(keys("Link every GP practice to the drop-in"));
    k.extend([Tab]);
    k.extend(keys("sa"));
    check("editor_new_goal", &k);
}

#[test]
fn editor_with_a_date_error() {
    let mut k = vec![KeyCode::Char('d'), Tab, KeyCode::Char('a')];
    k.extend(keys("Ask the school nurses to join"));
    k.extend([Tab, Tab]);
    k.extend(keys("next week"));
    k.push(KeyCode::Esc);
    check("editor_date_error", &k);
}

#[test]
fn editor_for_a_measure() {
    check("editor_measure", &[KeyCode::Char('3'), Tab, Enter]);
}

#[test]
fn empty_session_invites_the_first_item() {
    let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let screen = SessionScreen::open("/a.ron".into(), Session::new("New", "P", date, now()));
    insta::assert_snapshot!("empty_80x24", draw(&screen, 80, 24).backend());
}

#[test]
fn tiny_and_huge_do_not_panic() {
    let mut screen = screen_after(&[]);
    for _ in 0..500 {
        screen
            .session
            .goals
            .push(goal(&"long words ".repeat(40), "Ann Lee", 1, false));
    }
    for key in [KeyCode::End, KeyCode::PageDown] {
        screen.handle_key(KeyEvent::new(key, KeyModifiers::NONE), now());
    }
    for (w, h) in [(1, 1), (10, 3), (20, 6), (30, 8), (80, 24), (200, 60)] {
        for k in [
            Down,
            Down,
            KeyCode::Char('a'),
            KeyCode::Char('x'),
            Tab,
            KeyCode::Esc,
        ] {
            draw(&screen, w, h);
            screen.handle_key(KeyEvent::new(k, KeyModifiers::NONE), now());
        }
        draw(&screen, w, h);
    }
}
