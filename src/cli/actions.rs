//! `roundtable actions`: every action across the archive in its latest
//! state, filtered and soonest due first; `actions done ID` and `actions set
//! ID` change one and save it into the session holding its latest copy.

use std::path::Path;
use std::process::ExitCode;

use chrono::{Local, NaiveDate, SubsecRound, Utc};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::CliError;
use super::output::print;
use super::pack::Loaded;
use crate::app::write_back::{Changed, WriteBackError, change_action};
use crate::domain::{ActionChange, ActionFilter, ActionRecord, ActionStatus, History, parse_date};
use crate::storage::Depth;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    change: Option<Change>,
    /// Only this partnership (part of its name is enough)
    #[arg(long, value_name = "NAME")]
    partnership: Option<String>,
    /// Only actions whose owner's name contains this
    #[arg(long, value_name = "NAME")]
    owner: Option<String>,
    /// Only actions with this status: open, in-progress, done or dropped
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    status: Option<ActionStatus>,
    /// Only actions still open after their due date
    #[arg(long)]
    overdue: bool,
    /// Print a JSON array instead of a table
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print CSV for a spreadsheet instead of a table
    #[arg(long)]
    csv: bool,
    /// Judge "overdue" as of this date instead of today (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date, hide = true)]
    today: Option<NaiveDate>,
}

#[derive(Debug, clap::Subcommand)]
enum Change {
    /// Mark an action done
    Done {
        /// The action's ID, as `roundtable actions` shows it
        id: String,
    },
    /// Change an action's status, owner or due date
    Set {
        /// The action's ID, as `roundtable actions` shows it
        id: String,
        /// The new status: open, in-progress, done or dropped
        #[arg(long, value_name = "STATUS", value_parser = parse_status)]
        status: Option<ActionStatus>,
        /// The new owner
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// The new due date (YYYY-MM-DD), or "none" to clear it
        #[arg(long, value_name = "DATE", value_parser = parse_due)]
        due: Option<Due>,
    },
}

fn parse_status(text: &str) -> Result<ActionStatus, String> {
    ActionStatus::from_key(text)
        .ok_or_else(|| format!("\"{text}\" is not a status: use open, in-progress, done or dropped"))
}

/// A new due date, or none; a type of its own because clap reads
/// `Option<Option<_>>` as a flag whose value may be left out.
#[derive(Debug, Clone, Copy)]
struct Due(Option<NaiveDate>);

fn parse_due(text: &str) -> Result<Due, String> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(Due(None));
    }
    parse_date(text).map(|d| Due(Some(d)))
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    // Lean sessions: a change reads its file whole again, under its lock.
    let loaded = Loaded::extracted(dir, Depth::Lean)?;
    let today = args.today.unwrap_or_else(|| Local::now().date_naive());
    let history = History::new(&loaded.sessions);
    let result = match args.change {
        Some(Change::Done { id }) => change(&loaded, &history, &id, &ActionChange::done()),
        Some(Change::Set {
            id,
            status,
            owner,
            due,
        }) => {
            let wanted = ActionChange {
                status,
                owner,
                due: due.map(|d| d.0),
            };
            if wanted.is_empty() {
                return Err(CliError::new("nothing to change")
                    .with_hint("say what to change with --status, --owner or --due"));
            }
            change(&loaded, &history, &id, &wanted)
        }
        None => {
            let filter = ActionFilter {
                partnership: args.partnership,
                owner: args.owner,
                status: args.status,
                overdue: args.overdue,
            };
            let found = history.actions_matching(&filter, today);
            let text = if args.json {
                json(&loaded, &history, &found, today)?
            } else if args.csv {
                crate::export::actions_csv(&history, &found, today)
            } else {
                table(&found, today)
            };
            print(&text)
        }
    };
    loaded.warn_about_broken();
    result.map(|()| ExitCode::SUCCESS)
}

