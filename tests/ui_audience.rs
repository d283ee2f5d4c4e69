//! Audiences on screen: `A` marks the selected item for partners, trustees
//! only or the public, and the row says so in words; `Q` records that a
//! participant agreed to be quoted by name; the minutes prompt says who the
//! minutes are for, Tab switches it, and the choice is remembered.
#![allow(clippy::unwrap_used)]

#[macro_use]
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::{App, Screen};
use roundtable::domain::Audience;
use ui_support::*;

snap_both_sizes!();

const STEM: &str = "2026-12-03-monthly-review-data-and-next-steps";

fn session(app: &App) -> &roundtable::domain::Session {
    match &app.screen {
        Screen::Session(s) => &s.session,
        _ => panic!("not in a session"),
    }
}

/// The monthly review, open on its actions.
fn on_actions() -> (tempfile::TempDir, App) {
    let (dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Tab);
    (dir, app)
}

#[test]
fn a_cycles_the_selected_items_audience_and_the_row_says_it_in_words() {
    let (_dir, mut app) = on_actions();
    let help: Vec<String> = app
        .active_keys()
        .iter()
        .map(|k| format!("{} {}", k.keys, k.label))
        .collect();
    assert!(help.contains(&"A audience".to_string()), "{help:?}");
    press(&mut app, KeyCode::Char('A'));
    assert_eq!(session(&app).actions[0].shown_to, Audience::Trustees);
    let screen = render(&app, 80, 24).to_string();
    assert!(screen.contains("[trustees only] "), "{screen}");
    snap_both("action_for_trustees_only", &app);
    press(&mut app, KeyCode::Char('A'));
    assert_eq!(session(&app).actions[0].shown_to, Audience::Public);
    assert!(render(&app, 80, 24).to_string().contains("[public] "));
    press(&mut app, KeyCode::Char('A'));
    assert_eq!(session(&app).actions[0].shown_to, Audience::Partners);
    let screen = render(&app, 80, 24).to_string();
    assert!(
        !screen.contains("[public]") && !screen.contains("[trustees"),
        "{screen}"
    );
    // Undo takes a marking back like any other change.
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(session(&app).actions[0].shown_to, Audience::Public);
}

#[test]
fn n_marks_the_steps_notes_and_their_title_says_so() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Hartwell want a measurable aim");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('N'));
    let marks = &session(&app).shown_to;
    assert_eq!(marks.note(roundtable::domain::Step::Goals), Audience::Trustees);
    let screen = render(&app, 80, 24).to_string();
    assert!(screen.contains("Notes (n to edit) [trustees only]"), "{screen}");
    snap_both("notes_for_trustees_only", &app);
}

#[test]
fn q_records_consent_to_be_quoted_by_name() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('Q'));
    assert!(session(&app).participants[0].quote_by_name);
    let screen = render(&app, 80, 24).to_string();
    assert!(screen.contains("[quoted by name] Ann Okafor"), "{screen}");
    snap_both("participant_quoted_by_name", &app);
    press(&mut app, KeyCode::Char('Q'));
    assert!(!session(&app).participants[0].quote_by_name);
}

#[test]
fn the_minutes_prompt_says_who_they_are_for_and_tab_switches_and_remembers() {
    let (_dir, archive) = archive_with_sessions();
    let state = tempfile::tempdir().unwrap();
    let mut app = app(archive);
    app.state_file = Some(state.path().join("state.ron"));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.save_as.as_ref().unwrap().audience, Audience::Partners);
    let screen = render(&app, 80, 24).to_string();
    assert!(screen.contains("For: Partners"), "{screen}");
    assert!(screen.contains("Tab audience"), "{screen}");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.save_as.as_ref().unwrap().audience, Audience::Trustees);
    snap_both("minutes_for_trustees", &app);
    press(&mut app, KeyCode::Enter);
    let written = app.archive.dir().join(format!("{STEM}-trustees.md"));
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.contains("**Audience:** Trustees"), "{text}");
    assert!(!app.archive.dir().join(format!("{STEM}.md")).exists());
    assert!(app.message.clone().unwrap().text.ends_with("(for trustees)"));
    // Next time, the partnership's minutes start out for trustees.
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.save_as.as_ref().unwrap().audience, Audience::Trustees);
}
