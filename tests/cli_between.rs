#![allow(clippy::unwrap_used)]
//! `roundtable search`, `roundtable actions` and `roundtable export
//! --partnership`, run as the real binary on a copy of the shipped examples.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use roundtable::domain::ActionStatus;
use roundtable::storage::load;
use serde_json::Value;

mod cli_support;
use cli_support::{archive, roundtable, stdout};

const DECEMBER: &str = "2026-12-16-level-ground-december-check-in.ron";
const NOVEMBER: &str = "2026-11-11-level-ground-november-data-review.ron";

fn json(cmd: &mut Command) -> Vec<Value> {
    serde_json::from_str::<Value>(&stdout(cmd))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn search_lists_the_best_match_first() {
    let tmp = archive();
    let out = stdout(roundtable(tmp.path()).args(["search", "hebble", "TUESDAY"]));
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with(
            "2026-11-11  Level Ground — November data review  ›  Decisions: \
             Move the Hebble Green family group to Tuesday mornings"
        ),
        "{out}"
    );
    assert!(out.lines().all(|l| l.contains("  ›  ")), "{out}");
    roundtable(tmp.path())
        .args(["search", "zebra crossing"])
        .assert()
        .success()
        .stdout("Nothing found for \"zebra crossing\" in 7 sessions.\n");
}