/// Loads the file holding the action's latest copy afresh, changes it and
/// saves it, refusing if the file changed since it was read.
fn change(loaded: &Loaded, history: &History, id: &str, wanted: &ActionChange) -> Result<(), CliError> {
    if loaded.missing {
        let what = format!("there is no action with the ID \"{}\"", id.trim());
        return Err(super::folder::missing(&what, &loaded.dir));
    }
    let record = history.find_action(id).map_err(|partnerships| {
        if partnerships.is_empty() {
            CliError::new(format!("there is no action with the ID \"{}\"", id.trim()))
                .with_hint("run `roundtable actions` to see every action and its ID")
        } else {
            CliError::new(format!(
                "the ID \"{}\" is used by actions in more than one partnership: {}",
                id.trim(),
                partnerships.join(", ")
            ))
            .with_hint("change it in one of the session files so each action has its own ID")
        }
    })?;
    let path = &loaded.paths[record.session];
    let now = Utc::now().trunc_subsecs(0);
    let Changed { before, after } = change_action(path, id, wanted, now).map_err(|e| match e {
        WriteBackError::Storage(e) => CliError::from(e),
        WriteBackError::NoSuchAction(text) => CliError::new(text),
        locked @ WriteBackError::Locked(_) => CliError::new(locked.to_string()),
    })?;
    if after == before {
        print(&format!(
            "Nothing changed: {} was already like that.\n",
            describe(&after)
        ))?;
        return Ok(());
    }
    print(&format!(
        "Changed {}: now {}{}{}.\nSaved in {}\n",
        describe(&after),
        after.status.label(),
        if after.owner.is_empty() {
            String::new()
        } else {
            format!(", owner {}", after.owner)
        },
        after.due.map(|d| format!(", due {d}")).unwrap_or_default(),
        path.display()
    ))?;
    Ok(())
}

fn describe(a: &crate::domain::ActionItem) -> String {
    format!("{} \"{}\"", one_line(&a.id), one_line(&a.text))
}

/// Text on one line, so a table row stays one row (`print` cleans the rest).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const HEADERS: [&str; 6] = ["ID", "DUE", "STATUS", "OWNER", "PARTNERSHIP", "ACTION"];

/// Aligned columns with the action's text last, so long text only runs on.
fn table(found: &[ActionRecord], today: NaiveDate) -> String {
    if found.is_empty() {
        return "No actions match.\n".to_string();
    }
    let rows: Vec<[String; 6]> = found
        .iter()
        .map(|r| {
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
    path: String,
    session_id: &'a str,
    first_session_id: &'a str,
    /// Follow-through flags at the session holding the latest copy:
    /// "carried 2 times", "no owner", "owner absent today"…
    flags: Vec<String>,
}

fn json(
    loaded: &Loaded,
    history: &History,
    found: &[ActionRecord],
    today: NaiveDate,
) -> Result<String, CliError> {
    let id = |i: usize| history.session(i).map(|s| s.id.as_str()).unwrap_or_default();
    let all: Vec<JsonAction> = found
        .iter()
        .map(|r| JsonAction {
            id: &r.action.id,
            text: &r.action.text,
            owner: &r.action.owner,
            due: r.action.due,
            status: r.action.status.key(),
            overdue: r.is_overdue(today),
            shown_to: r.action.shown_to.name(),
            partnership: r.partnership,
            path: loaded.paths[r.session].display().to_string(),
            session_id: id(r.session),
            first_session_id: id(r.first_session),
            flags: history
                .flags(r.action, r.session)
                .iter()
                .map(|f| f.words())
                .collect(),
        })
        .collect();
    super::output::json(&all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_read_loosely() {
        assert_eq!(parse_status("in-progress"), Ok(ActionStatus::InProgress));
        assert_eq!(parse_status("In Progress"), Ok(ActionStatus::InProgress));
        assert_eq!(parse_status("DONE"), Ok(ActionStatus::Done));
        assert!(
            parse_status("finished")
                .unwrap_err()
                .contains("open, in-progress, done or dropped")
        );
        assert_eq!(parse_due("none").map(|d| d.0), Ok(None));
        assert!(parse_due("soon").is_err());
    }
}
