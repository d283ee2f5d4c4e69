#![allow(clippy::unwrap_used)]
//! `roundtable remove`, `trash` and `restore` on the real binary: a removed
//! session is out of `list`, `search`, `actions` and the partnership report,
//! waits in the trash folder, and comes back without overwriting anything.

use std::fs;
use std::path::Path;

use predicates::str::contains;
use tempfile::TempDir;

mod cli_support;
use cli_support::{archive, roundtable, stdout};

const NORTH_COAST: &str = "2026-10-21-north-coast-food-justice-alliance-roles-and-awareness";

#[test]
fn a_removed_session_is_out_of_list_search_actions_and_reports_until_restored() {
    let tmp = archive();
    let dir = tmp.path();
    let visible = |dir: &Path| {
        let list = stdout(roundtable(dir).arg("list"));
        let search = stdout(roundtable(dir).args(["search", "Harbourside"]));
        let actions = stdout(roundtable(dir).args(["actions", "--json"]));
        (list, search, actions)
    };
    let (list, search, actions) = visible(dir);
    assert!(
        list.contains("North Coast") && search.contains("North Coast") && actions.contains("North Coast")
    );

    let out = stdout(roundtable(dir).args([
        "remove",
        "North Coast Food Justice Alliance — roles and awareness",
    ]));
    assert!(
        out.contains("to the trash") && out.contains("roundtable restore"),
        "{out}"
    );
    assert!(dir.join("trash").join(format!("{NORTH_COAST}.ron")).is_file());
    let (list, search, actions) = visible(dir);
    assert!(!list.contains("North Coast"), "{list}");
    assert!(search.starts_with("Nothing found"), "{search}");
    assert!(!actions.contains("North Coast"), "{actions}");
    roundtable(dir)
        .args(["export", "--partnership", "North Coast"])
        .assert()
        .failure();

    let trash = stdout(roundtable(dir).arg("trash"));
    assert!(
        trash.contains("North Coast Food Justice Alliance — roles and awareness"),
        "{trash}"
    );
    let out = stdout(roundtable(dir).args(["restore", NORTH_COAST]));
    assert!(out.starts_with("Restored"), "{out}");
    let (list, search, actions) = visible(dir);
    assert!(
        list.contains("North Coast") && search.contains("North Coast") && actions.contains("North Coast")
    );
    assert!(stdout(roundtable(dir).arg("trash")).starts_with("The trash is empty"));
}

#[test]
fn restoring_onto_a_taken_name_keeps_both() {
    let tmp = archive();
    let dir = tmp.path();
    let file = dir.join(format!("{NORTH_COAST}.ron"));
    let original = fs::read(&file).unwrap();
    stdout(roundtable(dir).args(["remove", NORTH_COAST]));
    fs::write(&file, "a newer file by that name").unwrap();
    let out = stdout(roundtable(dir).args(["restore", NORTH_COAST]));
    assert!(out.contains("its old name was taken"), "{out}");
    assert_eq!(
        fs::read(dir.join(format!("{NORTH_COAST}-2.ron"))).unwrap(),
        original
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "a newer file by that name");
}

#[test]
fn a_session_open_in_the_app_is_not_removed() {
    let tmp = archive();
    let file = tmp.path().join(format!("{NORTH_COAST}.ron"));
    let _open = roundtable::storage::lock(&file, chrono::Utc::now()).unwrap();
    roundtable(tmp.path())
        .args(["remove", NORTH_COAST])
        .assert()
        .code(1)
        .stderr(contains("was not removed"))
        .stderr(contains("hint: close it there first"));
    assert!(file.is_file());
}

#[test]
fn restore_with_no_trash_says_so() {
    let tmp = archive();
    roundtable(tmp.path())
        .args(["restore", NORTH_COAST])
        .assert()
        .code(1)
        .stderr(contains("the trash is empty"));
    assert!(!tmp.path().join("trash").exists());
}

#[test]
fn a_mistyped_theme_or_a_flag_for_the_app_with_a_command_is_refused() {
    let tmp = TempDir::new().unwrap();
    roundtable(tmp.path())
        .env("ROUNDTABLE_THEME", "sepia")
        .assert()
        .code(1)
        .stderr(contains(
            "ROUNDTABLE_THEME: \"sepia\" is not a theme: use dark, light or high-contrast",
        ));
    roundtable(tmp.path())
        .args(["--theme", "sepia"])
        .assert()
        .code(2)
        .stderr(contains("possible values: dark, light, high-contrast"));
    roundtable(tmp.path())
        .args(["--examples", "list"])
        .assert()
        .code(1)
        .stderr(contains("a command does not open it"));
    let help = stdout(roundtable(tmp.path()).arg("--help"));
    assert!(
        help.contains("--theme <THEME>") && help.contains("--examples"),
        "{help}"
    );
}
