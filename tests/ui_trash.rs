//! Removing a session from the list: asked first, moved to the trash folder
//! inside the archive, refused while someone has it open, and restored from
//! the trash view.
#![allow(clippy::unwrap_used)]

#[macro_use]
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::{App, Screen};
use roundtable::storage;
use ui_support::*;

snap_both_sizes!();

fn message(app: &App) -> String {
    app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn remove_asks_then_moves_to_the_trash_and_the_trash_restores_it() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let selected = app.home().unwrap().selected_entry().unwrap().path.clone();
    let name = selected.file_name().unwrap().to_string_lossy().into_owned();

    press(&mut app, KeyCode::Char('d'));
    assert!(app.confirm.is_some(), "asks first");
    let asked = message(&app);
    assert!(
        asked.contains("Remove “Monthly review: data and next steps”"),
        "{asked}"
    );
    snap_both("remove_question", &app);
    press(&mut app, KeyCode::Char('n'));
    assert!(selected.exists(), "no means no");
    assert!(message(&app).starts_with("Kept "), "{}", message(&app));

    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert!(!selected.exists());
    let home = app.home().unwrap();
    assert_eq!(home.entries.len(), 1);
    let next = home.selected_entry().unwrap().card.as_ref().unwrap();
    assert_eq!(next.title, "First co-design session", "the next one is selected");
    assert!(message(&app).contains("Moved") && message(&app).contains("T to see the trash"));
    assert_eq!(names(&app.archive.trash_dir()), [name]);

    // Out of everything that reads the archive in the app.
    let loaded_paths = |app: &App| match &app.screen {
        Screen::Search(s) => s.loaded.paths.clone(),
        Screen::Actions(s) => s.loaded.paths.clone(),
        Screen::Measures(s) => s.loaded.paths.clone(),
        _ => panic!("{}", app.screen_name()),
    };
    for key in ['/', 'A', 'M'] {
        press(&mut app, KeyCode::Char(key));
        assert_eq!(loaded_paths(&app).len(), 1, "{key}");
        assert!(!loaded_paths(&app).contains(&selected), "{key}");
        press(&mut app, KeyCode::Esc);
    }

    press(&mut app, KeyCode::Char('T'));
    assert_eq!(app.screen_name(), "Trash");
    snap_both("trash", &app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_name(), "Sessions");
    assert!(selected.exists(), "{}", message(&app));
    assert!(names(&app.archive.trash_dir()).is_empty());
    let home = app.home().unwrap();
    assert_eq!(home.entries.len(), 2);
    assert_eq!(
        home.selected_entry().unwrap().path,
        selected,
        "the restored one is selected"
    );
}

#[test]
fn an_empty_trash_says_what_it_is_for() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('T'));
    let screen = render(&app, 80, 24).to_string();
    assert!(screen.contains("0 removed sessions"), "{screen}");
    assert!(screen.contains("Nothing here"), "{screen}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_name(), "Sessions");
}

#[test]
fn a_session_open_elsewhere_is_not_removed() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let selected = app.home().unwrap().selected_entry().unwrap().path.clone();
    let _elsewhere = storage::lock(&selected, now()).unwrap();
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert!(selected.exists());
    assert!(message(&app).contains("was not removed"), "{}", message(&app));
    assert!(
        message(&app).contains("close it there first"),
        "{}",
        message(&app)
    );
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn the_help_lists_remove_and_trash() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 120, 40).to_string();
    assert!(help.contains("Move the selected session to the trash"), "{help}");
    assert!(help.contains("restore"), "{help}");
}

/// With every session removed, the welcome screen points to the trash.
#[test]
fn the_welcome_screen_offers_the_trash_when_it_holds_something() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    for _ in 0..2 {
        press(&mut app, KeyCode::Char('d'));
        press(&mut app, KeyCode::Char('y'));
    }
    assert!(app.home().unwrap().entries.is_empty());
    snap_both("welcome_with_trash", &app);
}
