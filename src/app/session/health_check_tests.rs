//! Taking the health check on the session screen.
use ratatui::crossterm::event::KeyModifiers;

use super::*;
use crate::domain::{Attendance, Participant};

fn screen() -> SessionScreen {
    let mut s = Session::for_tests("Check-in", "Level Ground", "2026-12-16");
    for (name, org, att) in [
        ("Ann", "Aid", Attendance::Present),
        ("Bea", "Aid", Attendance::Present),
        ("Cy", "Small Voices", Attendance::Present),
        ("Di", "Away Org", Attendance::Apologies),
    ] {
        s.participants.push(Participant {
            name: name.into(),
            organisation: org.into(),
            attendance: att,
            ..Default::default()
        });
    }
    SessionScreen::open("s.ron".into(), s)
}

fn press(s: &mut SessionScreen, code: KeyCode) {
    let now = s.session.updated;
    s.health_key(KeyEvent::new(code, KeyModifiers::NONE), now);
}

fn typed(s: &mut SessionScreen, keys: &str) {
    keys.chars().for_each(|c| press(s, Char(c)));
}

#[test]
fn a_named_check_has_a_row_per_organisation_present_and_is_recorded_as_one_undoable_change() {
    let mut s = screen();
    s.open_health(s.session.updated);
    let orgs: Vec<String> = s
        .health
        .as_ref()
        .unwrap()
        .check
        .scores
        .iter()
        .map(|r| r.organisation.clone())
        .collect();
    assert_eq!(orgs, ["Aid", "Small Voices"], "one row per organisation present");
    typed(&mut s, "4434");
    typed(&mut s, "2");
    press(&mut s, Right);
    typed(&mut s, "3");
    typed(&mut s, "n");
    typed(&mut s, "Equity felt unevenly");
    press(&mut s, Enter);
    press(&mut s, Enter);
    assert!(s.health.is_none());
    let h = &s.session.health;
    assert!(!h.anonymous);
    assert_eq!(
        (h.scores[0].trust, h.scores[1].equity, h.scores[1].mutual_benefit),
        (Some(4), Some(2), Some(3))
    );
    assert_eq!(h.scores[1].transparency, None, "a principle skipped stays blank");
    assert_eq!(h.note, "Equity felt unevenly");
    assert!(s.dirty && s.message.as_deref().unwrap_or("").contains("2 scored"));
    assert_eq!(s.undo_depth(), 1);
}

#[test]
fn anonymous_slips_carry_no_names_and_cannot_be_turned_back_into_names() {
    let mut s = screen();
    s.open_health(s.session.updated);
    typed(&mut s, "3");
    typed(&mut s, "a");
    let h = &s.health.as_ref().unwrap().check;
    assert!(h.anonymous && h.scores.len() == 1 && h.scores[0].organisation.is_empty());
    typed(&mut s, "+5555");
    typed(&mut s, "a");
    assert!(
        s.health
            .as_ref()
            .unwrap()
            .error
            .as_deref()
            .unwrap_or("")
            .contains("cannot be given back")
    );
    press(&mut s, Esc);
    assert_eq!(s.session.health.scores.len(), 2);
    assert!(s.session.health.scores.iter().all(|r| r.organisation.is_empty()));
}

#[test]
fn closing_without_a_score_records_nothing() {
    let mut s = screen();
    s.open_health(s.session.updated);
    press(&mut s, Esc);
    assert!(s.session.health.is_empty() && !s.dirty);
    assert_eq!(
        s.message.as_deref(),
        Some("Closed the health check: nothing changed.")
    );
}
