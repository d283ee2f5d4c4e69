//! `roundtable check`: read session files the way the app would and report
//! every mistake as `file:line:col: message`, so they can be fixed by hand.
//! Every problem in a file is listed, not just the first: all misspelt
//! fields, the mistake that stopped parsing, and all that `validate` finds.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CliError;
use super::output::{print, warn};
use crate::domain::{Session, Severity};
use crate::storage::{StorageError, load_all, newer_format};

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
    /// What to do about files that could not be read at all (permissions, a
    /// folder or a pipe named like a session), each said once.
    hints: Vec<String>,
}

pub fn run(args: Args, dir: Option<&Path>) -> Result<ExitCode, CliError> {
    // The config file's problems too (they do not change the exit code,
    // which is about session files): the app started on defaults for them.
    for line in crate::config::load().report() {
        warn(&format!("config: {line}"));
    }
    let paths = if args.files.is_empty() {
        let archive = match super::folder::existing(dir)? {
            Ok(archive) => archive,
            Err(missing) => {
                print(&format!("No session files in {}.\n", missing.display()))?;
                warn(&super::folder::missing_note(&missing));
                return Ok(ExitCode::SUCCESS);
            }
        };
        let entries = archive.scan()?;
        if entries.is_empty() {
            let dir = archive.dir().display().to_string();
            print(&format!("No session files in {dir}.\n"))?;
            return Ok(ExitCode::SUCCESS);
        }
        entries.into_iter().map(|e| e.path).collect()
    } else {
        args.files
    };
    let mut tally = Tally::default();
    for path in &paths {
        for line in diagnose(path, load_all(path), &mut tally) {
            // Messages quote the file, which anyone could have filled with escape codes.
            warn(&line);
        }
    }
    print(&summary(&tally))?;
    if tally.needs_editing {
        warn(&format!("hint: {}", crate::storage::FIX_HINT));
    }
    for hint in &tally.hints {
        warn(&format!("hint: {hint}"));
    }
    Ok(if tally.invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The lines to print for one file: every mistake that stopped it loading,
/// then every problem `validate` finds in what did load. Counts it into `tally`.
fn diagnose(path: &Path, loaded: (Option<Session>, Vec<StorageError>), tally: &mut Tally) -> Vec<String> {
    let (session, errors) = loaded;
    tally.files += 1;
    let name = path.display();
    let mut lines: Vec<String> = errors
        .iter()
        .map(|e| match e {
            StorageError::NewerFormat { version, .. } => format!("{name}: error: {}", newer_format(*version)),
            other => other.to_string(),
        })
        .collect();
    tally.needs_editing |= errors.iter().any(|e| matches!(e, StorageError::Parse { .. }));
    let unreadable = errors
        .iter()
        .filter(|e| matches!(e, StorageError::Io { .. } | StorageError::NotAFile { .. }));
    for hint in unreadable.filter_map(StorageError::hint) {
        if !tally.hints.contains(&hint) {
            tally.hints.push(hint);
        }
    }
    let problems = session.as_ref().map(Session::validate).unwrap_or_default();
    let has_errors = problems.iter().any(|p| p.severity == Severity::Error);
    tally.needs_editing |= has_errors;
    if has_errors || !errors.is_empty() {
        tally.invalid += 1;
    }
    lines.extend(problems.iter().map(|p| match p.severity {
        Severity::Error => format!("{name}: error: {}", p.message),
        Severity::Warning => {
            tally.warnings += 1;
            format!("{name}: warning: {}", p.message)
        }
    }));
    lines
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

    use super::*;
    use crate::domain::ActionItem;

    fn ok(session: Session) -> (Option<Session>, Vec<StorageError>) {
        (Some(session), Vec::new())
    }

    fn session() -> Session {
        Session::for_tests("T", "P", "2026-01-01")
    }

    fn parse_error(line: usize, message: &str) -> StorageError {
        StorageError::Parse {
            path: "b.ron".into(),
            line,
            col: 3,
            message: message.into(),
        }
    }

    #[test]
    fn warnings_are_reported_but_do_not_fail() {
        let mut s = session();
        s.actions.push(ActionItem::default());
        let mut tally = Tally::default();
        let lines = diagnose(Path::new("s.ron"), ok(s), &mut tally);
        assert_eq!(lines, ["s.ron: warning: an action has no text"]);
        assert_eq!(
            tally,
            Tally {
                files: 1,
                invalid: 0,
                warnings: 1,
                needs_editing: false,
                hints: Vec::new(),
            }
        );
        assert_eq!(summary(&tally), "1 file checked, all valid (1 warning)\n");
    }

    #[test]
    fn errors_and_parse_failures_make_files_invalid() {
        let mut s = session();
        s.title = String::new();
        let mut tally = Tally::default();
        let lines = diagnose(Path::new("s.ron"), ok(s), &mut tally);
        assert!(
            lines[0].starts_with("s.ron: error: the title is empty"),
            "{lines:?}"
        );
        let failed = (None, vec![parse_error(2, "expected a comma")]);
        assert_eq!(
            diagnose(Path::new("b.ron"), failed, &mut tally),
            ["b.ron:2:3: expected a comma"]
        );
        assert_eq!(summary(&tally), "2 files checked, 2 invalid\n");
        assert!(tally.needs_editing);
    }

    #[test]
    fn every_problem_is_listed_and_the_file_counted_once() {
        let mut s = session();
        s.title = String::new();
        s.actions.push(ActionItem::default());
        let loaded = (
            Some(s),
            vec![
                parse_error(4, "`a` is not a field"),
                parse_error(9, "`b` is not a field"),
            ],
        );
        let mut tally = Tally::default();
        let lines = diagnose(Path::new("b.ron"), loaded, &mut tally);
        assert_eq!(lines.len(), 4, "{lines:#?}");
        assert!(
            lines[1].starts_with("b.ron:9:3") && lines[3].contains("warning"),
            "{lines:#?}"
        );
        assert_eq!((tally.files, tally.invalid, tally.warnings), (1, 1, 1));
    }

    #[test]
    fn a_newer_file_says_to_update() {
        let newer = StorageError::NewerFormat {
            path: "n.ron".into(),
            version: 3,
        };
        let mut tally = Tally::default();
        let lines = diagnose(Path::new("n.ron"), (None, vec![newer]), &mut tally);
        assert!(lines[0].starts_with("n.ron: error: format_version 3: written by a newer Roundtable"));
        assert_eq!((tally.invalid, tally.needs_editing), (1, false));
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_reported_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        let mut tally = Tally::default();
        let lines = diagnose(&fifo, load_all(&fifo), &mut tally);
        assert!(
            lines[0].ends_with("x.ron: it is a named pipe (FIFO), not a file"),
            "{lines:?}"
        );
        assert_eq!((tally.invalid, tally.needs_editing), (1, false));
        assert!(
            tally.hints[0].contains("reads only plain files"),
            "{:?}",
            tally.hints
        );
    }

    #[test]
    fn a_missing_file_is_invalid_but_needs_no_editing() {
        let path = Path::new("/no/such.ron");
        let mut tally = Tally::default();
        let lines = diagnose(path, load_all(path), &mut tally);
        assert_eq!(lines, ["could not read /no/such.ron: it does not exist"]);
        assert_eq!((tally.invalid, tally.needs_editing), (1, false));
    }
}
