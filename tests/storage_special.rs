#![allow(clippy::unwrap_used)]
#![cfg(unix)]
//! Things named like sessions that are not plain files: a named pipe (which
//! used to make `check` wait forever), a folder, a link to nothing and a
//! loop of links. `check` and `list` name each as unreadable with the
//! reason, on the real binary, and never hang.

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;

fn special_files(dir: &Path) {
    assert!(
        Command::new("mkfifo")
            .arg(dir.join("pipe.ron"))
            .status()
            .unwrap()
            .success()
    );
    std::fs::create_dir(dir.join("folder.ron")).unwrap();
    symlink(dir.join("gone.ron"), dir.join("dangling.ron")).unwrap();
    symlink(dir.join("loop-b.ron"), dir.join("loop-a.ron")).unwrap();
    symlink(dir.join("loop-a.ron"), dir.join("loop-b.ron")).unwrap();
}

const REASONS: [(&str, &str); 5] = [
    ("pipe.ron", "it is a named pipe (FIFO), not a file"),
    ("folder.ron", "it is a folder, not a file"),
    ("dangling.ron", "which does not exist"),
    ("loop-a.ron", "it is a link that leads round in a loop"),
    ("loop-b.ron", "it is a link that leads round in a loop"),
];

fn run(dir: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let output = cargo_bin_cmd!("roundtable")
        .env("ROUNDTABLE_DIR", dir)
        .args(args)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

#[test]
fn check_names_every_special_file_and_never_hangs() {
    let dir = tempfile::tempdir().unwrap();
    special_files(dir.path());
    let (stdout, stderr, code) = run(dir.path(), &["check"]);
    assert_eq!(code, Some(1), "finished, with files invalid: {stderr}");
    for (name, reason) in REASONS {
        let line = stderr.lines().find(|l| l.contains(name));
        assert!(line.is_some_and(|l| l.contains(reason)), "{name}: {stderr}");
    }
    assert!(stdout.contains("5 files checked, 5 invalid"), "{stdout}");
    assert!(
        stderr.contains("hint: Roundtable reads only plain files"),
        "{stderr}"
    );
    assert!(!stderr.contains("text editor"), "nothing to edit: {stderr}");
    // Named on the command line, the pipe is refused too, not waited on.
    let (_, stderr, code) = run(
        dir.path(),
        &["check", &dir.path().join("pipe.ron").display().to_string()],
    );
    assert_eq!(code, Some(1));
    assert!(stderr.contains("named pipe"), "{stderr}");
}

#[test]
fn list_shows_every_special_file_as_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    special_files(dir.path());
    let (stdout, stderr, _) = run(dir.path(), &["list"]);
    let all = format!("{stdout}{stderr}");
    for (name, reason) in REASONS {
        let line = all.lines().find(|l| l.contains(name));
        assert!(line.is_some_and(|l| l.contains(reason)), "{name}: {all}");
    }
}
