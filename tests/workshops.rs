#![allow(clippy::unwrap_used)]
//! The example sessions in `workshops/` ship with the app and seed new
//! archives, so each must load, save back unchanged and make sense as a
//! record of a real meeting.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use roundtable::domain::{Session, SessionStatus, Severity, Step, slug};

/// Every example as (file name, text, parsed session), in name order.
fn examples() -> Vec<(String, String, Session)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("workshops");
    let mut out: Vec<(String, String, Session)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&path).unwrap();
            let session = roundtable::storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
            (name, text, session)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        out.len() >= 4,
        "expected at least four examples, found {}",
        out.len()
    );
    out
}

/// Exactly what the app writes.
fn pretty(session: &Session) -> String {
    roundtable::storage::to_ron(session)
}

#[test]
fn every_example_saves_back_byte_for_byte() {
    for (name, text, session) in examples() {
        let saved = pretty(&session);
        if let Some((line, (want, got))) = text
            .lines()
            .zip(saved.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
        {
            panic!(
                "{name}:{}: file has\n  {want}\nbut saving writes\n  {got}",
                line + 1
            );
        }
        assert_eq!(text, saved, "{name}: differs in length or final newline");
    }
}

#[test]
fn every_example_validates_without_problems() {
    for (name, _, session) in examples() {
        let problems = session.validate();
        assert!(
            problems.iter().all(|p| p.severity != Severity::Error),
            "{name}: {problems:#?}"
        );
        assert!(problems.is_empty(), "{name} has warnings: {problems:#?}");
    }
}

#[test]
fn file_names_and_ids_follow_date_and_title() {
    for (name, _, session) in examples() {
        let expected = format!("{}-{}", session.date, slug(&session.title));
        assert_eq!(name, format!("{expected}.ron"));
        assert_eq!(session.id, expected, "{name}: id");
    }
}

/// Every proposer, lead, owner and consenting organisation is someone (or
/// some organisation) in the room, so the minutes never name a stranger.
#[test]
fn everyone_named_is_in_the_session() {
    for (name, _, s) in examples() {
        let people: HashSet<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
        let orgs: HashSet<&str> = s.organisations().into_iter().collect();
        let mut named: Vec<&str> = Vec::new();
        named.extend(s.goals.iter().map(|g| g.proposed_by.as_str()));
        named.extend(s.vision.drafts.iter().map(|d| d.proposed_by.as_str()));
        for a in &s.activities {
            named.push(&a.lead);
            named.extend(a.measures.iter().map(|m| m.owner.as_str()));
        }
        for w in &s.roles.workstreams {
            named.push(&w.lead);
            named.push(&w.lead_organisation);
        }
        named.extend(s.roles.commitments.iter().map(|c| c.organisation.as_str()));
        named.extend(s.awareness.iter().map(|a| a.owner.as_str()));
        named.extend(s.review.next_steps.iter().map(|n| n.owner.as_str()));
        named.extend(s.parking_lot.iter().map(|p| p.raised_by.as_str()));
        for who in named {
            assert!(
                people.contains(who) || orgs.contains(who),
                "{name}: \"{who}\" is not in the session"
            );
        }
        for c in &s.vision.consent {
            assert!(
                orgs.contains(c.organisation.as_str()),
                "{name}: {}",
                c.organisation
            );
        }
        if !s.roles.secretariat.is_empty() {
            assert!(orgs.contains(s.roles.secretariat.as_str()), "{name}: secretariat");
        }
    }
}

#[test]
fn readings_refer_to_measures_in_the_same_session() {
    for (name, _, s) in examples() {
        let ids: HashSet<&str> = s
            .activities
            .iter()
            .flat_map(|a| &a.measures)
            .map(|m| m.id.as_str())
            .collect();
        for r in &s.review.readings {
            assert!(
                ids.contains(r.measure_id.as_str()),
                "{name}: no measure {}",
                r.measure_id
            );
        }
    }
}

fn only_goals_and_vision(s: &Session) -> bool {
    Step::ALL
        .iter()
        .all(|step| s.step_has_content(*step) == matches!(step, Step::Goals | Step::Vision))
}

#[test]
fn the_archive_shows_partnerships_at_different_stages() {
    let all = examples();
    let sessions: Vec<&Session> = all.iter().map(|(_, _, s)| s).collect();
    assert!(
        sessions.iter().any(|s| only_goals_and_vision(s)),
        "a first meeting that reaches only goals and vision"
    );
    assert!(
        sessions
            .iter()
            .any(|s| s.participants.len() >= 20 && s.step_has_content(Step::Roles)),
        "a large alliance agreeing roles"
    );
    assert!(
        sessions.iter().any(|s| !s.review.readings.is_empty()),
        "a session reviewing data"
    );
    assert!(
        sessions
            .iter()
            .flat_map(|s| &s.participants)
            .any(|p| p.lived_experience)
    );
    assert!(
        sessions
            .iter()
            .flat_map(|s| &s.decisions)
            .any(|d| !d.dissent.is_empty())
    );
}

/// Two sessions of one partnership read the same measures on different
/// dates, so the archive shows a partnership over time.
#[test]
fn one_partnership_is_followed_over_time() {
    let all = examples();
    let followed = all.iter().any(|(_, _, a)| {
        all.iter().any(|(_, _, b)| {
            a.partnership == b.partnership
                && a.date < b.date
                && a.review.readings.iter().any(|r| {
                    b.review
                        .readings
                        .iter()
                        .any(|later| later.measure_id == r.measure_id && later.value != r.value)
                })
        })
    });
    assert!(
        followed,
        "no partnership has readings of the same measure in two sessions"
    );
}

/// A session cannot be final before it has happened, and the archive holds
/// at least one upcoming session prepared in advance.
#[test]
fn status_matches_the_date() {
    let all = examples();
    for (name, _, s) in &all {
        if s.status == SessionStatus::Final {
            assert!(
                s.updated.date_naive() >= s.date,
                "{name}: final before it took place"
            );
        }
        assert!(s.created <= s.updated, "{name}: updated before created");
    }
    assert!(
        all.iter()
            .any(|(_, _, s)| s.status != SessionStatus::Final && s.updated.date_naive() < s.date),
        "an upcoming session prepared in advance"
    );
}

/// Actions and measures carried from one session to the next keep their
/// wording and owner, so a workstream lead can follow them by id.
#[test]
fn carried_items_keep_their_identity() {
    let all = examples();
    for (a_name, _, a) in &all {
        for (b_name, _, b) in &all {
            if a.partnership != b.partnership || a.date >= b.date {
                continue;
            }
            for later in &b.actions {
                if let Some(first) = a.actions.iter().find(|x| x.id == later.id) {
                    assert_eq!(
                        (&first.text, &first.owner, first.due),
                        (&later.text, &later.owner, later.due),
                        "{a_name} → {b_name}: action {}",
                        later.id
                    );
                }
            }
            let measures = |s: &Session| -> Vec<(String, String)> {
                s.activities
                    .iter()
                    .flat_map(|x| &x.measures)
                    .map(|m| (m.id.to_string(), m.indicator.to_string()))
                    .collect()
            };
            let earlier = measures(a);
            for (id, indicator) in measures(b) {
                if let Some((_, before)) = earlier.iter().find(|(i, _)| *i == id) {
                    assert_eq!(before, &indicator, "{a_name} → {b_name}: measure {id}");
                }
            }
        }
    }
}

/// A session that follows another names it in `previous`: an earlier
/// session of the same partnership, so the series reads in order.
#[test]
fn previous_links_point_back_within_the_partnership() {
    let all = examples();
    let mut linked = 0;
    for (name, _, s) in &all {
        if s.previous.is_empty() {
            continue;
        }
        linked += 1;
        let before = all
            .iter()
            .map(|(_, _, p)| p)
            .find(|p| p.id == s.previous)
            .unwrap_or_else(|| panic!("{name}: no session {}", s.previous));
        assert!(before.date < s.date, "{name}: follows a later session");
        assert_eq!(before.partnership, s.partnership, "{name}");
    }
    assert!(linked >= 3, "a partnership followed over several sessions");
}
