//! `roundtable present` refuses clearly what it cannot show, and writes
//! nothing while doing so.
#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use predicates::str::contains;

#[test]
fn an_unknown_session_is_an_error_a_person_can_act_on() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("roundtable")
        .unwrap()
        .args(["--dir"])
        .arg(dir.path())
        .args(["present", "no such meeting"])
        .assert()
        .code(1)
        .stderr(contains("no such meeting"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_step_out_of_range_is_refused() {
    Command::cargo_bin("roundtable")
        .unwrap()
        .args(["present", "x", "--step", "7"])
        .assert()
        .code(2)
        .stderr(contains("--step"));
}
