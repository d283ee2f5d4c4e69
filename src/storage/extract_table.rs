//! The action listing `roundtable actions` worked out last time, beside the
//! extract: every action's place and flags (see [`ActionTable`]), which
//! take longer to work out than the rest of a run, with the latest copy of
//! each action and of each session what the listing prints. Only
//! ever a shortcut: it is trusted only while the folder holds the very
//! files it was worked out from (each session file's name and stamp, those
//! that could not be read too), for the same version of the program, and
//! only when every one of those files had settled (see [`settled`]); else
//! the sessions are read and it is worked out again and replaced in one
//! step. A run that trusts it reads no session and not the extract.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::cache::replace_with;
use super::catalog::Stamp;
use super::extract::Extracts;
use super::extract_read::{Unread, settled};
use super::paths::session_files;
use crate::domain::{ActionItem, ActionStatus, ActionTable, Audience, Flag, Session, Step, TableRow, Text};

/// Changes whenever this file's layout changes.
const LAYOUT: u32 = 2;

/// Written without field names, so no field may be left out when it holds
/// its default (as the session types do): hence the types of its own.
/// Written borrowed from the table and its sessions, read back owned.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    layout: u32,
    version: Cow<'a, str>,
    dir: Cow<'a, str>,
    /// The files the sessions were read from, in the order read.
    files: Cow<'a, [(String, Stamp)]>,
    /// The session files that could not be read.
    unread: Vec<(String, Stamp)>,
    /// Each session read.
    heads: Vec<Head<'a>>,
    /// The table's rows, in its order.
    rows: Vec<Row<'a>>,
}

/// Of a session, what listing its actions prints.
#[derive(Serialize, Deserialize)]
struct Head<'a> {
    id: Cow<'a, str>,
    title: Cow<'a, str>,
    /// Days from the common era, as a number is quicker to read than a text.
    date: i32,
    partnership: Cow<'a, str>,
}

/// A row of the table with the latest copy of its action.
#[derive(Serialize, Deserialize)]
struct Row<'a> {
    session: u32,
    first_session: u32,
    flags: Cow<'a, [Flag]>,
    action: Item,
}

/// Every field of an [`ActionItem`].
#[derive(Serialize, Deserialize)]
struct Item {
    id: Text,
    text: Text,
    owner: Text,
    due: Option<i32>,
    status: ActionStatus,
    step: Option<Step>,
    shown_to: Audience,
}

/// What a run that changed nothing lists the actions from.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// The files read, in the order read: each session's file.
    pub files: Vec<(String, Stamp)>,
    /// How many session files could not be read.
    pub unread: usize,
    /// Each file's session, cut down to its id, title, date and
    /// partnership and the latest copies of actions the table points to.
    pub sessions: Vec<Session>,
    pub table: ActionTable,
}

/// Where the action listing of one archive folder is remembered.
#[derive(Debug, Clone)]
pub struct Tables {
    file: PathBuf,
    dir: String,
}

impl Tables {
    /// The listing kept beside `extracts`.
    pub fn beside(extracts: &Extracts) -> Tables {
        Tables {
            file: extracts.file().with_extension("actions"),
            dir: extracts.dir().to_string(),
        }
    }

    /// The listing worked out from exactly the session files the folder
    /// holds now (`now`, see [`stamps_in`]), when one was remembered; the
    /// folder is only looked at when there is one.
    pub fn read(&self, now: impl FnOnce() -> Option<Vec<(String, Stamp)>>) -> Option<Listing> {
        let bytes = std::fs::read(&self.file).ok()?;
        let stored: Stored<'static> = rmp_serde::from_slice(&bytes).ok()?;
        let ours = stored.layout == LAYOUT
            && stored.version == env!("CARGO_PKG_VERSION")
            && stored.dir == self.dir
            && stored.heads.len() == stored.files.len()
            && now().is_some_and(|now| same_files(&stored.files, &stored.unread, &now));
        if !ours {
            return None;
        }
        let mut sessions: Vec<Session> = stored
            .heads
            .into_iter()
            .map(Head::session)
            .collect::<Option<_>>()?;
        let mut rows = Vec::with_capacity(stored.rows.len());
        for row in stored.rows {
            let action = row.action.item()?;
            let held = &mut sessions.get_mut(row.session as usize)?.actions;
            rows.push(TableRow {
                session: row.session,
                item: u32::try_from(held.len()).ok()?,
                first_session: row.first_session,
                flags: row.flags.into_owned(),
                // As `ActionTable::of` works them out.
                open: action.status.is_open(),
                due: action.due,
            });
            held.push(action);
        }
        Some(Listing {
            files: stored.files.into_owned(),
            unread: stored.unread.len(),
            sessions,
            table: ActionTable { rows },
        })
    }

