#![allow(clippy::unwrap_used)]
//! The real `roundtable` binary, driven from outside with throwaway archive
//! folders (`--dir`), never the user's own sessions.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use predicates::str::contains;
use roundtable::storage::load;
use serde_json::Value;
use tempfile::TempDir;

mod cli_support;
use cli_support::roundtable;

const FULL: &str = "tests/fixtures/full-session.ron";
const MALFORMED: &str = "tests/fixtures/malformed.ron";

/// A new session through the CLI; returns the path it printed.
fn new_session(dir: &Path, title: &str, date: &str) -> PathBuf {
    let out = roundtable(dir)
        .args(["new", "--title", title, "--date", date])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    PathBuf::from(String::from_utf8(out).unwrap().trim_end())
}

fn copy_fixture(dir: &Path, fixture: &str, name: &str) -> PathBuf {
    let to = dir.join(name);
    fs::copy(fixture, &to).unwrap();
    to
}

#[test]
fn new_creates_a_session_file_and_prints_its_path() {
    let tmp = TempDir::new().unwrap();
    let out = roundtable(tmp.path())
        .args([
            "new",
            "--title",
            "June review",
            "--date",
            "2026-06-01",
            "--partnership",
            "Eastside",
        ])
        .args(["--location", "Hall B", "--facilitator", "Sam"])
        .assert()
        .success();
    let path = tmp.path().join("2026-06-01-june-review.ron");
    out.stdout(format!("{}\n", path.display()));
    let s = load(&path).unwrap();
    assert_eq!(
        (s.title.as_str(), s.partnership.as_str()),
        ("June review", "Eastside")
    );
    assert_eq!((s.location.as_str(), s.facilitator.as_str()), ("Hall B", "Sam"));
    assert_eq!(s.date.to_string(), "2026-06-01");
    let again = new_session(tmp.path(), "June review", "2026-06-01");
    assert!(
        again.ends_with("2026-06-01-june-review-2.ron"),
        "{}",
        again.display()
    );
}

#[test]
fn new_creates_a_missing_archive_folder_and_defaults_to_today() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("not").join("yet");
    roundtable(&dir)
        .args(["new", "--title", "Kick-off"])
        .assert()
        .success();
    let today = chrono::Local::now().date_naive();
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
    let file = fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
    assert!(load(&file).unwrap().date >= today - chrono::Days::new(1));
}

