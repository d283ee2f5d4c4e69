//! `roundtable check`: read session files the way the app would and report
//! every mistake as `file:line:col: message`, so they can be fixed by hand.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CliError;
use super::output::print;
use crate::domain::Severity;
use crate::storage::{Archive, Entry, StorageError, load};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to check [default: every session in the archive]
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Tally {
    files: usize,
    invalid: usize,
    warnings: usize,
    /// Some file has a mistake inside it (not just missing or unreadable).
    needs_editing: bool,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    let entries = if args.files.is_empty() {
        let archive = Archive::resolve(dir)?;
        let entries = archive.scan()?;
        if entries.is_empty() {
            print(&format!("No session files in {}.\n", archive.dir().display()))?;
            return Ok(ExitCode::SUCCESS);
        }
        entries
    } else {
        args.files
            .into_iter()
            .map(|path| Entry {
                session: load(&path),
                path,
            })
            .collect()
    };
    let mut tally = Tally::default();
    for entry in &entries {
        for line in diagnose(entry, &mut tally) {
            eprintln!("{line}");
        }
    }
    print(&summary(&tally))?;
    if tally.needs_editing {
        eprintln!("hint: {}", crate::storage::FIX_HINT);
    }
    Ok(if tally.invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The lines to print for one file, counting it into `tally`.
fn diagnose(entry: &Entry, tally: &mut Tally) -> Vec<String> {
    tally.files += 1;
    let name = entry.path.display();
    let session = match &entry.session {
        Ok(s) => s,
        Err(e) => {
            tally.invalid += 1;
            tally.needs_editing |= matches!(e, StorageError::Parse { .. });
            return vec![e.to_string()];
        }
    };
    let problems = session.validate();
    if problems.iter().any(|p| p.severity == Severity::Error) {
        tally.invalid += 1;
        tally.needs_editing = true;
    }
    problems
        .iter()
        .map(|p| match p.severity {
            Severity::Error => format!("{name}: error: {}", p.message),
            Severity::Warning => {
                tally.warnings += 1;
                format!("{name}: warning: {}", p.message)
            }
        })
        .collect()
}

fn summary(t: &Tally) -> String {
    let files = plural(t.files, "file");
    let warnings = match t.warnings {
        0 => String::new(),
        n => format!(" ({})", plural(n, "warning")),
    };
    if t.invalid == 0 {
        format!("{files} checked, all valid{warnings}\n")
    } else {
        format!("{files} checked, {} invalid{warnings}\n", t.invalid)
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::{ActionItem, Session};

    fn entry(session: Result<Session, StorageError>) -> Entry {
        Entry {
            path: "s.ron".into(),
            session,
        }
    }

    fn session() -> Session {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        Session::new("T", "P", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), now)
    }

    #[test]
    fn warnings_are_reported_but_do_not_fail() {
        let mut s = session();
        s.actions.push(ActionItem::default());
        let mut tally = Tally::default();
        let lines = diagnose(&entry(Ok(s)), &mut tally);
        assert_eq!(lines, ["s.ron: warning: an action has no text"]);
        assert_eq!(
            tally,
            Tally {
                files: 1,
                invalid: 0,
                warnings: 1,
                needs_editing: false,
            }
        );
        assert_eq!(summary(&tally), "1 file checked, all valid (1 warning)\n");
    }

    #[test]
    fn errors_and_parse_failures_make_files_invalid() {
        let mut s = session();
        s.title = String::new();
        let mut tally = Tally::default();
        let lines = diagnose(&entry(Ok(s)), &mut tally);
        assert!(
            lines[0].starts_with("s.ron: error: the title is empty"),
            "{lines:?}"
        );
        let parse = StorageError::Parse {
            path: "b.ron".into(),
            line: 2,
            col: 3,
            message: "expected a comma".into(),
        };
        assert_eq!(
            diagnose(&entry(Err(parse)), &mut tally),
            ["b.ron:2:3: expected a comma"]
        );
        assert_eq!(summary(&tally), "2 files checked, 2 invalid\n");
        assert!(tally.needs_editing);
    }

    #[test]
    fn a_missing_file_is_invalid_but_needs_no_editing() {
        let missing = crate::storage::load(std::path::Path::new("/no/such.ron"));
        let mut tally = Tally::default();
        let lines = diagnose(&entry(missing), &mut tally);
        assert_eq!(lines, ["could not read /no/such.ron: it does not exist"]);
        assert_eq!((tally.invalid, tally.needs_editing), (1, false));
    }
}
