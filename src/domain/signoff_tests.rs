//! Every sign-off move, allowed and refused.

use chrono::NaiveDate;

use super::*;
use crate::domain::Session;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
}

fn circulate(to: &str) -> Move {
    Move::Circulate(Circulation {
        to: to.into(),
        on: day(9, 20),
    })
}

fn approve(how: ApprovedBy) -> Move {
    Move::Approve(Approval {
        at: "2026-11-11-november".into(),
        on: day(11, 11),
        how,
    })
}

fn amend(by: &str, text: &str) -> Move {
    Move::Amend(Amendment {
        by: by.into(),
        on: day(11, 20),
        text: text.into(),
    })
}

fn approved() -> SignOff {
    let mut s = SignOff::default();
    s.apply(circulate("all partners")).unwrap();
    s.apply(approve(ApprovedBy::Consent)).unwrap();
    s
}

#[test]
fn draft_minutes_are_circulated_then_approved_then_locked() {
    let mut s = SignOff::default();
    assert_eq!((s.stage(), s.is_locked()), (Stage::Draft, false));
    assert_eq!(s.check(&Move::Edit), Ok(()), "drafts are edited freely");
    s.apply(circulate("  all partners ")).unwrap();
    assert_eq!(s.stage(), Stage::Circulated);
    assert_eq!(s.circulated[0].to, "all partners");
    assert_eq!(s.summary(), "circulated on 2026-09-20 to all partners");
    s.apply(circulate("the funder")).unwrap();
    assert_eq!(s.circulated.len(), 2, "each circulation is kept");
    s.apply(approve(ApprovedBy::Proposed {
        proposer: " Ann Lee ".into(),
        seconder: "Bo Chan".into(),
    }))
    .unwrap();
    assert_eq!((s.stage(), s.is_locked()), (Stage::Approved, true));
    assert_eq!(
        s.summary(),
        "approved on 2026-11-11, proposed by Ann Lee, seconded by Bo Chan"
    );
}

#[test]
fn approving_minutes_never_circulated_is_refused() {
    let mut s = SignOff::default();
    let refused = s.apply(approve(ApprovedBy::Consent));
    assert_eq!(refused, Err(Refusal::NeverCirculated));
    assert!(s.is_empty(), "a refused move changes nothing");
    assert!(
        Refusal::NeverCirculated
            .to_string()
            .contains("circulate them first"),
        "the refusal says what to do"
    );
}

#[test]
fn approval_needs_a_proposer_and_a_seconder_when_not_by_consent() {
    let mut s = SignOff::default();
    s.apply(circulate("all")).unwrap();
    let no_seconder = approve(ApprovedBy::Proposed {
        proposer: "Ann".into(),
        seconder: " ".into(),
    });
    assert_eq!(s.apply(no_seconder), Err(Refusal::Missing("the seconder")));
    assert_eq!(
        s.apply(circulate(" ")),
        Err(Refusal::Missing("who they were circulated to"))
    );
    assert_eq!(s.stage(), Stage::Circulated);
}

#[test]
fn approved_minutes_refuse_edits_second_approval_and_circulation() {
    let mut s = approved();
    let before = s.clone();
    let approval = s.approved.clone().unwrap();
    assert_eq!(s.check(&Move::Edit), Err(Refusal::Locked(approval.clone())));
    assert!(
        Refusal::Locked(approval.clone())
            .to_string()
            .contains("amendment")
    );
    assert_eq!(
        s.apply(approve(ApprovedBy::Consent)),
        Err(Refusal::AlreadyApproved(approval.clone()))
    );
    assert_eq!(
        s.apply(circulate("press")),
        Err(Refusal::AlreadyApproved(approval))
    );
    assert_eq!(s, before);
}

#[test]
fn an_amendment_after_approval_is_recorded_with_who_when_and_what() {
    let mut s = approved();
    s.apply(amend(
        " Priti Shah ",
        " Item 3: the grant was £5,000, not £50,000. ",
    ))
    .unwrap();
    assert_eq!(
        s.amendments,
        [Amendment {
            by: "Priti Shah".into(),
            on: day(11, 20),
            text: "Item 3: the grant was £5,000, not £50,000.".into(),
        }]
    );
    assert_eq!(s.stage(), Stage::Approved, "amended minutes stay approved");
    assert_eq!(s.summary(), "approved on 2026-11-11, by consent (1 amendment)");
    assert_eq!(
        s.apply(amend("", "x")),
        Err(Refusal::Missing("who is amending them"))
    );
    assert_eq!(
        s.apply(amend("Ann", " ")),
        Err(Refusal::Missing("what the amendment says"))
    );
    assert_eq!(s.amendments.len(), 1);
}

#[test]
fn an_amendment_before_approval_is_refused_as_a_plain_correction_will_do() {
    let mut s = SignOff::default();
    assert_eq!(s.apply(amend("Ann", "typo")), Err(Refusal::NotApproved));
    s.apply(circulate("all")).unwrap();
    assert_eq!(s.apply(amend("Ann", "typo")), Err(Refusal::NotApproved));
}

#[test]
fn minutes_are_approved_only_at_a_later_meeting_recorded_on_their_own_file() {
    let mut sept = Session::for_tests("September", "Level Ground", "2026-09-16");
    let nov = Session::for_tests("November", "Level Ground", "2026-11-11");
    let same = sept.clone();
    sept.minutes.apply(circulate("all partners")).unwrap();
    assert_eq!(
        sept.approve_minutes_at(&same, ApprovedBy::Consent),
        Err(Refusal::NotLater)
    );
    let mut earlier = Session::for_tests("July", "Level Ground", "2026-07-08");
    earlier.minutes = SignOff::default();
    assert_eq!(
        sept.approve_minutes_at(&earlier, ApprovedBy::Consent),
        Err(Refusal::NotLater)
    );
    sept.approve_minutes_at(&nov, ApprovedBy::Consent).unwrap();
    let approval = sept.minutes.approved.clone().unwrap();
    assert_eq!(
        (approval.at.as_str(), approval.on),
        ("2026-11-11-november", day(11, 11))
    );
}

#[test]
fn the_file_says_nothing_of_draft_minutes_and_round_trips_the_rest() {
    let mut s = Session::for_tests("September", "Level Ground", "2026-09-16");
    let text = ron::to_string(&s).unwrap_or_default();
    assert!(!text.contains("minutes"), "{text}");
    s.minutes = approved();
    s.minutes.apply(amend("Ann", "Spelling of Beacon")).unwrap();
    let text = ron::to_string(&s).unwrap_or_default();
    assert!(text.contains("how:Consent"), "{text}");
    let back: Session = ron::from_str(&text).unwrap();
    assert_eq!(back, s);
}
