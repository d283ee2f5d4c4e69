#![allow(clippy::unwrap_used)]
//! The real binary in a pseudo-terminal, driven like a facilitator would:
//! create a session, add a participant and a goal, save, quit, and find both
//! in the session file.

mod pty;

const CTRL_S: &str = "\x13";
const ESC: &str = "\x1b";

#[test]
fn create_a_session_add_a_participant_and_a_goal_save_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = pty::App::start(dir.path(), 100, 30);

    app.wait_for("Welcome to Roundtable");
    app.send("n");
    app.wait_for("Title");
    app.send("Spring workshop");
    app.send(CTRL_S); // creates the session and opens it
    app.wait_for("Shared goals");

    app.send("p"); // participants
    app.wait_for("No participants yet");
    app.send("a");
    app.send("Amina Yusuf");
    app.send(ESC); // closes the editor and keeps the text
    app.wait_for("Amina Yusuf");

    app.send("1"); // step 1, shared goals
    app.send("a");
    app.send("Halve waiting times for carers’ assessments");
    app.send(ESC);
    app.wait_for("Halve waiting times");

    app.send(CTRL_S);
    app.wait_for("Saved");
    app.send(ESC); // back to the sessions list
    app.wait_for("1 session");
    app.send("q");
    assert!(app.wait_for_exit(), "the app should exit cleanly");

    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let session = roundtable::storage::load(&files[0]).unwrap();
    assert_eq!(session.title, "Spring workshop");
    assert_eq!(session.participants.len(), 1);
    assert_eq!(session.participants[0].name, "Amina Yusuf");
    assert_eq!(session.goals.len(), 1);
    assert_eq!(
        session.goals[0].text,
        "Halve waiting times for carers’ assessments"
    );
}
