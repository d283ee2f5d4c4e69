//! `roundtable trash`: the sessions removed from the archive, newest first,
//! with the name to give `roundtable restore`.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;
use super::output::print;
use super::remove::shown_name;
use crate::domain::clean_for_terminal;
use crate::storage::Archive;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let archive = Archive::resolve(dir)?;
    let entries = archive.trashed()?;
    let folder = clean_for_terminal(&archive.trash_dir().display().to_string()).into_owned();
    if entries.is_empty() {
        print(&format!("The trash is empty ({folder}).\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = format!("In the trash ({folder}), newest first:\n");
    for entry in &entries {
        let line = match &entry.session {
            Ok(s) => format!("{}  {}  ({})", s.date, s.title, shown_name(&entry.path)),
            Err(_) => format!("?           {}  (cannot be read)", shown_name(&entry.path)),
        };
        out.push_str(&clean_for_terminal(&line));
        out.push('\n');
    }
    out.push_str("Put one back with `roundtable restore NAME`.\n");
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
