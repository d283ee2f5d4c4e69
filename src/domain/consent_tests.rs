//! Consent rules: blocks, stand-asides, abstentions, fist of five, and
//! how a block is resolved.

use chrono::DateTime;

use super::*;
use crate::domain::{Consent, Participant};

fn room() -> Session {
    let mut s = Session::for_tests("Consent", "Eastside", "2026-12-03");
    for (name, org) in [
        ("Ann", "City Council"),
        ("Bea", "City Council"),
        ("Dev", "Harbour Trust"),
        ("Fay", "Food Bank"),
    ] {
        s.participants.push(Participant {
            name: name.into(),
            organisation: org.into(),
            ..Default::default()
        });
    }
    s.vision.final_wording = "Everyone eats well".into();
    s
}

fn at(minute: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000 + minute * 60, 0).unwrap_or_default()
}

fn answer(check: &mut ConsentCheck, who: &str, response: Response, concern: &str) {
    if let Some(a) = check.answers.iter_mut().find(|a| a.who == who) {
        a.response = response;
        a.concern = concern.into();
    }
}

#[test]
fn per_organisation_asks_each_organisation_once() {
    let s = room();
    let check = ConsentCheck::start(&s, Subject::Vision, "Everyone eats well", at(0));
    let who: Vec<&str> = check.answers.iter().map(|a| a.who.as_str()).collect();
    assert_eq!(who, ["City Council", "Harbour Trust", "Food Bank"]);
}

#[test]
fn agreed_with_a_stand_aside_says_who_and_why() {
    let s = room();
    let mut c = ConsentCheck::start(&s, Subject::Vision, "x", at(0));
    answer(&mut c, "City Council", Response::Agree, "");
    answer(
        &mut c,
        "Harbour Trust",
        Response::StandAside,
        "no budget this year",
    );
    answer(&mut c, "Food Bank", Response::Agree, "");
    assert_eq!(c.count().outcome, Outcome::Agreed);
    assert_eq!(
        c.sentence(),
        "Agreed by 2 organisations; 1 stood aside: Harbour Trust (no budget this year)."
    );
}

#[test]
fn one_block_stops_agreement_however_many_agree() {
    let s = room();
    let mut c = ConsentCheck::start(&s, Subject::Vision, "x", at(0));
    answer(&mut c, "City Council", Response::Agree, "");
    // A concern typed as a sentence does not end the result twice.
    answer(&mut c, "Harbour Trust", Response::Block, "excludes rural areas.");
    answer(&mut c, "Food Bank", Response::Agree, "");
    assert_eq!(c.count().outcome, Outcome::Blocked);
    assert_eq!(
        c.sentence(),
        "Not agreed: blocked by Harbour Trust: excludes rural areas."
    );
}

#[test]
fn a_lifted_block_is_recorded_with_who_and_when() {
    let s = room();
    let mut c = ConsentCheck::start(&s, Subject::Vision, "x", at(0));
    answer(&mut c, "City Council", Response::Agree, "");
    answer(&mut c, "Harbour Trust", Response::Block, "excludes rural areas");
    answer(&mut c, "Food Bank", Response::Agree, "");
    c.resolve(Resolve::BlockLifted, "Harbour Trust", "", at(5));
    assert_eq!(c.count().outcome, Outcome::Agreed);
    let sentence = c.sentence();
    assert!(
        sentence.starts_with(
            "Agreed by 2 organisations; Harbour Trust lifted their block (concern: excludes rural areas)"
        ),
        "{sentence}"
    );
    // Lifting someone else's block does not count.
    let mut other = ConsentCheck::start(&s, Subject::Vision, "x", at(0));
    answer(&mut other, "Harbour Trust", Response::Block, "");
    other.resolve(Resolve::BlockLifted, "Food Bank", "", at(5));
    assert_eq!(other.count().outcome, Outcome::Blocked);
}

#[test]
fn amended_or_withdrawn_is_never_agreed() {
    let s = room();
    let mut c = ConsentCheck::start(&s, Subject::Decision, "x", at(0));
    answer(&mut c, "City Council", Response::Agree, "");
    answer(&mut c, "Harbour Trust", Response::Block, "too vague");
    c.resolve(Resolve::Amended, "Ann", "adds 'in every ward'", at(10));
    assert_eq!(c.count().outcome, Outcome::Amended);
    assert!(c.sentence().starts_with(
        "Not agreed: amended by Ann (adds 'in every ward'); the new wording needs its own check"
    ));
    c.resolve(Resolve::Withdrawn, "Ann", "", at(12));
    assert_eq!(c.count().outcome, Outcome::Withdrawn);
}

