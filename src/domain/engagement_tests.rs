use chrono::NaiveDate;

use super::*;
use crate::domain::Participant;
use crate::domain::history::tests::meeting;

fn person(name: &str, org: &str, attendance: Attendance, contributions: u32) -> Participant {
    Participant {
        name: name.into(),
        organisation: org.into(),
        attendance,
        contributions,
        ..Default::default()
    }
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
}

use Attendance::{Absent, Apologies, Present};

/// Four meetings of Level Ground. Aid comes and speaks every time; Beacon
/// sends apologies twice at the end; Crest comes but stays silent at its
/// last two; Dale leaves after the second.
fn archive() -> Vec<Session> {
    let rows: [&[(&str, &str, Attendance, u32)]; 4] = [
        &[
            ("Ann", "Aid", Present, 3),
            ("Bo", "Beacon", Present, 1),
            ("Cy", "Crest", Present, 2),
            ("Di", "Dale", Present, 1),
        ],
        &[
            ("Ann", "Aid", Present, 2),
            ("Al", "aid ", Present, 1),
            ("Bo", "Beacon", Present, 2),
            ("Cy", "Crest", Present, 1),
            ("Di", "Dale", Apologies, 0),
        ],
        &[
            ("Ann", "Aid", Present, 1),
            ("Bo", "Beacon", Apologies, 0),
            ("Cy", "Crest", Present, 0),
        ],
        &[
            ("Ann", "Aid", Present, 4),
            ("Bo", "Beacon", Absent, 0),
            ("Cy", "Crest", Present, 0),
        ],
    ];
    let dates = [(7, 8), (9, 16), (11, 11), (12, 16)];
    rows.iter()
        .zip(dates)
        .map(|(people, (m, d))| {
            let mut s = meeting(&format!("Meeting {m}"), "Level Ground", m, d);
            s.participants = people.iter().map(|(n, o, a, c)| person(n, o, *a, *c)).collect();
            s
        })
        .collect()
}

fn engagement(sessions: &[Session], today: NaiveDate) -> Engagement {
    let h = History::new(sessions);
    Engagement::of(&h, &h.series()[0], today)
}

#[test]
fn each_organisation_has_a_cell_per_meeting_with_people_and_contributions() {
    let e = engagement(&archive(), day(12, 31));
    assert_eq!(e.meetings.len(), 4);
    let names: Vec<(&str, bool)> = e
        .organisations
        .iter()
        .map(|o| (o.name.as_str(), o.left))
        .collect();
    assert_eq!(
        names,
        [
            ("Aid", false),
            ("Beacon", false),
            ("Crest", false),
            ("Dale", true)
        ]
    );
    let aid = &e.organisations[0];
    assert_eq!(
        aid.cells[1],
        Cell::Present {
            people: 2,
            contributions: 3
        },
        "two people of Aid, spelt two ways, counted together"
    );
    assert_eq!(aid.contributions(), 11);
    let beacon = &e.organisations[1];
    assert_eq!(beacon.cells[2..], [Cell::Away, Cell::Away]);
    assert_eq!(beacon.attended(), 2);
    let dale = &e.organisations[3];
    assert_eq!(dale.cells[2..], [Cell::NotListed, Cell::NotListed]);
}

#[test]
fn missing_two_in_a_row_and_going_quiet_are_warned_but_leaving_is_not() {
    let e = engagement(&archive(), day(12, 31));
    assert_eq!(
        e.warnings,
        [Warning::Missed("Beacon".into()), Warning::Quiet("Crest".into())]
    );
    assert_eq!(
        e.warnings[0].words(),
        "Beacon has missed the last two sessions in a row."
    );
    assert_eq!(
        e.warnings[1].words(),
        "Crest came but did not speak at its last two sessions."
    );
}

#[test]
fn one_missed_meeting_or_one_silent_one_is_no_warning() {
    let mut sessions = archive();
    sessions[3].participants[1].attendance = Present;
    sessions[3].participants[1].contributions = 1;
    sessions[3].participants[2].contributions = 2;
    assert_eq!(engagement(&sessions, day(12, 31)).warnings, []);
}

#[test]
fn a_planned_meeting_is_not_counted_and_an_uncounted_one_proves_no_silence() {
    // As of 20 November the December meeting is still to come: Beacon has
    // missed only one, and Crest was silent only once.
    let e = engagement(&archive(), day(11, 20));
    assert_eq!(e.meetings.len(), 3);
    assert_eq!(e.warnings, []);
    // Nobody's contributions counted in December: silence there is unknown.
    let mut sessions = archive();
    sessions[3].participants[0].contributions = 0;
    let e = engagement(&sessions, day(12, 31));
    assert!(!e.meetings[3].counted);
    assert_eq!(e.warnings, [Warning::Missed("Beacon".into())]);
}

#[test]
fn an_organisation_that_joined_last_time_has_not_missed_two() {
    let mut sessions = archive();
    sessions[3].participants.push(person("Ed", "Elm", Apologies, 0));
    let e = engagement(&sessions, day(12, 31));
    let elm = e
        .organisations
        .iter()
        .find(|o| o.name == "Elm")
        .map(|o| o.since_joining());
    assert_eq!(elm, Some(1));
    assert!(!e.warnings.iter().any(|w| w.organisation() == "Elm"));
}
