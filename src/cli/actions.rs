//! `roundtable actions`: every action across the archive in its latest
//! state, filtered and soonest due first; `actions done ID` and `actions set
//! ID` change one and save it into the session holding its latest copy.

use std::path::Path;
use std::process::ExitCode;

use chrono::{Local, NaiveDate, SubsecRound, Utc};

use super::CliError;
use super::actions_list::{self, Shape};
use super::output::print;
use super::pack::{Loaded, on_the_pool};
use crate::app::write_back::{Changed, WriteBackError, change_action};
use crate::domain::{ActionChange, ActionFilter, ActionStatus, History, parse_date};
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
    let today = args.today.unwrap_or_else(|| Local::now().date_naive());
    let (id, wanted) = match args.change {
        None => {
            let filter = ActionFilter {
                partnership: args.partnership,
                owner: args.owner,
                status: args.status,
                overdue: args.overdue,
            };
            let shape = match (args.json, args.csv) {
                (true, _) => Shape::Json,
                (_, true) => Shape::Csv,
                _ => Shape::Table,
            };
            if actions_list::print_remembered(dir, &filter, shape, today)? {
                return Ok(ExitCode::SUCCESS);
            }
            return with_archive(dir, |loaded, history| {
                actions_list::print_actions(loaded, history, &filter, shape, today)
            });
        }
        Some(Change::Done { id }) => (id, ActionChange::done()),
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
            (id, wanted)
        }
    };
    with_archive(dir, |loaded, history| change(loaded, history, &id, &wanted))
}

/// Runs `work` on the archive's sessions, read for actions.
fn with_archive(
    dir: Option<&Path>,
    work: impl FnOnce(&Loaded, &History) -> Result<(), CliError> + Send,
) -> Result<ExitCode, CliError> {
    // Lean sessions: a change reads its file whole again, under its lock.
    on_the_pool(|| {
        let loaded = Loaded::extracted(dir, Depth::Actions)?;
        // The history is made while the extract is written, not before.
        let result = loaded.while_remembering(|| {
            let history = History::new(&loaded.sessions);
            let result = work(&loaded, &history);
            // Left for the process to free at its end, like the sessions.
            std::mem::forget(history);
            result
        });
        loaded.warn_about_broken();
        loaded.finish();
        result.map(|()| ExitCode::SUCCESS)
    })
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
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
