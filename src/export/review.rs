//! Step 6: what the measures read, what was learned, and what happens next.

use crate::domain::{Reading, Session};

use super::blocks::{bullets, join_present, prose_date, section, short_date, with_note};
use super::escape;
use super::progress::{self, Earlier};
use super::table::table;

/// Readings, what was learned and next steps. With earlier sessions at
/// hand, each reading sits beside the one before it and where the measure
/// stands: the one place the minutes show how a measure moved.
pub fn review(session: &Session, earlier: Option<&Earlier>) -> Vec<String> {
    let r = &session.review;
    let readings: Vec<Vec<String>> = r
        .readings
        .iter()
        .map(|reading| {
            let mut row = vec![
                measure_name(session, reading),
                short_date(reading.date),
                reading.value.clone(),
            ];
            if let Some(earlier) = earlier {
                let (before, on_track) = earlier.before(reading).unzip();
                row.push(progress::reading(before.flatten()));
                row.push(on_track.map(|t| t.label().to_string()).unwrap_or_default());
            }
            row.push(reading.note.clone());
            row
        })
        .collect();
    let headers: &[&str] = match earlier {
        Some(_) => &["Measure", "Date", "Value", "Previous", "On track", "Note"],
        None => &["Measure", "Date", "Value", "Note"],
    };
    let mut out = section(3, "Readings", table(headers, &readings));

    let learnings: Vec<String> = r
        .learnings
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .map(|l| format!("**{}:** {}", l.kind.label(), escape::list_item(&l.text)))
        .collect();
    out.extend(section(3, "What we learned", bullets(&learnings)));

    let next: Vec<String> = r
        .next_steps
        .iter()
        .filter(|n| !n.text.trim().is_empty())
        .map(|n| {
            let by = n.by.map(|d| format!("by {}", prose_date(d))).unwrap_or_default();
            with_note(escape::list_item(&n.text), &join_present(&[&n.owner, &by], ", "))
        })
        .collect();
    out.extend(section(3, "Next steps", bullets(&next)));
    out
}

/// The indicator a reading belongs to. A reading of a measure that is not in
/// this session (set up in an earlier one) shows its id, so it can be traced.
fn measure_name(session: &Session, reading: &Reading) -> String {
    let id = reading.measure_id.trim();
    let found = session
        .activities
        .iter()
        .flat_map(|a| &a.measures)
        .find(|m| !id.is_empty() && m.id.trim() == id);
    match found {
        Some(m) if !m.indicator.trim().is_empty() => m.indicator.to_string(),
        _ if id.is_empty() => "Unnamed measure".to_string(),
        _ => format!("Earlier measure (ref. {id})"),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::{Activity, Learning, LearningKind, Measure, NextStep};

    #[test]
    fn readings_name_their_measure_and_next_steps_say_who_and_when() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let mut s = Session::new("T", "P", date, now);
        s.activities.push(Activity {
            measures: vec![Measure {
                id: "m-1".into(),
                indicator: "Visits".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        s.review.readings = vec![
            Reading {
                measure_id: "m-1".into(),
                value: "40".into(),
                ..Default::default()
            },
            Reading {
                measure_id: "m-old".into(),
                value: "3".into(),
                ..Default::default()
            },
        ];
        s.review.learnings.push(Learning {
            kind: LearningKind::Story,
            text: "A mum came back".into(),
            ..Default::default()
        });
        s.review.next_steps.push(NextStep {
            text: "Ask GPs".into(),
            owner: "Ann".into(),
            by: Some(date),
            ..Default::default()
        });
        let out = review(&s, None).join("\n\n");
        assert!(out.contains("| Visits "), "{out}");
        assert!(out.contains("| Earlier measure (ref. m-old) |"), "{out}");
        assert!(out.contains("- **Story:** A mum came back"));
        assert!(out.contains("- Ask GPs (Ann, by 3 December 2026)"));
    }
}
