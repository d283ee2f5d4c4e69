#![allow(clippy::unwrap_used)]
//! Ctrl-O in a step's notes, on the real binary in a pseudo-terminal: the
//! text goes to $VISUAL and comes back into the field; the screen returns;
//! an editor that fails or is missing changes nothing and says so.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate};
use roundtable::domain::{Session, Step};
use roundtable::storage::Archive;

mod pty;

const CTRL_O: &str = "\x0f";
const ESC: &str = "\x1b";

/// A folder holding one session, and where its file is.
fn one_session() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open(tmp.path().to_path_buf()).unwrap();
    let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let session = Session::new("Winter workshop", "Eastside Partnership", date, now);
    let path = archive.create(&session).unwrap();
    (tmp, path)
}

/// A shell script standing in for the person's editor.
fn editor(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("fake-editor");
    fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// Opens the session, the notes of step 1, and types `text` there.
fn notes_with(dir: &Path, visual: &Path, text: &str) -> pty::App {
    let mut app = pty::App::start_with(dir, 100, 30, |cmd| {
        cmd.env("VISUAL", visual).env_remove("EDITOR");
    });
    app.wait_for("Winter workshop");
    app.send("\r");
    app.wait_for("Shared goals");
    app.send("n");
    app.wait_for("Notes: step 1");
    app.send(text);
    app.wait_for(text);
    app
}

/// Closes the notes, leaves the session (which saves it) and reads the
/// notes from its file.
fn saved_note(app: &mut pty::App, path: &Path) -> String {
    app.send(ESC);
    app.wait_for("Saved the notes");
    app.send(ESC);
    app.wait_for("1 session");
    roundtable::storage::load(path)
        .unwrap()
        .note(Step::Goals)
        .to_string()
}

#[test]
fn the_editor_s_text_comes_back_into_the_notes() {
    let (tmp, path) = one_session();
    let bin = tempfile::tempdir().unwrap();
    // Keeps what was there and adds a line, as a person would.
    let script = editor(bin.path(), r#"printf 'Added in the editor\n' >> "$1""#);
    let mut app = notes_with(tmp.path(), &script, "Typed in the room");
    app.send(CTRL_O);
    app.wait_for("Brought back 2 lines from the editor");
    app.wait_for("Added in the editor");
    // The whole screen is back, drawn afresh.
    app.wait_for("Notes: step 1");
    assert_eq!(
        saved_note(&mut app, &path),
        "Typed in the room\nAdded in the editor"
    );
    app.send("q");
    assert!(app.wait_for_exit());
}

#[test]
fn a_failing_or_missing_editor_loses_nothing() {
    let (tmp, path) = one_session();
    let bin = tempfile::tempdir().unwrap();
    // Scribbles over the file, then fails: its text must not be taken.
    let script = editor(bin.path(), r#"printf 'garbage\n' > "$1"; exit 3"#);
    let mut app = notes_with(tmp.path(), &script, "Keep these words");
    app.send(CTRL_O);
    app.wait_for("stopped with an error");
    app.wait_for("The text is as it was");
    assert!(!app.contents().contains("garbage"));
    assert_eq!(saved_note(&mut app, &path), "Keep these words");
    app.send("q");
    assert!(app.wait_for_exit());

    let missing = bin.path().join("no-such-editor");
    let mut app = notes_with(tmp.path(), &missing, " and these");
    app.send(CTRL_O);
    app.wait_for("stopped with an error");
    assert_eq!(saved_note(&mut app, &path), "Keep these words and these");
    app.send("q");
    assert!(app.wait_for_exit());
}
