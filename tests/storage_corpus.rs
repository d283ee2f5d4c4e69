#![allow(clippy::unwrap_used)]
//! Malformed and malicious session files, each beside exactly what
//! `roundtable check` must print for it (`NAME.expected`: stderr, then
//! stdout, then the exit code). The real binary runs on each, from inside
//! `tests/corpus` so paths print short. After a deliberate change to a
//! message, run with UPDATE_CORPUS=1 to rewrite the expectations, and review
//! the diff.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn check(name: &str) -> String {
    let empty = tempfile::tempdir().unwrap();
    let output = cargo_bin_cmd!("roundtable")
        .current_dir(corpus())
        .env("ROUNDTABLE_DIR", empty.path())
        .args(["check", name])
        .output()
        .unwrap();
    format!(
        "{}{}exit code: {}\n",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout),
        output
            .status
            .code()
            .map_or("none (killed by a signal)".into(), |c| c.to_string())
    )
}

#[test]
fn check_prints_exactly_the_expected_report_for_every_file() {
    let update = std::env::var_os("UPDATE_CORPUS").is_some();
    let mut names: Vec<String> = fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "{names:?}");
    let mut wrong = Vec::new();
    for name in &names {
        let actual = check(name);
        let expected_path = corpus().join(name.replace(".ron", ".expected"));
        if update {
            fs::write(&expected_path, &actual).unwrap();
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            wrong.push(format!("--- {name}: expected\n{expected}--- got\n{actual}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "run with UPDATE_CORPUS=1 if intended\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_report_lets_a_terminal_escape_through() {
    for entry in fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "expected") {
            let text = fs::read_to_string(&path).unwrap();
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{}",
                path.display()
            );
        }
    }
}

/// The valid corpus file with `replacement` in place of its location line.
fn valid_with(replacement: &str) -> tempfile::NamedTempFile {
    let text = fs::read_to_string(corpus().join("valid.ron")).unwrap();
    let changed = text.replace("    location: \"Community hall\",", replacement);
    assert_ne!(changed, text);
    let file = tempfile::NamedTempFile::new().unwrap();
    fs::write(file.path(), changed).unwrap();
    file
}

#[test]
fn a_million_nested_brackets_are_refused_without_overflowing_the_stack() {
    let depth = 1_000_000;
    let nested = format!("    hologram: {}{},", "[".repeat(depth), "]".repeat(depth));
    let file = valid_with(&nested);
    let err = roundtable::storage::load(file.path()).unwrap_err();
    assert!(err.to_string().contains("nested far too deeply"), "{err}");
    let (_, problems) = roundtable::storage::load_all(file.path());
    assert_eq!(problems.len(), 1);
}

#[test]
fn a_sixteen_megabyte_string_loads() {
    let huge = "é".repeat(8 * 1024 * 1024);
    let file = valid_with(&format!("    location: \"{huge}\","));
    assert_eq!(roundtable::storage::load(file.path()).unwrap().location, huge);
}
