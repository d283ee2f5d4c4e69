//! What differs between two versions of a session, in plain words, so a
//! facilitator offered a recovered session can see what it would bring back.

use std::fmt::Debug;

use super::{Session, Step};

/// Each difference between `saved` and `recovered` as a short phrase
/// ("2 more goals", "title changed from … to …", "notes for step 1
/// changed"), in the order the session reads; empty when they are the same
/// apart from the `updated` time.
pub fn differences(saved: &Session, recovered: &Session) -> Vec<String> {
    let (a, b) = (saved, recovered);
    let mut out = Vec::new();
    let mut text = |name: &str, old: &str, new: &str| {
        if old != new {
            out.push(changed(name, old, new));
        }
    };
    text("title", &a.title, &b.title);
    text("partnership", &a.partnership, &b.partnership);
    text("date", &a.date.to_string(), &b.date.to_string());
    let time = |s: &Session| {
        s.start_time
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default()
    };
    text("start time", &time(a), &time(b));
    text("location", &a.location, &b.location);
    text("facilitator", &a.facilitator, &b.facilitator);
    text("status", a.status.label(), b.status.label());

    let v = (&a.vision, &b.vision);
    let r = (&a.roles, &b.roles);
    let review = (&a.review, &b.review);
    let lists = [
        list(("participant", "participants"), &a.participants, &b.participants),
        list(("goal", "goals"), &a.goals, &b.goals),
        list(("vision draft", "vision drafts"), &v.0.drafts, &v.1.drafts),
        list(("consent answer", "consent answers"), &v.0.consent, &v.1.consent),
        (v.0.final_wording != v.1.final_wording).then(|| "final vision wording changed".to_string()),
        list(("activity", "activities"), &a.activities, &b.activities),
        list(("workstream", "workstreams"), &r.0.workstreams, &r.1.workstreams),
        list(("commitment", "commitments"), &r.0.commitments, &r.1.commitments),
        (r.0.secretariat != r.1.secretariat).then(|| "secretariat changed".to_string()),
        (r.0.decision_making != r.1.decision_making).then(|| "how decisions are made changed".to_string()),
        list(("awareness item", "awareness items"), &a.awareness, &b.awareness),
        list(("reading", "readings"), &review.0.readings, &review.1.readings),
        list(
            ("learning", "learnings"),
            &review.0.learnings,
            &review.1.learnings,
        ),
        list(
            ("next step", "next steps"),
            &review.0.next_steps,
            &review.1.next_steps,
        ),
    ];
    out.extend(lists.into_iter().flatten());
    for step in Step::ALL {
        if a.note(step) != b.note(step) {
            out.push(format!("notes for step {} changed", step.number()));
        }
    }
    let records = [
        list(("decision", "decisions"), &a.decisions, &b.decisions),
        list(("action", "actions"), &a.actions, &b.actions),
        list(("parked item", "parked items"), &a.parking_lot, &b.parking_lot),
    ];
    out.extend(records.into_iter().flatten());
    out
}

/// "title changed from "A" to "B"", shortening long values so the list stays readable.
fn changed(name: &str, old: &str, new: &str) -> String {
    match (old.is_empty(), new.is_empty()) {
        (true, _) => format!("{name} set to \"{}\"", short(new)),
        (_, true) => format!("{name} cleared (was \"{}\")", short(old)),
        _ => format!("{name} changed from \"{}\" to \"{}\"", short(old), short(new)),
    }
}

fn short(text: &str) -> String {
    const MAX: usize = 40;
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() > MAX || line.len() < text.len() {
        let cut: String = line.chars().take(MAX).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_string()
    }
}

/// "2 more goals", "1 fewer goal", or "goals edited" when the count is the
/// same but something in them is not.
fn list<T: PartialEq + Debug>((one, many): (&str, &str), old: &[T], new: &[T]) -> Option<String> {
    let noun = |n: usize| if n == 1 { one } else { many };
    match new.len().cmp(&old.len()) {
        std::cmp::Ordering::Greater => {
            let n = new.len() - old.len();
            Some(format!("{n} more {}", noun(n)))
        }
        std::cmp::Ordering::Less => {
            let n = old.len() - new.len();
            Some(format!("{n} fewer {}", noun(n)))
        }
        std::cmp::Ordering::Equal => (old != new).then(|| format!("{many} edited")),
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::{ActionItem, Goal};

    fn sample() -> Session {
        Session::for_tests("June review", "P", "2026-06-01")
    }

    #[test]
    fn the_same_session_has_no_differences_even_if_touched() {
        let mut b = sample();
        b.touch(DateTime::from_timestamp(1_900_000_000, 0).unwrap());
        assert!(differences(&sample(), &b).is_empty());
    }

    #[test]
    fn differences_in_plain_words() {
        let a = sample();
        let mut b = a.clone();
        b.title = "July review".into();
        b.location = "Hall B".into();
        b.goals = vec![Goal::default(), Goal::default()];
        b.set_note(Step::Goals, "said a lot".into());
        b.actions.push(ActionItem::default());
        assert_eq!(
            differences(&a, &b),
            [
                "title changed from \"June review\" to \"July review\"",
                "location set to \"Hall B\"",
                "2 more goals",
                "notes for step 1 changed",
                "1 more action",
            ]
        );
        assert_eq!(differences(&b, &a)[2], "2 fewer goals");
        assert_eq!(differences(&b, &a)[1], "location cleared (was \"Hall B\")");
    }

    #[test]
    fn edits_inside_a_list_and_long_values() {
        let mut a = sample();
        a.goals.push(Goal::default());
        let mut b = a.clone();
        b.goals[0].agreed = true;
        b.title = format!("{}\nsecond line", "x".repeat(50));
        let d = differences(&a, &b);
        assert_eq!(d[1], "goals edited");
        assert!(d[0].ends_with(&format!("to \"{}…\"", "x".repeat(40))), "{}", d[0]);
    }
}