    /// Remembers `table` of `sessions`, read from `files` (in the same
    /// order), with the files that could not be read (`unread`, without a
    /// stamp when it could not be taken), unless one of them changed too
    /// recently to trust its stamp. Best effort: a listing that cannot be
    /// written is only worked out again next time.
    pub fn write(
        &self,
        files: &[(String, Stamp)],
        unread: &[Unread],
        sessions: &[&Session],
        table: &ActionTable,
    ) {
        let unread: Option<Vec<(String, Stamp)>> = unread
            .iter()
            .map(|(name, stamp)| Some((name.clone(), (*stamp)?)))
            .collect();
        let Some(unread) = unread else { return };
        let all_settled = files.iter().chain(&unread).all(|(_, stamp)| settled(*stamp));
        if !all_settled || files.len() != sessions.len() {
            return;
        }
        let rows: Option<Vec<Row>> = table
            .rows
            .iter()
            .map(|row| {
                let record = table.record(sessions, row)?;
                Some(Row {
                    session: row.session,
                    first_session: row.first_session,
                    flags: Cow::Borrowed(&row.flags),
                    action: Item::of(record.action),
                })
            })
            .collect();
        let Some(rows) = rows else { return };
        let stored = Stored {
            layout: LAYOUT,
            version: Cow::Borrowed(env!("CARGO_PKG_VERSION")),
            dir: Cow::Borrowed(&self.dir),
            files: Cow::Borrowed(files),
            unread,
            heads: sessions.iter().map(|s| Head::of(s)).collect(),
            rows,
        };
        // Written as it is encoded, never held whole.
        let _ = replace_with(&self.file, |out| {
            rmp_serde::encode::write(out, &stored).map_err(std::io::Error::other)
        });
    }
}

impl<'a> Head<'a> {
    fn of(s: &'a Session) -> Head<'a> {
        Head {
            id: Cow::Borrowed(&s.id),
            title: Cow::Borrowed(&s.title),
            date: s.date.num_days_from_ce(),
            partnership: Cow::Borrowed(&s.partnership),
        }
    }

    fn session(self) -> Option<Session> {
        let date = NaiveDate::from_num_days_from_ce_opt(self.date)?;
        let mut s = Session::new("", "", date, chrono::DateTime::default());
        s.id = self.id.into_owned();
        s.title = self.title.into_owned();
        s.partnership = self.partnership.into_owned();
        Some(s)
    }
}

impl Item {
    fn of(a: &ActionItem) -> Item {
        Item {
            id: a.id.clone(),
            text: a.text.clone(),
            owner: a.owner.clone(),
            due: a.due.map(|d| d.num_days_from_ce()),
            status: a.status,
            step: a.step,
            shown_to: a.shown_to,
        }
    }

    fn item(self) -> Option<ActionItem> {
        let due = match self.due {
            Some(days) => Some(NaiveDate::from_num_days_from_ce_opt(days)?),
            None => None,
        };
        Some(ActionItem {
            id: self.id,
            text: self.text,
            owner: self.owner,
            due,
            status: self.status,
            step: self.step,
            shown_to: self.shown_to,
        })
    }
}

/// Whether the folder's session files (`now`) are exactly `files` and
/// `unread`, each with the same stamp.
fn same_files(files: &[(String, Stamp)], unread: &[(String, Stamp)], now: &[(String, Stamp)]) -> bool {
    if files.len() + unread.len() != now.len() {
        return false;
    }
    let then: foldhash::HashMap<&str, Stamp> = files
        .iter()
        .chain(unread)
        .map(|(name, stamp)| (name.as_str(), *stamp))
        .collect();
    then.len() == now.len()
        && now
            .iter()
            .all(|(name, stamp)| then.get(name.as_str()) == Some(stamp))
}

/// Every session file in `dir` with its stamp, as the extract's reader
/// finds them (see `extracted_later`); `None` when the folder cannot be
/// read or a file's stamp cannot be taken.
pub fn stamps_in(dir: &Path) -> Option<Vec<(String, Stamp)>> {
    session_files(dir)
        .ok()?
        .map(|found| found.stamp().map(|stamp| (found.name, stamp)))
        .collect()
}

#[cfg(test)]
#[path = "extract_table_tests.rs"]
mod tests;
