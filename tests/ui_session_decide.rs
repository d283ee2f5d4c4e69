#![allow(clippy::unwrap_used)]
//! The dot vote and consent check screens over the session, at a small
//! laptop size (80×24) and a projector size (120×40), without colour.

#[macro_use]
mod ui_session_fixture;

use KeyCode::{Down, Enter};
use ratatui::crossterm::event::KeyCode;
use ui_session_fixture::{draw, keys, screen_after};

snapshot_helpers!();

fn then(first: &str, more: &[KeyCode], last: &str) -> Vec<KeyCode> {
    let mut all = keys(first);
    all.extend(more);
    all.extend(keys(last));
    all
}

/// Ann gives two dots to the first goal and one to the second; the cursor
/// moves on by itself; Sam gives three to the third.
#[test]
fn dot_vote_entering() {
    check("vote_entering", &then("1o21", &[Down], "3"));
}

#[test]
fn dot_vote_hidden_until_revealed() {
    check("vote_hidden", &then("1oh21", &[Down], "3"));
}

#[test]
fn dot_vote_revealed_tally_with_a_tie() {
    check("vote_revealed", &then("1oh21", &[Down], "2v"));
}

/// The vision's consent list is where the check starts; the Polish Social
/// Club blocks, with its concern written down.
#[test]
fn consent_check_with_a_block() {
    let mut all = then("2c", &[Down, Down, Down], "bNot in Polish yet");
    all.push(Enter);
    check("consent_block", &all);
}

#[test]
fn consent_check_writing_a_concern() {
    check("consent_concern", &then("dc", &[], "asToo soon for the trustees"));
}

/// After the check, the decision's row says it is not agreed while the
/// block stands.
#[test]
fn a_blocked_decision_in_the_list() {
    let mut all = keys("dcabNot this year");
    all.extend([Enter, KeyCode::Esc]);
    check("decision_blocked", &all);
}
