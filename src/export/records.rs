//! What runs through the whole meeting: decisions, actions, parking lot.

use crate::domain::{Decision, DecisionMethod, Session, Step};

use super::blocks::{bullets, join_present, numbered, section, short_date, with_note};
use super::escape;

use super::table::table;

/// Decisions, numbered, each with how it was taken and any dissent.
pub fn decisions(session: &Session) -> Vec<String> {
    let items: Vec<String> = session
        .decisions
        .iter()
        .filter(|d| !d.text.trim().is_empty() || !d.dissent.trim().is_empty())
        .map(decision)
        .collect();
    section(2, "Decisions", numbered(&items))
}

pub(super) fn decision(d: &Decision) -> String {
    let text = escape::hard_broken(&d.text);
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
    let mut lines = vec![text, escape::line(&format!("{verb}{during}."))];
    let dissent = escape::hard_broken(&d.dissent);
    if !dissent.is_empty() {
        lines.push(format!("Dissent: {dissent}"));
    }
    lines.join("\\\n")
}

/// "step 2 (Single vision)", to say where in the meeting something happened.
fn step_ref(step: Step) -> String {
    format!("step {} ({})", step.number(), step.title())
}

/// Every action with its owner, due date and status, in the order recorded.
pub fn actions(session: &Session) -> Vec<String> {
    let rows: Vec<Vec<String>> = session
        .actions
        .iter()
        .map(|a| {
            vec![
                a.text.clone(),
                a.owner.clone(),
                short_date(a.due),
                a.status.label().to_string(),
            ]
        })
        .collect();
    let table = table(&["Action", "Owner", "Due", "Status"], &rows);
    section(2, "Actions", table)
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
            with_note(escape::hard_broken(&p.text), &join_present(&[&by, &during], ", "))
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
        });
        s.decisions.push(Decision::default());
        let out = decisions(&s).join("\n\n");
        assert_eq!(
            out,
            "## Decisions\n\n1. Adopt the vision\\\n   Decided by vote during step 2 (Single vision).\\\n   \
             Dissent: Aid: too vague\\\n   wants a review"
        );
    }

    #[test]
    fn empty_records_leave_no_headings() {
        let s = session();
        assert!(decisions(&s).is_empty() && actions(&s).is_empty() && parking_lot(&s).is_empty());
    }

    #[test]
    fn actions_and_parked_points() {
        let mut s = session();
        s.actions.push(ActionItem {
            text: "Book hall".into(),
            owner: "Ann".into(),
            ..Default::default()
        });
        s.parking_lot.push(ParkedItem {
            text: "Funding".into(),
            raised_by: "Bo".into(),
            step: Some(Step::Goals),
        });
        let out = [actions(&s), parking_lot(&s)].concat().join("\n\n");
        assert!(out.contains("| Book hall | Ann   | —   | Open   |"), "{out}");
        assert!(out.contains("- Funding (raised by Bo, step 1: Shared goals)"));
    }
}
