//! The command line: `roundtable` opens the app; subcommands create, list,
//! export and check session files, search the archive and follow up
//! actions. Each subcommand lives in its own file.

mod actions;
mod agreement;
mod check;
mod error;
mod export;
mod folder;
mod list;
mod list_json;
mod minutes;
mod new;
mod open;
mod output;
mod pack;
mod present;
mod remove;
mod restore;
mod search;
mod trash;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use error::CliError;

/// Lead partnership co-design workshops from the terminal.
///
/// Run without a command to open the app. Sessions are kept as text files in
/// one folder: `--dir`, else $ROUNDTABLE_DIR, else your user data folder.
#[derive(Debug, Parser)]
#[command(name = "roundtable", version, propagate_version = true)]
pub struct Cli {
    /// The folder that holds your session files
    #[arg(long, global = true, value_name = "PATH", env = crate::storage::DIR_ENV, hide_env_values = true)]
    dir: Option<PathBuf>,

    #[command(flatten)]
    open: open::Args,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new session file and print where it was saved
    New(new::Args),
    /// List sessions, newest first
    List(list::Args),
    /// Write a session's minutes, or a partnership's report, as Markdown
    Export(pack::Args),
    /// Check session files for mistakes
    Check(check::Args),
    /// Find words anywhere in the archive
    Search(search::Args),
    /// List actions across sessions, or mark one done
    Actions(actions::Args),
    /// Circulate, approve or amend a session's minutes, or say where they stand
    Minutes(minutes::Args),
    /// Show a session on a second screen for the room, following it live (read-only)
    Present(present::Args),
    /// Move a session to the archive's trash folder (nothing is deleted)
    Remove(remove::Args),
    /// List the sessions in the trash
    Trash(trash::Args),
    /// Put a session from the trash back into the archive
    Restore(restore::Args),
    /// Draft a partnering agreement from what a partnership has agreed so far
    Agreement(agreement::Args),
}

/// Parses the command line, runs it and turns any failure into a message on
/// stderr: exit 1 for problems the user can fix, 2 for a mistyped command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            output::clap_message(&e);
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match execute(cli) {
        Ok(code) => code,
        Err(e) => {
            e.report();
            ExitCode::FAILURE
        }
    }
}

fn execute(cli: Cli) -> Result<ExitCode, CliError> {
    let dir = cli.dir.as_deref();
    if cli.command.is_some() {
        cli.open.only_without_command()?;
    }
    match cli.command {
        None => open::run(cli.open, dir),
        Some(Command::New(args)) => new::run(args, dir),
        Some(Command::List(args)) => list::run(args, dir),
        Some(Command::Export(args)) => pack::run(args, dir),
        Some(Command::Check(args)) => check::run(args, dir),
        Some(Command::Search(args)) => search::run(args, dir),
        Some(Command::Actions(args)) => actions::run(args, dir),
        Some(Command::Minutes(args)) => minutes::run(args, dir),
        Some(Command::Present(args)) => present::run(args, dir),
        Some(Command::Remove(args)) => remove::run(args, dir),
        Some(Command::Trash(args)) => trash::run(args, dir),
        Some(Command::Restore(args)) => restore::run(args, dir),
        Some(Command::Agreement(args)) => agreement::run(args, dir),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