#[test]
fn new_rejects_an_empty_title_and_a_bad_date() {
    let tmp = TempDir::new().unwrap();
    roundtable(tmp.path())
        .args(["new", "--title", "  "])
        .assert()
        .code(1)
        .stderr(contains("error: the title is empty").and(contains("hint: ")));
    roundtable(tmp.path())
        .args(["new", "--title", "T", "--date", "next week"])
        .assert()
        .code(2)
        .stderr(contains("YYYY-MM-DD"));
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn list_shows_sessions_newest_first_and_broken_files_with_their_error() {
    let tmp = TempDir::new().unwrap();
    new_session(tmp.path(), "Older meeting", "2026-01-10");
    copy_fixture(tmp.path(), FULL, "riverside.ron");
    copy_fixture(tmp.path(), MALFORMED, "2026-02-01-typo.ron");
    let out = roundtable(tmp.path())
        .arg("list")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("DATE") && lines[0].contains("DECISIONS"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("2026-12-03  Riverside partnership"),
        "{text}"
    );
    assert!(
        lines[1].contains("In progress") && lines[1].ends_with("1        1"),
        "{text}"
    );
    assert!(
        lines[2].contains("2026-02-01-typo.ron:4:12: expected a string"),
        "{text}"
    );
    assert!(lines[3].starts_with("2026-01-10  Older meeting"), "{text}");
    assert!(text.contains("1 file could not be read"), "{text}");
}

#[test]
fn list_of_an_empty_archive_says_so() {
    let tmp = TempDir::new().unwrap();
    roundtable(tmp.path())
        .arg("list")
        .assert()
        .success()
        .stdout(contains("No sessions yet"));
    roundtable(tmp.path())
        .args(["list", "--json"])
        .assert()
        .success()
        .stdout("[]\n");
}

#[test]
fn list_json_is_an_array_scripts_can_read() {
    let tmp = TempDir::new().unwrap();
    let full = copy_fixture(tmp.path(), FULL, "riverside.ron");
    let broken = copy_fixture(tmp.path(), MALFORMED, "broken.ron");
    let out = roundtable(tmp.path())
        .args(["list", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 2);
    let s = &items[0];
    assert_eq!(s["path"], full.display().to_string());
    assert_eq!(s["id"], "2026-12-03-riverside-partnership-second-session");
    assert_eq!(s["title"], "Riverside partnership — second session");
    assert_eq!(s["partnership"], "Riverside Food Partnership");
    assert_eq!(s["date"], "2026-12-03");
    assert_eq!(s["status"], "in-progress");
    assert_eq!(s["counts"]["participants"], 2);
    assert_eq!(s["counts"]["present"], 1);
    assert_eq!(s["counts"]["decisions"], 1);
    assert_eq!(s["counts"]["actions"], 1);
    assert!(s["error"].is_null());
    let b = &items[1];
    assert_eq!(b["path"], broken.display().to_string());
    assert_eq!(b["error"], "expected a string (text in double quotes)");
    assert_eq!((b["line"].as_u64(), b["col"].as_u64()), (Some(4), Some(12)));
    assert!(b.get("title").is_none());
}

#[test]
fn export_writes_minutes_to_stdout_by_name_or_path() {
    let tmp = TempDir::new().unwrap();
    let path = copy_fixture(tmp.path(), FULL, "riverside.ron");
    let by_title = roundtable(tmp.path())
        .args(["export", "riverside partnership — second session"])
        .assert()
        .success()
        .stdout(contains("Riverside partnership — second session"))
        .get_output()
        .stdout
        .clone();
    let by_stem = roundtable(tmp.path())
        .args(["export", "riverside"])
        .assert()
        .success();
    let by_path = roundtable(tmp.path()).arg("export").arg(&path).assert().success();
    assert_eq!(by_stem.get_output().stdout, by_title);
    assert_eq!(by_path.get_output().stdout, by_title);
}

#[test]
fn export_to_a_file_writes_the_same_minutes() {
    let tmp = TempDir::new().unwrap();
    copy_fixture(tmp.path(), FULL, "riverside.ron");
    let stdout = roundtable(tmp.path())
        .args(["export", "riverside"])
        .assert()
        .success();
    let out = tmp.path().join("minutes.md");
    roundtable(tmp.path())
        .args(["export", "riverside", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("Minutes written to"));
    assert_eq!(fs::read(&out).unwrap(), stdout.get_output().stdout);
    let names: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary files left behind: {names:?}");
}

#[test]
fn export_refuses_to_write_minutes_over_a_session_file() {
    let tmp = TempDir::new().unwrap();
    let path = copy_fixture(tmp.path(), FULL, "riverside.ron");
    let before = fs::read(&path).unwrap();
    roundtable(tmp.path())
        .args(["export", "riverside", "-o"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(contains("looks like a session file"));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn export_of_an_unknown_session_is_a_clear_error() {
    let tmp = TempDir::new().unwrap();
    new_session(tmp.path(), "June review", "2026-06-01");
    roundtable(tmp.path())
        .args(["export", "jnue reveiw"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            contains("error: no session called \"jnue reveiw\"")
                .and(contains(
                    "similar sessions:\n  2026-06-01-june-review  (June review)",
                ))
                .and(contains("hint: run `roundtable list`"))
                .and(contains("panicked").not()),
        );
}

#[test]
fn export_finds_a_title_typed_with_a_hyphen_or_a_unique_part_of_it() {
    let tmp = TempDir::new().unwrap();
    new_session(
        tmp.path(),
        "Brindley Vale — first co-design session",
        "2026-06-01",
    );
    new_session(tmp.path(), "Brindley Vale — second session", "2026-07-01");
    for typed in [
        "Brindley Vale - first co-design session",
        "first co-design",
        "SECOND",
    ] {
        roundtable(tmp.path())
            .args(["export", typed])
            .assert()
            .success()
            .stdout(contains("# Brindley Vale"));
    }
    roundtable(tmp.path())
        .args(["export", "brindley vale"])
        .assert()
        .code(1)
        .stderr(
            contains("matches more than one session")
                .and(contains("2026-07-01-brindley-vale-second-session")),
        );
}

#[test]
fn export_of_a_broken_file_points_at_the_mistake() {
    let tmp = TempDir::new().unwrap();
    copy_fixture(tmp.path(), MALFORMED, "typo.ron");
    roundtable(tmp.path())
        .args(["export", "typo"])
        .assert()
        .code(1)
        .stderr(contains("typo.ron:4:12: expected a string").and(contains("hint: fix the file")));
}

#[test]
fn check_reports_a_malformed_file_and_leaves_it_untouched() {
    let tmp = TempDir::new().unwrap();
    let path = copy_fixture(tmp.path(), MALFORMED, "typo.ron");
    let before = fs::read(&path).unwrap();
    roundtable(tmp.path())
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(contains(format!(
            "{}:4:12: expected a string (text in double quotes)",
            path.display()
        )))
        .stdout(contains("1 file checked, 1 invalid"));
    assert_eq!(fs::read(&path).unwrap(), before);
    // Opening the archive as a whole does not touch it either.
    roundtable(tmp.path()).arg("check").assert().code(1);
    roundtable(tmp.path()).arg("list").assert().success();
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn check_passes_when_every_file_is_valid() {
    let tmp = TempDir::new().unwrap();
    new_session(tmp.path(), "One", "2026-01-01");
    copy_fixture(tmp.path(), FULL, "riverside.ron");
    fs::write(tmp.path().join("notes.txt"), "not a session").unwrap();
    roundtable(tmp.path())
        .arg("check")
        .assert()
        .success()
        .stdout("2 files checked, all valid\n")
        .stderr("");
}

#[test]
fn check_prints_validation_errors_and_warnings() {
    let tmp = TempDir::new().unwrap();
    let text = fs::read_to_string(FULL).unwrap();
    let warn = tmp.path().join("warn.ron");
    fs::write(
        &warn,
        text.replace(
            "owner: \"Helen Marsh\",\n            due",
            "owner: \"Zed\",\n            due",
        ),
    )
    .unwrap();
    roundtable(tmp.path())
        .arg("check")
        .arg(&warn)
        .assert()
        .success()
        .stderr(contains(format!("{}: warning: ", warn.display())).and(contains("Zed")))
        .stdout("1 file checked, all valid (1 warning)\n");
    let bad = tmp.path().join("bad.ron");
    fs::write(&bad, text.replace("format_version: 4", "format_version: 7")).unwrap();
    roundtable(tmp.path())
        .arg("check")
        .arg(&bad)
        .arg(tmp.path().join("missing.ron"))
        .assert()
        .code(1)
        .stderr(
            contains(format!("{}: error: format_version 7", bad.display()))
                .and(contains("it does not exist")),
        )
        .stdout("2 files checked, 2 invalid\n");
}

#[test]
fn the_archive_folder_can_come_from_the_environment() {
    let tmp = TempDir::new().unwrap();
    new_session(tmp.path(), "From env", "2026-03-03");
    cargo_bin_cmd!("roundtable")
        .env("ROUNDTABLE_DIR", tmp.path())
        .arg("list")
        .assert()
        .success()
        .stdout(contains("From env"));
}

#[test]
fn usage_errors_help_and_version() {
    let tmp = TempDir::new().unwrap();
    roundtable(tmp.path())
        .arg("frobnicate")
        .assert()
        .code(2)
        .stderr(contains("error:"));
    roundtable(tmp.path())
        .arg("export")
        .assert()
        .code(2)
        .stderr(contains("SESSION"));
    roundtable(tmp.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("list").and(contains("--dir")));
    roundtable(tmp.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("roundtable {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_folder_that_is_a_file_is_reported_with_its_path() {
    let tmp = TempDir::new().unwrap();
    let file = tmp.path().join("plain-file");
    fs::write(&file, "x").unwrap();
    roundtable(&file)
        .arg("list")
        .assert()
        .code(1)
        .stderr(contains("error: could not").and(contains("plain-file")));
}

/// `list` remembers each file's card, but only while the file is unchanged:
/// a session edited since (here backdated, as a sync tool may leave it) is
/// read again, so the list never shows a stale title.
#[test]
fn list_remembers_cards_but_never_shows_a_changed_file_stale() {
    let dir = TempDir::new().unwrap();
    let path = new_session(dir.path(), "Spring review", "2026-03-02");
    let backdate = |secs: u64| {
        let when = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(when)
            .unwrap();
    };
    backdate(1_700_000_000);
    let first = cli_support::stdout(roundtable(dir.path()).arg("list"));
    assert!(first.contains("Spring review"), "{first}");
    let mut session = load(&path).unwrap();
    session.title = "Spring review, renamed".into();
    roundtable::storage::save(&path, &session).unwrap();
    backdate(1_700_000_100);
    let again = cli_support::stdout(roundtable(dir.path()).arg("list"));
    assert!(again.contains("Spring review, renamed"), "{again}");
    let json = cli_support::stdout(roundtable(dir.path()).args(["list", "--json"]));
    assert!(json.contains("Spring review, renamed"), "{json}");
}

#[test]
fn list_json_keeps_every_warning_message_when_the_cards_are_remembered() {
    let dir = TempDir::new().unwrap();
    let path = new_session(dir.path(), "Owned elsewhere", "2026-03-02");
    let mut session = load(&path).unwrap();
    session.actions.push(roundtable::domain::ActionItem {
        text: "Send the minutes".into(),
        owner: "Zed".into(),
        ..Default::default()
    });
    roundtable::storage::save(&path, &session).unwrap();
    // Settled, so the second run lists it from the remembered card.
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    for run in ["first", "remembered"] {
        let json = cli_support::stdout(roundtable(dir.path()).args(["list", "--json"]));
        let items: Value = serde_json::from_str(&json).unwrap();
        let problems = items[0]["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 1, "{run}: {json}");
        assert_eq!(problems[0]["severity"], "warning");
        assert!(
            problems[0]["message"].as_str().unwrap().contains("\"Zed\""),
            "{run}: {json}"
        );
    }
}
