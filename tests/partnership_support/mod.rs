//! A partnership over four sessions, built here rather than read from the
//! example archive: one organisation stops coming, one goes quiet, one
//! leaves; goals with overlapping work and a goal nobody works on; a named
//! and an anonymous health check.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use roundtable::domain::{
    ActionItem, Attendance, Commitment, Goal, HealthScore, Participant, Session, SessionStatus, Workstream,
};
use roundtable::storage;

pub const NAME: &str = "Riverside Food Partnership";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-03T09:30:00Z")
        .unwrap()
        .to_utc()
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn person(name: &str, org: &str, attendance: Attendance, contributions: u32) -> Participant {
    Participant {
        name: name.into(),
        organisation: org.into(),
        attendance,
        contributions,
        ..Default::default()
    }
}

fn score(org: &str, e: u8, t: u8, m: u8, tr: u8) -> HealthScore {
    HealthScore {
        organisation: org.into(),
        equity: Some(e),
        transparency: Some(t),
        mutual_benefit: Some(m),
        trust: Some(tr),
        ..Default::default()
    }
}

/// The four sessions, oldest first.
pub fn sessions() -> Vec<Session> {
    use Attendance::{Absent, Apologies, Present};
    let attendance: [&[(&str, &str, Attendance, u32)]; 4] = [
        &[
            ("Ada Kerr", "Riverside Food Bank", Present, 6),
            ("Ben Osei", "Riverside Food Bank", Present, 2),
            ("Cat Lowe", "Westbank Tenants Group", Present, 3),
            ("Dev Patel", "City Council Public Health", Present, 4),
            ("Eve Moss", "Grow Together Allotments", Present, 2),
        ],
        &[
            ("Ada Kerr", "Riverside Food Bank", Present, 5),
            ("Cat Lowe", "Westbank Tenants Group", Present, 1),
            ("Dev Patel", "City Council Public Health", Present, 3),
            ("Eve Moss", "Grow Together Allotments", Apologies, 0),
        ],
        &[
            ("Ada Kerr", "Riverside Food Bank", Present, 4),
            ("Cat Lowe", "Westbank Tenants Group", Present, 0),
            ("Dev Patel", "City Council Public Health", Apologies, 0),
            ("Fay Chen", "Northside School Kitchens", Present, 2),
        ],
        &[
            ("Ada Kerr", "Riverside Food Bank", Present, 3),
            ("Ben Osei", "Riverside Food Bank", Present, 1),
            ("Cat Lowe", "Westbank Tenants Group", Present, 0),
            ("Dev Patel", "City Council Public Health", Absent, 0),
            ("Fay Chen", "Northside School Kitchens", Present, 1),
        ],
    ];
    let titles = [
        "Launch",
        "September review",
        "November review",
        "December check-in",
    ];
    let dates = [date(7, 8), date(9, 16), date(11, 11), date(12, 2)];
    let mut out: Vec<Session> = Vec::new();
    for ((people, title), day) in attendance.iter().zip(titles).zip(dates) {
        let mut s = match out.last() {
            Some(before) => before.follow_up(title, day, now()),
            None => Session::new(title, NAME, day, now()),
        };
        s.status = SessionStatus::Final;
        s.participants = people.iter().map(|(n, o, a, c)| person(n, o, *a, *c)).collect();
        out.push(s);
    }
    let launch = &mut out[0];
    launch.goals = [
        "Every family in Westbank can reach fresh food within a short walk",
        "School holiday meals for every child on free school meals",
        "Surplus allotment produce reaches the food bank every week",
        "A food poverty strategy the council adopts",
    ]
    .iter()
    .map(|t| Goal {
        text: t.to_string(),
        agreed: true,
        ..Default::default()
    })
    .collect();
    launch.roles.workstreams = vec![
        Workstream {
            name: "Westbank fresh food stall".into(),
            lead: "Ada Kerr".into(),
            lead_organisation: "Riverside Food Bank".into(),
            remit: "A weekly stall with fresh food on the estate".into(),
            ..Default::default()
        },
        Workstream {
            name: "Holiday meals".into(),
            lead: "Dev Patel".into(),
            remit: "Meals for children in the school holiday".into(),
            ..Default::default()
        },
    ];
    launch.roles.commitments = vec![
        Commitment {
            organisation: "Westbank Tenants Group".into(),
            detail: "Volunteers for the Westbank stall".into(),
            ..Default::default()
        },
        Commitment {
            organisation: "Grow Together Allotments".into(),
            detail: "Surplus produce delivered on Fridays".into(),
            ..Default::default()
        },
    ];
    launch.actions = vec![ActionItem {
        id: "a-1".into(),
        text: "Find a venue for the holiday meals".into(),
        owner: "Fay Chen".into(),
        due: Some(date(12, 20)),
        ..Default::default()
    }];
    launch.health.scores = vec![
        score("Riverside Food Bank", 4, 4, 3, 4),
        score("Westbank Tenants Group", 2, 3, 3, 3),
        score("City Council Public Health", 4, 4, 4, 4),
    ];
    let goals = out[0].goals.clone();
    let actions = out[0].actions.clone();
    for s in &mut out[1..] {
        s.goals = goals.clone();
        s.actions = actions.clone();
    }
    let last = out.len() - 1;
    out[last].health.anonymous = true;
    out[last].health.scores = vec![
        score("", 3, 4, 4, 3),
        score("", 2, 2, 3, 3),
        score("", 4, 5, 4, 4),
        score("", 3, 4, 3, 2),
    ];
    out
}

/// The sessions saved as files in `dir`.
pub fn save_into(dir: &Path) {
    for s in sessions() {
        storage::save(&dir.join(format!("{}.ron", s.id)), &s).unwrap();
    }
}
