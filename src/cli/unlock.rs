//! `roundtable unlock SESSION`: take over a session someone else has open,
//! after a crash or on a laptop that is off (a lock from another computer
//! cannot be judged stale from here). Says who holds it and asks for
//! `--yes` before removing their lock, and removes it only if it still
//! names them.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;
use super::output::print;
use super::remove::shown_name;
use crate::domain::clean_for_terminal;
use crate::storage::{self, Archive, LockError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session: its file name, title or id, as `roundtable list` shows it
    session: String,
    /// Take it over: remove the other person's lock
    #[arg(long)]
    yes: bool,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let archive = Archive::resolve(dir)?;
    let path = archive.find(&args.session)?;
    let name = shown_name(&path);
    let Some((holder, since)) = storage::holder(&path).map_err(from_lock)? else {
        print(&format!(
            "Nobody has {name} open: there is nothing to take over.\n"
        ))?;
        return Ok(ExitCode::SUCCESS);
    };
    let who =
        clean_for_terminal(&format!("{holder}, since {}", since.format("%H:%M on %-d %b %Y"))).into_owned();
    if !args.yes {
        return Err(CliError::new(format!("{name} is open by {who}; nothing was changed")).with_hint(format!(
            "take it over only if they have closed it or their computer is off (if they are still editing, \
             their next save is refused rather than written over yours): run `roundtable unlock {} --yes`",
            clean_for_terminal(&args.session)
        )));
    }
    if !storage::break_lock(&path, &holder).map_err(from_lock)? {
        return Err(
            CliError::new(format!("{name} changed hands while asking; nothing was changed")).with_hint(
                format!(
                    "run `roundtable unlock {}` again to see who has it now",
                    clean_for_terminal(&args.session)
                ),
            ),
        );
    }
    print(&format!(
        "Took over {name} from {who}: it opens for editing here now.\n"
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn from_lock(e: LockError) -> CliError {
    let hint = e.hint();
    let err = CliError::new(clean_for_terminal(&e.to_string()).into_owned());
    match hint {
        Some(h) => err.with_hint(clean_for_terminal(&h).into_owned()),
        None => err,
    }
}
