//! The command line: `roundtable` opens the app; subcommands create, list,
//! export and check session files, search the archive and follow up
//! actions. Each subcommand lives in its own file.

mod actions;
mod actions_list;
mod agreement;
mod check;
mod completions;
mod config;
mod error;
mod export;
mod folder;
mod list;
mod list_json;
mod man;
mod minutes;
mod new;
mod open;
mod output;
mod pack;
mod pandoc;
mod partnership;
mod present;
mod remove;
mod restore;
mod search;
mod sync;
mod trash;
mod unlock;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use error::CliError;

/// Lead partnership co-design workshops from the terminal.
///
/// Run without a command to open the app. Sessions are kept as text files in
/// one folder: `--dir`, else $ROUNDTABLE_DIR, else the config file's
/// `archive`, else your user data folder. `roundtable config` says where the
/// config file is.
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
    /// Write a session's minutes, or a partnership's report, as Markdown, HTML, Word or PDF
    Export(pack::Args),
    /// Check session files for mistakes
    Check(check::Args),
    /// Find words anywhere in the archive
    Search(search::Args),
    /// List actions across sessions, or mark one done
    Actions(actions::Args),
    /// Circulate, approve or amend a session's minutes, or say where they stand
    Minutes(minutes::Args),
    /// A partnership over time: attendance, warnings, who does what, health trends
    Partnership(partnership::Args),
    /// Show a session on a second screen for the room, following it live (read-only)
    Present(present::Args),
    /// Move a session to the archive's trash folder (nothing is deleted)
    Remove(remove::Args),
    /// List the sessions in the trash
    Trash(trash::Args),
    /// Put a session from the trash back into the archive
    Restore(restore::Args),
    /// Print the completion script for a shell (bash, zsh, fish, elvish, powershell)
    Completions(completions::Args),
    /// Print the manual page (roff), e.g. `roundtable man | man -l -`
    Man(man::Args),
    /// Say where the config file is and whether it reads, or print an example
    Config(config::Args),
    /// Share the archive through git: commit, pull with rebase, push
    Sync(sync::Args),
    /// Take over a session someone else has open (after a crash, or on a laptop that is off)
    Unlock(unlock::Args),
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
    // The config file's settings are in force for the whole run; the
    // archive it names comes after --dir and $ROUNDTABLE_DIR.
    let config = crate::config::load();
    crate::config::install(&config.config);
    let dir = cli.dir.as_deref().or(config.config.archive.as_deref());
    if cli.command.is_some() {
        cli.open.only_without_command()?;
    }
    match cli.command {
        None => {
            // The app stays open for hours: memory over speed of the
            // background reads. Commands run for a moment and read in parallel.
            crate::heap::one_heap();
            open::run(cli.open, dir, &config)
        }
        Some(Command::New(args)) => new::run(args, dir),
        Some(Command::List(args)) => list::run(args, dir),
        Some(Command::Export(args)) => pack::run(args, dir),
        Some(Command::Check(args)) => check::run(args, dir),
        Some(Command::Search(args)) => search::run(args, dir),
        Some(Command::Actions(args)) => actions::run(args, dir),
        Some(Command::Minutes(args)) => minutes::run(args, dir),
        Some(Command::Partnership(args)) => partnership::run(args, dir),
        Some(Command::Present(args)) => present::run(args, dir),
        Some(Command::Remove(args)) => remove::run(args, dir),
        Some(Command::Trash(args)) => trash::run(args, dir),
        Some(Command::Restore(args)) => restore::run(args, dir),
        Some(Command::Completions(args)) => completions::run(args),
        Some(Command::Man(args)) => man::run(args),
        Some(Command::Config(args)) => config::run(args),
        Some(Command::Sync(args)) => sync::run(args, dir),
        Some(Command::Unlock(args)) => unlock::run(args, dir),
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
