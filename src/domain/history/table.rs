//! Every action across the archive once, in the order the actions screen
//! lists them and with its flags, worked out once per read of the archive
//! (on the library's worker), so moving, filtering and redrawing on that
//! screen never work the history out again, whatever the archive's size.

use std::borrow::Borrow;

use chrono::NaiveDate;

use super::actions::listing_order;
use super::{ActionFilter, ActionRecord, Flag, History};
use crate::domain::Session;

/// One action in the table: where its latest copy is, and its flags there.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TableRow {
    pub session: u32,
    pub item: u32,
    pub first_session: u32,
    pub flags: Vec<Flag>,
    /// Open or in progress, and when due: what the screen opens on and
    /// counts, without looking the action up.
    pub open: bool,
    pub due: Option<NaiveDate>,
}

/// Every action of a history, soonest due first (undated last), then by
/// partnership, as [`History::actions_matching`] orders them.
// Serde: the command line remembers the table between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ActionTable {
    pub rows: Vec<TableRow>,
}

impl ActionTable {
    pub fn of(history: &History) -> ActionTable {
        let records = history.actions();
        let mut flags = history.flags_of(&records);
        let rows = listing_order(&records)
            .into_iter()
            .map(|k| {
                let r = &records[k];
                TableRow {
                    session: small(r.session),
                    item: small(r.item),
                    first_session: small(r.first_session),
                    flags: std::mem::take(&mut flags[k]),
                    open: r.action.status.is_open(),
                    due: r.action.due,
                }
            })
            .collect();
        ActionTable { rows }
    }

    /// The record of a row, from the sessions the table was made of (in the
    /// same order as its history's).
    pub fn record<'a, S: Borrow<Session>>(
        &self,
        sessions: &'a [S],
        row: &TableRow,
    ) -> Option<ActionRecord<'a>> {
        let session: &Session = sessions.get(row.session as usize)?.borrow();
        Some(ActionRecord {
            action: session.actions.get(row.item as usize)?,
            session: row.session as usize,
            item: row.item as usize,
            first_session: row.first_session as usize,
            partnership: session.partnership.trim(),
        })
    }

    /// The rows `filter` lets through (and, with `to_do`, only those still
    /// open), in the table's order, as indices into [`ActionTable::rows`].
    pub fn matching(
        &self,
        sessions: &[impl Borrow<Session>],
        filter: &ActionFilter,
        to_do: bool,
        today: NaiveDate,
    ) -> Vec<u32> {
        if *filter == ActionFilter::default() {
            // What the screen opens on, each time it opens: no look-ups.
            return (0..self.rows.len())
                .filter(|&i| !to_do || self.rows[i].open)
                .map(small)
                .collect();
        }
        let matches = filter.matcher(today);
        (0..self.rows.len())
            .filter(|&i| {
                self.record(sessions, &self.rows[i])
                    .is_some_and(|r| matches(&r) && (!to_do || r.action.status.is_open()))
            })
            .map(small)
            .collect()
    }
}

impl TableRow {
    /// Still open after its due date (as `ActionItem::is_overdue`).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.open && self.due.is_some_and(|due| due < today)
    }
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::tests::meeting;
    use crate::domain::{ActionItem, ActionStatus};

    #[test]
    fn the_table_lists_what_actions_matching_lists_with_the_same_flags() {
        let mut sessions = Vec::new();
        for (month, due) in [(9, Some(20)), (10, None), (11, Some(2))] {
            let mut s = meeting("Monthly", "Level Ground", month, 1);
            s.actions.push(ActionItem {
                id: "a-1".into(),
                text: "Book the hall".into(),
                status: ActionStatus::Open,
                ..ActionItem::default()
            });
            s.actions.push(ActionItem {
                id: format!("b-{month}").into(),
                owner: "Amira".into(),
                due: due.and_then(|d| NaiveDate::from_ymd_opt(2026, month, d)),
                status: if month == 10 {
                    ActionStatus::Done
                } else {
                    ActionStatus::Open
                },
                ..ActionItem::default()
            });
            sessions.push(s);
        }
        let history = History::new(&sessions);
        let table = ActionTable::of(&history);
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        for to_do in [false, true] {
            let filter = ActionFilter::default();
            let mut expected = history.actions_matching(&filter, today);
            if to_do {
                expected.retain(|r| r.action.status.is_open());
            }
            let rows = table.matching(history.sessions(), &filter, to_do, today);
            let got: Vec<ActionRecord> = rows
                .iter()
                .filter_map(|&i| table.record(history.sessions(), &table.rows[i as usize]))
                .collect();
            assert_eq!(got, expected, "to do only: {to_do}");
            for (&i, r) in rows.iter().zip(&expected) {
                assert_eq!(table.rows[i as usize].flags, history.flags(r.action, r.session));
            }
        }
        let owner = ActionFilter {
            owner: Some("amira".into()),
            ..ActionFilter::default()
        };
        assert_eq!(table.matching(history.sessions(), &owner, false, today).len(), 3);
    }
}
