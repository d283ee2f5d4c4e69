//! "Progress since the last session": a short summary that points to where
//! each fact lives. Where each action left open last time stands now is
//! told under Actions, and how each measure moved beside its reading in
//! step 6, so nothing is said twice.

use crate::domain::{
    ActionItem, ActionStatus, History, MeasureHistory, OnTrack, Reading, ReadingAt, Session,
};

use super::blocks::{bullets, prose_date, section, short_date};
use super::escape;
use super::steps::step_title;
use super::table::table;

/// What the minutes know of the partnership's earlier meetings: the last
/// session, and each measure's readings up to this one.
pub struct Earlier<'a> {
    pub prev: &'a Session,
    measures: Vec<MeasureHistory<'a>>,
    /// The flags of each of this session's actions, by position.
    flags: Vec<Vec<crate::domain::Flag>>,
}

impl<'a> Earlier<'a> {
    /// The context for the session at `me`, or `None` when it is the first
    /// of its partnership in `history`.
    pub fn new(history: &History<'a>, me: usize) -> Option<Earlier<'a>> {
        let prev = history.previous(me).and_then(|i| history.session(i))?;
        let measures = history
            .series_of(me)
            .map(|series| history.measures(series))
            .unwrap_or_default();
        let flags = history
            .session(me)
            .map(|s| s.actions.iter().map(|a| history.flags(a, me)).collect())
            .unwrap_or_default();
        Some(Earlier {
            prev,
            measures,
            flags,
        })
    }

    /// The reading of the same measure before `reading` (one of this
    /// session's own), and where the measure stands now.
    pub fn before(&self, reading: &Reading) -> Option<(Option<&ReadingAt<'a>>, OnTrack)> {
        let m = self.measures.iter().find(|m| m.id == reading.measure_id.trim())?;
        let at = m.readings.iter().position(|r| std::ptr::eq(r.reading, reading))?;
        Some((at.checked_sub(1).map(|i| &m.readings[i]), m.on_track()))
    }

    /// The flags of this session's action at `item` (carried, owner absent…).
    pub fn flags(&self, item: usize) -> &[crate::domain::Flag] {
        self.flags.get(item).map_or(&[], Vec::as_slice)
    }

    /// The actions left open at the last session, in its order.
    pub fn left_open(&self) -> impl Iterator<Item = &'a ActionItem> {
        self.prev.open_actions()
    }

    /// Whether `action` was carried over from the last session.
    pub fn carried(&self, action: &ActionItem) -> bool {
        !action.id.trim().is_empty() && self.left_open().any(|a| a.id == action.id)
    }
}

/// The section for `session`, or nothing when it has no earlier session.
pub fn progress(session: &Session, earlier: Option<&Earlier>) -> Vec<String> {
    let Some(earlier) = earlier else {
        return Vec::new();
    };
    let prev = earlier.prev;
    let intro = escape::line(&format!(
        "Compared with the last session, \"{}\" on {}.",
        prev.title.trim(),
        prose_date(prev.date)
    ));
    let mut body = vec![intro];
    body.extend(bullets(&changes(session, earlier)));
    section(2, "Progress since the last session", body)
}

/// Counts, each saying where the details are.
fn changes(session: &Session, earlier: &Earlier) -> Vec<String> {
    let left_open = earlier.left_open().count();
    let completed = session
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done && earlier.carried(a))
        .count();
    let new_actions = session.actions.iter().filter(|a| !earlier.carried(a)).count();
    let readings = session.review.readings.len();
    let mut out = vec![match left_open {
        0 => "No actions were left open at the last session.".to_string(),
        n => format!(
            "Actions completed since the last session: {completed} of the {n} left open (each is listed under Actions)."
        ),
    }];
    out.push(format!("New actions agreed at this session: {new_actions}."));
    out.push(format!(
        "Decisions recorded at this session: {}.",
        session.decisions.len()
    ));
    if readings > 0 {
        out.push(format!(
            "New readings of the measures: {readings} (listed under {}, Readings, each beside the one before it).",
            step_title(crate::domain::Step::NextSteps)
        ));
    } else if session.activities.iter().any(|a| !a.measures.is_empty()) {
        out.push("New readings of the measures: 0.".to_string());
    }
    out
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
pub fn reading(r: Option<&ReadingAt>) -> String {
    r.map(|r| format!("{} on {}", r.reading.value.trim(), short_date(Some(r.date))))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use crate::domain::{ActionChange, ActionItem, Activity, History, Measure, Reading, Session};
    use crate::export::minutes_with_history;

    /// Two meetings: the first defines a measure, reads it and leaves two
    /// actions open; the second finishes one, drops the other from its
    /// list and reads the measure again.
    fn two_meetings() -> Vec<Session> {
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        let mut first = Session::new("First", "P", NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(), now);
        first.activities.push(Activity {
            title: "Drop-in".into(),
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
        for id in ["a-1", "a-2", "a-3"] {
            first.actions.push(ActionItem {
                id: id.into(),
                text: format!("Do {id}").into(),
                due: NaiveDate::from_ymd_opt(2026, 9, 20),
                ..Default::default()
            });
        }
        let mut second = first.follow_up("Second", NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(), now);
        second.change_action("a-1", &ActionChange::done(), now).unwrap();
        second.actions.remove(1);
        second.actions.push(ActionItem {
            id: "a-4".into(),
            text: "Do a-4".into(),
            ..Default::default()
        });
        second.review.readings.push(Reading {
            measure_id: "m-1".into(),
            value: "19".into(),
            ..Default::default()
        });
        vec![first, second]
    }

    #[test]
    fn each_fact_is_told_once_with_the_progress_pointing_to_it() {
        let sessions = two_meetings();
        let h = History::new(&sessions);
        let first = minutes_with_history(&sessions[0], &h);
        assert!(
            !first.contains("Progress since"),
            "a first session has no progress section"
        );
        let out = minutes_with_history(&sessions[1], &h);
        assert!(
            out.contains(
                "## Progress since the last session\n\nCompared with the last session, \"First\" on 1 September 2026.\n\n\
                 - Actions completed since the last session: 1 of the 3 left open (each is listed under Actions).\n\
                 - New actions agreed at this session: 1.\n"
            ),
            "{out}"
        );
        // Each action once: under Actions, split by where it came from.
        for id in ["a-1", "a-2", "a-3", "a-4"] {
            assert_eq!(out.matches(&format!("Do {id}")).count(), 1, "{id}:\n{out}");
        }
        assert!(out.contains("### Carried over from 1 September 2026"), "{out}");
        assert!(
            out.contains(
                "| Do a-1 | —     | 20 Sep 2026 | Open      | Done                                   |"
            ),
            "{out}"
        );
        assert!(
            out.contains(
                "| Do a-2 | —     | 20 Sep 2026 | Open      | Not carried over                       |"
            ),
            "{out}"
        );
        assert!(
            out.contains(
                "| Do a-3 | —     | 20 Sep 2026 | Open      | Open (overdue); carried once; no owner |"
            ),
            "{out}"
        );
        assert!(
            out.contains("### Agreed at this session\n\n| Action | Owner | Due | Status         |"),
            "{out}"
        );
        // The measure: defined once (step 3), read once with the one before (step 6).
        assert_eq!(out.matches("| Visits").count(), 2, "{out}");
        assert!(
            out.contains("| Value | Previous         | On track  | Note |"),
            "{out}"
        );
        assert!(
            out.contains("| 19    | 11 on 1 Sep 2026 | Improving | —    |"),
            "{out}"
        );
    }
}