#[test]
fn a_standing_block_is_found_until_resolved() {
    let mut s = room();
    let mut c = ConsentCheck::start(&s, Subject::Decision, "Meet monthly", at(0));
    answer(&mut c, "Harbour Trust", Response::Block, "too often");
    s.consent_checks.push(c.clone());
    assert_eq!(s.standing_block(Subject::Decision, "Meet monthly"), Some(0));
    assert_eq!(s.standing_block(Subject::Vision, "Meet monthly"), None);
    c.resolve(Resolve::Withdrawn, "Ann", "", at(3));
    s.consent_checks.push(c);
    assert_eq!(s.standing_block(Subject::Decision, "Meet monthly"), None);
}

#[test]
fn a_vision_check_by_organisation_keeps_the_vision_consent_list_in_step() {
    let mut s = room();
    s.vision.consent.push(Consent {
        organisation: "Food Bank".into(),
        level: crate::domain::ConsentLevel::Agree,
        concern: "".into(),
        ..Default::default()
    });
    let mut c = ConsentCheck::start_on_vision(&s, at(0));
    answer(&mut c, "Harbour Trust", Response::StandAside, "timing");
    answer(&mut c, "Food Bank", Response::Block, "cost");
    assert!(c.write_to_vision(&mut s.vision));
    let levels: Vec<(&str, crate::domain::ConsentLevel, &str)> = s
        .vision
        .consent
        .iter()
        .map(|c| (c.organisation.as_str(), c.level, c.concern.as_str()))
        .collect();
    use crate::domain::ConsentLevel::*;
    // City Council gave no answer, so it gains no line.
    assert_eq!(
        levels,
        [
            ("Food Bank", Block, "cost"),
            ("Harbour Trust", CanLiveWithIt, "timing")
        ]
    );
    c.scale = Scale::FistOfFive;
    assert!(!c.write_to_vision(&mut s.vision));
}

#[test]
fn fist_of_five_maps_fingers_to_positions() {
    let positions: Vec<Position> = (0..=5).map(|n| Response::Fingers(n).position()).collect();
    use Position::*;
    assert_eq!(positions, [Block, Block, StandAside, Agree, Agree, Agree]);
    assert_eq!(Response::Fingers(1).label(), "1 finger (block)");
    assert_eq!(Response::Fingers(4).label(), "4 fingers (agree)");
}

#[test]
fn abstentions_are_named_and_do_not_block() {
    let s = room();
    let mut c = ConsentCheck::start(&s, Subject::Vision, "x", at(0));
    answer(&mut c, "City Council", Response::Fingers(4), "");
    answer(&mut c, "Food Bank", Response::Fingers(3), "");
    let count = c.count();
    assert_eq!(count.outcome, Outcome::Agreed);
    assert_eq!(count.abstained, ["Harbour Trust"]);
    assert_eq!(
        c.sentence(),
        "Agreed by 2 organisations; no answer from Harbour Trust."
    );
    let empty = ConsentCheck::start(&s, Subject::Vision, "x", at(0));
    assert_eq!(empty.count().outcome, Outcome::Open);
}

#[test]
fn per_person_counts_people() {
    let s = room();
    let mut c = ConsentCheck::start(&s, Subject::Vision, "x", at(0));
    assert!(c.recount(&s, Counting::PerPerson));
    assert_eq!(c.answers.len(), 4);
    for who in ["Ann", "Bea", "Dev", "Fay"] {
        answer(&mut c, who, Response::Agree, "");
    }
    assert_eq!(c.sentence(), "Agreed by 4 people.");
    assert!(!c.recount(&s, Counting::PerOrganisation));
}

#[test]
fn the_older_vision_consent_list_maps_onto_a_check() {
    let mut s = room();
    s.vision.consent = vec![
        Consent {
            organisation: "Harbour Trust".into(),
            level: crate::domain::ConsentLevel::CanLiveWithIt,
            concern: "timing".into(),
            ..Default::default()
        },
        Consent {
            organisation: "Food Bank".into(),
            level: crate::domain::ConsentLevel::Block,
            concern: "".into(),
            ..Default::default()
        },
    ];
    let c = ConsentCheck::start_on_vision(&s, at(0));
    assert_eq!(c.proposal, "Everyone eats well");
    let got: Vec<(&str, Response)> = c.answers.iter().map(|a| (a.who.as_str(), a.response)).collect();
    assert_eq!(
        got,
        [
            ("City Council", Response::NoAnswer),
            ("Harbour Trust", Response::StandAside),
            ("Food Bank", Response::Block)
        ]
    );
}
