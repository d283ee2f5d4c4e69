//! Key overrides from the config file: the key that works, the footer and
//! the help overlay all change together (snapshots at 80×24 and 120×40),
//! and the built-in key no longer does that action.
#![allow(clippy::unwrap_used)]

#[macro_use]
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::Screen;
use roundtable::config::{self, Config, load_from};
use ui_support::*;

snap_both_sizes!();

/// New session on `c`, search on `/` and `f`: as a config file says.
fn overridden() -> Config {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::write(
        &path,
        "(keys: {\"home\": {\"new\": \"c\", \"search\": [\"/\", \"f\"]}})",
    )
    .unwrap();
    let loaded = load_from(&path);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.config
}

#[test]
fn an_override_shows_in_the_footer() {
    config::install(&overridden());
    let (_dir, archive) = archive_with_sessions();
    snap_both("config_home_footer", &app(archive));
    config::install(&Config::default());
}

#[test]
fn an_override_shows_in_the_help() {
    config::install(&overridden());
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help_open);
    snap_both("config_home_help", &app);
    let keys = app.help_sections().remove(0).keys;
    let new = keys.iter().find(|k| k.label == "new session").unwrap();
    assert_eq!(new.keys, "c");
    let search = keys.iter().find(|k| k.label == "search").unwrap();
    assert_eq!(search.keys, "/ f");
    config::install(&Config::default());
}

#[test]
fn the_new_key_works_and_the_old_one_no_longer_does() {
    config::install(&overridden());
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    assert!(
        matches!(app.screen, Screen::Home(_)),
        "n is no longer new session"
    );
    press(&mut app, KeyCode::Char('c'));
    assert!(matches!(app.screen, Screen::NewSession(_)), "c opens the form");
    config::install(&Config::default());
}

#[test]
fn without_a_config_the_built_in_keys_work() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.screen, Screen::NewSession(_)));
}

#[test]
fn the_welcome_names_the_key_in_force() {
    config::install(&overridden());
    let (_dir, archive) = empty_archive();
    let screen = format!("{:?}", render(&app(archive), 80, 24));
    assert!(screen.contains("Press c to start your first session"), "{screen}");
    config::install(&Config::default());
}

#[test]
fn a_session_key_override_works_and_shows_in_the_session_footer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::write(&path, "(keys: {\"session\": {\"notes\": \"F2\"}})").unwrap();
    let loaded = load_from(&path);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    config::install(&loaded.config);
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Session(_)));
    let footer = format!("{:?}", render(&app, 120, 40));
    assert!(footer.contains("F2 notes"), "{footer}");
    let editing =
        |app: &roundtable::app::App| matches!(&app.screen, Screen::Session(s) if s.editor.is_some());
    press(&mut app, KeyCode::Char('n'));
    assert!(!editing(&app), "n no longer opens the notes");
    press(&mut app, KeyCode::F(2));
    assert!(editing(&app), "F2 opens the notes");
    config::install(&Config::default());
}
