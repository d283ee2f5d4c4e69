//! Snapshots of the new-session form.
#![allow(clippy::unwrap_used)]

mod ui_support;

use ratatui::crossterm::event::KeyCode;
use ui_support::*;

#[test]
fn new_session_form_empty() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("form_empty_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn new_session_form_with_a_date_error() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Spring workshop");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "31/02/2027");
    press(&mut app, KeyCode::Tab);
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("form_date_error_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn creating_without_a_title_marks_it_and_says_so() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    ctrl(&mut app, 's');
    insta::assert_snapshot!("form_missing_title_80x24", render(&app, 80, 24));
}

#[test]
fn esc_after_typing_asks_before_discarding() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Half a title");
    press(&mut app, KeyCode::Esc);
    insta::assert_snapshot!("form_discard_question_80x24", render(&app, 80, 24));
}
