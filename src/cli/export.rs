//! `roundtable export`: a session's minutes as Markdown, for trustees.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CliError;
use super::output::print;
use crate::domain::Audience;
use crate::storage::{load, remembered_audience, state_file, write_atomic};

/// What `roundtable export SESSION` needs; the command line itself is
/// defined in `pack.rs`, which also offers the partnership report.
#[derive(Debug)]
pub struct Args {
    pub session: String,
    pub output: Option<PathBuf>,
    /// Who the minutes are for; when not given, the audience remembered for
    /// the session's partnership (chosen in the app), else partners.
    pub audience: Option<Audience>,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    if let Some(out) = &args.output
        && out.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        return Err(CliError::new(format!(
            "{} looks like a session file; minutes are Markdown",
            out.display()
        ))
        .with_hint("write them to a .md file, e.g. -o minutes.md"));
    }
    let path = find(&args.session, dir)?;
    let session = load(&path)?;
    let audience = args
        .audience
        .unwrap_or_else(|| remembered_audience(state_file().as_deref(), &session.partnership));
    let minutes = crate::app::files::minutes_with_progress(&path, &session, audience);
    match &args.output {
        Some(out) => {
            write_atomic(out, minutes.as_bytes())?;
            print(&format!(
                "Minutes written to {} (for {})\n",
                out.display(),
                audience.name()
            ))?;
        }
        None => print(&minutes)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A path to an existing file is used as is, without touching the archive.
pub(super) fn find(session: &str, dir: Option<&Path>) -> Result<PathBuf, CliError> {
    let direct = Path::new(session);
    if direct.is_file() {
        return Ok(direct.to_path_buf());
    }
    match super::folder::existing(dir)? {
        Ok(archive) => Ok(archive.find(session)?),
        Err(missing) => {
            let what = format!("no session called \"{}\"", session.trim());
            Err(super::folder::missing(&what, &missing))
        }
    }
}
