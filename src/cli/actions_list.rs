//! `roundtable actions` without a change: every action that matches, soonest
//! due first, as a table, JSON or CSV. The order and each action's flags
//! come from the action table, remembered beside the extract between runs
//! (see `storage::Tables`): working them out is most of a run's work.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::CliError;
use super::actions::one_line;
use super::output::{print, print_json};
use super::pack::Loaded;
use crate::domain::{ActionFilter, ActionRecord, ActionTable, Flag, History, TableRow};
use crate::storage::{Extracts, Stamp, Tables};

/// How the actions are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Table,
    Json,
    Csv,
}

/// Prints the actions `filter` lets through, as `shape` says.
pub(super) fn print_actions(
    loaded: &Loaded,
    history: &History,
    filter: &ActionFilter,
    shape: Shape,
    today: NaiveDate,
) -> Result<(), CliError> {
    let table = action_table(loaded, history);
    let sessions = history.sessions();
    let found: Vec<(&TableRow, ActionRecord)> = table
        .matching(sessions, filter, false, today)
        .into_iter()
        .filter_map(|i| {
            let row = table.rows.get(i as usize)?;
            Some((row, table.record(sessions, row)?))
        })
        .collect();
    match shape {
        Shape::Json => print_json(&JsonActions {
            // As `Path::display` shows them, once per file.
            paths: loaded.paths.iter().map(|p| p.to_string_lossy()).collect(),
            history,
            found: &found,
            today,
        }),
        Shape::Csv => {
            let records: Vec<ActionRecord> = found.iter().map(|(_, r)| *r).collect();
            print(&crate::export::actions_csv(history, &records, today))
        }
        Shape::Table => print(&text_table(&found, today)),
    }
}

/// The table remembered for exactly these files, else worked out now and
/// remembered for next time.
fn action_table(loaded: &Loaded, history: &History) -> ActionTable {
    let tables = (!loaded.missing)
        .then(|| Extracts::of(&loaded.dir))
        .flatten()
        .map(|e| Tables::beside(&e));
    let files: Vec<(String, Stamp)> = loaded
        .paths
        .iter()
        .zip(&loaded.stamps)
        .map(|(path, stamp)| {
            let name = path.file_name().unwrap_or_default();
            (name.to_string_lossy().into_owned(), *stamp)
        })
        .collect();
    // Stamps come with sessions read from the extract; without them
    // (never, today) the table is worked out each time.
    let files = (files.len() == loaded.sessions.len()).then_some(files);
    if let Some(table) = tables.as_ref().zip(files.as_ref()).and_then(|(t, f)| t.read(f)) {
        return table;
    }
    let table = ActionTable::of(history);
    if let Some((tables, files)) = tables.as_ref().zip(files.as_ref()) {
        tables.write(files, &table);
    }
    table
}

const HEADERS: [&str; 6] = ["ID", "DUE", "STATUS", "OWNER", "PARTNERSHIP", "ACTION"];

/// Aligned columns with the action's text last, so long text only runs on.
fn text_table(found: &[(&TableRow, ActionRecord)], today: NaiveDate) -> String {
    if found.is_empty() {
        return "No actions match.\n".to_string();
    }
    let rows: Vec<[String; 6]> = found
        .iter()
        .map(|(_, r)| {
            let a = r.action;
            let status = if r.is_overdue(today) {
                format!("{} (overdue)", a.status.label())
            } else {
                a.status.label().to_string()
            };
            let due = a.due.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
            [
                a.id.to_string(),
                due,
                status,
                a.owner.to_string(),
                r.partnership.to_string(),
                a.text.to_string(),
            ]
            .map(|c| crate::domain::clean_for_terminal(&one_line(&c)).into_owned())
        })
        .collect();
    let mut widths = HEADERS.map(str::width);
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.width()))))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(&HEADERS.map(String::from));
    for row in &rows {
        out += &line(row);
    }
    out
}

#[derive(Serialize)]
struct JsonAction<'a> {
    id: &'a str,
    text: &'a str,
    owner: &'a str,
    due: Option<NaiveDate>,
    /// `open`, `in-progress`, `done` or `dropped`, as the flags spell them.
    status: &'static str,
    overdue: bool,
    /// Who may read it in the minutes: `public`, `partners` or `trustees`.
    shown_to: &'static str,
    partnership: &'a str,
    /// The file holding the latest copy, where a change is saved.
    path: &'a str,
    session_id: &'a str,
    first_session_id: &'a str,
    /// Follow-through flags at the session holding the latest copy:
    /// "carried 2 times", "no owner", "owner absent today"…
    flags: Vec<String>,
}

/// The JSON array, made one action at a time as it is written.
struct JsonActions<'a> {
    paths: Vec<Cow<'a, str>>,
    history: &'a History<'a>,
    found: &'a [(&'a TableRow, ActionRecord<'a>)],
    today: NaiveDate,
}

impl Serialize for JsonActions<'_> {
    fn serialize<S: serde::Serializer>(&self, to: S) -> Result<S::Ok, S::Error> {
        let id = |i: usize| self.history.session(i).map(|s| s.id.as_str()).unwrap_or_default();
        to.collect_seq(self.found.iter().map(|(row, r)| JsonAction {
            id: &r.action.id,
            text: &r.action.text,
            owner: &r.action.owner,
            due: r.action.due,
            status: r.action.status.key(),
            overdue: r.is_overdue(self.today),
            shown_to: r.action.shown_to.name(),
            partnership: r.partnership,
            path: self.paths.get(r.session).map_or("", |p| p.as_ref()),
            session_id: id(r.session),
            first_session_id: id(r.first_session),
            flags: row.flags.iter().map(Flag::words).collect(),
        }))
    }
}
