//! Votes and consent results where a trustee looks for them.

use chrono::DateTime;

use super::*;
use crate::domain::{
    Counting, Decision, Goal, Participant, Resolve, Response, Session, VisionDraft, VoteList,
};
use crate::export::minutes;

fn at(minute: i64) -> chrono::DateTime<chrono::Utc> {
    DateTime::from_timestamp(1_800_000_000 + minute * 60, 0).unwrap_or_default()
}

fn room() -> Session {
    let mut s = Session::for_tests("Votes", "Eastside", "2026-12-03");
    for (name, org) in [
        ("Ann", "Council"),
        ("Bea", "Council"),
        ("Dev", "Harbour Trust"),
        ("Eve", "Food Bank"),
    ] {
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
    s
}

#[test]
fn a_vote_shows_in_its_step_with_method_dots_and_ties() {
    let mut s = room();
    let mut v = DotVote::start(&s, VoteList::Goals, Counting::PerOrganisation, at(0));
    v.set_dots(0, 1, 2).unwrap();
    v.set_dots(1, 2, 2).unwrap();
    s.votes.push(v);
    let out = minutes(&s);
    let goals = out.find("## 1. Shared goals").unwrap();
    let vote = out.find("### Dot vote on the goals").unwrap();
    assert!(vote > goals, "{out}");
    assert!(out.contains(
        "One voice per organisation, 3 dots each; 4 dots given by 2 of 3 organisations (no dots from Food Bank)."
    ), "{out}");
    assert!(out.contains("| 1 (tied) | Peer support  | 2    |"), "{out}");
    assert!(out.contains("| 3        | Shorter waits | 0    |"), "{out}");
}

#[test]
fn a_hidden_tally_never_revealed_is_not_in_the_minutes() {
    let mut s = room();
    let mut v = DotVote::start(&s, VoteList::Goals, Counting::PerPerson, at(0));
    v.hidden = true;
    v.set_dots(0, 1, 3).unwrap();
    s.votes.push(v.clone());
    let out = minutes(&s);
    assert!(out.contains("was kept hidden and was not revealed"), "{out}");
    assert!(!out.contains("| Rank"), "{out}");
    v.revealed = true;
    s.votes = vec![v];
    let out = minutes(&s);
    assert!(
        out.contains("hidden until revealed") && out.contains("| Rank"),
        "{out}"
    );
}

#[test]
fn a_blocked_decision_says_not_agreed_right_under_it() {
    let mut s = room();
    s.decisions.push(Decision {
        text: "Meet monthly".into(),
        ..Default::default()
    });
    let mut c = ConsentCheck::start(&s, Subject::Decision, "Meet monthly", at(0));
    c.answers[0].response = Response::Agree;
    c.answers[1].response = Response::Block;
    c.answers[1].concern = "Too often for volunteers".into();
    s.consent_checks.push(c);
    let out = minutes(&s);
    assert!(out.contains(
        "1. Meet monthly\n   - Put to a consent check (agree / stand aside / block, one voice per organisation).\n   - Not agreed: blocked by Harbour Trust: Too often for volunteers; no answer from Food Bank."
    ), "{out}");
    assert!(!out.contains("Agreed by consensus"), "{out}");
}

#[test]
fn the_vision_check_sits_in_step_2_with_stand_asides_and_concerns() {
    let mut s = room();
    s.vision.drafts.push(VisionDraft {
        text: "Everyone eats well".into(),
        proposed_by: "Ann".into(),
        ..Default::default()
    });
    let mut c = ConsentCheck::start(&s, Subject::Vision, "Everyone eats well", at(0));
    c.answers[0].response = Response::Agree;
    c.answers[1].response = Response::Fingers(2);
    c.answers[1].concern = "No budget this year".into();
    c.answers[2].response = Response::Fingers(1);
    c.resolve(Resolve::BlockLifted, "Food Bank", "", at(4));
    s.consent_checks.push(c);
    let out = minutes(&s);
    let step2 = out.find("## 2. Single vision").unwrap();
    let check = out.find("### Consent check").unwrap();
    assert!(
        check > step2 && out.find("## Decisions").is_none_or(|d| d > check),
        "{out}"
    );
    assert!(out.contains(
        "Agreed by 1 organisation; 1 stood aside: Harbour Trust (No budget this year); Food Bank lifted their block"
    ), "{out}");
}

#[test]
fn a_check_on_a_decision_since_reworded_still_appears() {
    let mut s = room();
    let mut c = ConsentCheck::start(&s, Subject::Decision, "Meet weekly", at(0));
    c.answers[0].response = Response::Agree;
    s.consent_checks.push(c);
    let out = minutes(&s);
    assert!(
        out.contains("## Votes and consent checks\n\n### Consent check on a proposal\n\nOn: “Meet weekly”"),
        "{out}"
    );
}
