#![allow(clippy::unwrap_used)]
//! Finding sessions from the command line: file names from any script,
//! search that folds accents, commands that only read never creating the
//! archive folder, and output that is the same on a pipe as it is whole.

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use predicates::str::contains;
use tempfile::TempDir;

mod cli_support;
use cli_support::roundtable;

fn new_session(dir: &Path, title: &str, date: &str) -> String {
    let out = roundtable(dir)
        .args(["new", "--title", title, "--date", date])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let path = String::from_utf8(out).unwrap();
    Path::new(path.trim_end())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn file_names_spell_any_script_in_latin_letters() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    assert_eq!(
        new_session(dir, "Straße Ørsted Łódź 李伟", "2026-06-01"),
        "2026-06-01-strasse-orsted-lodz-li-wei.ron"
    );
    assert_eq!(
        new_session(dir, "Встреча партнеров", "2026-06-02"),
        "2026-06-02-vstrecha-partnerov.ron"
    );
    assert_eq!(
        new_session(dir, "共同设计", "2026-06-03"),
        "2026-06-03-gong-tong-she-ji.ron"
    );
    // A file named by an older Roundtable keeps its name and is still found.
    fs::copy(
        dir.join("2026-06-01-strasse-orsted-lodz-li-wei.ron"),
        dir.join("2026-06-01-stra-e-rsted-od.ron"),
    )
    .unwrap();
    fs::remove_file(dir.join("2026-06-01-strasse-orsted-lodz-li-wei.ron")).unwrap();
    roundtable(dir)
        .args(["export", "Strasse Orsted"])
        .assert()
        .success()
        .stdout(contains("# Straße Ørsted Łódź 李伟"));
    assert!(dir.join("2026-06-01-stra-e-rsted-od.ron").exists());
}

#[test]
fn search_folds_case_and_accents_both_ways() {
    let tmp = TempDir::new().unwrap();
    new_session(tmp.path(), "Café morning", "2026-06-01");
    new_session(tmp.path(), "Cafe evening", "2026-06-02");
    for query in ["cafe", "CAFÉ"] {
        roundtable(tmp.path())
            .args(["search", query])
            .assert()
            .success()
            .stdout(contains("Café morning").and(contains("Cafe evening")));
    }
}

#[test]
fn commands_that_only_read_never_create_the_archive_folder() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("not-yet");
    let run = |args: &[&str]| roundtable(&dir).args(args).assert();
    run(&["list"]).success().stdout(contains("does not exist yet"));
    run(&["list", "--json"]).success().stdout("[]\n");
    run(&["check"]).success().stderr(contains("does not exist yet"));
    run(&["search", "leaflets"])
        .success()
        .stdout(contains("Nothing found"))
        .stderr(contains("does not exist yet"));
    run(&["actions"]).success().stdout(contains("No actions match"));
    run(&["actions", "--json"]).success().stdout("[]\n");
    run(&["export", "june"]).code(1).stderr(
        contains("the archive folder")
            .and(contains("does not exist"))
            .and(contains("hint: pass --dir")),
    );
    run(&["export", "--partnership", "eastside"])
        .code(1)
        .stderr(contains("does not exist"));
    run(&["actions", "done", "a-1"])
        .code(1)
        .stderr(contains("does not exist"));
    assert!(
        !dir.exists(),
        "a command that only reads created {}",
        dir.display()
    );
    // Writing does create it.
    run(&["new", "--title", "First"]).success();
    assert!(dir.is_dir());
}

#[test]
fn list_piped_keeps_long_titles_whole() {
    let tmp = TempDir::new().unwrap();
    let title = "Brindley Vale partnership — first co-design session with the families";
    new_session(tmp.path(), title, "2026-06-01");
    roundtable(tmp.path())
        .arg("list")
        .assert()
        .success()
        .stdout(contains(title));
}

#[test]
fn help_names_the_environment_variable() {
    cargo_bin_cmd!("roundtable")
        .env_remove("ROUNDTABLE_DIR")
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("[env: ROUNDTABLE_DIR]"));
}

#[test]
fn one_spelling_of_each_status_in_flags_json_and_csv() {
    let tmp = TempDir::new().unwrap();
    fs::copy("tests/fixtures/full-session.ron", tmp.path().join("s.ron")).unwrap();
    let json = roundtable(tmp.path())
        .args(["actions", "--status", "in-progress", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let all = json.as_array().unwrap();
    assert!(!all.is_empty());
    assert!(all.iter().all(|a| a["status"] == "in-progress"), "{json}");
    roundtable(tmp.path())
        .args(["actions", "--status", "in-progress", "--csv"])
        .assert()
        .success()
        .stdout(contains(",in-progress,").and(contains("In progress").not()));
    roundtable(tmp.path())
        .args(["actions", "--status", "in-progress"])
        .assert()
        .success()
        .stdout(contains("In progress"));
}
