#![allow(clippy::unwrap_used)]
//! The real binary in a pseudo-terminal: open the actions view on a copy of
//! the example archive, mark one action done, quit, and find it done in the
//! session file, which still loads.

mod pty;

#[test]
fn mark_an_action_done_from_the_actions_view() {
    let dir = tempfile::tempdir().unwrap();
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("workshops");
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let file = dir.path().join("2026-12-16-level-ground-december-check-in.ron");
    let before = roundtable::storage::load(&file).unwrap();
    let open = |s: &roundtable::domain::Session| {
        s.actions
            .iter()
            .find(|a| a.owner == "Leanne Moss")
            .map(|a| a.status)
    };
    assert_eq!(open(&before), Some(roundtable::domain::ActionStatus::Open));

    let mut app = pty::App::start(dir.path(), 120, 40);
    app.wait_for("Level Ground Partnership");
    app.send("A");
    app.wait_for("soonest due first");
    app.send("o");
    app.send("Leanne");
    app.send("\r"); // done typing the owner
    app.wait_for("Owner: Leanne");
    app.send(" ");
    app.wait_for("Done: “Convene");
    app.send("\x1b"); // back to the sessions
    app.wait_for("Enter open");
    app.send("q");
    assert!(app.wait_for_exit(), "the app should exit cleanly");

    let after = roundtable::storage::load(&file).unwrap();
    assert_eq!(open(&after), Some(roundtable::domain::ActionStatus::Done));
    assert_eq!(after.actions.len(), before.actions.len());
    assert_eq!(after.decisions, before.decisions, "nothing else changed");
}