#[test]
fn search_as_json_names_the_file_and_the_place() {
    let tmp = archive();
    let hits = json(roundtable(tmp.path()).args(["search", "--json", "bank block"]));
    assert!(!hits.is_empty());
    let first = &hits[0];
    assert!(first["path"].as_str().unwrap().ends_with(".ron"));
    // The goal holds "bank block" as a phrase, and goals rank above activities.
    assert_eq!(first["section"], "step-1-goals");
    assert_eq!(first["section_label"], "Step 1: Goals");
    assert!(first["snippet"].as_str().unwrap().contains("a bank block and"));
    assert!(hits.iter().any(|h| h["section"] == "step-3-activities"));
    let scores: Vec<u64> = hits.iter().map(|h| h["score"].as_u64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn search_needs_words() {
    let tmp = archive();
    roundtable(tmp.path()).arg("search").assert().failure().code(2);
}

#[test]
fn actions_filter_by_partnership_owner_status_and_overdue() {
    let tmp = archive();
    let table =
        stdout(roundtable(tmp.path()).args(["actions", "--partnership", "level ground", "--owner", "AMIRA"]));
    let ids: Vec<&str> = table
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(ids, ["a-t4n8q2", "a-k5s9v1", "a-v0n6d2"], "{table}");
    assert!(table.starts_with("ID  "), "{table}");

    let overdue = stdout(roundtable(tmp.path()).args([
        "actions",
        "--overdue",
        "--partnership",
        "Level",
        "--today",
        "2026-11-24",
    ]));
    assert!(
        overdue.contains("a-y9c1h4  2026-09-30  In progress (overdue)"),
        "{overdue}"
    );
    assert_eq!(overdue.lines().count(), 3, "{overdue}");

    let done = json(roundtable(tmp.path()).args([
        "actions",
        "--status",
        "done",
        "--json",
        "--partnership",
        "Level",
    ]));
    assert_eq!(done.len(), 5);
    assert!(
        done.iter()
            .all(|a| a["status"] == "done" && a["overdue"] == false)
    );

    roundtable(tmp.path())
        .args(["actions", "--status", "finished"])
        .assert()
        .code(2)
        .stderr(contains("use open, in-progress, done or dropped"));
}

#[test]
fn actions_as_json_point_at_the_latest_copy() {
    let tmp = archive();
    let all = json(roundtable(tmp.path()).args(["actions", "--json", "--today", "2026-11-24"]));
    let protocol = all.iter().find(|a| a["id"] == "a-y9c1h4").unwrap();
    assert!(protocol["path"].as_str().unwrap().ends_with(DECEMBER));
    assert_eq!(
        protocol["first_session_id"],
        "2026-09-16-level-ground-september-data-review"
    );
    assert_eq!(protocol["overdue"], true);
    assert_eq!(all.iter().filter(|a| a["id"] == "a-y9c1h4").count(), 1);
}

#[test]
fn actions_as_csv_for_a_spreadsheet() {
    let tmp = archive();
    let csv = stdout(roundtable(tmp.path()).args([
        "actions",
        "--csv",
        "--owner",
        "Priti",
        "--today",
        "2026-11-24",
    ]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("ID,Action,Owner,Due,Status,Overdue,Partnership,First agreed,Latest session")
    );
    assert_eq!(
        lines.next(),
        Some(
            "a-b6w3k9,Train all Ledger advisers in the two screening questions,Priti Shah,2026-08-14,done,,\
             Level Ground Partnership,2026-07-08 Level Ground — launch session,2026-09-16 Level Ground — September data review"
        )
    );
    roundtable(tmp.path())
        .args(["actions", "--csv", "--json"])
        .assert()
        .code(2);
}

#[test]
fn done_writes_back_to_the_session_holding_the_latest_copy() {
    let tmp = archive();
    let november_before = fs::read(tmp.path().join(NOVEMBER)).unwrap();
    roundtable(tmp.path())
        .args(["actions", "done", "a-v0n6d2"])
        .assert()
        .success()
        .stdout(contains("now Done").and(contains(DECEMBER)));
    let december = load(&tmp.path().join(DECEMBER)).unwrap();
    let action = december.actions.iter().find(|a| a.id == "a-v0n6d2").unwrap();
    assert_eq!(action.status, ActionStatus::Done);
    assert!(december.updated > december.created);
    assert_eq!(
        fs::read(tmp.path().join(NOVEMBER)).unwrap(),
        november_before,
        "older copies are history"
    );
    roundtable(tmp.path()).arg("check").assert().success();
    roundtable(tmp.path())
        .args(["actions", "done", "a-v0n6d2"])
        .assert()
        .success()
        .stdout(contains("Nothing changed"));
}

#[test]
fn set_changes_owner_and_due_and_rejects_nonsense() {
    let tmp = archive();
    roundtable(tmp.path())
        .args([
            "actions",
            "set",
            "a-s4h8t3",
            "--owner",
            "Simon Hargreaves",
            "--due",
            "2027-01-20",
        ])
        .assert()
        .success();
    let december = load(&tmp.path().join(DECEMBER)).unwrap();
    let action = december.actions.iter().find(|a| a.id == "a-s4h8t3").unwrap();
    assert_eq!(action.owner, "Simon Hargreaves");
    assert_eq!(action.due.unwrap().to_string(), "2027-01-20");
    roundtable(tmp.path())
        .args(["actions", "set", "a-s4h8t3", "--due", "none"])
        .assert()
        .success();
    assert_eq!(
        load(&tmp.path().join(DECEMBER))
            .unwrap()
            .actions
            .iter()
            .find(|a| a.id == "a-s4h8t3")
            .unwrap()
            .due,
        None
    );
    roundtable(tmp.path())
        .args(["actions", "set", "a-s4h8t3"])
        .assert()
        .failure()
        .stderr("error: nothing to change\nhint: say what to change with --status, --owner or --due\n");
    roundtable(tmp.path())
        .args(["actions", "done", "a-nothing"])
        .assert()
        .failure()
        .stderr(contains("there is no action with the ID \"a-nothing\""));
}

#[test]
fn done_refuses_to_save_over_a_broken_file() {
    let tmp = archive();
    let path = tmp.path().join(DECEMBER);
    let broken = fs::read_to_string(&path)
        .unwrap()
        .replacen("status: Draft", "status: Draft,,", 1);
    fs::write(&path, &broken).unwrap();
    // The broken file is left out, so the action's latest copy is November's.
    roundtable(tmp.path())
        .args(["actions", "done", "a-v0n6d2"])
        .assert()
        .success()
        .stderr(contains("1 file could not be read"))
        .stdout(contains(NOVEMBER));
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn export_for_a_partnership_writes_the_report_and_spreadsheets() {
    let tmp = archive();
    let report =
        stdout(roundtable(tmp.path()).args(["export", "--partnership", "level", "--to", "2026-11-30"]));
    assert!(
        report.starts_with("# Level Ground Partnership: report to trustees\n"),
        "{report}"
    );
    assert!(report.contains("**Sessions:** 3"));
    let out = tmp.path().join("measures.csv");
    roundtable(tmp.path())
        .args([
            "export",
            "--partnership",
            "Level Ground Partnership",
            "--format",
            "measures-csv",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("Partnership,Measure ID,")
    );
    roundtable(tmp.path())
        .args(["export", "--partnership", "Level", "-o"])
        .arg(tmp.path().join(NOVEMBER))
        .assert()
        .failure()
        .stderr(contains("looks like a session file"));
    roundtable(tmp.path())
        .args(["export", "--partnership", "partnership"])
        .assert()
        .failure()
        .stderr(contains("matches more than one partnership"));
    roundtable(tmp.path())
        .args(["export", "--partnership", "Level", "--from", "2027-01-01"])
        .assert()
        .failure()
        .stderr(contains(
            "no session of Level Ground Partnership falls in that period",
        ));
    roundtable(tmp.path())
        .args(["export", "--from", "2026-01-01", NOVEMBER])
        .assert()
        .failure()
        .stderr(contains("add --partnership NAME"));
}

#[test]
fn exporting_one_session_adds_progress_from_its_folder() {
    let tmp = archive();
    let minutes = stdout(roundtable(tmp.path()).args(["export", NOVEMBER]));
    assert!(minutes.contains("## Progress since the last session"));
    let golden = fs::read_to_string(
        "tests/golden/between/2026-11-11-level-ground-november-data-review-with-progress.md",
    )
    .unwrap();
    assert_eq!(minutes, golden);
}
