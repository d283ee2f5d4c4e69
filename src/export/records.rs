//! What runs through the whole meeting: decisions, actions, parking lot.

use chrono::NaiveDate;

use crate::domain::{ActionItem, Decision, DecisionMethod, Session, Step};

use super::blocks::{bullets, join_present, numbered, prose_date, section, short_date, with_note};
use super::escape;
use super::progress::Earlier;

use super::table::table;

/// Decisions, numbered, each with how it was taken and any dissent.
pub fn decisions(session: &Session) -> Vec<String> {
    let items: Vec<String> = session
        .decisions
        .iter()
        .filter(|d| !d.text.trim().is_empty() || !d.dissent.trim().is_empty())
        .map(|d| decision_with(d, &super::decide::decision_results(session, d)))
        .collect();
    section(2, "Decisions", numbered(&items))
}

/// The wording as the item's text, then how it was taken and any dissent as
/// a short list under it: readable raw, and no hard line breaks.
pub(super) fn decision(d: &Decision) -> String {
    decision_with(d, &[])
}

/// A decision with the results of the consent checks put to it (escaped
/// lines), which then say whether it was agreed instead of its method.
fn decision_with(d: &Decision, results: &[String]) -> String {
    let text = escape::list_item(&d.text);
    let text = if text.is_empty() {
        "(No wording was recorded.)".to_string()
    } else {
        text
    };
    let verb = match d.method {
        DecisionMethod::Vote => "Decided by vote",
        DecisionMethod::Consensus => "Agreed by consensus",
        DecisionMethod::Consent => "Agreed by consent",
    };
    let during = d
        .step
        .map(|s| format!(" during {}", step_ref(s)))
        .unwrap_or_default();
    let mut how = vec![escape::line(&format!("{verb}{during}."))];
    if !results.is_empty() {
        how = results.to_vec();
    }
    let dissent = escape::list_item(&d.dissent);
    if !dissent.is_empty() {
        how.push(format!("Dissent: {dissent}"));
    }
    if let Some(on) = d.review_date {
        how.push(format!("To be reviewed from {}.", prose_date(on)));
    }
    let how = bullets(&how).unwrap_or_default();
    format!("{text}\n{how}")
}

/// "step 2 (Single vision)", to say where in the meeting something happened.
fn step_ref(step: Step) -> String {
    format!("step {} ({})", step.number(), step.title())
}

/// "Open", or "Open (overdue)" when it was still open after its due date on
/// `day`: the meeting's date in minutes, the report's date in a report.
pub(super) fn status_on(action: &ActionItem, day: NaiveDate) -> String {
    let label = action.status.label();
    if action.is_overdue(day) {
        format!("{label} (overdue)")
    } else {
        label.to_string()
    }
}

/// Every action with its owner, due date and status on the day of the
/// meeting. With an earlier session at hand, those carried over from it
/// (and any it left open that were not) come first, with their status then
/// and now, so the progress summary need not list them again.
pub fn actions(session: &Session, earlier: Option<&Earlier>) -> Vec<String> {
    let day = session.date;
    let row = |a: &ActionItem| {
        vec![
            a.text.to_string(),
            a.owner.to_string(),
            short_date(a.due),
            status_on(a, day),
        ]
    };
    let headers = ["Action", "Owner", "Due", "Status"];
    let Some(earlier) = earlier.filter(|e| e.left_open().next().is_some()) else {
        let rows: Vec<Vec<String>> = session.actions.iter().map(row).collect();
        return section(2, "Actions", table(&headers, &rows));
    };
    let carried: Vec<Vec<String>> = earlier
        .left_open()
        .map(|a| {
            let now = session
                .actions
                .iter()
                .enumerate()
                .find(|(_, x)| earlier.carried(x) && x.id == a.id)
                .map(|(i, x)| flagged(status_on(x, day), earlier, i))
                .unwrap_or_else(|| "Not carried over".to_string());
            vec![
                a.text.to_string(),
                a.owner.to_string(),
                short_date(a.due),
                a.status.label().to_string(),
                now,
            ]
        })
        .collect();
    let new: Vec<Vec<String>> = session
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| !earlier.carried(a))
        .map(|(i, a)| {
            let mut cells = row(a);
            cells[3] = flagged(std::mem::take(&mut cells[3]), earlier, i);
            cells
        })
        .collect();
    let carried_title = format!("Carried over from {}", prose_date(earlier.prev.date));
    let mut body = section(
        3,
        &carried_title,
        table(&["Action", "Owner", "Due", "Last time", "Now"], &carried),
    );
    body.extend(section(3, "Agreed at this session", table(&headers, &new)));
    section(2, "Actions", body)
}

/// The status with the action's flags (issue 11's follow-through).
fn flagged(status: String, earlier: &Earlier, item: usize) -> String {
    super::follow::status_with_flags(status, earlier.flags(item))
}

/// Points raised that belonged elsewhere, so they are not lost.
pub fn parking_lot(session: &Session) -> Vec<String> {
    let items: Vec<String> = session
        .parking_lot
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| {
            let by = if p.raised_by.trim().is_empty() {
                String::new()
            } else {
                format!("raised by {}", p.raised_by)
            };
            let during = p
                .step
                .map(|s| format!("step {}: {}", s.number(), s.title()))
                .unwrap_or_default();
            with_note(escape::list_item(&p.text), &join_present(&[&by, &during], ", "))
        })
        .collect();
    section(2, "Parking lot", bullets(&items))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::domain::{ActionItem, ParkedItem};

    fn session() -> Session {
        Session::for_tests("T", "P", "2026-12-03")
    }

    #[test]
    fn decisions_say_how_and_record_dissent() {
        let mut s = session();
        s.decisions.push(Decision {
            text: "Adopt the vision".into(),
            step: Some(Step::Vision),
            method: DecisionMethod::Vote,
            dissent: "Aid: too vague\nwants a review".into(),
            ..Default::default()
        });
        s.decisions.push(Decision::default());
        let out = decisions(&s).join("\n\n");
        assert_eq!(
            out,
            "## Decisions\n\n1. Adopt the vision\n   - Decided by vote during step 2 (Single vision).\n   \
             - Dissent: Aid: too vague  \n     wants a review"
        );
    }

    #[test]
    fn empty_records_leave_no_headings() {
        let s = session();
        assert!(decisions(&s).is_empty() && actions(&s, None).is_empty() && parking_lot(&s).is_empty());
    }

    #[test]
    fn actions_and_parked_points() {
        let mut s = session();
        s.actions.push(ActionItem {
            text: "Book hall".into(),
            owner: "Ann".into(),
            ..Default::default()
        });
        s.actions.push(ActionItem {
            text: "Print".into(),
            due: Some(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()),
            status: crate::domain::ActionStatus::InProgress,
            ..Default::default()
        });
        s.actions.push(ActionItem {
            text: "Due on the day".into(),
            due: Some(s.date),
            ..Default::default()
        });
        s.parking_lot.push(ParkedItem {
            text: "Funding".into(),
            raised_by: "Bo".into(),
            step: Some(Step::Goals),
            ..Default::default()
        });
        let out = [actions(&s, None), parking_lot(&s)].concat().join("\n\n");
        assert!(
            out.contains("| Book hall      | Ann   | —          | Open                  |"),
            "{out}"
        );
        assert!(
            out.contains("| Print          | —     | 2 Dec 2026 | In progress (overdue) |"),
            "{out}"
        );
        assert!(
            out.contains("| Due on the day | —     | 3 Dec 2026 | Open                  |"),
            "{out}"
        );
        assert!(out.contains("- Funding (raised by Bo, step 1: Shared goals)"));
    }
}
