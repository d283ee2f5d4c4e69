//! `roundtable remove SESSION`: move a session into the archive's trash
//! folder, out of lists, search, actions and reports. Nothing is deleted:
//! `roundtable restore` puts it back.

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;

use super::CliError;
use super::output::print;
use crate::domain::clean_for_terminal;
use crate::storage::{Archive, TrashError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session: its file name, title or id, as `roundtable list` shows it
    session: String,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let archive = Archive::resolve(dir)?;
    let path = archive.find(&args.session)?;
    let moved = archive.remove(&path, Utc::now())?;
    print(&format!(
        "Moved {} to the trash: {}\nPut it back with `roundtable restore {}`.\n",
        shown_name(&path),
        clean_for_terminal(&moved.display().to_string()),
        shown_name(&moved)
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// A file's name, safe to print.
pub(super) fn shown_name(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    clean_for_terminal(&name).into_owned()
}

impl From<TrashError> for CliError {
    fn from(e: TrashError) -> CliError {
        CliError {
            message: clean_for_terminal(&e.to_string()).into_owned(),
            hint: e.hint(),
        }
    }
}
