//! `roundtable sync`: share the archive through git. Commits this laptop's
//! saved sessions, pulls with rebase and pushes; sessions both sides changed
//! are kept twice (theirs as a conflict copy) for the merge screen.

use std::path::Path;
use std::process::ExitCode;

use chrono::Local;

use super::CliError;
use super::output::print;
use crate::domain::clean_for_terminal;
use crate::storage::Archive;
use crate::sync::{self, SyncError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Make the archive folder a git repository first (with a .gitignore
    /// that keeps locks, journals and temporary files on this laptop)
    #[arg(long)]
    init: bool,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let archive = Archive::resolve(dir)?;
    let dir = archive.dir();
    let host = sync::this_host();
    if args.init && !sync::Git::new(dir).is_repository().map_err(from_sync)? {
        sync::init(dir, &host).map_err(from_sync)?;
        print(&clean_lines(&format!(
            "Made {} a git repository, with a .gitignore that keeps locks, journals and temporary files on this laptop.\n",
            dir.display()
        )))?;
    }
    let today = Local::now().date_naive().to_string();
    let outcome = match sync::sync(dir, &host, &today) {
        Ok(outcome) => outcome,
        Err(SyncError::NoRemote { .. }) if args.init => {
            let e = from_sync(SyncError::NoRemote {
                dir: dir.to_path_buf(),
                committed: Vec::new(),
            });
            print(&format!("Next, {}.\n", e.hint.unwrap_or_default()))?;
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(from_sync(e)),
    };
    print(&clean_lines(&format!("{}\n", sync::summary(&outcome))))?;
    if outcome.waiting.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut list = String::new();
    for copy in &outcome.waiting {
        list.push_str(&format!(
            "\n  {}  ({})",
            copy.path.file_name().unwrap_or_default().to_string_lossy(),
            copy.describe()
        ));
    }
    Err(CliError::new(clean_lines(&format!(
        "this laptop's changes are committed but not shared while conflict copies wait to be merged:{list}"
    )))
    .with_hint(
        "open the app (`roundtable`), select the conflict copy and press Enter to merge it section by \
         section; then run `roundtable sync` again",
    ))
}

fn from_sync(e: SyncError) -> CliError {
    let hint = e.hint();
    let mut err = CliError::new(clean_for_terminal(&e.to_string()).into_owned());
    if let Some(hint) = hint {
        err = err.with_hint(clean_for_terminal(&hint).into_owned());
    }
    err
}

/// `text` cleaned line by line, its line breaks kept.
fn clean_lines(text: &str) -> String {
    text.split('\n')
        .map(|l| clean_for_terminal(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}
