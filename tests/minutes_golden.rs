#![allow(clippy::unwrap_used)]
//! Golden minutes: every example session (our fixtures and the shipped
//! `workshops/`) must export to exactly the Markdown in `tests/golden/`.
//! Run with `UPDATE_GOLDEN=1` to write the goldens after a deliberate change,
//! then read the diff as a trustee would before committing it.

use std::path::{Path, PathBuf};

use roundtable::domain::Session;
use roundtable::export::minutes;

/// Session files in `dir`, sorted; none when the folder does not exist yet.
fn sessions_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// Where the first difference is, so a failure points at the line to read.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.lines();
    for (i, got) in actual.lines().enumerate() {
        let want = expected_lines.next();
        if want != Some(got) {
            return format!("line {}:\n  golden: {want:?}\n  now:    {got:?}", i + 1);
        }
    }
    match expected_lines.next() {
        Some(want) => format!("the golden continues with {want:?}"),
        None => "only line endings differ".to_string(),
    }
}

#[test]
fn every_example_session_matches_its_golden_minutes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let mut sources = sessions_in(&root.join("tests/fixtures/export"));
    let workshops = sessions_in(&root.join("workshops"));
    if workshops.is_empty() {
        println!("no workshops/*.ron yet: checking the export fixtures only");
    }
    sources.extend(workshops);
    assert!(!sources.is_empty(), "no fixtures found in tests/fixtures/export");

    let mut failures = Vec::new();
    for source in &sources {
        let session: Session = roundtable::storage::load(source).unwrap_or_else(|e| panic!("{e}"));
        let md = minutes(&session);
        let stem = source.file_stem().unwrap().to_string_lossy();
        let golden = root.join(format!("tests/golden/{stem}.md"));
        if update {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &md).unwrap();
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(expected) if expected == md => {}
            Ok(expected) => failures.push(format!(
                "{} differs from {}: {}",
                source.display(),
                golden.display(),
                first_difference(&expected, &md)
            )),
            Err(_) => failures.push(format!(
                "{} has no golden minutes at {}: create it with `UPDATE_GOLDEN=1 cargo test --test minutes_golden` and read it before committing",
                source.display(),
                golden.display()
            )),
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}
