use chrono::{DateTime, Duration, Utc};

use super::*;

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap_or_default()
}

fn person(name: &str, org: &str, sector: Sector, lived: bool) -> Participant {
    Participant {
        name: name.into(),
        organisation: org.into(),
        sector,
        lived_experience: lived,
        ..Default::default()
    }
}

/// Two from the council, one funder, a community group, a lived-experience
/// member of the council's panel and someone who sent apologies.
fn session() -> Session {
    let mut s = Session::for_tests("T", "P", "2026-12-03");
    s.participants = vec![
        person("Sam", "City Council", Sector::Public, false),
        person("Priya", "Northway Trust", Sector::Funder, false),
        person("Jo", "City Council", Sector::Public, false),
        person("Ann", "Eastside Carers", Sector::Community, false),
        person("Lee", "City Council", Sector::Public, true),
        Participant {
            attendance: Attendance::Apologies,
            ..person("Grace", "GP Practice", Sector::Public, false)
        },
    ];
    s
}

fn names(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn listed_order_takes_the_people_present_as_listed() {
    let s = session();
    let order = speaking_order(&s.participants, RoundOrder::Listed);
    assert_eq!(names(&order), ["Sam", "Priya", "Jo", "Ann", "Lee"]);
}

#[test]
fn voices_first_puts_lived_experience_then_smaller_organisations_first() {
    let s = session();
    let order = speaking_order(&s.participants, RoundOrder::VoicesFirst);
    // Lee brings lived experience; Priya is the only one from her
    // organisation and Ann's is a community group; the council comes last.
    assert_eq!(names(&order), ["Lee", "Priya", "Ann", "Sam", "Jo"]);
}

#[test]
fn next_pass_and_come_back_later_are_recorded_in_order() {
    let mut s = session();
    s.start_round(Step::Goals, RoundOrder::Listed, None, at(0));
    let round = |s: &Session| s.open_round().cloned().unwrap();
    assert_eq!(round(&s).speaking.as_deref(), Some("Sam"));
    assert_eq!(round(&s).next_up(), Some("Priya"));
    s.move_round(RoundMove::Next, at(10));
    s.move_round(RoundMove::Pass, at(20));
    s.move_round(RoundMove::Later, at(30));
    let r = round(&s);
    assert_eq!(r.speaking.as_deref(), Some("Ann"));
    assert_eq!(r.passed(), ["Priya"]);
    assert_eq!(r.later, ["Jo"]);
    s.move_round(RoundMove::Next, at(40));
    s.move_round(RoundMove::Next, at(50));
    // Everyone else has had a turn: Jo comes back.
    assert_eq!(round(&s).speaking.as_deref(), Some("Jo"));
    s.move_round(RoundMove::Next, at(60));
    assert_eq!(round(&s).speaking, None);
    assert!(s.end_round(at(70)));
    assert!(s.open_round().is_none());
    let done = &s.rounds[0];
    assert_eq!(done.ended, Some(at(70)));
    let turns: Vec<(&str, TurnOutcome)> = done.turns.iter().map(|t| (t.name.as_str(), t.outcome)).collect();
    use TurnOutcome::*;
    assert_eq!(
        turns,
        [
            ("Sam", Spoke),
            ("Priya", Passed),
            ("Jo", Later),
            ("Ann", Spoke),
            ("Lee", Spoke),
            ("Jo", Spoke)
        ]
    );
    assert_eq!(done.spoke(), ["Sam", "Jo", "Ann", "Lee"]);
    // One contribution per turn spoken; a pass counts nothing.
    let spoke: Vec<u32> = s.participants.iter().map(|p| p.contributions).collect();
    assert_eq!(spoke, [1, 0, 1, 1, 1, 0]);
}

#[test]
fn asking_to_come_back_a_second_time_is_a_pass() {
    let mut s = session();
    s.participants.truncate(1);
    s.start_round(Step::Vision, RoundOrder::Listed, None, at(0));
    s.move_round(RoundMove::Later, at(1));
    // Nobody else: Sam is asked again at once, and passes this time.
    assert_eq!(s.open_round().unwrap().speaking.as_deref(), Some("Sam"));
    s.move_round(RoundMove::Later, at(2));
    let r = s.open_round().unwrap();
    assert_eq!(r.speaking, None);
    assert_eq!(r.passed(), ["Sam"]);
}

#[test]
fn someone_who_left_is_skipped_and_apologies_are_never_called() {
    let mut s = session();
    s.start_round(Step::Goals, RoundOrder::Listed, None, at(0));
    assert!(!s.open_round().unwrap().queue.contains(&"Grace".to_string()));
    s.participants[1].attendance = Attendance::Absent;
    s.move_round(RoundMove::Next, at(5));
    assert_eq!(s.open_round().unwrap().speaking.as_deref(), Some("Jo"));
    assert!(s.rounds[0].turns.iter().all(|t| t.name != "Priya"));
}

#[test]
fn the_countdown_follows_the_injected_clock_and_says_when_over() {
    let mut s = session();
    s.start_round(Step::Goals, RoundOrder::Listed, Some(90), at(0));
    let left = |s: &Session, t| s.open_round().and_then(|r| r.seconds_left(t));
    assert_eq!(left(&s, at(0)), Some(90));
    assert_eq!(left(&s, at(25)), Some(65));
    assert_eq!(countdown_words(65), "1:05 left");
    assert_eq!(left(&s, at(110)), Some(-20));
    assert_eq!(countdown_words(-20), "0:20 over");
    // A clock that jumps back does not add time.
    assert_eq!(left(&s, at(0) - Duration::minutes(5)), Some(90));
    // The next speaker gets the full time again.
    s.move_round(RoundMove::Next, at(110));
    assert_eq!(left(&s, at(120)), Some(80));
    // No time each: no countdown.
    s.start_round(Step::Goals, RoundOrder::Listed, None, at(200));
    assert_eq!(left(&s, at(230)), None);
}

#[test]
fn items_captured_in_a_turn_are_credited_once_each_and_not_again_at_next() {
    let mut s = session();
    assert_eq!(s.credit_speaker(), None, "no round, no credit");
    s.start_round(Step::Goals, RoundOrder::Listed, None, at(0));
    assert_eq!(s.credit_speaker().as_deref(), Some("Sam"));
    assert_eq!(s.credit_speaker().as_deref(), Some("Sam"));
    s.move_round(RoundMove::Next, at(10));
    assert_eq!(s.participants[0].contributions, 2);
    assert_eq!(s.credit_speaker().as_deref(), Some("Priya"));
    s.end_round(at(20));
    assert_eq!(s.participants[1].contributions, 1);
    assert_eq!(s.credit_speaker(), None, "the round has ended");
}

#[test]
fn a_round_round_trips_and_a_session_without_rounds_writes_no_field() {
    let mut s = session();
    let text = ron::to_string(&s).unwrap_or_default();
    assert!(!text.contains("rounds"), "{text}");
    s.start_round(Step::Roles, RoundOrder::VoicesFirst, Some(120), at(0));
    s.move_round(RoundMove::Pass, at(3));
    let text = ron::to_string(&s).unwrap_or_default();
    let back: Session = ron::from_str(&text).unwrap();
    assert_eq!(back, s);
}

#[test]
fn a_renamed_participant_is_renamed_in_the_round() {
    let mut s = session();
    s.start_round(Step::Goals, RoundOrder::Listed, None, at(0));
    s.move_round(RoundMove::Next, at(1));
    s.rename_participant("Sam", "Samuel");
    s.rename_participant("Priya", "Priya S");
    s.rename_participant("Jo", "Joanna");
    let r = s.open_round().unwrap();
    assert_eq!(r.turns[0].name, "Samuel");
    assert_eq!(r.speaking.as_deref(), Some("Priya S"));
    assert_eq!(r.queue[0], "Joanna");
}

#[test]
fn times_are_recorded_to_the_second() {
    let mut s = session();
    let t = at(0) + Duration::milliseconds(1_700);
    s.start_round(Step::Goals, RoundOrder::Listed, Some(60), t);
    s.end_round(t);
    let r = &s.rounds[0];
    assert_eq!((r.started, r.ended), (at(1), Some(at(1))));
}
