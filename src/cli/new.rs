//! `roundtable new`: create a session file from the command line.

use std::path::Path;
use std::process::ExitCode;

use chrono::{Local, NaiveDate, SubsecRound, Utc};

use super::CliError;
use super::output::print;
use crate::domain::{Session, parse_date};
use crate::storage::Archive;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What the session is called, e.g. "June review"
    #[arg(long)]
    title: String,
    /// The partnership meeting
    #[arg(long, default_value = "")]
    partnership: String,
    /// The day of the session, as YYYY-MM-DD [default: today]
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Where it takes place
    #[arg(long, default_value = "")]
    location: String,
    /// Who facilitates it
    #[arg(long, default_value = "")]
    facilitator: String,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    if args.title.trim().is_empty() {
        return Err(CliError::new("the title is empty").with_hint("give one, e.g. --title \"June review\""));
    }
    let archive = Archive::resolve(dir)?;
    let date = args.date.unwrap_or_else(|| Local::now().date_naive());
    // Whole seconds keep the file easy to read; nobody needs nanoseconds.
    let now = Utc::now().trunc_subsecs(0);
    let mut session = Session::new(&args.title, &args.partnership, date, now);
    session.location = args.location.trim().to_string();
    session.facilitator = args.facilitator.trim().to_string();
    let path = archive.create(&session)?;
    print(&format!("{}\n", path.display()))?;
    Ok(ExitCode::SUCCESS)
}
