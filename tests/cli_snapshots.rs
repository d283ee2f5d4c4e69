#![allow(clippy::unwrap_used)]
//! What a person sees from each command, pinned as insta snapshots of exit
//! code, stdout and stderr (temporary folder paths replaced by `[DIR]`).

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use tempfile::TempDir;

/// Runs `roundtable --dir DIR args…` and renders everything it printed.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = cargo_bin_cmd!("roundtable")
        .env_remove("ROUNDTABLE_DIR")
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    let text = format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    text.replace(dir.to_str().unwrap(), "[DIR]")
}

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("fixtures/snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// An archive with a full session, an empty one, and a file with a typo.
fn archive() -> TempDir {
    let tmp = TempDir::new().unwrap();
    fs::copy(
        "tests/fixtures/full-session.ron",
        tmp.path().join("riverside.ron"),
    )
    .unwrap();
    fs::copy(
        "tests/fixtures/malformed.ron",
        tmp.path().join("2026-11-05-typo.ron"),
    )
    .unwrap();
    let out = run(
        tmp.path(),
        &[
            "new",
            "--title",
            "Kick-off",
            "--date",
            "2026-09-01",
            "--partnership",
            "Riverside",
        ],
    );
    assert!(out.starts_with("exit: 0"), "{out}");
    tmp
}

#[test]
fn list_table() {
    let tmp = archive();
    snapshot("list_table", &run(tmp.path(), &["list"]));
}

#[test]
fn check_with_a_typo() {
    let tmp = archive();
    snapshot("check_with_a_typo", &run(tmp.path(), &["check"]));
}

#[test]
fn export_of_an_ambiguous_name() {
    let tmp = archive();
    run(
        tmp.path(),
        &["new", "--title", "Kick-off", "--date", "2026-09-01"],
    );
    snapshot("export_ambiguous", &run(tmp.path(), &["export", "kick-off"]));
}

#[test]
fn saving_where_the_folder_is_a_file() {
    let tmp = TempDir::new().unwrap();
    let file = tmp.path().join("sessions");
    fs::write(&file, "").unwrap();
    snapshot(
        "folder_is_a_file",
        &run(&file, &["new", "--title", "T"]).replace(tmp.path().to_str().unwrap(), "[TMP]"),
    );
}
