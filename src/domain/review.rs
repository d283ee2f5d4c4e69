//! Follow-through on decisions: a decision may carry a review date, and
//! every meeting of the partnership on or after that date lists it as due
//! for review, so decisions resurface instead of being forgotten.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Audience, Decision, History, Series, Session};

/// A decision of an earlier session looked at again. Stored on the session
/// that reviewed it, never on the one that took it: that file may be
/// approved and locked, and each meeting's file then holds only what was
/// said at that meeting (two meetings never edit the same file).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DecisionReview {
    /// The id of the session that took the decision.
    pub session: String,
    /// Its position in that session's `decisions` (from 0).
    pub item: usize,
    /// The decision's wording when reviewed, so the record reads on its own.
    pub decision: String,
    pub outcome: ReviewOutcome,
    /// What was said, in a line: why kept, what changed, why ended.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who may read it in the minutes: the decision's own marking.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: Audience,
}

/// What a review decided about a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ReviewOutcome {
    #[default]
    Kept,
    Changed,
    Ended,
}

impl ReviewOutcome {
    pub const ALL: [ReviewOutcome; 3] = [ReviewOutcome::Kept, ReviewOutcome::Changed, ReviewOutcome::Ended];

    pub fn label(self) -> &'static str {
        match self {
            ReviewOutcome::Kept => "Kept",
            ReviewOutcome::Changed => "Changed",
            ReviewOutcome::Ended => "Ended",
        }
    }
}

impl DecisionReview {
    /// Whether this is the review of decision `item` of `session`.
    pub fn reviews(&self, session: &str, item: usize) -> bool {
        self.item == item && !session.is_empty() && self.session == session
    }
}

impl Session {
    /// Records at this session that `due` was reviewed, taken by `taken_at`
    /// (the session that holds it). A second review of the same decision at
    /// the same session replaces the first.
    pub fn mark_reviewed(&mut self, taken_at: &Session, due: &DueReview, outcome: ReviewOutcome, note: &str) {
        self.record_review(&taken_at.id, due.item, due.decision, outcome, note);
    }

    /// Records that decision `item` of the session with id `session`
    /// (worded as `decision`) was reviewed here; replaces an earlier review
    /// of it at this session.
    pub fn record_review(
        &mut self,
        session: &str,
        item: usize,
        decision: &Decision,
        outcome: ReviewOutcome,
        note: &str,
    ) {
        self.reviews.retain(|r| !r.reviews(session, item));
        self.reviews.push(DecisionReview {
            session: session.to_string(),
            item,
            decision: decision.text.trim().to_string(),
            outcome,
            note: note.trim().to_string(),
            shown_to: decision.shown_to,
        });
    }
}

impl Decision {
    /// Whether a meeting on `day` should look at this decision again.
    pub fn is_due_for_review(&self, day: NaiveDate) -> bool {
        self.review_date.is_some_and(|d| d <= day)
    }
}

/// A decision of an earlier meeting that is due for review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueReview<'a> {
    pub decision: &'a Decision,
    /// The session that took it (an index into the history).
    pub session: usize,
    /// Its position in that session's `decisions`.
    pub item: usize,
}

impl DueReview<'_> {
    pub fn review_date(&self) -> NaiveDate {
        self.decision.review_date.unwrap_or_default()
    }
}

