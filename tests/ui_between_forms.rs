//! The forms and the actions view between sessions behave alike: Enter
//! moves on and finishes on the last field, a date is checked as the cursor
//! leaves it, and the actions view opens on what is still to do.
#![allow(clippy::unwrap_used)]

mod ui_between_support;
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::Screen;
use roundtable::domain::ActionStatus;
use ui_between_support::*;
use ui_support::*;

#[test]
fn the_actions_view_opens_on_what_is_still_to_do_soonest_due_first() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('A'));
    let view = view_of(&app);
    assert_eq!(view.status_label(), "to do");
    let records = view.records();
    let has = |status| records.iter().any(|r| r.action.status == status);
    assert!(
        has(ActionStatus::Open) && has(ActionStatus::InProgress),
        "open and in progress together"
    );
    assert!(
        records.iter().all(|r| r.action.status.is_open()),
        "nothing done or dropped"
    );
    let dues: Vec<_> = records.iter().filter_map(|r| r.action.due).collect();
    assert!(dues.is_sorted(), "soonest due first");
    // The filter goes round: to do, each status, all, and back to to do.
    let mut seen = Vec::new();
    for _ in 0..6 {
        press(&mut app, KeyCode::Char('s'));
        seen.push(view_of(&app).status_label());
    }
    assert_eq!(seen, ["Open", "In progress", "Done", "Dropped", "all", "to do"]);
}

#[test]
fn next_session_enter_goes_to_the_date_then_creates_as_in_the_new_session_form() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('N'));
    press(&mut app, KeyCode::Enter);
    let Screen::NextSession(form) = &app.screen else {
        panic!("Enter on the title moves on, it does not create")
    };
    assert_eq!(form.focus, 1);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Session(_)), "{}", message(&app));
}

#[test]
fn next_session_checks_the_date_as_the_cursor_leaves_it() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('N'));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Tab);
    let Screen::NextSession(form) = &app.screen else {
        panic!()
    };
    assert_eq!(form.focus, 0);
    let (field, why) = form.error.as_ref().expect("checked on leaving");
    assert_eq!(*field, 1);
    assert!(why.contains("day first"), "{why}");
}

#[test]
fn the_action_form_moves_on_with_enter_and_checks_the_date_on_leaving() {
    let (_dir, mut app) = workshops_app();
    open_actions_of(&mut app, "Marcus");
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    let form = view_of(&app)
        .editing
        .as_ref()
        .expect("Enter on the owner moves on");
    assert_eq!(form.focus, 1);
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Tab);
    let form = view_of(&app).editing.as_ref().unwrap();
    assert_eq!((form.focus, form.error.as_ref().map(|e| e.0)), (0, Some(1)));
}
