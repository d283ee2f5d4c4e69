//! "Plan and time spent": each part's time box against the time the
//! meeting clock recorded for it, near the top of the minutes (after the
//! attendance) so a trustee sees at once where the meeting's time went.

use super::blocks::section;
use super::table::table;
use crate::domain::{Part, Plan, Session, Slot, duration_words};

/// The section, or nothing when the clock never ran: a plan alone is
/// preparation, not a record of the meeting.
pub fn plan_against_time(session: &Session) -> Vec<String> {
    let plan = &session.plan;
    if plan.slots.iter().all(|s| s.spent == 0) {
        return Vec::new();
    }
    let mut rows: Vec<Vec<String>> = plan.slots.iter().map(row).collect();
    let planned: u32 = plan.slots.iter().map(|s| s.minutes).sum();
    let extended: u32 = plan.slots.iter().map(|s| s.extended).sum();
    let spent: i64 = plan.slots.iter().map(|s| i64::from(s.spent)).sum();
    rows.push(vec![
        "In all".into(),
        planned_words(planned, extended),
        duration_words(spent),
        difference(i64::from(planned + extended) * 60, spent),
    ]);
    let note = note(plan);
    section(
        2,
        "Plan and time spent",
        table(&["Part", "Planned", "Spent", "Against the plan"], &rows)
            .into_iter()
            .chain(note),
    )
}

fn row(slot: &Slot) -> Vec<String> {
    let spent = i64::from(slot.spent);
    vec![
        match slot.part {
            Part::Step(step) => format!("Step {}: {}", step.number(), step.title()),
            other => other.label(),
        },
        planned_words(slot.minutes, slot.extended),
        if spent == 0 {
            "not reached".into()
        } else {
            duration_words(spent)
        },
        if spent == 0 {
            String::new()
        } else {
            difference(slot.allowed(), spent)
        },
    ]
}

fn planned_words(minutes: u32, extended: u32) -> String {
    let planned = duration_words(i64::from(minutes) * 60);
    match extended {
        0 => planned,
        extra => format!("{planned} (+{extra} min extended)"),
    }
}

/// "3 min over", "2 min under", "on time" (within half a minute).
fn difference(allowed: i64, spent: i64) -> String {
    let minutes = ((spent - allowed).abs() + 30) / 60;
    match (spent - allowed).signum() {
        _ if minutes == 0 => "on time".into(),
        1 => format!("{minutes} min over"),
        _ => format!("{minutes} min under"),
    }
}

/// How the times were measured, and whether the clock was still running
/// when the minutes were written (its last stretch is then not counted).
fn note(plan: &Plan) -> Option<String> {
    let mut text = "*Times from the meeting clock; pauses are not counted.".to_string();
    if plan.is_running() {
        text.push_str(
            " The clock was still running, so the part on now is counted up to its last pause or change.",
        );
    }
    text.push('*');
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_section_until_the_clock_ran() {
        let mut s = Session::for_tests("T", "P", "2026-12-03");
        assert!(plan_against_time(&s).is_empty());
        s.plan = Plan::parse("opening 10\ngoals 20\n").unwrap();
        assert!(plan_against_time(&s).is_empty(), "a plan alone is not reported");
    }

    #[test]
    fn each_part_against_its_plan_with_extensions_and_parts_not_reached() {
        let mut s = Session::for_tests("T", "P", "2026-12-03");
        s.plan = Plan::parse("opening 10\ngoals 20\nbreak 10\n").unwrap();
        s.plan.slots[0].spent = 9 * 60 + 50;
        s.plan.slots[1].extended = 5;
        s.plan.slots[1].spent = 28 * 60;
        let text = plan_against_time(&s).join("\n\n");
        assert!(text.starts_with("## Plan and time spent\n\n| Part"), "{text}");
        assert!(text.contains("| Opening "), "{text}");
        assert!(text.contains("on time"), "{text}");
        assert!(text.contains("20 min (+5 min extended)"), "{text}");
        assert!(text.contains("3 min over"), "{text}");
        assert!(text.contains("Step 1: Shared goals"), "{text}");
        assert!(text.contains("not reached"), "{text}");
        assert_eq!(s.plan.slots[2].part, Part::Break);
        assert!(text.contains("| In all"), "{text}");
        assert!(text.contains("40 min (+5 min extended)"), "{text}");
        assert!(text.contains("*Times from the meeting clock"), "{text}");
    }
}
