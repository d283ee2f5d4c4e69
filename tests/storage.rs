#![allow(clippy::unwrap_used)]
//! The session file format, pinned by a golden file: a session with every kind
//! of item must write exactly `tests/fixtures/full-session.ron`, and that file
//! must load back into the same session.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveTime};
use roundtable::domain::*;
use roundtable::storage::{Archive, StorageError, load, save, to_ron};

fn day(m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2027, m, d)
}

fn full_session() -> Session {
    let created = DateTime::from_timestamp(1_796_292_000, 0).unwrap();
    let mut s = Session::new(
        "Riverside partnership — second session",
        "Riverside Food Partnership",
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        created,
    );
    s.start_time = NaiveTime::from_hms_opt(10, 0, 0);
    s.location = "Riverside library, upstairs room".into();
    s.facilitator = "Priya Shah".into();
    s.status = SessionStatus::InProgress;
    s.participants = vec![
        Participant {
            name: "Tom Okafor".into(),
            organisation: "Riverside Pantry".into(),
            role: "Volunteer coordinator".into(),
            sector: Sector::Community,
            lived_experience: true,
            attendance: Attendance::Present,
            contributions: 4,
            ..Default::default()
        },
        Participant {
            name: "Helen Marsh".into(),
            organisation: "County Council".into(),
            role: "Public health lead".into(),
            sector: Sector::Public,
            attendance: Attendance::Apologies,
            ..Default::default()
        },
    ];
    s.goals.push(Goal {
        text: "No family in the ward goes hungry in the school holidays".into(),
        proposed_by: "Tom Okafor".into(),
        support: 7,
        agreed: true,
        ..Default::default()
    });
    s.vision = Vision {
        drafts: vec![VisionDraft {
            text: "Good food, \"close to home\", for everyone".into(),
            proposed_by: "Helen Marsh".into(),
            ..Default::default()
        }],
        final_wording: "Good food close to home for every household".into(),
        consent: vec![Consent {
            organisation: "County Council".into(),
            level: ConsentLevel::CanLiveWithIt,
            concern: "Budget beyond March is not confirmed".into(),
            ..Default::default()
        }],
    };
    s.activities.push(Activity {
        title: "Holiday lunch clubs".into(),
        description: "Lunch and activities in three halls\nduring every school holiday".into(),
        lead: "Tom Okafor".into(),
        measures: vec![Measure {
            id: "m-000001".into(),
            indicator: "Children fed per week".into(),
            kind: MeasureKind::HowMuch,
            baseline: "0".into(),
            target: "120 a week".into(),
            source: "Sign-in sheets".into(),
            owner: "Tom Okafor".into(),
            review_date: day(4, 1),
            ..Default::default()
        }],
        ..Default::default()
    });
    s.roles = Roles {
        workstreams: vec![Workstream {
            name: "Lunch clubs".into(),
            lead: "Tom Okafor".into(),
            lead_organisation: "Riverside Pantry".into(),
            remit: "Run the clubs".into(),
            ..Default::default()
        }],
        commitments: vec![Commitment {
            organisation: "County Council".into(),
            kind: CommitmentKind::Venue,
            detail: "Two halls, free of charge".into(),
            ..Default::default()
        }],
        secretariat: "Riverside Pantry".into(),
        decision_making: "Consent at monthly meetings".into(),
    };
    s.awareness.push(AwarenessItem {
        audience: "Parents".into(),
        message: "Free lunches, no questions asked".into(),
        channel: "School newsletters".into(),
        owner: "Helen Marsh".into(),
        date: None,
        ..Default::default()
    });
    s.review.readings.push(Reading {
        measure_id: "m-000001".into(),
        date: day(1, 10),
        value: "85".into(),
        note: "First week".into(),
        ..Default::default()
    });
    s.review.learnings.push(Learning {
        kind: LearningKind::Surprise,
        text: "Grandparents came too".into(),
        ..Default::default()
    });
    s.review.next_steps.push(NextStep {
        text: "Open a third hall".into(),
        owner: "Tom Okafor".into(),
        by: day(2, 1),
        ..Default::default()
    });
    s.notes = BTreeMap::from([(Step::Goals, "Café owners asked to join\\help".to_string())]);
    s.decisions.push(Decision {
        text: "Start with three halls".into(),
        step: Some(Step::Activities),
        method: DecisionMethod::Consent,
        dissent: String::new(),
        ..Default::default()
    });
    s.actions.push(ActionItem {
        id: "a-000002".into(),
        text: "Book the halls".into(),
        owner: "Helen Marsh".into(),
        due: day(1, 15),
        status: ActionStatus::InProgress,
        step: None,
        ..Default::default()
    });
    s.parking_lot.push(ParkedItem {
        text: "Transport for rural families".into(),
        raised_by: "Tom Okafor".into(),
        step: None,
        ..Default::default()
    });
    s.touch(DateTime::from_timestamp(1_796_299_200, 0).unwrap());
    s
}

const GOLDEN: &str = "tests/fixtures/full-session.ron";

#[test]
fn a_full_session_writes_exactly_the_golden_file() {
    let golden = fs::read_to_string(GOLDEN).unwrap();
    assert_eq!(to_ron(&full_session()), golden);
}

#[test]
fn the_golden_file_loads_back_into_the_same_session() {
    assert_eq!(load(Path::new(GOLDEN)).unwrap(), full_session());
    assert!(full_session().validate().is_empty());
}

#[test]
fn a_saved_session_round_trips_through_the_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(tmp.path().join("sessions")).unwrap();
    let mut s = full_session();
    let path = archive.create(&s).unwrap();
    assert_eq!(
        path.file_name().unwrap(),
        "2026-12-03-riverside-partnership-second-session.ron"
    );
    s.parking_lot.clear();
    save(&path, &s).unwrap();
    assert_eq!(load(&path).unwrap(), s);
    assert_eq!(
        archive.find("Riverside partnership — second session").unwrap(),
        path
    );
}

#[test]
fn the_malformed_fixture_reports_line_column_and_what_was_expected() {
    let err = load(Path::new("tests/fixtures/malformed.ron")).unwrap_err();
    let StorageError::Parse {
        line, col, message, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!((*line, *col), (4, 12));
    assert_eq!(message, "expected a string (text in double quotes)");
    assert!(err.hint().unwrap().contains("roundtable check"));
}
