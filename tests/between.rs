#![allow(clippy::unwrap_used)]
//! Between sessions, on the shipped examples: the Level Ground series, its
//! actions and measures over time, follow-ups and search.

mod examples;

use chrono::NaiveDate;
use roundtable::domain::{
    ActionStatus, Attendance, Audience, History, OnTrack, Section, Session, Step, search,
};

fn by_id<'a>(sessions: &'a [Session], id: &str) -> &'a Session {
    sessions.iter().find(|s| s.id == id).unwrap()
}

#[test]
fn level_ground_is_a_series_of_four_linked_sessions() {
    let sessions = examples::workshops(true);
    let h = History::new(&sessions);
    let series = h.find_series("level ground").unwrap();
    let titles: Vec<&str> = series
        .sessions
        .iter()
        .map(|&i| sessions[i].title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Level Ground — launch session",
            "Level Ground — September data review",
            "Level Ground — November data review",
            "Level Ground — December check-in",
        ]
    );
    for pair in series.sessions.windows(2) {
        assert_eq!(sessions[pair[1]].previous, sessions[pair[0]].id);
        assert_eq!(h.previous(pair[1]), Some(pair[0]));
    }
    assert_eq!(h.series().len(), 3, "three partnerships in the examples");
}

#[test]
fn the_december_draft_is_the_november_session_followed_up() {
    let sessions = examples::workshops(true);
    let nov = by_id(&sessions, "2026-11-11-level-ground-november-data-review");
    let dec = by_id(&sessions, "2026-12-16-level-ground-december-check-in");
    let mut expected = nov.follow_up(&dec.title, dec.date, dec.created);
    for p in &mut expected.participants {
        if p.name == "Rosalind Carter" || p.name == "Gwen Ashworth" {
            p.attendance = Attendance::Apologies;
        }
    }
    expected.set_note(Step::NextSteps, dec.note(Step::NextSteps).to_string());
    assert_eq!(&expected, dec);
}

#[test]
fn actions_follow_their_latest_copy_across_the_series() {
    let sessions = examples::workshops(true);
    let h = History::new(&sessions);
    let leaflets = h.find_action("a-m2x7d5").unwrap();
    assert_eq!(
        sessions[leaflets.first_session].id,
        "2026-07-08-level-ground-launch-session"
    );
    assert_eq!(
        sessions[leaflets.session].id,
        "2026-11-11-level-ground-november-data-review"
    );
    assert_eq!(leaflets.action.status, ActionStatus::Done);
    let protocol = h.find_action("a-y9c1h4").unwrap();
    assert_eq!(
        sessions[protocol.session].id,
        "2026-12-16-level-ground-december-check-in"
    );
    assert_eq!(sessions[protocol.session].actions[protocol.item].id, "a-y9c1h4");
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    assert!(protocol.is_overdue(today));
}

#[test]
fn measures_move_over_time_in_the_right_direction() {
    let sessions = examples::workshops(true);
    let h = History::new(&sessions);
    let measures = h.measures(h.find_series("Level Ground").unwrap());
    assert_eq!(measures.len(), 6);
    let screening = measures.iter().find(|m| m.id == "m-4h2k8s").unwrap();
    let values: Vec<&str> = screening
        .readings
        .iter()
        .map(|r| r.reading.value.as_str())
        .collect();
    assert_eq!(values, ["38%", "71%"]);
    assert_eq!(screening.on_track(), OnTrack::Improving);
    assert_eq!(screening.sparkline(), "▁▄█");
    assert_eq!(
        screening.measure.unwrap().review_date.unwrap().to_string(),
        "2027-01-13"
    );
    let wellbeing = measures.iter().find(|m| m.id == "m-2c7v5n").unwrap();
    assert_eq!(
        wellbeing.on_track(),
        OnTrack::Unknown,
        "the baseline is in words and there is one reading"
    );
}

#[test]
fn search_ranks_titles_and_decisions_above_notes() {
    let sessions = examples::workshops(true);
    let hits = search(&sessions, "safety checklist");
    let first = &hits[0];
    assert_eq!(first.section, Section::Decisions);
    assert_eq!(
        sessions[first.session].id,
        "2026-11-11-level-ground-november-data-review"
    );
    let notes = hits
        .iter()
        .position(|h| matches!(h.section, Section::Notes(_)))
        .unwrap();
    let actions = hits.iter().position(|h| h.section == Section::Actions).unwrap();
    assert!(actions < notes, "{hits:#?}");
    let title = &search(&sessions, "december check-in")[0];
    assert_eq!(title.section, Section::Title);
}

/// The minutes a trustee gets from the archive say each fact once: every
/// action is listed once (carried over or new), marked overdue when it was
/// still open after its due date on the day of the meeting, and a measure
/// is named only where it is defined (step 3) and beside its reading
/// (step 6), never again in the progress summary.
#[test]
fn minutes_with_progress_say_each_fact_once() {
    let sessions = examples::workshops(false);
    let history = History::new(&sessions);
    for s in &sessions {
        let md = roundtable::export::minutes_with_history(s, &history);
        // Partners' minutes: what is kept for trustees is not listed at all.
        for a in s.actions.iter().filter(|a| a.shown_to != Audience::Trustees) {
            let rows: Vec<&str> = md
                .lines()
                .filter(|l| l.starts_with(&format!("| {} |", a.text)))
                .collect();
            assert_eq!(
                rows.len(),
                1,
                "{}: {:?} is listed {} times",
                s.id,
                a.text,
                rows.len()
            );
            let overdue = a.status.is_open() && a.due.is_some_and(|d| d < s.date);
            assert_eq!(rows[0].contains("(overdue)"), overdue, "{}: {}", s.id, rows[0]);
        }
        for m in s.activities.iter().flat_map(|a| &a.measures) {
            let named = md.matches(&format!("| {} |", m.indicator)).count();
            assert!(named <= 2, "{}: {:?} is named {named} times", s.id, m.indicator);
        }
        assert!(
            !md.lines().any(|l| l.ends_with('\\')),
            "{}: a backslash line break",
            s.id
        );
    }
}
