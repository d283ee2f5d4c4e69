//! Tallies: ties, abstentions, budgets, one organisation one voice, and
//! hidden until revealed.

use chrono::DateTime;

use super::*;
use crate::domain::{Goal, Participant};

fn room() -> Session {
    let mut s = Session::for_tests("Vote", "Eastside", "2026-12-03");
    for (name, org) in [
        ("Ann", "City Council"),
        ("Bea", "City Council"),
        ("Cal", "City Council"),
        ("Dev", "Harbour Trust"),
        ("Eve", ""),
    ] {
        s.participants.push(Participant {
            name: name.into(),
            organisation: org.into(),
            ..Default::default()
        });
    }
    for text in ["Shorter waits", "Peer support", "Transport\nfor all"] {
        s.goals.push(Goal {
            text: text.into(),
            ..Default::default()
        });
    }
    s
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
}

fn vote(s: &Session, counting: Counting) -> DotVote {
    DotVote::start(s, VoteList::Goals, counting, now())
}

#[test]
fn one_organisation_one_voice_counts_each_organisation_once() {
    let s = room();
    assert_eq!(vote(&s, Counting::PerPerson).ballots.len(), 5);
    let by_org = vote(&s, Counting::PerOrganisation);
    let voters: Vec<&str> = by_org.ballots.iter().map(|b| b.voter.as_str()).collect();
    // Three council officers present, one council voice; Eve has no
    // organisation and speaks for herself.
    assert_eq!(voters, ["City Council", "Harbour Trust", "Eve"]);
}

#[test]
fn the_weight_of_a_big_delegation_shrinks_to_one_voice() {
    let s = room();
    let mut per_person = vote(&s, Counting::PerPerson);
    for voter in 0..3 {
        per_person.set_dots(voter, 0, 3).unwrap();
    }
    per_person.set_dots(3, 1, 3).unwrap();
    per_person.set_dots(4, 1, 3).unwrap();
    assert_eq!(per_person.tally().winner().map(|r| r.option), Some(0));

    let mut per_org = vote(&s, Counting::PerOrganisation);
    per_org.set_dots(0, 0, 3).unwrap();
    per_org.set_dots(1, 1, 3).unwrap();
    per_org.set_dots(2, 1, 3).unwrap();
    let tally = per_org.tally();
    assert_eq!(tally.winner().map(|r| r.text.as_str()), Some("Peer support"));
    assert_eq!(tally.rows[0].dots, 6);
}

#[test]
fn ties_share_a_rank_and_block_a_decision() {
    let s = room();
    let mut v = vote(&s, Counting::PerPerson);
    v.set_dots(0, 1, 2).unwrap();
    v.set_dots(1, 2, 2).unwrap();
    v.set_dots(2, 0, 1).unwrap();
    let tally = v.tally();
    let ranks: Vec<(usize, bool)> = tally.rows.iter().map(|r| (r.rank, r.tied)).collect();
    assert_eq!(ranks, [(1, true), (1, true), (3, false)]);
    // Ties keep list order.
    assert_eq!(tally.rows[0].text, "Peer support");
    assert!(tally.winner().is_none());
    let err = v.decision_text().unwrap_err();
    assert!(err.starts_with("2 options tied at the top"), "{err}");
    assert_eq!(
        v.tally_line(),
        "Peer support 2 (tied), Transport for all 2 (tied), Shorter waits 1"
    );
}

#[test]
fn a_clear_winner_becomes_a_decision_with_its_tally() {
    let s = room();
    let mut v = vote(&s, Counting::PerOrganisation);
    v.set_dots(0, 2, 3).unwrap();
    v.set_dots(1, 0, 1).unwrap();
    let text = v.decision_text().unwrap();
    assert_eq!(
        text,
        "Transport for all (chosen by dot vote, one voice per organisation: Transport for all 3, Shorter waits 1, Peer support 0)"
    );
}

#[test]
fn abstentions_are_voices_that_gave_no_dot() {
    let s = room();
    let mut v = vote(&s, Counting::PerPerson);
    v.set_dots(0, 0, 1).unwrap();
    v.set_dots(3, 2, 2).unwrap();
    let tally = v.tally();
    assert_eq!(tally.voted, ["Ann", "Dev"]);
    assert_eq!(tally.abstained, ["Bea", "Cal", "Eve"]);
    assert_eq!(tally.dots_cast, 3);
}

#[test]
fn nobody_gives_more_dots_than_they_have() {
    let s = room();
    let mut v = vote(&s, Counting::PerPerson);
    v.set_dots(0, 0, 2).unwrap();
    let err = v.set_dots(0, 1, 2).unwrap_err();
    assert!(err.starts_with("Ann has 1 of 3 dots left"), "{err}");
    // Changing the same option replaces its dots rather than adding.
    v.set_dots(0, 0, 3).unwrap();
    assert_eq!(v.ballots[0].total(), 3);
}

#[test]
fn hidden_until_revealed() {
    let s = room();
    let mut v = vote(&s, Counting::PerPerson);
    v.hidden = true;
    v.set_dots(0, 0, 1).unwrap();
    assert!(v.shown_tally().is_none());
    v.revealed = true;
    assert_eq!(v.shown_tally().map(|t| t.dots_cast), Some(1));
    v.hidden = false;
    v.revealed = false;
    assert!(v.shown_tally().is_some());
}

#[test]
fn totals_have_no_per_voice_limit_and_no_abstentions() {
    let s = room();
    let mut v = vote(&s, Counting::PerPerson);
    assert!(v.set_by_totals(true));
    v.set_dots(0, 1, 12).unwrap();
    let tally = v.tally();
    assert_eq!(tally.rows[0].dots, 12);
    assert!(tally.abstained.is_empty());
    // Nothing entered is lost by switching after the fact.
    assert!(!v.set_by_totals(false));
    assert!(!v.recount(&s, Counting::PerOrganisation));
}

#[test]
fn goal_support_comes_from_the_dots() {
    let mut s = room();
    let mut v = vote(&s, Counting::PerPerson);
    v.set_dots(0, 0, 3).unwrap();
    v.set_dots(1, 2, 1).unwrap();
    assert_eq!(v.set_goal_support(&mut s), 3);
    let support: Vec<u32> = s.goals.iter().map(|g| g.support).collect();
    assert_eq!(support, [3, 0, 1]);
}

#[test]
fn no_dots_no_decision() {
    let s = room();
    let v = vote(&s, Counting::PerPerson);
    assert!(v.decision_text().unwrap_err().starts_with("No dots yet"));
}
