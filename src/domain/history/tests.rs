//! Tests of the partnership history, and a meeting and participant maker
//! other tests share.
use chrono::{DateTime, NaiveDate};

use super::shape::depths;
use super::*;

pub(crate) fn meeting(title: &str, partnership: &str, month: u32, day: u32) -> Session {
    let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, month, day).unwrap();
    Session::new(title, partnership, date, now)
}

pub(crate) fn person(
    name: &str,
    org: &str,
    attendance: crate::domain::Attendance,
) -> crate::domain::Participant {
    crate::domain::Participant {
        name: name.into(),
        organisation: org.into(),
        attendance,
        ..Default::default()
    }
}

#[test]
fn series_group_by_partnership_and_follow_links() {
    let mut renamed = meeting("C", "Level Ground Partnership", 11, 1);
    renamed.previous = "2026-09-01-b".into();
    let sessions = vec![
        renamed,
        meeting("Other", "Brindley Vale", 10, 1),
        meeting("B", " level  ground ", 9, 1),
        meeting("A", "Level Ground", 7, 1),
        meeting("Alone", "", 8, 1),
    ];
    let h = History::new(&sessions);
    let names: Vec<(&str, &[usize])> = h
        .series()
        .iter()
        .map(|s| (s.name.as_str(), &s.sessions[..]))
        .collect();
    assert_eq!(
        names,
        [
            ("", &[4][..]),
            ("Brindley Vale", &[1]),
            ("Level Ground Partnership", &[3, 2, 0])
        ]
    );
    assert_eq!(h.previous(0), Some(2));
    assert_eq!(h.previous(2), Some(3));
    assert_eq!(h.previous(3), None);
    assert_eq!(
        h.find_series("level ground partnership")
            .map(|s| s.sessions.len()),
        Ok(3)
    );
    assert_eq!(
        h.find_series("vale").map(|s| s.name.as_str()),
        Ok("Brindley Vale")
    );
    assert_eq!(h.find_series("nothing"), Err(vec![]));
}

#[test]
fn partnerships_are_found_ignoring_accents_and_dashes() {
    let sessions = vec![
        meeting("A", "Café Network – North", 9, 1),
        meeting("B", "Brindley Vale", 10, 1),
    ];
    let h = History::new(&sessions);
    let found = |typed: &str| h.find_series(typed).map(|s| s.name.clone());
    assert_eq!(
        found("cafe network - north"),
        Ok("Café Network – North".to_string())
    );
    assert_eq!(found("CAFE"), Ok("Café Network – North".to_string()));
}

#[test]
fn a_same_day_follow_up_sorts_after_the_meeting_it_follows() {
    let first = meeting("Morning", "P", 9, 1);
    let mut second = meeting("Afternoon", "P", 9, 1);
    second.previous = first.id.clone();
    let sessions = vec![second, first];
    let h = History::new(&sessions);
    assert_eq!(h.series()[0].sessions, [1, 0]);
}

#[test]
fn depths_follow_each_chain_once_and_stop_at_loops() {
    assert_eq!(depths(&[None, Some(0), Some(1), Some(1)]), [0, 1, 2, 2]);
    assert_eq!(depths(&[Some(2), Some(0), None]), [1, 2, 0]);
    assert_eq!(
        depths(&[Some(1), Some(0), Some(0)]),
        [4, 4, 4],
        "as deep as can be"
    );
}

#[test]
fn a_kept_shape_gives_the_same_history_and_a_stale_one_is_redone() {
    let sessions = crate::storage::sample::sessions(50, 4);
    let fresh = History::new(&sessions);
    let kept = History::with_shape(&sessions, &fresh.shape());
    assert_eq!(kept.series(), fresh.series());
    let fewer = &sessions[..10];
    assert_eq!(
        History::with_shape(fewer, &fresh.shape()).series(),
        History::new(fewer).series()
    );
    for i in 0..sessions.len() {
        assert_eq!(kept.previous(i), fresh.previous(i));
    }
}

#[test]
fn looping_links_do_not_hang() {
    let mut a = meeting("A", "P", 9, 1);
    let mut b = meeting("B", "P", 9, 1);
    a.previous = b.id.clone();
    b.previous = a.id.clone();
    let sessions = vec![a, b];
    assert_eq!(History::new(&sessions).series()[0].sessions.len(), 2);
}

#[test]
fn as_of_stops_at_the_date_and_uses_the_given_copy() {
    let sessions = vec![
        meeting("A", "P", 7, 1),
        meeting("B", "P", 9, 1),
        meeting("C", "P", 11, 1),
        meeting("X", "Q", 8, 1),
    ];
    let mut edited = sessions[1].clone();
    edited.location = "Edited".into();
    let h = History::new(&sessions);
    let (then, me) = h.as_of(&edited);
    assert_eq!(then.sessions().len(), 2);
    assert_eq!(then.session(me).map(|s| s.location.as_str()), Some("Edited"));
    assert_eq!(
        then.previous(me)
            .and_then(|i| then.session(i))
            .map(|s| s.title.as_str()),
        Some("A")
    );
}
