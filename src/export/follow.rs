//! Follow-through: decisions due for review, for the minutes of a meeting
//! and for the trustee pack, and the flags of carried actions beside their
//! status (each action is listed once, in its Actions table).

use chrono::NaiveDate;

use crate::domain::{DecisionReview, Flag, History, ReviewOutcome, Series, Session};

use super::blocks::{bullets, numbered, prose_date, section};
use super::escape;

/// The minutes' "Decisions due for review" for the session at `me` in
/// `history` (the partnership as it stood when the session met).
pub fn for_session(history: &History, me: usize) -> Vec<String> {
    let (Some(session), Some(series)) = (history.session(me), history.series_of(me)) else {
        return Vec::new();
    };
    due_for_review(history, series, session.date)
}

/// The pack's list of decisions due for review as of `as_of`.
pub fn for_pack(history: &History, series: &Series, as_of: NaiveDate) -> Vec<String> {
    due_for_review(history, series, as_of)
}

/// The minutes' "Decisions reviewed": the reviews recorded at `session`,
/// each saying where the decision was taken when `history` holds it.
pub fn reviewed_at(session: &Session, history: Option<&History>) -> Vec<String> {
    let items: Vec<String> = session
        .reviews
        .iter()
        .map(|r| {
            let taken = history.and_then(|h| taken_at(h, r));
            review_item(r, None, taken.as_deref())
        })
        .collect();
    section(2, "Decisions reviewed", numbered(&items))
}

/// The pack's list of decisions reviewed at the meetings of `series` up to
/// `as_of`, with where and when each was reviewed.
pub fn reviewed_for_pack(history: &History, series: &Series, as_of: NaiveDate) -> Vec<String> {
    let items: Vec<String> = history
        .reviewed(series, as_of)
        .into_iter()
        .map(|(i, r)| {
            let at = history
                .session(i)
                .map(|s| format!("on {} at \"{}\"", prose_date(s.date), s.title.trim()));
            review_item(r, at.as_deref(), taken_at(history, r).as_deref())
        })
        .collect();
    section(2, "Decisions reviewed", numbered(&items))
}

/// "Taken on 8 July 2026 at "Launch"" for the decision `r` reviewed.
fn taken_at(history: &History, r: &DecisionReview) -> Option<String> {
    let s = history.sessions().iter().find(|s| s.id == r.session)?;
    Some(format!(
        "Taken on {} at \"{}\".",
        prose_date(s.date),
        s.title.trim()
    ))
}

/// The decision's wording, then the outcome (with where it was reviewed,
/// for the pack) and the note, and where it was taken.
fn review_item(r: &DecisionReview, at: Option<&str>, taken: Option<&str>) -> String {
    let text = match escape::list_item(&r.decision) {
        t if t.is_empty() => "(No wording was recorded.)".to_string(),
        t => t,
    };
    let outcome = match r.outcome {
        ReviewOutcome::Kept => "kept as it stands",
        ReviewOutcome::Changed => "changed",
        ReviewOutcome::Ended => "ended",
    };
    let when = at.map(|a| format!(" {a}")).unwrap_or_default();
    let mut lines = vec![escape::line(&format!("Reviewed{when}: {outcome}."))];
    let note = escape::list_item(&r.note);
    if !note.is_empty() {
        lines.push(note);
    }
    lines.extend(taken.map(escape::line));
    format!("{text}\n{}", bullets(&lines).unwrap_or_default())
}

/// "Open (overdue); carried 2 times; owner absent today": an action's
/// status with its flags, for the one table that lists it.
pub fn status_with_flags(status: String, flags: &[Flag]) -> String {
    if flags.is_empty() {
        status
    } else {
        format!("{status}; {}", Flag::join(flags))
    }
}

