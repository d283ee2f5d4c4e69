#![allow(clippy::unwrap_used)]
//! First use on the real binary in a pseudo-terminal: `--examples` opens a
//! labelled, read-only copy that leaves the archive folder empty, and the
//! theme chosen with `t` is remembered in the state file for the next start.

mod pty;

use std::path::Path;

fn ron_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn the_examples_flag_shows_examples_and_leaves_the_archive_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessions");
    let state = tmp.path().join("state");
    let mut app = pty::App::start_with(&dir, 100, 30, |cmd| {
        cmd.arg("--examples").env("ROUNDTABLE_STATE_DIR", &state);
    });
    app.wait_for("EXAMPLES — not your archive");
    app.wait_for("7 sessions");
    app.send("\r"); // open the newest example
    app.wait_for("Read-only");
    app.send("\x1b");
    app.wait_for("back to your archive");
    app.send("e");
    app.wait_for("Welcome to Roundtable");
    assert!(!app.contents().contains("EXAMPLES"));
    app.send("q");
    assert!(app.wait_for_exit());
    assert_eq!(ron_files(&dir), 0, "the archive holds no example");
    assert!(!state.exists(), "looking writes no state");
}

#[test]
fn the_theme_chosen_in_the_app_is_remembered_and_the_flag_wins() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessions");
    let state = tmp.path().join("state");
    let start = |args: &[&str]| {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let state = state.clone();
        pty::App::start_with(&dir, 100, 30, move |cmd| {
            cmd.args(&args)
                .env_remove("NO_COLOR")
                .env_remove("ROUNDTABLE_THEME")
                .env("ROUNDTABLE_STATE_DIR", &state);
        })
    };
    // The title's colour, at the start of the header line.
    let title_colour = |app: &pty::App| app.screen().cell(0, 1).unwrap().fgcolor();

    let mut app = start(&[]);
    app.wait_for("Welcome to Roundtable");
    assert_eq!(title_colour(&app), vt100::Color::Idx(6), "dark: cyan");
    app.send("t");
    app.wait_for("Theme: light");
    app.send("q");
    assert!(app.wait_for_exit());
    let saved = std::fs::read_to_string(state.join("state.ron")).unwrap();
    assert!(saved.contains("\"light\""), "{saved}");
    assert_eq!(ron_files(&dir), 0, "nothing written into the archive");

    let mut app = start(&[]);
    app.wait_for("Welcome to Roundtable");
    assert_eq!(title_colour(&app), vt100::Color::Idx(24), "light, remembered");
    app.send("q");
    assert!(app.wait_for_exit());

    let mut app = start(&["--theme", "dark"]);
    app.wait_for("Welcome to Roundtable");
    assert_eq!(title_colour(&app), vt100::Color::Idx(6), "the flag wins");
    app.send("q");
    assert!(app.wait_for_exit());
}

#[test]
fn no_color_removes_colour_in_every_theme() {
    let tmp = tempfile::tempdir().unwrap();
    for theme in ["dark", "light", "high-contrast"] {
        let mut app = pty::App::start_with(&tmp.path().join("sessions"), 100, 30, |cmd| {
            cmd.args(["--theme", theme]).env("NO_COLOR", "1");
        });
        app.wait_for("Welcome to Roundtable");
        let screen = app.screen();
        let (rows, cols) = screen.size();
        for row in 0..rows.get() {
            for col in 0..cols.get() {
                let cell = screen.cell(row, col).unwrap();
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "{theme} at {row},{col}");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "{theme} at {row},{col}");
            }
        }
        app.send("q");
        assert!(app.wait_for_exit());
    }
}
