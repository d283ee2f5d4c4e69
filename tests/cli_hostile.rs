#![allow(clippy::unwrap_used)]
//! Every command over an archive whose titles, partnerships, actions and
//! file names hold terminal escape sequences, and with such text typed as
//! arguments: on success and on error, nothing a terminal would act on
//! (ESC, BEL and other C0 controls, DEL, C1 controls, bidi overrides and
//! isolates) may reach stdout or stderr.

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use chrono::{DateTime, NaiveDate};
use roundtable::domain::{ActionItem, ActionStatus, Session};
use roundtable::storage::Archive;
use tempfile::TempDir;

/// Clear the screen, set the clipboard (OSC 52), rename the window, a C1
/// CSI, NEL, DEL, a right-to-left override and an isolate.
const EVIL: &str =
    "\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]0;pwned\u{7}\u{9b}31m\u{85}\u{7f}\u{202E}exe.txt\u{2066}";

/// The characters a terminal acts on, other than the newline ending a line.
fn acted_on(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// An archive where every piece of text a command could print is hostile.
fn hostile_archive() -> TempDir {
    let tmp = TempDir::new().unwrap();
    let archive = Archive::open(tmp.path().to_path_buf()).unwrap();
    let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    for (day, title) in [
        (1, format!("Vale {EVIL} first")),
        (2, format!("Vale {EVIL} second")),
    ] {
        let date = NaiveDate::from_ymd_opt(2026, 6, day).unwrap();
        let mut s = Session::new(&title, &format!("Evil {EVIL} Partnership"), date, now);
        s.location = EVIL.into();
        s.actions.push(ActionItem {
            id: format!("a-{day}{EVIL}").into(),
            text: format!("Book {EVIL} the hall").into(),
            owner: format!("Owner {EVIL}").into(),
            due: NaiveDate::from_ymd_opt(2026, 5, 1),
            status: ActionStatus::InProgress,
            step: None,
            ..Default::default()
        });
        // An empty action text: `check` warns, quoting nothing but the file.
        s.actions.push(ActionItem {
            id: format!("b-{day}").into(),
            ..Default::default()
        });
        archive.create(&s).unwrap();
    }
    // Broken files whose names and contents are hostile too.
    fs::write(tmp.path().join(format!("2026-01-01-{EVIL}.ron")), "(").unwrap();
    fs::write(
        tmp.path().join("2026-01-02-typo.ron"),
        format!("(format_version: 1, titel{EVIL}: \"x\")"),
    )
    .unwrap();
    tmp
}

/// What one run printed, checked; returns stdout and stderr for more checks.
fn run(dir: &Path, args: &[&str], code: i32) -> (String, String) {
    let out = cargo_bin_cmd!("roundtable")
        .env_remove("ROUNDTABLE_DIR")
        .env("NO_COLOR", "1")
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    for (name, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        for (n, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let bad: Vec<String> = line
                .chars()
                .filter(|c| acted_on(*c))
                .map(|c| format!("U+{:04X}", u32::from(c)))
                .collect();
            assert!(
                bad.is_empty(),
                "{args:?}: {name} line {} holds {bad:?}: {line:?}",
                n + 1
            );
        }
    }
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    (stdout, stderr)
}

#[test]
fn no_command_prints_an_escape_sequence_from_a_file() {
    let tmp = hostile_archive();
    let dir = tmp.path();
    let out = |args: &[&str], code: i32, want: &str| {
        let (stdout, stderr) = run(dir, args, code);
        assert!(
            stdout.contains(want) || stderr.contains(want),
            "{args:?} should say {want:?}\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
        );
    };
    out(&["list"], 0, "Vale");
    out(&["list", "--json"], 0, "\\u001b[2J");
    out(&["check"], 1, "typo.ron:1:");
    out(&["search", "hall"], 0, "the hall");
    out(&["search", "--json", "hall"], 0, "\\u009b31m");
    out(&["export", "first"], 0, "Book");
    out(&["export", "vale"], 1, "matches more than one session");
    out(&["export", "vael firts"], 1, "similar sessions");
    out(
        &["export", "--partnership", "zz"],
        1,
        "partnerships in the archive",
    );
    out(&["export", "--partnership", "evil"], 0, "Book");
    out(
        &["export", "--partnership", "evil", "--from", "2030-01-01"],
        1,
        "falls in that period",
    );
    out(
        &["export", "--partnership", "evil", "--format", "actions-csv"],
        0,
        "in-progress",
    );
    out(
        &["export", "--partnership", "evil", "--format", "measures-csv"],
        0,
        "Partnership",
    );
    out(&["actions"], 0, "Owner");
    out(&["actions", "--json"], 0, "in-progress");
    out(&["actions", "--csv"], 0, "Owner");
    out(&["actions", "--overdue", "--owner", "owner"], 0, "overdue");
    let id = format!("a-1{EVIL}");
    out(&["actions", "set", &id, "--owner", EVIL], 0, "Changed a-1");
    out(&["actions", "done", &id], 0, "Changed a-1");
    out(&["actions", "done", &id], 0, "Nothing changed");
}

#[test]
fn no_command_echoes_an_escape_sequence_typed_as_an_argument() {
    let tmp = hostile_archive();
    let dir = tmp.path();
    let evil_file = format!("{EVIL}.ron");
    let evil_md = format!("{EVIL}.md");
    let cases: &[(&[&str], i32)] = &[
        (&["search", EVIL], 0),
        (&["search", "--json", EVIL], 0),
        (&["export", EVIL], 1),
        (&["export", &evil_file], 1),
        (&["export", "first", "-o", &evil_file], 1),
        (&["export", "--partnership", EVIL], 0),
        (&["export", "--partnership", "evil", "--from", EVIL], 2),
        (&["actions", "--partnership", EVIL, "--owner", EVIL], 0),
        (&["actions", "--status", EVIL], 2),
        (&["actions", "done", EVIL], 1),
        (&["actions", "set", EVIL, "--due", EVIL], 2),
        (&["check", &evil_file], 1),
        (&["new", "--title", EVIL, "--date", EVIL], 2),
        (
            &["new", "--title", EVIL, "--partnership", EVIL, "--location", EVIL],
            0,
        ),
        (&[EVIL], 2),
        (&["list", "--json", EVIL], 2),
    ];
    for (args, code) in cases {
        run(dir, args, *code);
    }
    // Written to a file whose name is hostile: the message names it cleanly.
    let (stdout, _) = run(
        dir,
        &["export", "first", "-o", &dir.join(&evil_md).to_string_lossy()],
        0,
    );
    assert!(stdout.starts_with("Minutes written to "), "{stdout}");
    // A hostile archive folder, missing or not.
    let missing = dir.join(EVIL);
    for args in [
        &["list"][..],
        &["search", "x"],
        &["export", "x"],
        &["actions", "done", "x"],
    ] {
        let out = cargo_bin_cmd!("roundtable")
            .env_remove("ROUNDTABLE_DIR")
            .arg("--dir")
            .arg(&missing)
            .args(args)
            .output()
            .unwrap();
        let all = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert!(!all.chars().any(acted_on), "{args:?}: {all:?}");
        assert!(!missing.exists(), "{args:?} created the folder");
    }
}

#[test]
fn help_does_not_print_a_hostile_environment() {
    let out = cargo_bin_cmd!("roundtable")
        .env("ROUNDTABLE_DIR", EVIL)
        .arg("--help")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[env: ROUNDTABLE_DIR]"), "{text}");
    assert!(!text.chars().any(acted_on), "{text:?}");
}
