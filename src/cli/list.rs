//! `roundtable list`: the sessions in the archive, newest first, as a table
//! for people or JSON for scripts. Files that cannot be read are listed too.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::CliError;
use super::list_json::JsonEntry;
use super::output::{print, print_json};
use crate::domain::clean_for_terminal;
use crate::storage::{Listed, StorageError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print a JSON array instead of a table
    #[arg(long)]
    json: bool,
}

const HEADERS: [&str; 7] = [
    "DATE",
    "TITLE",
    "PARTNERSHIP",
    "STATUS",
    "PEOPLE",
    "DECISIONS",
    "ACTIONS",
];
/// Widest a text column may grow on a terminal before it is cut with "…".
/// Piped into a file or another program, nothing is cut.
const MAX_TEXT: usize = 40;

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let (entries, dir) = match super::folder::existing(dir)? {
        Ok(archive) => {
            // The app's first frame is remembered too, so a `list` that
            // found changes leaves the next start as quick as ever.
            let mut entries = crate::storage::cards(&archive, crate::app::library::preview)?;
            if args.json {
                let cache = crate::storage::Cache::of(archive.dir());
                crate::storage::with_messages(cache.as_ref(), &mut entries);
            }
            (entries, archive.dir().to_path_buf())
        }
        Err(missing) => (Vec::new(), missing),
    };
    if args.json {
        print_json(&Entries(&entries))?;
    } else if entries.is_empty() {
        print(&format!(
            "No sessions yet in {}{}.\nCreate one with `roundtable new --title \"…\"` or by running `roundtable`.\n",
            dir.display(),
            if dir.exists() {
                ""
            } else {
                " (the folder does not exist yet)"
            }
        ))?;
    } else {
        let max = std::io::stdout().is_terminal().then_some(MAX_TEXT);
        print(&table(&entries, max))?;
    }
    // Left for the process to free at its end (see `Loaded::finish`).
    std::mem::forget(entries);
    Ok(ExitCode::SUCCESS)
}

/// The JSON array, written as it is made: at 10,000 sessions with their
/// warnings its text would take tens of megabytes.
struct Entries<'a>(&'a [Listed]);

impl Serialize for Entries<'_> {
    fn serialize<S: serde::Serializer>(&self, to: S) -> Result<S::Ok, S::Error> {
        to.collect_seq(self.0.iter().map(JsonEntry::from))
    }
}

fn table(entries: &[Listed], max: Option<usize>) -> String {
    let rows: Vec<Result<[String; 7], String>> = entries.iter().map(|e| row(e, max)).collect();
    let mut widths = HEADERS.map(str::width);
    for cells in rows.iter().flatten() {
        for (w, cell) in widths.iter_mut().zip(cells) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = line(&HEADERS.map(String::from), &widths);
    let mut broken = 0;
    for r in &rows {
        match r {
            Ok(cells) => out += &line(cells, &widths),
            Err(problem) => {
                broken += 1;
                out += &format!("{:<w$}  {problem}\n", "BROKEN", w = widths[0]);
            }
        }
    }
    if broken > 0 {
        let files = if broken == 1 { "file" } else { "files" };
        out += &format!("\n{broken} {files} could not be read: run `roundtable check` for details.\n");
    }
    out
}

/// The cells for a session, or the one-line problem for a broken file.
fn row(entry: &Listed, max: Option<usize>) -> Result<[String; 7], String> {
    let s = entry.card.as_ref().map_err(|e| broken_text(entry, e))?;
    let status = if s.has_errors() {
        "Has errors"
    } else {
        s.status.label()
    };
    Ok([
        s.date.to_string(),
        cut(&crate::sync::copies::marked_title(&entry.path, &s.title), max),
        cut(&s.partnership, max),
        status.to_string(),
        s.participants.to_string(),
        s.decisions.to_string(),
        s.actions.to_string(),
    ])
}

fn broken_text(entry: &Listed, e: &StorageError) -> String {
    match e {
        StorageError::Parse {
            line, col, message, ..
        } => clean_for_terminal(&format!("{}:{line}:{col}: {message}", entry.file_name())).into_owned(),
        other => clean_for_terminal(&other.to_string()).into_owned(),
    }
}

/// Left-aligned text columns, right-aligned counts.
fn line(cells: &[String; 7], widths: &[usize; 7]) -> String {
    let padded: Vec<String> = cells
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (cell, w))| {
            let pad = " ".repeat(w.saturating_sub(cell.width()));
            if i >= 4 {
                format!("{pad}{cell}")
            } else {
                format!("{cell}{pad}")
            }
        })
        .collect();
    format!("{}\n", padded.join("  ").trim_end())
}

/// `text` on one line, cut to `max` columns when given.
fn cut(text: &str, max: Option<usize>) -> String {
    // Titles are anyone's text: no escape sequence reaches the terminal.
    let text = clean_for_terminal(&text.replace(['\n', '\t'], " ")).into_owned();
    let Some(max) = max.filter(|max| text.width() > *max) else {
        return text;
    };
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.width().unwrap_or(0) >= max {
            break;
        }
        out.push(c);
    }
    out + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_the_column() {
        let cut = |text: &str| cut(text, Some(MAX_TEXT));
        assert_eq!(cut("short"), "short");
        let long = cut(&"é".repeat(100));
        assert_eq!(long.width(), MAX_TEXT);
        assert!(long.ends_with('…'));
        assert_eq!(cut("two\nlines"), "two lines");
        assert_eq!(cut("a\u{1b}[2Jb\u{7}"), "a\u{FFFD}[2Jb\u{FFFD}");
        assert_eq!(super::cut(&"é".repeat(100), None), "é".repeat(100));
    }

    #[test]
    fn json_written_as_it_is_made_is_the_whole_array_pretty_printed() {
        let broken = |name: &str| Listed {
            path: std::path::PathBuf::from(name),
            stamp: None,
            card: Err(std::sync::Arc::new(StorageError::Parse {
                path: name.into(),
                line: 1,
                col: 2,
                message: "a \"quoted\"\nmistake".into(),
            })),
        };
        let entries: Vec<Listed> = (0..300).map(|n| broken(&format!("{n}.ron"))).collect();
        let whole: Vec<JsonEntry> = entries.iter().map(JsonEntry::from).collect();
        let expected = super::super::output::json(&whole).unwrap_or_default();
        assert_eq!(
            serde_json::to_string_pretty(&Entries(&entries)).unwrap_or_default() + "\n",
            expected
        );
    }

    #[test]
    fn counts_align_right() {
        let cells = ["a", "b", "c", "d", "1", "22", "3"].map(String::from);
        let widths = [1, 1, 1, 1, 6, 9, 7];
        assert_eq!(line(&cells, &widths), "a  b  c  d       1         22        3\n");
    }
}