impl<'a> History<'a> {
    /// The decisions due for review at a meeting of `series` on `day`: those
    /// taken at earlier meetings whose review date is on or before `day` and
    /// that no meeting up to `day` has reviewed, soonest review date first
    /// (then in the order they were taken).
    pub fn due_for_review(&self, series: &Series, day: NaiveDate) -> Vec<DueReview<'a>> {
        let reviewed = self.reviewed(series, day);
        let mut due: Vec<DueReview<'a>> = series
            .sessions
            .iter()
            .filter_map(|&i| self.session(i).map(|s| (i, s)))
            .filter(|(_, s)| s.date < day)
            .flat_map(|(session, s)| {
                s.decisions
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.is_due_for_review(day))
                    .filter(|(item, _)| !reviewed.iter().any(|(_, r)| r.reviews(&s.id, *item)))
                    .map(move |(item, decision)| DueReview {
                        decision,
                        session,
                        item,
                    })
            })
            .collect();
        due.sort_by_key(|d| d.review_date());
        due
    }

    /// Every review recorded by the meetings of `series` up to `day`, with
    /// the index of the meeting that recorded it, in meeting order.
    pub fn reviewed(&self, series: &Series, day: NaiveDate) -> Vec<(usize, &'a DecisionReview)> {
        series
            .sessions
            .iter()
            .filter_map(|&i| self.session(i).map(|s| (i, s)))
            .filter(|(_, s)| s.date <= day)
            .flat_map(|(i, s)| s.reviews.iter().map(move |r| (i, r)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::tests::meeting;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    fn decision(text: &str, review: Option<NaiveDate>) -> Decision {
        Decision {
            text: text.into(),
            review_date: review,
            ..Default::default()
        }
    }

    #[test]
    fn a_decision_is_due_from_its_review_date_on_and_not_before() {
        let d = decision("Rotate the chair", Some(day(11, 1)));
        assert!(!d.is_due_for_review(day(10, 31)));
        assert!(d.is_due_for_review(day(11, 1)));
        assert!(d.is_due_for_review(day(12, 16)));
        assert!(!decision("No date", None).is_due_for_review(day(12, 31)));
    }

    #[test]
    fn later_meetings_list_earlier_decisions_due_soonest_first() {
        let mut july = meeting("July", "Level Ground", 7, 8);
        july.decisions = vec![
            decision("Review the secretariat", Some(day(11, 1))),
            decision("No review", None),
            decision("Review the name", Some(day(9, 1))),
        ];
        let mut sept = meeting("Sept", "Level Ground", 9, 16);
        sept.decisions = vec![decision("Decided in September", Some(day(9, 1)))];
        let nov = meeting("Nov", "Level Ground", 11, 11);
        let sessions = vec![july, sept, nov];
        let h = History::new(&sessions);
        let series = &h.series()[0];
        let texts = |d: NaiveDate| -> Vec<String> {
            h.due_for_review(series, d)
                .iter()
                .map(|r| r.decision.text.clone())
                .collect()
        };
        assert!(
            texts(day(7, 8)).is_empty(),
            "nothing is due at the meeting that took it"
        );
        assert_eq!(
            texts(day(9, 16)),
            ["Review the name"],
            "September's own decision is not yet due at September's meeting"
        );
        assert_eq!(
            texts(day(11, 11)),
            [
                "Review the name",
                "Decided in September",
                "Review the secretariat"
            ]
        );
        let first = h.due_for_review(series, day(11, 11))[0];
        assert_eq!(
            (first.session, first.item, first.review_date()),
            (0, 2, day(9, 1))
        );
    }

    #[test]
    fn a_decision_reviewed_at_a_meeting_is_no_longer_due_from_then_on() {
        let mut july = meeting("July", "Level Ground", 7, 8);
        july.decisions = vec![
            decision("Rotate the chair", Some(day(9, 1))),
            decision("Review the name", Some(day(9, 1))),
        ];
        let mut sept = meeting("Sept", "Level Ground", 9, 16);
        let nov = meeting("Nov", "Level Ground", 11, 11);
        let due_then = {
            let sessions = vec![july.clone(), sept.clone()];
            let h = History::new(&sessions);
            let d = h.due_for_review(&h.series()[0], day(9, 16))[0];
            (d.item, d.decision.clone())
        };
        let due = DueReview {
            decision: &due_then.1,
            session: 0,
            item: due_then.0,
        };
        sept.mark_reviewed(&july, &due, ReviewOutcome::Changed, " Chair now rotates yearly ");
        sept.mark_reviewed(&july, &due, ReviewOutcome::Kept, "");
        assert_eq!(
            sept.reviews.len(),
            1,
            "a second review at one meeting replaces the first"
        );
        sept.mark_reviewed(&july, &due, ReviewOutcome::Changed, " Chair now rotates yearly ");
        assert_eq!(sept.reviews[0].note, "Chair now rotates yearly");
        assert_eq!(sept.reviews[0].session, july.id);
        let sessions = vec![july, sept, nov];
        let h = History::new(&sessions);
        let series = &h.series()[0];
        let texts = |d: NaiveDate| -> Vec<String> {
            h.due_for_review(series, d)
                .iter()
                .map(|r| r.decision.text.clone())
                .collect()
        };
        assert_eq!(texts(day(9, 15)), ["Rotate the chair", "Review the name"]);
        assert_eq!(texts(day(9, 16)), ["Review the name"], "reviewed at that meeting");
        assert_eq!(texts(day(11, 11)), ["Review the name"]);
        assert_eq!(h.reviewed(series, day(11, 11)).len(), 1);
        assert!(h.reviewed(series, day(9, 15)).is_empty());
    }
}