fn due_for_review(history: &History, series: &Series, day: NaiveDate) -> Vec<String> {
    let due: Vec<String> = history
        .due_for_review(series, day)
        .iter()
        .map(|d| {
            let taken = history
                .session(d.session)
                .map(|s| format!("Taken on {} at \"{}\"", prose_date(s.date), s.title.trim()))
                .unwrap_or_default();
            let note = escape::line(&format!("{taken}; review due {}.", prose_date(d.review_date())));
            let text = match escape::list_item(&d.decision.text) {
                t if t.is_empty() => "(No wording was recorded.)".to_string(),
                t => t,
            };
            format!("{text}\n{}", bullets(&[note]).unwrap_or_default())
        })
        .collect();
    section(2, "Decisions due for review", numbered(&due))
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::{ActionItem, Attendance, Decision, Participant, Session};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn later_minutes_list_decisions_due_and_flag_carried_actions() {
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap_or_default();
        let mut july = Session::new("Launch", "Level Ground", day(7, 8), now);
        july.participants.push(Participant {
            name: "Ann".into(),
            organisation: "Aid".into(),
            ..Default::default()
        });
        july.decisions.push(Decision {
            text: "Aid hosts the secretariat".into(),
            review_date: Some(day(11, 1)),
            ..Default::default()
        });
        july.actions.push(ActionItem {
            id: "a-1".into(),
            text: "Book rooms".into(),
            owner: "Ann".into(),
            ..Default::default()
        });
        let sept = july.follow_up("September", day(9, 16), now);
        let mut nov = sept.follow_up("November", day(11, 11), now);
        nov.participants[0].attendance = Attendance::Apologies;
        let sessions = vec![july, sept, nov];
        let h = History::new(&sessions);
        assert!(
            for_session(&h, 0).is_empty(),
            "nothing is due at the first meeting"
        );
        assert!(for_session(&h, 1).is_empty(), "nor before the review date");
        assert_eq!(
            for_session(&h, 2).join("\n\n"),
            "## Decisions due for review\n\n1. Aid hosts the secretariat\n   \
             - Taken on 8 July 2026 at \"Launch\"; review due 1 November 2026."
        );
        assert!(for_pack(&h, &h.series()[0], day(10, 31)).is_empty());
        assert_eq!(for_pack(&h, &h.series()[0], day(11, 1)).len(), 2);
        let flags = h.flags(&sessions[2].actions[0], 2);
        assert_eq!(
            status_with_flags("Open".into(), &flags),
            "Open; carried 2 times; owner absent today"
        );
    }

    #[test]
    fn a_review_is_recorded_in_the_minutes_and_the_pack_and_is_then_no_longer_due() {
        use crate::domain::ReviewOutcome;
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap_or_default();
        let mut july = Session::new("Launch", "Level Ground", day(7, 8), now);
        july.decisions.push(Decision {
            text: "Aid hosts the secretariat".into(),
            review_date: Some(day(11, 1)),
            ..Default::default()
        });
        let mut nov = july.follow_up("November", day(11, 11), now);
        let dec = july.decisions[0].clone();
        let due = crate::domain::DueReview {
            decision: &dec,
            session: 0,
            item: 0,
        };
        nov.mark_reviewed(
            &july,
            &due,
            ReviewOutcome::Changed,
            "Hosting rotates yearly from April",
        );
        let sessions = vec![july, nov];
        let h = History::new(&sessions);
        assert!(for_session(&h, 1).is_empty(), "reviewed, so no longer due");
        let expected = "## Decisions reviewed\n\n1. Aid hosts the secretariat\n   \
                        - Reviewed: changed.\n   - Hosting rotates yearly from April\n   \
                        - Taken on 8 July 2026 at \"Launch\".";
        assert_eq!(reviewed_at(&sessions[1], Some(&h)).join("\n\n"), expected);
        assert!(!reviewed_at(&sessions[1], None).join("\n").contains("Taken on"));
        let pack = reviewed_for_pack(&h, &h.series()[0], day(12, 1)).join("\n\n");
        assert!(
            pack.contains("- Reviewed on 11 November 2026 at \"November\": changed."),
            "{pack}"
        );
        assert!(reviewed_for_pack(&h, &h.series()[0], day(11, 10)).is_empty());
    }

    #[test]
    fn the_minutes_that_take_a_decision_say_when_it_is_reviewed() {
        let mut s = Session::for_tests("July", "Level Ground", "2026-07-08");
        s.decisions.push(Decision {
            text: "Rotate the chair".into(),
            review_date: Some(day(11, 1)),
            ..Default::default()
        });
        assert_eq!(
            super::super::records::decisions(&s).join("\n\n"),
            "## Decisions\n\n1. Rotate the chair\n   - Agreed by consensus.\n   - To be reviewed from 1 November 2026."
        );
    }
}
