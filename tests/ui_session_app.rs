//! The session screen in the app: the keys a facilitator needs are on
//! screen, and the header makes room for long titles and says Final.
#![allow(clippy::unwrap_used)]

mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::{App, Screen};
use ui_support::*;

/// A new session, opened on its first step.
fn new_session(title: &str) -> (tempfile::TempDir, App) {
    let (dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, title);
    ctrl(&mut app, 's');
    assert!(matches!(app.screen, Screen::Session(_)), "{:?}", app.message);
    (dir, app)
}

#[test]
fn in_a_session_the_steps_pane_shows_where_keys_go_and_the_footer_keeps_to_the_item() {
    let (_dir, mut app) = new_session("Spring workshop");
    let screen = render(&app, 80, 24).to_string();
    for key in [
        "1 Goals",
        "6 Data & next steps",
        "p Participants",
        "d Decisions & actions",
        "l Parking lot",
        "m minutes",
        "F mark final",
    ] {
        assert!(screen.contains(key), "{key} missing from\n{screen}");
    }
    let footer: Vec<String> = app
        .active_keys()
        .iter()
        .filter(|k| k.in_footer)
        .map(|k| format!("{} {}", k.keys, k.label))
        .collect();
    assert!(footer.contains(&"Esc back".to_string()), "{footer:?}");
    assert!(footer.contains(&"?/F1 help".to_string()), "{footer:?}");
    assert!(
        !footer.iter().any(|k| k.starts_with("Ctrl-S")),
        "autosave: {footer:?}"
    );
    press(&mut app, KeyCode::Char('F'));
    let screen = render(&app, 80, 24).to_string();
    assert!(
        screen.contains("FINAL"),
        "the header says Final at once:\n{screen}"
    );
    assert!(screen.contains("F back in progress"), "{screen}");
}

#[test]
fn a_long_title_stops_short_of_the_saved_state() {
    let (_dir, app) = new_session(&"Brindley Vale Health Equity Partnership first co-design ".repeat(2));
    let screen = render(&app, 80, 24).to_string();
    let top = screen.lines().next().unwrap_or_default();
    let (title, state) = top.split_once('✓').unwrap_or_default();
    assert!(title.trim_end().ends_with('…') && title.ends_with(' '), "{top}");
    assert!(state.starts_with(" saved"), "{top}");
}
