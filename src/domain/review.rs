//! Follow-through on decisions: a decision may carry a review date, and
//! every meeting of the partnership on or after that date lists it as due
//! for review, so decisions resurface instead of being forgotten.

use chrono::NaiveDate;

use super::{Decision, History, Series};

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
    /// taken at earlier meetings whose review date is on or before `day`,
    /// soonest review date first (then in the order they were taken).
    pub fn due_for_review(&self, series: &Series, day: NaiveDate) -> Vec<DueReview<'a>> {
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
}
