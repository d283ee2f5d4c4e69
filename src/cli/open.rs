//! `roundtable` with no command: open the interactive app on the archive.

use std::path::Path;
use std::process::ExitCode;

use super::CliError;
use crate::storage::Archive;

pub fn run(dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let archive = Archive::resolve(dir)?;
    let saved = crate::tui::run(archive).map_err(|e| {
        CliError::new(format!("the app stopped because the terminal failed: {e}"))
            .with_hint("your sessions are saved; run `roundtable` again, or use `roundtable list`")
    })?;
    // A session that could not be saved is an error for scripts too.
    Ok(if saved {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
