//! A session cut down to what the screens that look across sessions read
//! (the actions, measures and readings, who was in the room, and what
//! places it in its series), so an archive of thousands of sessions
//! can be held whole without holding every word of every meeting. Search
//! keeps its own texts (see `SearchIndex`).

use super::Session;
use crate::domain::TextPool;

/// `session` without what no cross-session view reads: goals, vision,
/// roles, awareness, decisions, learnings and next steps, notes, the
/// parking lot, go-rounds, votes, consent checks, the plan, sign-off and
/// health check, and of people and activities all but their names and
/// measures.
/// What it keeps of the actions, people, activities and measures is held
/// once in `pool` however many sessions repeat it.
pub fn lean(mut session: Session, pool: &mut TextPool) -> Session {
    let s = &mut session;
    s.goals = Vec::new();
    s.vision = Default::default();
    s.roles = Default::default();
    s.awareness = Vec::new();
    s.review.learnings = Vec::new();
    s.review.next_steps = Vec::new();
    s.notes = Default::default();
    s.parking_lot = Vec::new();
    s.rounds = Vec::new();
    s.votes = Vec::new();
    s.consent_checks = Vec::new();
    s.plan = Default::default();
    s.minutes = Default::default();
    s.health = Default::default();
    s.location = String::new();
    s.facilitator = String::new();
    s.decisions = Vec::new();
    for person in &mut s.participants {
        person.role = String::new();
        pool.share(&mut person.name);
        pool.share(&mut person.organisation);
    }
    for activity in &mut s.activities {
        activity.description = String::new();
        activity.serves = Vec::new();
        pool.share(&mut activity.title);
        pool.share(&mut activity.lead);
        activity.measures.shrink_to_fit();
        for m in &mut activity.measures {
            for text in [
                &mut m.id,
                &mut m.indicator,
                &mut m.baseline,
                &mut m.target,
                &mut m.source,
                &mut m.owner,
            ] {
                pool.share(text);
            }
        }
    }
    s.participants.shrink_to_fit();
    s.activities.shrink_to_fit();
    s.actions.shrink_to_fit();
    for action in &mut s.actions {
        pool.share(&mut action.id);
        pool.share(&mut action.text);
        pool.share(&mut action.owner);
    }
    s.review.readings.shrink_to_fit();
    session
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::tests::meeting;
    use crate::domain::{ActionFilter, ActionItem, History};

    #[test]
    fn a_lean_session_keeps_what_the_history_reads() {
        let mut s = meeting("Spring", "Level Ground", 3, 1);
        s.actions.push(ActionItem {
            id: "a-1".into(),
            text: "Book the hall".into(),
            ..ActionItem::default()
        });
        s.notes.insert(crate::domain::Step::Goals, "long notes".into());
        let full = vec![s.clone()];
        let lean = vec![lean(s, &mut crate::domain::TextPool::default())];
        assert!(lean[0].notes.is_empty(), "notes dropped");
        let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default();
        let texts = |h: &History| -> Vec<String> {
            h.actions_matching(&ActionFilter::default(), today)
                .iter()
                .map(|r| r.action.text.to_string())
                .collect()
        };
        assert_eq!(texts(&History::new(&full)), texts(&History::new(&lean)));
        assert_eq!(History::new(&full).series(), History::new(&lean).series());
    }

    #[test]
    fn carried_actions_people_and_measures_are_held_once_however_many_sessions_repeat_them() {
        let mut pool = crate::domain::TextPool::default();
        let mut held = Vec::new();
        for month in 1..=3 {
            let mut s = meeting("Monthly", "Level Ground", month, 1);
            s.actions.push(ActionItem {
                id: "a-1".into(),
                text: String::from("Book the hall").into(),
                owner: String::from("Amira").into(),
                ..ActionItem::default()
            });
            s.decisions.push(crate::domain::Decision::default());
            s.participants.push(crate::domain::Participant {
                name: String::from("Amira").into(),
                organisation: String::from("Beacon Trust").into(),
                ..Default::default()
            });
            s.activities.push(crate::domain::Activity {
                title: String::from("Drop-in").into(),
                measures: vec![crate::domain::Measure {
                    id: String::from("m-1").into(),
                    indicator: String::from("Visits a month").into(),
                    ..Default::default()
                }],
                ..Default::default()
            });
            held.push(lean(s, &mut pool));
        }
        let first = &held[0];
        for later in &held[1..] {
            assert!(later.actions[0].text.shares(&first.actions[0].text));
            assert!(later.actions[0].owner.shares(&first.actions[0].owner));
            let (person, earlier) = (&later.participants[0], &first.participants[0]);
            assert!(person.name.shares(&earlier.name));
            assert!(person.organisation.shares(&earlier.organisation));
            let (activity, earlier) = (&later.activities[0], &first.activities[0]);
            assert!(activity.title.shares(&earlier.title));
            assert!(
                activity.measures[0]
                    .indicator
                    .shares(&earlier.measures[0].indicator)
            );
            assert!(
                later.decisions.is_empty(),
                "no cross-session view reads decisions"
            );
        }
    }
}
