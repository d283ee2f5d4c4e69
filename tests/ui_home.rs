//! Snapshots of the home screen, its help overlay and the too-small message.
#![allow(clippy::unwrap_used)]

#[macro_use]
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use ui_support::*;

snap_both_sizes!();

#[test]
fn home_with_sessions() {
    let (_dir, archive) = archive_with_sessions();
    snap_both("home_sessions", &app(archive));
}

#[test]
fn home_empty() {
    let (_dir, archive) = empty_archive();
    snap_both("home_empty", &app(archive));
}

#[test]
fn home_with_a_broken_file_selected() {
    let (_dir, archive) = archive_with_sessions();
    add_broken_file(&archive);
    let mut app = app(archive);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    snap_both("home_broken", &app);
}

#[test]
fn help_overlay_on_home() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help_open);
    snap_both("home_help", &app);
}

#[test]
fn too_small() {
    let (_dir, archive) = archive_with_sessions();
    let app = app(archive);
    insta::assert_snapshot!("too_small_79x24", render(&app, 79, 24));
    insta::assert_snapshot!("too_small_40x10", render(&app, 40, 10));
}

#[test]
fn the_header_names_the_open_session_and_says_it_is_saved() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24).to_string();
    let header = screen.lines().next().unwrap();
    assert!(
        header.contains("Roundtable › Monthly review: data and next steps"),
        "{header}"
    );
    assert!(header.contains("✓ saved"), "{header}");
}
