#![allow(clippy::unwrap_used)]
//! `roundtable present`: the second window for the room follows the session
//! file as it is saved, and never locks or writes anything beside it.

mod pty;

use chrono::{NaiveDate, Utc};
use roundtable::domain::{Goal, Session};
use roundtable::storage;

fn goal(text: &str, support: u32) -> Goal {
    Goal {
        text: text.into(),
        support,
        ..Default::default()
    }
}

#[test]
fn present_follows_an_edit_and_leaves_the_folder_alone() {
    let dir = tempfile::tempdir().unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let path = dir.path().join("2026-12-03-steering-group.ron");
    let mut session = Session::new("Steering group", "Eastside", date, Utc::now());
    session.goals.push(goal("Halve the wait for help", 3));
    storage::save(&path, &session).unwrap();

    let mut window = pty::App::start_with(dir.path(), 100, 30, |cmd| {
        cmd.args(["present", "steering"]);
    });
    window.wait_for("Halve the wait for help");
    window.wait_for("read-only");

    // The facilitator's app saves (atomically, as autosave does).
    session.goals.push(goal("Share data every quarter", 5));
    storage::save(&path, &session).unwrap();
    window.wait_for("Share data every quarter");
    let screen = window.contents();
    assert!(
        screen.find("Share data").unwrap() < screen.find("Halve the wait").unwrap(),
        "most supported first: {screen}"
    );

    // A half-written file keeps the last good copy on screen.
    std::fs::write(&path, "(title: \"unfinished").unwrap();
    window.wait_for("Showing the last good copy");
    assert!(window.contents().contains("Share data every quarter"));

    assert!(!storage::lock_path(&path).exists(), "present never locks");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["2026-12-03-steering-group.ron"],
        "nothing written beside it"
    );

    window.send("q");
    assert!(window.wait_for_exit());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(title: \"unfinished");
}
