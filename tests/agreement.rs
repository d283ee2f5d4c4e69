#![allow(clippy::unwrap_used)]
//! The partnering agreement: drafted from the shipped example archive it
//! must match `tests/golden/agreement/` (run with `UPDATE_GOLDEN=1` after a
//! deliberate change, and read the diff as a chair of trustees would); a
//! partnership that has agreed little shows every missing part as "To be
//! agreed"; and `roundtable agreement` on the real binary.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use predicates::prelude::*;
use predicates::str::contains;
use roundtable::domain::{History, Session};
use roundtable::export::agreement::draft;
use serde_json::Value;

mod cli_support;
use cli_support::{archive, roundtable, stdout};

fn workshops() -> Vec<Session> {
    let mut files: Vec<_> = fs::read_dir("workshops")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| roundtable::storage::load(p).unwrap())
        .collect()
}

fn check_golden(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/agreement/{name}.md"));
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert_eq!(text, expected, "{} differs", path.display());
}

fn drafted(partnership: &str) -> String {
    let sessions = workshops();
    let h = History::new(&sessions);
    let series = h.find_series(partnership).unwrap();
    let of: Vec<&Session> = series.sessions.iter().filter_map(|&i| h.session(i)).collect();
    draft(&series.name, &of, NaiveDate::from_ymd_opt(2027, 1, 10).unwrap())
}

#[test]
fn the_example_partnerships_draft_to_their_golden_agreements() {
    let level_ground = drafted("Level Ground");
    check_golden("level-ground", &level_ground);
    let brindley = drafted("Brindley Vale");
    check_golden("brindley-vale", &brindley);
    assert!(
        brindley.contains("*To be agreed.*"),
        "Brindley Vale has not settled every part yet:\n{brindley}"
    );
    // Valid Markdown with one top heading and a numbered heading per part.
    for text in [&level_ground, &brindley] {
        assert_eq!(text.matches("\n## ").count(), 8, "{text}");
        assert!(!text.contains("\n\n\n"), "{text}");
    }
}

#[test]
fn the_cli_prints_the_agreement_writes_it_to_a_file_and_gives_json() {
    let tmp = archive();
    let out = stdout(roundtable(tmp.path()).args(["agreement", "level ground"]));
    assert!(out.starts_with("# Level Ground"), "{out}");
    assert!(out.contains("## 2. Our shared vision"), "{out}");
    let file = tmp.path().join("agreement.md");
    roundtable(tmp.path())
        .args(["agreement", "Brindley", "--output"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("Written to"));
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("partnering agreement")
    );
    let json = stdout(roundtable(tmp.path()).args(["agreement", "Brindley", "--json"]));
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["parts"].as_array().map(Vec::len), Some(8));
    assert_eq!(v["parts"][1]["title"], "Our shared vision");
    let open = v["to_be_agreed"].as_array().unwrap();
    assert_eq!(
        open.len(),
        v["parts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["to_be_agreed"] == true)
            .count()
    );
    assert!(v["markdown"].as_str().unwrap().starts_with("# Brindley Vale"));
}

#[test]
fn an_unknown_partnership_is_named_with_the_ones_the_archive_holds() {
    let tmp = archive();
    roundtable(tmp.path())
        .args(["agreement", "Nowhere Alliance"])
        .assert()
        .failure()
        .code(1)
        .stderr(
            contains("no partnership called \"Nowhere Alliance\"")
                .and(contains("Level Ground"))
                .and(contains("Brindley Vale")),
        );
}
