#![allow(clippy::unwrap_used)]
//! Two Roundtables on the same session: the first is the one writer, the
//! second gets it read-only, told who has it and since when, and the first
//! can still save. Once the first leaves, the session can be edited again.

mod pty;

use chrono::{NaiveDate, Utc};
use roundtable::domain::Session;
use roundtable::storage;

const CTRL_S: &str = "\x13";
const CTRL_Q: &str = "\x11";
const ESC: &str = "\x1b";

#[test]
fn a_second_instance_gets_the_session_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let path = dir.path().join("2026-12-03-steering-group.ron");
    storage::save(
        &path,
        &Session::new("Steering group", "Eastside", date, Utc::now()),
    )
    .unwrap();

    let mut writer = pty::App::start(dir.path(), 100, 30);
    writer.wait_for("1 session");
    writer.send("\r");
    writer.wait_for("Shared goals");

    let mut viewer = pty::App::start(dir.path(), 100, 30);
    viewer.wait_for("1 session");
    viewer.send("\r");
    viewer.wait_for("READ-ONLY");
    viewer.wait_for("has had this session open since");
    let screen = viewer.contents();
    assert!(screen.contains("(process "), "the holder is named: {screen}");
    assert!(screen.contains("Ask them to close it"), "{screen}");
    // Keys that would change it do nothing: once a later key has shown its
    // effect, the earlier ones have been read too.
    viewer.send("a");
    viewer.send("should not be written");
    viewer.send("2");
    viewer.wait_for("Step 2 of 6");
    assert!(!viewer.contents().contains("New goal"), "{}", viewer.contents());

    writer.send("a");
    writer.wait_for("New goal");
    writer.send("Agreed by the writer");
    writer.send(CTRL_S);
    writer.wait_for("Saved");
    assert_eq!(
        storage::load(&path).unwrap().goals[0].text,
        "Agreed by the writer"
    );

    // The viewer leaves without writing anything.
    viewer.send(ESC);
    viewer.wait_for("1 session");
    viewer.send("q");
    assert!(viewer.wait_for_exit());
    assert_eq!(storage::load(&path).unwrap().goals.len(), 1);

    writer.send(CTRL_Q);
    assert!(writer.wait_for_exit(), "the writer quits cleanly");
    assert!(!storage::lock_path(&path).exists(), "the lock is released");

    // Now anyone can edit it.
    let mut next = pty::App::start(dir.path(), 100, 30);
    next.wait_for("1 session");
    next.send("\r");
    next.wait_for("Shared goals");
    assert!(!next.contents().contains("READ-ONLY"), "{}", next.contents());
    next.send(CTRL_Q);
    assert!(next.wait_for_exit());
}
