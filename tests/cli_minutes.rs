#![allow(clippy::unwrap_used)]
//! `roundtable minutes SESSION status|circulate|approve|amend`, run as the
//! real binary on a copy of the shipped examples (Level Ground: July
//! approved, September approved and amended, November circulated, December
//! a draft).

use std::fs;

use predicates::str::contains;
use roundtable::domain::{ApprovedBy, Stage};
use roundtable::storage::load;
use serde_json::Value;

mod cli_support;
use cli_support::{archive, roundtable, stdout};

const SEPTEMBER: &str = "2026-09-16-level-ground-september-data-review";
const NOVEMBER: &str = "2026-11-11-level-ground-november-data-review";
const DECEMBER: &str = "2026-12-16-level-ground-december-check-in";

#[test]
fn status_as_json_tells_the_stage_approval_and_amendments() {
    let tmp = archive();
    let out = stdout(roundtable(tmp.path()).args(["minutes", SEPTEMBER, "status", "--json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["stage"], "approved");
    assert_eq!(v["locked"], true);
    assert_eq!(v["approved"]["at"], NOVEMBER);
    assert_eq!(v["approved"]["how"], "proposed");
    assert_eq!(v["approved"]["proposer"], "Bridget Fallon");
    assert_eq!(v["amendments"][0]["by"], "Amira Haddad");
    assert_eq!(v["circulated"][0]["on"], "2026-09-23");
    let draft = stdout(roundtable(tmp.path()).args(["minutes", DECEMBER, "status", "--json"]));
    let v: Value = serde_json::from_str(&draft).unwrap();
    assert_eq!(
        (v["stage"].as_str(), v["approved"].is_null()),
        (Some("draft"), true)
    );
    assert_eq!(v["circulated"].as_array().map(Vec::len), Some(0));
}

#[test]
fn approving_at_the_next_session_is_recorded_on_the_minutes_file() {
    let tmp = archive();
    let out = stdout(roundtable(tmp.path()).args([
        "minutes",
        NOVEMBER,
        "approve",
        "--at",
        DECEMBER,
        "--proposer",
        "Marcus Bell",
        "--seconder",
        "Leanne Moss",
    ]));
    assert!(
        out.contains("approved on 2026-12-16, proposed by Marcus Bell"),
        "{out}"
    );
    let nov = load(&tmp.path().join(format!("{NOVEMBER}.ron"))).unwrap();
    assert_eq!(nov.minutes.stage(), Stage::Approved);
    assert_eq!(
        nov.minutes.approved.unwrap().how,
        ApprovedBy::Proposed {
            proposer: "Marcus Bell".into(),
            seconder: "Leanne Moss".into()
        }
    );
    // The December minutes now say the last minutes were approved there.
    let minutes = stdout(roundtable(tmp.path()).args(["export", DECEMBER]));
    assert!(
        minutes.contains("were approved at this session, proposed by Marcus Bell, seconded by Leanne Moss."),
        "{minutes}"
    );
}

#[test]
fn approving_draft_minutes_is_refused_and_says_to_circulate_first() {
    let tmp = archive();
    let file = tmp.path().join(format!("{DECEMBER}.ron"));
    let before = fs::read(&file).unwrap();
    roundtable(tmp.path())
        .args([
            "minutes", DECEMBER, "approve", "--at", DECEMBER, "--by", "consent",
        ])
        .assert()
        .code(1)
        .stderr(contains("never circulated"))
        .stderr(contains("circulate --to WHO"));
    assert_eq!(fs::read(&file).unwrap(), before, "nothing written");
    stdout(roundtable(tmp.path()).args([
        "minutes",
        DECEMBER,
        "circulate",
        "--to",
        "all partners",
        "--on",
        "2026-12-20",
    ]));
    let dec = load(&file).unwrap();
    assert_eq!(dec.minutes.circulated[0].to, "all partners");
    roundtable(tmp.path())
        .args([
            "minutes", DECEMBER, "approve", "--at", NOVEMBER, "--by", "consent",
        ])
        .assert()
        .code(1)
        .stderr(contains("later meeting"));
    roundtable(tmp.path())
        .args([
            "minutes",
            DECEMBER,
            "approve",
            "--at",
            NOVEMBER,
            "--by",
            "show of hands",
        ])
        .assert()
        .code(1)
        .stderr(contains("--proposer NAME --seconder NAME"));
}

#[test]
fn approved_minutes_take_amendments_and_refuse_a_second_approval() {
    let tmp = archive();
    let out = stdout(roundtable(tmp.path()).args([
        "minutes",
        SEPTEMBER,
        "amend",
        "--by",
        "Priti Shah",
        "--text",
        "Ledger, not Ledger Trust",
        "--on",
        "2026-11-20",
    ]));
    assert!(out.contains("(2 amendments)"), "{out}");
    let sept = load(&tmp.path().join(format!("{SEPTEMBER}.ron"))).unwrap();
    assert_eq!(sept.minutes.amendments[1].by, "Priti Shah");
    roundtable(tmp.path())
        .args([
            "minutes", SEPTEMBER, "approve", "--at", DECEMBER, "--by", "consent",
        ])
        .assert()
        .code(1)
        .stderr(contains("already approved"))
        .stderr(contains("amend --by NAME"));
    roundtable(tmp.path())
        .args(["minutes", NOVEMBER, "amend", "--by", "Ann", "--text", "typo"])
        .assert()
        .code(1)
        .stderr(contains("not approved yet"));
}

#[test]
fn status_in_words() {
    let tmp = archive();
    let out = stdout(roundtable(tmp.path()).args(["minutes", SEPTEMBER, "status"]));
    assert_eq!(
        out,
        "Minutes of \"Level Ground — September data review\" (2026-09-16): approved\n  \
         circulated on 2026-09-23 to all partners and the Ledger Trust grants officer\n  \
         approved on 2026-11-11 at 2026-11-11-level-ground-november-data-review, proposed by Bridget Fallon, seconded by Owen Pritchard\n  \
         amended on 2026-11-18 by Amira Haddad: Under Readings, the 38% screening rate covers August and September together, not September alone.\n"
    );
    roundtable(tmp.path())
        .args(["minutes", "no such session", "status"])
        .assert()
        .code(1)
        .stderr(contains("error:"));
}

#[test]
fn actions_as_json_carry_their_follow_through_flags() {
    let tmp = archive();
    let all: Value = serde_json::from_str(&stdout(roundtable(tmp.path()).args([
        "actions",
        "--json",
        "--partnership",
        "level",
        "--today",
        "2026-11-24",
    ])))
    .unwrap();
    let flags_of = |text: &str| -> Vec<String> {
        let found = all
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["text"].as_str().unwrap().starts_with(text));
        found.unwrap()["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(flags_of("Write Kinfolk’s safety checklist"), ["carried 2 times"]);
    assert!(
        flags_of("Train all Ledger advisers").is_empty(),
        "done actions are not flagged"
    );
}

#[test]
fn list_as_json_says_where_each_sessions_minutes_stand() {
    let tmp = archive();
    let all: Value = serde_json::from_str(&stdout(roundtable(tmp.path()).args(["list", "--json"]))).unwrap();
    let stage = |id: &str| -> String {
        let entry = all.as_array().unwrap().iter().find(|e| e["id"] == id);
        entry.unwrap()["minutes"].as_str().unwrap().to_string()
    };
    assert_eq!(stage(SEPTEMBER), "approved");
    assert_eq!(stage(NOVEMBER), "circulated");
    assert_eq!(stage(DECEMBER), "draft");
}
