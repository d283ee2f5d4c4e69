//! The example sessions open as a separate, read-only archive: labelled on
//! every screen, never written to, and never copied into the person's own
//! archive folder.
#![allow(clippy::unwrap_used)]

#[macro_use]
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::{App, Screen, examples};
use ui_support::*;

snap_both_sizes!();

fn header(app: &App) -> String {
    render(app, 80, 24)
        .to_string()
        .lines()
        .next()
        .unwrap()
        .to_string()
}

fn message(app: &App) -> String {
    app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

/// The app on an empty archive, showing the examples (with a fixed folder
/// name for the snapshots).
fn in_examples() -> (tempfile::TempDir, App) {
    let (dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('e'));
    app.display_dir = "/tmp/roundtable-examples-xyz".into();
    (dir, app)
}

#[test]
fn the_examples_are_labelled_and_read_only_and_never_reach_the_archive() {
    let (dir, mut app) = in_examples();
    let own = dir.path().join("sessions");
    let shown = app.archive.dir().to_path_buf();
    assert_ne!(shown, own);
    assert_eq!(app.home().unwrap().entries.len(), 7);

    // The label is on every screen the examples reach.
    for key in [
        KeyCode::Enter,
        KeyCode::Char('/'),
        KeyCode::Char('A'),
        KeyCode::Char('M'),
    ] {
        press(&mut app, key);
        assert_ne!(app.screen_name(), "Sessions", "{key:?} opens a screen");
        assert!(
            header(&app).contains(examples::LABEL),
            "{key:?}: {}",
            header(&app)
        );
        if key == KeyCode::Enter {
            // An example session opens read-only: typing changes nothing.
            let Screen::Session(screen) = &app.screen else {
                panic!()
            };
            assert_eq!(screen.read_only.as_deref(), Some(examples::READ_ONLY));
            assert!(!app.guard.is_locked(), "no lock, so nothing to save");
            type_text(&mut app, "a");
            ctrl(&mut app, 's');
        }
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.screen_name(), "Sessions");
    }

    // What would write a file is refused, saying why and how to leave.
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.screen_name(), "Sessions");
    assert!(message(&app).contains("read-only"), "{}", message(&app));
    press(&mut app, KeyCode::Char('d'));
    assert!(app.confirm.is_none(), "no removing examples");
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('d'));
    assert!(message(&app).contains("press e on the sessions list") || message(&app).contains("Press e"));
    press(&mut app, KeyCode::Esc);
    let before: Vec<_> = roundtable::assets::examples()
        .into_iter()
        .map(|(name, text)| (std::fs::read_to_string(shown.join(name)).unwrap(), text))
        .collect();
    assert!(
        before.iter().all(|(on_disk, text)| on_disk == text),
        "examples unchanged"
    );

    // Back to the person's own archive, which holds nothing.
    press(&mut app, KeyCode::Char('e'));
    assert!(app.examples.is_none());
    assert_eq!(app.archive.dir(), own);
    assert!(!header(&app).contains(examples::LABEL));
    assert_eq!(
        std::fs::read_dir(&own).unwrap().count(),
        0,
        "the archive holds none of them"
    );
    assert!(!shown.exists(), "the temporary copy is gone");
}

#[test]
fn examples_home() {
    let (_dir, app) = in_examples();
    snap_both("examples_home", &app);
}

#[test]
fn examples_session() {
    let (_dir, mut app) = in_examples();
    press(&mut app, KeyCode::Enter);
    snap_both("examples_session", &app);
}
