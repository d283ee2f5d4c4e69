//! "Progress since the last session": how the measures moved, where the
//! actions left open last time stand now, and what changed in between.

use crate::domain::{ActionStatus, History, MeasureHistory, ReadingAt, Session};

use super::blocks::{bullets, prose_date, section, short_date};
use super::escape;
use super::table::table;

/// The section for the session at `me`, or nothing when it has no previous
/// session in `history`.
pub fn progress(history: &History, me: usize) -> Vec<String> {
    let (Some(session), Some(prev)) = (
        history.session(me),
        history.previous(me).and_then(|i| history.session(i)),
    ) else {
        return Vec::new();
    };
    let mut body = vec![escape::line(&format!(
        "Compared with the last session, \"{}\" on {}.",
        prev.title.trim(),
        prose_date(prev.date)
    ))];
    let measures: Vec<MeasureHistory> = history
        .series_of(me)
        .map(|series| history.measures(series))
        .unwrap_or_default()
        .into_iter()
        .filter(|m| in_session(session, m.id))
        .collect();
    body.extend(section(3, "Measures", measures_table(&measures)));
    body.extend(section(3, "Actions carried over", carried(session, prev)));
    body.extend(section(3, "Since last time", bullets(&changes(session, prev))));
    section(2, "Progress since the last session", body)
}

fn in_session(session: &Session, id: &str) -> bool {
    let defined = session
        .activities
        .iter()
        .flat_map(|a| &a.measures)
        .any(|m| m.id.trim() == id);
    defined || session.review.readings.iter().any(|r| r.measure_id.trim() == id)
}

/// Measure | Baseline | Previous | Latest | Target | On track, as raw cells.
pub fn measures_table(measures: &[MeasureHistory]) -> Option<String> {
    let rows: Vec<Vec<String>> = measures
        .iter()
        .map(|m| {
            vec![
                indicator(m),
                m.baseline().to_string(),
                reading(m.previous()),
                reading(m.latest()),
                m.target().to_string(),
                m.on_track().label().to_string(),
            ]
        })
        .collect();
    table(
        &["Measure", "Baseline", "Previous", "Latest", "Target", "On track"],
        &rows,
    )
}

/// The measure's name, or its id when no session defines it.
pub fn indicator(m: &MeasureHistory) -> String {
    match m.indicator().trim() {
        "" => format!("Earlier measure (ref. {})", m.id),
        name => name.to_string(),
    }
}

/// "38% on 31 Aug 2026".
fn reading(r: Option<&ReadingAt>) -> String {
    r.map(|r| format!("{} on {}", r.reading.value.trim(), short_date(Some(r.date))))
        .unwrap_or_default()
}

/// The actions still open at the last session and their status now.
fn carried(session: &Session, prev: &Session) -> Option<String> {
    let rows: Vec<Vec<String>> = prev
        .open_actions()
        .map(|a| {
            let now = session
                .actions
                .iter()
                .find(|x| !a.id.trim().is_empty() && x.id == a.id)
                .map(|x| x.status.label())
                .unwrap_or("Not carried over");
            vec![
                a.text.clone(),
                a.owner.clone(),
                short_date(a.due),
                a.status.label().to_string(),
                now.to_string(),
            ]
        })
        .collect();
    table(&["Action", "Owner", "Due", "Last time", "Now"], &rows)
}

fn changes(session: &Session, prev: &Session) -> Vec<String> {
    let was_open: Vec<&str> = prev
        .open_actions()
        .map(|a| a.id.as_str())
        .filter(|id| !id.is_empty())
        .collect();
    let completed = session
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done && was_open.contains(&a.id.as_str()))
        .count();
    let new_actions = session
        .actions
        .iter()
        .filter(|a| a.id.is_empty() || !prev.actions.iter().any(|p| p.id == a.id))
        .count();
    vec![
        format!(
            "Actions completed since the last session: {completed} of the {} left open.",
            was_open.len()
        ),
        format!("New actions agreed at this session: {new_actions}."),
        format!("Decisions recorded at this session: {}.", session.decisions.len()),
        format!("New readings of the measures: {}.", session.review.readings.len()),
    ]
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::{ActionChange, ActionItem, Activity, Measure, Reading};

    #[test]
    fn progress_compares_with_the_previous_session() {
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        let mut first = Session::new("First", "P", NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(), now);
        first.activities.push(Activity {
            measures: vec![Measure {
                id: "m-1".into(),
                indicator: "Visits".into(),
                baseline: "0".into(),
                target: "40".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        first.review.readings.push(Reading {
            measure_id: "m-1".into(),
            value: "11".into(),
            ..Default::default()
        });
        for id in ["a-1", "a-2"] {
            first.actions.push(ActionItem {
                id: id.into(),
                text: format!("Do {id}"),
                ..Default::default()
            });
        }
        let mut second = first.follow_up("Second", NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(), now);
        second.change_action("a-1", &ActionChange::done(), now).unwrap();
        second.actions.remove(1);
        second.review.readings.push(Reading {
            measure_id: "m-1".into(),
            value: "19".into(),
            ..Default::default()
        });
        let sessions = vec![first, second];
        let h = History::new(&sessions);
        assert!(
            progress(&h, 0).is_empty(),
            "a first session has no progress section"
        );
        let out = progress(&h, 1).join("\n\n");
        assert!(out.starts_with("## Progress since the last session\n\nCompared with the last session, \"First\" on 1 September 2026."), "{out}");
        assert!(
            out.contains("| Visits  | 0        | 11 on 1 Sep 2026 | 19 on 1 Oct 2026 | 40     | Improving |"),
            "{out}"
        );
        assert!(
            out.contains("| Do a-2 | —     | —   | Open      | Not carried over |"),
            "{out}"
        );
        assert!(
            out.contains("- Actions completed since the last session: 1 of the 2 left open."),
            "{out}"
        );
    }
}
