#![allow(clippy::unwrap_used)]
//! Go-rounds on the session screen, driven by keys as the facilitator
//! presses them: the chooser, the strip with its countdown at 80×24 and
//! 120×40, and items captured in a turn credited to the speaker.

#[macro_use]
mod ui_session_fixture;

use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::session::SessionScreen;
use roundtable::domain::{RoundOrder, TurnOutcome};
use ui_session_fixture::{draw, keys, now, screen_after};

snapshot_helpers!();

fn press(screen: &mut SessionScreen, text: &str) {
    for key in keys(text) {
        screen.handle_key(KeyEvent::new(key, KeyModifiers::NONE), now());
    }
}

fn code(screen: &mut SessionScreen, key: KeyCode) {
    screen.handle_key(KeyEvent::new(key, KeyModifiers::NONE), now());
}

#[test]
fn the_chooser_offers_order_and_time_each() {
    check("round_chooser", &keys("ro++"));
}

/// Voices first with two minutes each; Ann spoke, Tomasz passed, Sam will
/// come back later; Priya has been speaking for 2 min 15 s.
#[test]
fn a_go_round_in_progress_shows_speaker_countdown_next_passed_and_later() {
    let mut all = vec![KeyCode::Char('g')];
    all.extend(keys("ro++"));
    all.push(KeyCode::Enter);
    all.extend(keys("swb"));
    let mut screen = screen_after(&all);
    let round = screen.session.open_round().unwrap();
    assert_eq!(round.order, RoundOrder::VoicesFirst);
    assert_eq!(round.speaking.as_deref(), Some("Priya Shah"));
    screen.tick(now() + Duration::seconds(135));
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("round_in_progress_{w}x{h}"),
            draw(&screen, w, h).backend()
        );
    }
}

/// The voices panel beside a round: Ann spoke, Sam passed, Priya has the
/// floor, and Priya and Tomasz are still not heard.
#[test]
fn the_voices_panel_during_a_round() {
    let mut all = keys("r");
    all.push(KeyCode::Enter);
    all.extend(keys("swp"));
    check("voices_during_round", &all);
}

#[test]
fn esc_closes_the_chooser_without_a_round() {
    let mut screen = screen_after(&keys("r"));
    assert!(screen.round.setup.is_some());
    assert!(screen.bindings().iter().any(|h| h.label == "start"));
    code(&mut screen, KeyCode::Esc);
    assert!(screen.round.setup.is_none());
    assert!(screen.session.rounds.is_empty());
}

#[test]
fn a_goal_added_in_a_turn_is_credited_to_the_speaker() {
    let mut screen = screen_after(&keys("r"));
    code(&mut screen, KeyCode::Enter);
    // Listed order: Ann Lee first.
    let before = screen.session.participants[0].contributions;
    press(&mut screen, "a");
    press(&mut screen, "More youth clubs");
    code(&mut screen, KeyCode::Esc);
    let goal = screen
        .session
        .goals
        .iter()
        .find(|g| g.text == "More youth clubs")
        .unwrap();
    assert_eq!(goal.proposed_by, "Ann Lee");
    assert_eq!(screen.session.participants[0].contributions, before + 1);
    assert!(screen.message.as_deref().unwrap().contains("Credited to Ann Lee"));
    // Her turn ends: the goal already counted, so `s` adds nothing more.
    press(&mut screen, "s");
    assert_eq!(screen.session.participants[0].contributions, before + 1);
    // A parked point in Sam's turn records him as raising it.
    press(&mut screen, "la");
    press(&mut screen, "Bus fares");
    code(&mut screen, KeyCode::Esc);
    let parked = screen
        .session
        .parking_lot
        .iter()
        .find(|p| p.text == "Bus fares")
        .unwrap();
    assert_eq!(parked.raised_by, "Sam Okafor");
}

#[test]
fn an_action_captured_with_i_in_a_turn_is_the_speakers() {
    let mut screen = screen_after(&keys("r"));
    code(&mut screen, KeyCode::Enter);
    let before = screen.session.participants[0].contributions;
    press(&mut screen, "i");
    code(&mut screen, KeyCode::Tab);
    press(&mut screen, "#action Book the hall");
    code(&mut screen, KeyCode::Enter);
    let action = screen
        .session
        .actions
        .iter()
        .find(|a| a.text == "Book the hall")
        .unwrap();
    assert_eq!(action.owner, "Ann Lee", "the speaker owns what they offered");
    assert_eq!(screen.session.participants[0].contributions, before + 1);
    assert!(screen.message.as_deref().unwrap().contains("Credited to Ann Lee"));
}

#[test]
fn r_ends_the_round_and_the_record_keeps_the_turns() {
    let mut screen = screen_after(&keys("2r"));
    code(&mut screen, KeyCode::Enter);
    press(&mut screen, "swr");
    assert!(screen.session.open_round().is_none());
    let round = &screen.session.rounds[0];
    assert_eq!(round.step.number(), 2);
    let turns: Vec<_> = round.turns.iter().map(|t| (t.name.as_str(), t.outcome)).collect();
    assert_eq!(
        turns,
        [
            ("Ann Lee", TurnOutcome::Spoke),
            ("Sam Okafor", TurnOutcome::Passed),
            ("Priya Shah", TurnOutcome::Spoke)
        ]
    );
    // And u takes the ending back.
    press(&mut screen, "u");
    assert!(screen.session.open_round().is_some());
}

#[test]
fn round_keys_do_nothing_without_a_round_and_v_toggles_the_summary() {
    let mut screen = screen_after(&keys("swb"));
    assert!(screen.session.rounds.is_empty());
    press(&mut screen, "pV");
    assert!(screen.session.shown_in_minutes.leave_out_participation);
    press(&mut screen, "V");
    assert!(!screen.session.shown_in_minutes.leave_out_participation);
}
