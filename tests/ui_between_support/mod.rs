//! The example archive copied into a tempdir, opened in the app with the
//! fixed clock and no colour, for the between-sessions screens.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyCode;
use roundtable::app::actions_view::ActionsState;
use roundtable::app::{App, Screen};
use roundtable::storage::Archive;
use tempfile::TempDir;

use super::ui_support::{self, press, type_text};

/// A copy of `workshops/`, so tests can change files freely.
pub fn workshops() -> (TempDir, Archive) {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("sessions");
    std::fs::create_dir_all(&to).unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("workshops");
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
    let archive = Archive::open(to).unwrap();
    (dir, archive)
}

pub fn workshops_app() -> (TempDir, App) {
    let (dir, archive) = workshops();
    (dir, ui_support::app(archive))
}

/// The file in the archive whose name starts with `prefix`.
pub fn file(app: &App, prefix: &str) -> PathBuf {
    std::fs::read_dir(app.archive.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no file starting {prefix}"))
}

/// Selects the session in `path` on the home screen.
pub fn select(app: &mut App, path: &Path) {
    let Screen::Home(home) = &mut app.screen else {
        panic!("expected home, got {}", app.screen_name());
    };
    home.selected = home.entries.iter().position(|e| e.path == path).unwrap();
}

/// The actions view, with only `owner`'s actions shown.
pub fn open_actions_of(app: &mut App, owner: &str) {
    press(app, KeyCode::Char('A'));
    press(app, KeyCode::Char('o'));
    type_text(app, owner);
    press(app, KeyCode::Enter);
}

/// The actions view the app shows now.
pub fn view_of(app: &App) -> &ActionsState {
    let Screen::Actions(view) = &app.screen else {
        panic!("not the actions view")
    };
    view
}

pub fn message(app: &App) -> String {
    app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}
