//! `roundtable actions` without a change: every action that matches, soonest
//! due first, as a table, JSON or CSV. The order and each action's flags
//! come from the action table; it is remembered beside the extract between
//! runs with just what listing prints of each session (see
//! `storage::Tables`), so a run when nothing changed reads no session.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::CliError;
use super::actions::one_line;
use super::output::{print, print_json};
use super::pack::{Loaded, warn_about_unread};
use crate::domain::{ActionFilter, ActionRecord, ActionTable, Flag, History, TableRow};
use crate::storage::{Extracts, Stamp, Tables, stamps_in};

/// How the actions are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Table,
    Json,
    Csv,
}

/// Prints the actions `filter` lets through, as `shape` says, working
/// out the action table and remembering it for next time.
pub(super) fn print_actions(
    loaded: &Loaded,
    history: &History,
    filter: &ActionFilter,
    shape: Shape,
    today: NaiveDate,
) -> Result<(), CliError> {
    let table = ActionTable::of(history);
    // Printed here while the other core, once done writing the extract,
    // remembers the table.
    rayon::join(
        || print_found(&loaded.paths, history, &table, filter, shape, today),
        || remember(loaded, history, &table),
    )
    .0
}

/// Prints the actions from the listing the last run remembered (see
/// `storage::Tables`), when the archive folder holds the very files it was
/// worked out from; false, having printed nothing, when there is none to
/// trust. Reads no session and not the extract.
pub(super) fn print_remembered(
    dir: Option<&Path>,
    filter: &ActionFilter,
    shape: Shape,
    today: NaiveDate,
) -> Result<bool, CliError> {
    let Ok(archive) = super::folder::existing(dir)? else {
        return Ok(false);
    };
    let dir = archive.dir();
    let listing = Extracts::of(dir).and_then(|e| Tables::beside(&e).read(|| stamps_in(dir)));
    let Some(listing) = listing else {
        return Ok(false);
    };
    let paths: Vec<PathBuf> = listing.files.iter().map(|(name, _)| dir.join(name)).collect();
    let history = History::new(&listing.sessions);
    print_found(&paths, &history, &listing.table, filter, shape, today)?;
    warn_about_unread(listing.unread);
    Ok(true)
}

/// Prints the rows of `table` (of `history`, each session read from the
/// file at the same place in `paths`) that `filter` lets through.
fn print_found(
    paths: &[PathBuf],
    history: &History,
    table: &ActionTable,
    filter: &ActionFilter,
    shape: Shape,
    today: NaiveDate,
) -> Result<(), CliError> {
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
            paths: paths.iter().map(|p| p.to_string_lossy()).collect(),
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

/// Remembers `table`, worked out from what `loaded` read, for the next run
/// to list from when nothing changed.
fn remember(loaded: &Loaded, history: &History, table: &ActionTable) {
    let Some(tables) = (!loaded.missing)
        .then(|| Extracts::of(&loaded.dir))
        .flatten()
        .map(|e| Tables::beside(&e))
    else {
        return;
    };
    let files: Vec<(String, Stamp)> = loaded
        .paths
        .iter()
        .zip(&loaded.stamps)
        .map(|(path, stamp)| {
            let name = path.file_name().unwrap_or_default();
            (name.to_string_lossy().into_owned(), *stamp)
        })
        .collect();
    tables.write(&files, &loaded.unread, history.sessions(), table);
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
