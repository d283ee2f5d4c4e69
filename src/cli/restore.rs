//! `roundtable restore SESSION`: put a removed session back into the
//! archive, under a new name if its old one has been taken meanwhile.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;
use super::output::print;
use super::remove::shown_name;
use crate::storage::Archive;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The removed session: its file name, title or id, as `roundtable trash` shows it
    session: String,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let archive = Archive::resolve(dir)?;
    if !archive.trash_dir().is_dir() {
        return Err(CliError::new(format!(
            "the trash is empty: nothing has been removed from {}",
            archive.dir().display()
        )));
    }
    let path = Archive::open(archive.trash_dir())?.find(&args.session)?;
    let back = archive.restore(&path)?;
    let renamed = if back.file_name() == path.file_name() {
        String::new()
    } else {
        " (its old name was taken)".to_string()
    };
    print(&format!(
        "Restored {} as {}{renamed}.\n",
        shown_name(&path),
        crate::domain::clean_for_terminal(&back.display().to_string())
    ))?;
    Ok(ExitCode::SUCCESS)
}
