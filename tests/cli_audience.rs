#![allow(clippy::unwrap_used)]
//! `--audience` on the real binary: minutes and the trustee pack for the
//! public, partners or trustees, the partnership's remembered default, and
//! the markings in `--json`. Uses the example archive, where Brindley Vale's
//! second session keeps a note and an action for trustees.

use std::path::Path;

use predicates::str::contains;
use roundtable::domain::Audience;
use roundtable::storage::{AppState, STATE_ENV, write_state};
use serde_json::Value;
use tempfile::TempDir;

mod cli_support;
use cli_support::{archive, roundtable, stdout};

const SESSION: &str = "2026-12-03-brindley-vale-second-co-design-session";
const KEPT_BACK: &str = "Set up payment for community members";
const PARTNERSHIP: &str = "Brindley Vale Health Equity Partnership";

/// `roundtable --dir DIR` with its own (empty unless written) state folder.
fn cmd(dir: &Path, state: &Path) -> assert_cmd::Command {
    let mut c = roundtable(dir);
    c.env(STATE_ENV, state);
    c
}

#[test]
fn export_writes_the_minutes_for_the_audience_named() {
    let (dir, state) = (archive(), TempDir::new().unwrap());
    let minutes =
        |who: &str| stdout(cmd(dir.path(), state.path()).args(["export", SESSION, "--audience", who]));
    let public = minutes("public");
    assert!(
        public.contains("- **Audience:** Public: may be published"),
        "{public}"
    );
    assert!(!public.contains(KEPT_BACK), "{public}");
    assert!(!public.contains("Hodan Ali"), "{public}");
    let partners = minutes("partners");
    assert!(partners.contains("**Audience:** Partners"), "{partners}");
    assert!(!partners.contains(KEPT_BACK), "{partners}");
    let trustees = minutes("Trustees");
    assert!(trustees.contains("**Audience:** Trustees"), "{trustees}");
    assert!(trustees.contains(KEPT_BACK), "{trustees}");
}

#[test]
fn without_audience_the_partnerships_remembered_choice_is_used_else_partners() {
    let (dir, state) = (archive(), TempDir::new().unwrap());
    let export = || stdout(cmd(dir.path(), state.path()).args(["export", SESSION]));
    assert!(export().contains("**Audience:** Partners"));
    let mut remembered = AppState::default();
    remembered.remember_audience(PARTNERSHIP, Audience::Public);
    write_state(&state.path().join("state.ron"), &remembered).unwrap();
    let md = export();
    assert!(md.contains("**Audience:** Public"), "{md}");
    // Another partnership keeps the default.
    let other =
        stdout(cmd(dir.path(), state.path()).args(["export", "2026-12-16-level-ground-december-check-in"]));
    assert!(other.contains("**Audience:** Partners"), "{other}");
}

#[test]
fn writing_to_a_file_says_who_the_minutes_are_for() {
    let (dir, state) = (archive(), TempDir::new().unwrap());
    let out = dir.path().join("public.md");
    cmd(dir.path(), state.path())
        .args(["export", SESSION, "--audience", "public", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("(for public)"));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("**Audience:** Public")
    );
}

#[test]
fn an_unknown_audience_is_refused_with_the_choices() {
    let (dir, state) = (archive(), TempDir::new().unwrap());
    cmd(dir.path(), state.path())
        .args(["export", SESSION, "--audience", "board"])
        .assert()
        .failure()
        .stderr(contains("use public, partners or trustees"));
}

#[test]
fn the_trustee_pack_takes_an_audience_and_defaults_to_trustees() {
    let (dir, state) = (archive(), TempDir::new().unwrap());
    let pack = |extra: &[&str]| {
        stdout(
            cmd(dir.path(), state.path())
                .args(["export", "--partnership", "brindley"])
                .args(extra),
        )
    };
    let board = pack(&[]);
    assert!(board.contains("- **Audience:** Trustees"), "{board}");
    assert!(board.contains(KEPT_BACK), "{board}");
    let public = pack(&["--audience", "public"]);
    assert!(public.contains("- **Audience:** Public"), "{public}");
    assert!(!public.contains(KEPT_BACK), "{public}");
}

#[test]
fn json_carries_the_markings() {
    let (dir, state) = (archive(), TempDir::new().unwrap());
    let actions: Value = serde_json::from_str(&stdout(cmd(dir.path(), state.path()).args([
        "actions",
        "--partnership",
        "brindley",
        "--json",
    ])))
    .unwrap();
    let marking = |start: &str| {
        actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["text"].as_str().unwrap().starts_with(start))
            .map(|a| a["shown_to"].as_str().unwrap().to_string())
    };
    assert_eq!(marking(KEPT_BACK).as_deref(), Some("trustees"));
    assert_eq!(marking("Book the mosque hall").as_deref(), Some("public"));
    assert_eq!(marking("Confirm the GP partners").as_deref(), Some("partners"));
    let list: Value =
        serde_json::from_str(&stdout(cmd(dir.path(), state.path()).args(["list", "--json"]))).unwrap();
    let entry = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == SESSION)
        .unwrap();
    assert_eq!(entry["shown_to"]["trustees"], 2, "{entry}");
    assert_eq!(entry["shown_to"]["public"], 3, "{entry}");
}
