//! `roundtable search`: find words anywhere in the archive, best match
//! first, as a list for people or JSON for scripts.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::CliError;
use super::output::{print, print_json};
use super::pack::{Loaded, on_the_pool};
use crate::domain::{Hit, SearchIndex};
use crate::storage::Depth;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The words to look for; a match holds every one of them, in any case
    #[arg(required = true, value_name = "TEXT")]
    words: Vec<String>,
    /// Print a JSON array instead of a list
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct JsonHit<'a> {
    path: String,
    session_id: &'a str,
    date: chrono::NaiveDate,
    title: &'a str,
    partnership: &'a str,
    /// Where the hit is, for scripts: `decisions`, `step-2-vision`…
    section: String,
    /// The same, for people: "Decisions", "Step 2: Vision"…
    section_label: String,
    item: usize,
    snippet: &'a str,
    text: &'a str,
    score: u32,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let query = args.words.join(" ");
    if query.trim().is_empty() {
        return Err(
            CliError::new("nothing to search for").with_hint("give a word, e.g. roundtable search leaflets")
        );
    }
    on_the_pool(|| {
        let loaded = Loaded::extracted(dir, Depth::Search)?;
        loaded.while_remembering(|| {
            // The index `domain::search` builds, from the texts remembered.
            let mut index = SearchIndex::of(&loaded.sessions, &loaded.texts);
            let hits = index.search(&query);
            if args.json {
                let all: Vec<JsonHit> = hits.iter().map(|h| json(&loaded, h)).collect();
                print_json(&all)?;
            } else if hits.is_empty() {
                print(&format!(
                    "Nothing found for \"{}\" in {} sessions.\n",
                    query.trim(),
                    loaded.sessions.len()
                ))?;
            } else {
                let lines: String = hits.iter().map(|h| line(&loaded, h)).collect();
                print(&lines)?;
            }
            // Left for the process to free at its end, like the sessions.
            std::mem::forget((index, hits));
            Ok::<(), CliError>(())
        })?;
        loaded.warn_about_broken();
        loaded.finish();
        Ok(ExitCode::SUCCESS)
    })
}

/// `2026-11-11  Level Ground — November data review  ›  Decisions: …snippet…`
fn line(loaded: &Loaded, hit: &Hit) -> String {
    let s = &loaded.sessions[hit.session];
    let title = s.title.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = format!("{}  {title}  ›  {}: {}", s.date, hit.section.label(), hit.snippet);
    // One line per hit, whatever the text holds; `print` cleans the rest.
    format!("{}\n", text.replace(['\n', '\r'], " "))
}

fn json<'a>(loaded: &'a Loaded, hit: &'a Hit) -> JsonHit<'a> {
    let s = &loaded.sessions[hit.session];
    JsonHit {
        path: loaded.paths[hit.session].display().to_string(),
        session_id: &s.id,
        date: s.date,
        title: &s.title,
        partnership: &s.partnership,
        section: hit.section.key(),
        section_label: hit.section.label(),
        item: hit.item,
        snippet: &hit.snippet,
        text: &hit.text,
        score: hit.score,
    }
}
