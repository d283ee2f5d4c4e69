#![allow(clippy::unwrap_used)]
//! Quick capture (`i`): one line adds an action, a decision or a parked
//! point to the step the room is on, from any section, and `u` takes it
//! back. Driven through the session screen's own key handling, no terminal.

#[macro_use]
mod ui_session_fixture;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::session::SessionScreen;
use roundtable::app::session::section::Section;
use roundtable::domain::Step;
use ui_session_fixture::{draw, keys, now, screen_after};

snapshot_helpers!();

fn press(screen: &mut SessionScreen, code: KeyCode) {
    screen.handle_key(KeyEvent::new(code, KeyModifiers::NONE), now());
}

fn ctrl(screen: &mut SessionScreen, c: char) {
    screen.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), now());
}

fn type_text(screen: &mut SessionScreen, text: &str) {
    for c in text.chars() {
        press(screen, KeyCode::Char(c));
    }
}

#[test]
fn an_action_with_owner_and_date_from_another_section() {
    // On step 2, then to the participants: the capture belongs to step 2.
    let mut s = screen_after(&keys("2p"));
    let actions = s.session.actions.len();
    press(&mut s, KeyCode::Char('i'));
    type_text(&mut s, "#action Circulate the vision @an");
    ctrl(&mut s, 'n');
    type_text(&mut s, " by 10/12/2026");
    press(&mut s, KeyCode::Enter);
    assert!(s.capture.is_none());
    assert_eq!(s.nav.section, Section::Participants, "never leaves the section");
    let added = s.session.actions.last().unwrap();
    assert_eq!(added.text, "Circulate the vision");
    assert_eq!(added.owner, "Ann Lee", "names complete as in the editor");
    assert_eq!(added.due, NaiveDate::from_ymd_opt(2026, 12, 10));
    assert_eq!(added.step, Some(Step::Vision));
    assert!(added.id.starts_with("a-") && s.session.actions.len() == actions + 1);
    assert!(s.message.as_deref().unwrap().contains("step 2"));
    assert!(s.dirty);

    press(&mut s, KeyCode::Char('u'));
    assert_eq!(s.session.actions.len(), actions, "u takes it back");
}

#[test]
fn tab_and_tags_choose_the_kind() {
    let mut s = screen_after(&keys("4"));
    let (decisions, parked) = (s.session.decisions.len(), s.session.parking_lot.len());
    press(&mut s, KeyCode::Char('i'));
    press(&mut s, KeyCode::Tab);
    type_text(&mut s, "Rotate the chair every six months");
    press(&mut s, KeyCode::Enter);
    let d = s.session.decisions.last().unwrap();
    assert_eq!(
        (d.text.as_str(), d.step),
        ("Rotate the chair every six months", Some(Step::Roles))
    );

    press(&mut s, KeyCode::Char('i'));
    type_text(&mut s, "#park Can volunteers claim bus fares? @Tomasz Nowak");
    press(&mut s, KeyCode::Enter);
    let p = s.session.parking_lot.last().unwrap();
    assert_eq!(p.text, "Can volunteers claim bus fares?");
    assert_eq!(
        (p.raised_by.as_str(), p.step),
        ("Tomasz Nowak", Some(Step::Roles))
    );
    assert_eq!(s.session.decisions.len(), decisions + 1);
    assert_eq!(s.session.parking_lot.len(), parked + 1);
}

#[test]
fn empty_lines_and_esc_add_nothing() {
    let mut s = screen_after(&[]);
    let before = s.session.clone();
    press(&mut s, KeyCode::Char('i'));
    press(&mut s, KeyCode::Enter);
    let capture = s.capture.as_ref().unwrap();
    assert!(
        capture
            .problem
            .as_deref()
            .unwrap()
            .contains("Type the action first")
    );
    type_text(&mut s, "Something");
    s.handle_paste(" pasted\ntoo");
    assert_eq!(s.capture.as_ref().unwrap().field.value(), "Something pasted too");
    press(&mut s, KeyCode::Esc);
    assert!(s.capture.is_none());
    assert_eq!(s.session, before);
    assert!(!s.dirty);
}

#[test]
fn keys_typed_in_the_line_are_text_not_commands() {
    let mut s = screen_after(&[]);
    press(&mut s, KeyCode::Char('i'));
    type_text(&mut s, "ask p d l x u 3?");
    assert_eq!(s.capture.as_ref().unwrap().field.value(), "ask p d l x u 3?");
    assert_eq!(s.nav.section, Section::Step(Step::Goals));
    let help: Vec<_> = s.bindings().iter().map(|k| k.label).collect();
    assert!(help.contains(&"kind") && help.contains(&"fill name"), "{help:?}");
}

#[test]
fn read_only_sessions_offer_no_capture() {
    let mut s = SessionScreen::read_only("/a.ron".into(), ui_session_fixture::session(), "final".into());
    press(&mut s, KeyCode::Char('i'));
    assert!(s.capture.is_none());
}

#[test]
fn the_capture_line() {
    let mut k = keys("2pi");
    k.extend(keys("#action Circulate the vision @Ann Lee by 10/12/2026"));
    check("capture_action", &k);
    check("capture_names", &keys("pi#park Bus fares @"));
}

#[test]
fn a_name_nobody_has_is_kept_and_said_so() {
    let mut s = screen_after(&[]);
    press(&mut s, KeyCode::Char('i'));
    type_text(&mut s, "Phone the vicar @Zed");
    ctrl(&mut s, 'n');
    let capture = s.capture.as_ref().unwrap();
    assert!(
        capture
            .problem
            .as_deref()
            .unwrap()
            .contains("No participant matches \"Zed\"")
    );
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.session.actions.last().unwrap().owner, "Zed");
}
