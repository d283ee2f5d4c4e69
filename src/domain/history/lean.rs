//! A session cut down to what the screens that look across sessions read
//! (the actions, measures and readings, decisions, who was in the room, and
//! what places it in its series), so an archive of thousands of sessions
//! can be held whole without holding every word of every meeting. Search
//! keeps its own texts (see `SearchIndex`).

use super::Session;

/// `session` without what no cross-session view reads: goals, vision,
/// roles, awareness, learnings and next steps, notes, the parking lot,
/// go-rounds, votes, consent checks, the plan, sign-off and health check.
pub fn lean(mut session: Session) -> Session {
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
    s.participants.shrink_to_fit();
    s.activities.shrink_to_fit();
    s.decisions.shrink_to_fit();
    s.actions.shrink_to_fit();
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
        let lean = vec![lean(s)];
        assert!(lean[0].notes.is_empty(), "notes dropped");
        let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default();
        let texts = |h: &History| -> Vec<String> {
            h.actions_matching(&ActionFilter::default(), today)
                .iter()
                .map(|r| r.action.text.clone())
                .collect()
        };
        assert_eq!(texts(&History::new(&full)), texts(&History::new(&lean)));
        assert_eq!(History::new(&full).series(), History::new(&lean).series());
    }
}
