#![allow(clippy::unwrap_used)]
//! Minutes sign-off on the session screen, on a copy of the example archive
//! (Level Ground: July approved, September approved and amended, November
//! circulated, December a draft that follows it): the keys, what they write
//! and the screens at 80×24 and 120×40.

mod ui_between_support;
#[macro_use]
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::Screen;
use roundtable::domain::{ApprovedBy, Stage};
use roundtable::storage::load;
use ui_between_support::*;
use ui_support::*;

snap_both_sizes!();

fn open(app: &mut roundtable::app::App, prefix: &str) -> std::path::PathBuf {
    let path = file(app, prefix);
    select(app, &path);
    press(app, KeyCode::Enter);
    assert_eq!(app.screen_name(), "Session");
    path
}

fn keys(app: &roundtable::app::App) -> Vec<String> {
    app.active_keys().iter().map(|k| k.label.to_string()).collect()
}

#[test]
fn the_next_session_offers_to_approve_the_last_minutes_and_records_it_there() {
    let (_dir, mut app) = workshops_app();
    open(&mut app, "2026-12-16");
    assert!(
        keys(&app).contains(&"approve last minutes".to_string()),
        "{:?}",
        keys(&app)
    );
    snap_both("december_offers_approval", &app);
    press(&mut app, KeyCode::Char('M'));
    type_text(&mut app, "Marcus Bell");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Leanne Moss");
    snap_both("approve_last_minutes_form", &app);
    press(&mut app, KeyCode::Enter);
    assert!(app.sign_off.is_none(), "{}", message(&app));
    let nov = load(&file(&app, "2026-11-11")).unwrap();
    let approval = nov.minutes.approved.unwrap();
    assert_eq!(approval.at, "2026-12-16-level-ground-december-check-in");
    assert_eq!(
        approval.how,
        ApprovedBy::Proposed {
            proposer: "Marcus Bell".into(),
            seconder: "Leanne Moss".into()
        }
    );
    assert!(
        message(&app).contains("Last minutes approved here, proposed by Marcus Bell"),
        "{}",
        message(&app)
    );
    assert!(
        !keys(&app).contains(&"approve last minutes".to_string()),
        "offered once"
    );
}

#[test]
fn approved_minutes_open_locked_refuse_edits_and_take_amendments() {
    let (_dir, mut app) = workshops_app();
    let path = open(&mut app, "2026-09-16");
    let before = std::fs::read(&path).unwrap();
    let Screen::Session(screen) = &app.screen else {
        panic!()
    };
    assert!(
        screen
            .read_only
            .as_deref()
            .unwrap_or("")
            .contains("approved and locked")
    );
    // An edit key does nothing: approved minutes change only by amendment.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(keys(&app).contains(&"amend".to_string()));
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Readings corrected");
    ctrl(&mut app, 's');
    let form = app.sign_off.as_ref().expect("refused, so the form stays open");
    assert_eq!(
        form.error.as_ref().map(|e| e.1.as_str()),
        Some("Who is amending them is required: fill it in and try again")
    );
    snap_both("amend_refused_without_a_name", &app);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Priti Shah");
    ctrl(&mut app, 's');
    assert!(app.sign_off.is_none());
    let sept = load(&path).unwrap();
    let last = sept.minutes.amendments.last().unwrap();
    assert_eq!(
        (last.by.as_str(), last.text.as_str()),
        ("Priti Shah", "Readings corrected")
    );
    assert_eq!(last.on, now().date_naive());
    snap_both("september_approved_and_amended", &app);
}

#[test]
fn draft_minutes_are_marked_circulated_from_the_help_key() {
    let (_dir, mut app) = workshops_app();
    let path = open(&mut app, "2026-12-16");
    press(&mut app, KeyCode::Char('?'));
    let help: Vec<String> = app.help_sections()[0]
        .keys
        .iter()
        .map(|k| k.help.to_string())
        .collect();
    assert!(
        help.iter().any(|h| h.contains("circulated, and to whom")),
        "{help:?}"
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('C'));
    snap_both("circulate_form", &app);
    press(&mut app, KeyCode::Enter);
    let dec = load(&path).unwrap();
    assert_eq!(dec.minutes.stage(), Stage::Circulated);
    assert_eq!(dec.minutes.circulated[0].to, "all partners");
    assert!(!keys(&app).contains(&"circulated".to_string()) || dec.minutes.approved.is_none());
}

#[test]
fn a_new_next_session_offers_approval_of_the_last_minutes_first() {
    let (_dir, mut app) = workshops_app();
    let december = file(&app, "2026-12-16");
    select(&mut app, &december);
    press(&mut app, KeyCode::Char('N'));
    ctrl(&mut app, 's');
    assert_eq!(app.screen_name(), "Session", "{}", message(&app));
    assert!(
        message(&app).ends_with("First item: approve the last minutes (M)."),
        "{}",
        message(&app)
    );
    let Screen::Session(screen) = &app.screen else {
        panic!()
    };
    let lines = roundtable::app::sign_off::status_lines(screen);
    assert_eq!(lines[0], "First item: approve the minutes of 16 Dec 2026 (M)");
    assert!(
        lines[1].starts_with("Due for review since 1 Dec 2026: Keep the screening target at 80%"),
        "{lines:?}"
    );
    // December's minutes were never circulated: approving them is refused.
    press(&mut app, KeyCode::Char('M'));
    ctrl(&mut app, 's');
    let error = app.sign_off.as_ref().and_then(|f| f.error.clone()).map(|e| e.1);
    assert_eq!(
        error.as_deref(),
        Some(
            "These minutes were never circulated, so nobody has seen them to approve them: circulate them first"
        )
    );
    assert!(load(&december).unwrap().minutes.approved.is_none());
}

#[test]
fn a_decision_takes_a_review_date_in_its_editor() {
    let (_dir, mut app) = workshops_app();
    open(&mut app, "2026-12-16");
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Rotate the chair");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "2027-03-01");
    snap_both("decision_with_review_date", &app);
    press(&mut app, KeyCode::Enter);
    let Screen::Session(screen) = &app.screen else {
        panic!()
    };
    assert!(screen.editor.is_none());
    let d = &screen.session.decisions[0];
    assert_eq!(
        (d.text.as_str(), d.review_date.map(|d| d.to_string())),
        ("Rotate the chair", Some("2027-03-01".into()))
    );
}

#[test]
fn undo_takes_back_an_edit_but_never_a_sign_off() {
    let (_dir, mut app) = workshops_app();
    let path = open(&mut app, "2026-12-16");
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Meet in January");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_name(), "Session");
    press(&mut app, KeyCode::Char('C'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('u'));
    let Screen::Session(screen) = &app.screen else {
        panic!()
    };
    assert!(
        screen.session.decisions.is_empty(),
        "the decision is undone: {}",
        message(&app)
    );
    assert_eq!(screen.session.minutes.stage(), Stage::Circulated);
    assert_eq!(load(&path).unwrap().minutes.stage(), Stage::Circulated);
}
