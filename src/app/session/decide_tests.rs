//! The dot vote and consent check screens driven by keys, as the
//! facilitator uses them.

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::{Outcome, SessionScreen};
use crate::domain::{ConsentOutcome, Decision, DecisionMethod, Goal, Participant, Session};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

fn screen() -> SessionScreen {
    let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut s = Session::new("Eastside", "Eastside partnership", date, now());
    for (name, org) in [("Ann", "Council"), ("Bea", "Council"), ("Dev", "Harbour Trust")] {
        s.participants.push(Participant {
            name: name.into(),
            organisation: org.into(),
            ..Default::default()
        });
    }
    for text in ["Shorter waits", "Peer support", "Transport"] {
        s.goals.push(Goal {
            text: text.into(),
            ..Default::default()
        });
    }
    s.decisions.push(Decision {
        text: "Meet monthly".into(),
        ..Default::default()
    });
    SessionScreen::open("/tmp/eastside.ron".into(), s)
}

fn press(screen: &mut SessionScreen, code: KeyCode) -> Outcome {
    screen.handle_key(KeyEvent::new(code, KeyModifiers::NONE), now())
}

fn typed(screen: &mut SessionScreen, text: &str) {
    for c in text.chars() {
        press(screen, KeyCode::Char(c));
    }
}

#[test]
fn digits_go_down_the_voices_and_d_makes_a_decision_with_goal_support() {
    let mut s = screen();
    typed(&mut s, "1o");
    assert!(s.vote.is_some());
    // Ann: 2 on the first goal, 1 on the second, 0 on the third; then Bea…
    typed(&mut s, "210");
    typed(&mut s, "300");
    typed(&mut s, "012");
    typed(&mut s, "v");
    typed(&mut s, "d");
    assert!(s.vote.is_none());
    let d = s.session.decisions.last().unwrap();
    assert_eq!(d.method, DecisionMethod::Vote);
    assert!(
        d.text.starts_with("Shorter waits (chosen by dot vote"),
        "{}",
        d.text
    );
    let support: Vec<u32> = s.session.goals.iter().map(|g| g.support).collect();
    assert_eq!(support, [5, 2, 2]);
    assert_eq!(s.session.votes.len(), 1);
    assert!(s.session.votes[0].decided);
    // One undo takes back the vote, the decision and the support together.
    typed(&mut s, "u");
    assert!(s.session.votes.is_empty());
    assert_eq!(s.session.decisions.len(), 1);
}

#[test]
fn a_tie_at_the_top_is_not_turned_into_a_decision() {
    let mut s = screen();
    typed(&mut s, "1om");
    // Per organisation: Council and Harbour Trust, one voice each.
    typed(&mut s, "300003v");
    typed(&mut s, "d");
    let vote = s.vote.as_ref().expect("still open");
    assert!(
        vote.vote
            .decision_text()
            .unwrap_err()
            .starts_with("2 options tied at the top")
    );
    assert!(!s.bindings().iter().any(|b| b.label == "make decision"));
    assert_eq!(s.session.decisions.len(), 1);
}

#[test]
fn esc_keeps_a_vote_with_dots_and_drops_an_empty_one() {
    let mut s = screen();
    typed(&mut s, "1o");
    press(&mut s, KeyCode::Esc);
    assert!(s.session.votes.is_empty() && !s.is_dirty());
    typed(&mut s, "o1");
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.session.votes.len(), 1);
    assert!(s.is_dirty());
}

#[test]
fn the_vote_footer_comes_from_its_key_table() {
    let mut s = screen();
    typed(&mut s, "1o");
    let labels: Vec<&str> = s
        .bindings()
        .iter()
        .filter(|b| b.in_footer)
        .map(|b| b.label)
        .collect();
    assert!(
        labels.contains(&"reveal tally") && !labels.contains(&"make decision"),
        "{labels:?}"
    );
    typed(&mut s, "1v");
    let labels: Vec<&str> = s
        .bindings()
        .iter()
        .filter(|b| b.in_footer)
        .map(|b| b.label)
        .collect();
    assert!(labels.contains(&"make decision"), "{labels:?}");
}

#[test]
fn a_block_with_its_concern_keeps_a_decision_from_being_agreed_until_lifted() {
    let mut s = screen();
    typed(&mut s, "d");
    typed(&mut s, "c");
    assert!(s.consent.is_some());
    typed(&mut s, "a");
    typed(&mut s, "b");
    typed(&mut s, "Too often for volunteers");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Esc);
    let check = &s.session.consent_checks[0];
    assert_eq!(check.count().outcome, ConsentOutcome::Blocked);
    assert_eq!(check.answers[1].concern, "Too often for volunteers");
    assert_eq!(s.session.decisions[0].method, DecisionMethod::Consensus);
    assert!(
        s.message
            .as_deref()
            .unwrap_or("")
            .starts_with("Not agreed: blocked by Harbour Trust")
    );

    // c again reopens the blocked check at the blocker; lifting the block
    // agrees the decision, by consent.
    typed(&mut s, "c");
    typed(&mut s, "l");
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.session.consent_checks.len(), 1);
    let check = &s.session.consent_checks[0];
    assert_eq!(check.count().outcome, ConsentOutcome::Agreed);
    assert_eq!(check.resolutions[0].by, "Harbour Trust");
    assert_eq!(check.resolutions[0].when, now());
    assert_eq!(s.session.decisions[0].method, DecisionMethod::Consent);
}

#[test]
fn fist_of_five_on_the_vision_and_amending_a_blocked_proposal() {
    let mut s = screen();
    s.session.vision.final_wording = "Everyone eats well".into();
    s.session.facilitator = "Sam".into();
    typed(&mut s, "2c");
    assert_eq!(s.consent.as_ref().unwrap().check.proposal, "Everyone eats well");
    typed(&mut s, "f4");
    typed(&mut s, "1");
    typed(&mut s, "Leaves out the villages");
    press(&mut s, KeyCode::Enter);
    typed(&mut s, "A");
    typed(&mut s, "Everyone in town and village eats well");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Esc);
    let check = &s.session.consent_checks[0];
    assert_eq!(check.count().outcome, ConsentOutcome::Amended);
    let r = &check.resolutions[0];
    assert_eq!(
        (r.by.as_str(), r.note.as_str()),
        ("Sam", "Everyone in town and village eats well")
    );
}

#[test]
fn nothing_answered_records_nothing() {
    let mut s = screen();
    typed(&mut s, "dc");
    press(&mut s, KeyCode::Esc);
    assert!(s.session.consent_checks.is_empty());
    assert!(!s.is_dirty());
}

#[test]
fn a_vision_check_updates_the_vision_consent_list() {
    let mut s = screen();
    s.session.vision.final_wording = "Everyone eats well".into();
    typed(&mut s, "2ca");
    typed(&mut s, "sTiming");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Esc);
    let list: Vec<(&str, &str)> = s
        .session
        .vision
        .consent
        .iter()
        .map(|c| (c.organisation.as_str(), c.level.label()))
        .collect();
    assert_eq!(
        list,
        [("Council", "Agree"), ("Harbour Trust", "Can live with it")]
    );
    assert_eq!(s.session.vision.consent[1].concern, "Timing");
}
