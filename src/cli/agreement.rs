//! `roundtable agreement PARTNERSHIP`: a draft partnering agreement in
//! Markdown from the partnership's sessions (see `export::agreement`), to
//! the screen or a file; `--json` gives its parts and what is still to be
//! agreed, for scripts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use serde::Serialize;

use super::CliError;
use super::output::{json, print};
use super::pack::{Loaded, find_series};
use crate::domain::{History, Session};
use crate::export::agreement::{Part, draft, held, parts};
use crate::storage::write_atomic;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The partnership (part of its name is enough)
    #[arg(value_name = "PARTNERSHIP")]
    partnership: String,
    /// Write to this file instead of the screen
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print the parts as JSON (which are drafted, which are still to be agreed)
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Json<'a> {
    partnership: &'a str,
    drafted_on: NaiveDate,
    to_be_agreed: Vec<&'static str>,
    parts: Vec<JsonPart>,
    markdown: String,
}

#[derive(Serialize)]
struct JsonPart {
    to_be_agreed: bool,
    #[serde(flatten)]
    part: Part,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let loaded = Loaded::read(dir)?;
    if loaded.missing {
        let what = format!("no partnership called \"{}\"", args.partnership.trim());
        return Err(super::folder::missing(&what, &loaded.dir));
    }
    let history = History::new(&loaded.sessions);
    let series = find_series(&history, &args.partnership, &loaded.dir)?;
    let sessions: Vec<&Session> = series
        .sessions
        .iter()
        .filter_map(|&i| history.session(i))
        .collect();
    let today = Local::now().date_naive();
    let markdown = draft(&series.name, &sessions, today);
    let text = if args.json {
        let parts = parts(&held(&sessions, today));
        let value = Json {
            partnership: &series.name,
            drafted_on: today,
            to_be_agreed: parts
                .iter()
                .filter(|p| p.to_be_agreed())
                .map(|p| p.title)
                .collect(),
            parts: parts
                .into_iter()
                .map(|p| JsonPart {
                    to_be_agreed: p.to_be_agreed(),
                    part: p,
                })
                .collect(),
            markdown,
        };
        json(&value)?
    } else {
        markdown
    };
    loaded.warn_about_broken();
    match &args.output {
        Some(out) => {
            write_atomic(out, text.as_bytes())?;
            print(&format!("Written to {}\n", out.display()))?;
        }
        None => print(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}
