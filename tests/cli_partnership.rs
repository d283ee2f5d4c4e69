//! `roundtable partnership NAME [--json]` on the real binary, over a
//! partnership built in code (see `partnership_support`), plus the trustee
//! pack's new sections as a golden file.
#![allow(clippy::unwrap_used)]

mod cli_support;
mod partnership_support;

use std::path::Path;

use chrono::NaiveDate;
use cli_support::{roundtable, stdout};
use predicates::str::contains;
use roundtable::domain::History;
use roundtable::export::{Period, trustee_pack};
use serde_json::Value;
use tempfile::TempDir;

fn archive() -> TempDir {
    let tmp = TempDir::new().unwrap();
    partnership_support::save_into(tmp.path());
    tmp
}

#[test]
fn prints_warnings_attendance_grid_and_health_in_markdown() {
    let tmp = archive();
    let out = stdout(roundtable(tmp.path()).args(["partnership", "riverside", "--today", "2026-12-03"]));
    assert!(
        out.starts_with("# Riverside Food Partnership: the partnership over time\n"),
        "{out}"
    );
    for want in [
        "- City Council Public Health has missed the last two sessions in a row.",
        "- Westbank Tenants Group came but did not speak at its last two sessions.",
        "| Grow Together Allotments (left)",
        "**Goals nobody is working on:**\n\n- A food poverty strategy the council adopts",
        "| Equity         | 3.3 (2–4, 3 scored) | 3.0 (2–4, 4 scored)   | ↓ down |",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}");
    }
}

#[test]
fn json_has_engagement_warnings_grid_and_health_trends() {
    let tmp = archive();
    let out = stdout(roundtable(tmp.path()).args([
        "partnership",
        "Riverside Food",
        "--json",
        "--today",
        "2026-12-03",
    ]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["partnership"], "Riverside Food Partnership");
    let warnings = v["engagement"]["warnings"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = warnings
        .iter()
        .map(|w| (w["organisation"].as_str().unwrap(), w["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("City Council Public Health", "missed_two_sessions"),
            ("Westbank Tenants Group", "not_spoken_in_two_sessions")
        ]
    );
    let orgs = v["engagement"]["organisations"].as_array().unwrap();
    let grow = orgs
        .iter()
        .find(|o| o["organisation"] == "Grow Together Allotments")
        .unwrap();
    assert_eq!(grow["left"], true);
    assert_eq!(grow["sessions"][0]["present"], 1);
    let goals = v["grid"]["goals"].as_array().unwrap();
    assert_eq!(goals[0]["overlap"], true);
    assert_eq!(goals[3]["nobody"], true);
    assert_eq!(v["health"]["checks"][1]["anonymous"], true);
    assert_eq!(v["health"]["checks"][1]["principles"][0]["mean"], 3.0);
    assert_eq!(v["health"]["trends"][0]["direction"], "down");
    assert_eq!(v["health"]["trends"][1]["direction"], "up");
}

#[test]
fn an_unknown_partnership_lists_the_ones_there_are() {
    let tmp = archive();
    roundtable(tmp.path())
        .args(["partnership", "eastside"])
        .assert()
        .failure()
        .stderr(contains("no partnership called \"eastside\""))
        .stderr(contains("Riverside Food Partnership"));
}

/// Compares `text` with `tests/golden/partnership/NAME`, or writes it there
/// with `UPDATE_GOLDEN=1`.
fn golden(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/partnership")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden at {}: run with UPDATE_GOLDEN=1 and read it",
            path.display()
        )
    });
    assert_eq!(expected, text, "{name} differs from its golden file");
}

#[test]
fn trustee_pack_carries_engagement_grid_and_health() {
    let sessions = partnership_support::sessions();
    let history = History::new(&sessions);
    let series = &history.series()[0];
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let pack = trustee_pack(&history, series, Period::default(), today).unwrap();
    golden("riverside-report.md", &pack);
    for heading in ["## Engagement", "## Who does what", "## Partnership health"] {
        assert!(pack.contains(heading), "{heading}");
    }
}
