#![allow(clippy::unwrap_used)]
//! The real binary in a pseudo-terminal: the meeting clock, once started,
//! redraws by itself (no key pressed) as its displayed second changes, and
//! the time spent reaches the session file.

mod pty;

const CTRL_S: &str = "\x13";
const ESC: &str = "\x1b";

#[test]
fn the_running_clock_counts_down_on_screen_without_a_key_and_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = pty::App::start(dir.path(), 100, 30);
    app.wait_for("Welcome to Roundtable");
    app.send("n");
    app.wait_for("Title");
    app.send("Spring workshop");
    app.send(CTRL_S);
    app.wait_for("t starts the clock");
    app.send("t");
    app.wait_for("▶ Opening");
    // Each second is drawn as it passes, with nothing typed.
    app.wait_for("9:58 left");
    app.wait_for("9:57 left");
    app.send(ESC); // leaving pauses the clock and saves
    app.wait_for("1 session");
    app.send("q");
    assert!(app.wait_for_exit(), "the app should exit cleanly");
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    let session = roundtable::storage::load(&file).unwrap();
    assert!(!session.plan.is_running());
    assert!(session.plan.slots[0].spent >= 2, "{:?}", session.plan.slots[0]);
}
