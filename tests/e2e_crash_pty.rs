#![allow(clippy::unwrap_used)]
//! The real binary killed while a facilitator types: `kill -9` at several
//! moments, then a restart. The session file must always parse, hold (or be
//! offered back with) everything typed more than 2.5 s before the kill, and
//! unsaved work in the journal must be offered back. SIGTERM and SIGHUP must
//! save before the app ends.

mod pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use roundtable::domain::Session;
use roundtable::storage;

const CTRL_S: &str = "\x13";
/// Older typing than this must survive any kill.
const SAFE_AFTER: Duration = Duration::from_millis(2500);

fn session_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.into_iter().next().unwrap()
}

fn goals(session: &Session) -> String {
    let texts: Vec<&str> = session.goals.iter().map(|g| g.text.as_str()).collect();
    texts.join(" | ")
}

/// A facilitator at work: the app, the archive folder, and when each word
/// was typed (once it was on screen).
struct Room {
    app: pty::App,
    dir: tempfile::TempDir,
    typed: Vec<(String, Instant)>,
}

impl Room {
    fn new() -> Room {
        let dir = tempfile::tempdir().unwrap();
        let mut app = pty::App::start(dir.path(), 100, 30);
        app.wait_for("Welcome to Roundtable");
        app.send("n");
        app.wait_for("Title");
        app.send("Crash drill");
        app.send(CTRL_S);
        app.wait_for("Shared goals");
        Room {
            app,
            dir,
            typed: Vec::new(),
        }
    }

    fn open_session_and_add_a_goal(&mut self) {
        self.app.send("\r");
        self.app.wait_for("Shared goals");
        self.app.send("a");
        self.app.wait_for("New goal");
    }

    fn type_word(&mut self, word: &str) {
        self.app.send(word);
        self.app.wait_for(word.trim());
        self.typed.push((word.trim().to_string(), Instant::now()));
    }

    /// Kills the app with SIGKILL, checks the files as they are, restarts
    /// and restores any unsaved work offered. Returns whether it was offered.
    fn kill_and_restart(&mut self) -> bool {
        let killed = Instant::now();
        self.app.signal("KILL");
        self.app.wait_for_exit();
        let file = session_file(self.dir.path());
        let saved = storage::load(&file).expect("the session file always parses");
        let journal = storage::read_recovery(&file).map(|r| r.expect("the journal parses"));
        let everything = format!(
            "{} {}",
            goals(&saved),
            journal.as_ref().map(goals).unwrap_or_default()
        );
        for (word, at) in &self.typed {
            if killed - *at > SAFE_AFTER {
                assert!(
                    everything.contains(word),
                    "{word:?} typed {:?} before the kill is lost: {everything}",
                    killed - *at
                );
            }
        }
        // Whatever was typed is now either kept or (within the allowance) lost.
        self.typed.clear();
        let more = journal.as_ref().is_some_and(|j| goals(j) != goals(&saved));
        self.app = pty::App::start(self.dir.path(), 100, 30);
        if more {
            self.app.wait_for("Unsaved work found");
            self.app.wait_for("more goal");
            self.app.send("r");
            self.app.wait_for("Restored the unsaved work");
            let restored = storage::load(&file).unwrap();
            assert_eq!(goals(&restored), goals(journal.as_ref().unwrap()));
            assert!(
                storage::read_recovery(&file).is_none(),
                "the journal goes once restored"
            );
        } else {
            self.app.wait_for("1 session");
            assert!(
                !self.app.contents().contains("Unsaved work found"),
                "{}",
                self.app.contents()
            );
        }
        more
    }

    fn saved_goals(&self) -> String {
        goals(&storage::load(&session_file(self.dir.path())).unwrap())
    }

    /// The goals in the journal, if there is one.
    fn journaled_goals(&self) -> Option<String> {
        let file = session_file(self.dir.path());
        storage::read_recovery(&file)
            .and_then(Result::ok)
            .map(|j| goals(&j))
    }

    /// Waits until the file or the journal holds `text`.
    fn wait_until_kept(&mut self, text: &str) {
        let dir = self.dir.path().to_path_buf();
        self.app
            .wait_until(&format!("{text:?} in the file or journal"), || {
                let file = session_file(&dir);
                let saved = storage::load(&file).map(|s| goals(&s)).unwrap_or_default();
                let journal = storage::read_recovery(&file)
                    .and_then(Result::ok)
                    .map(|j| goals(&j))
                    .unwrap_or_default();
                saved.contains(text) || journal.contains(text)
            });
    }

    /// Waits until the file holds `text` and no journal is left.
    fn wait_until_saved(&mut self, text: &str) {
        let dir = self.dir.path().to_path_buf();
        self.app.wait_until(&format!("{text:?} saved"), || {
            let file = session_file(&dir);
            let saved = storage::load(&file).map(|s| goals(&s)).unwrap_or_default();
            saved.contains(text) && storage::read_recovery(&file).is_none()
        });
    }
}

/// Every kill happens when a condition holds (the word on screen, in the
/// journal, in the file), never after a fixed wait.
#[test]
fn kill_9_at_any_moment_loses_at_most_the_last_seconds() {
    let mut room = Room::new();

    // Straight after typing: the journal may or may not have it yet.
    room.app.send("a");
    room.type_word("alpha");
    room.kill_and_restart();

    // Once journaled (or saved), it survives: restored at the restart.
    room.open_session_and_add_a_goal();
    room.type_word("bravo");
    room.wait_until_kept("bravo");
    room.kill_and_restart();
    assert!(room.saved_goals().contains("bravo"), "{}", room.saved_goals());

    // Autosaved after a pause, then more typing autosaved too: in the file
    // itself, with nothing to offer back.
    room.open_session_and_add_a_goal();
    room.type_word("charlie");
    room.app.wait_for("● unsaved");
    room.app.wait_for("✓ saved");
    room.type_word(" delta");
    room.wait_until_saved("charlie delta");
    assert!(!room.kill_and_restart(), "a saved session offers nothing back");
    assert!(
        room.saved_goals().contains("charlie delta"),
        "{}",
        room.saved_goals()
    );

    // Typing without a pause long enough for autosave: the journal keeps
    // up, and is offered back.
    room.open_session_and_add_a_goal();
    for i in 1..=100 {
        room.type_word(&format!(" echo{i}"));
        let journaled = room.journaled_goals().unwrap_or_default();
        if journaled.contains("echo1") && !room.saved_goals().contains("echo1") {
            break;
        }
    }
    assert!(room.kill_and_restart(), "the unsaved typing is offered back");
    assert!(room.saved_goals().contains("echo1"), "{}", room.saved_goals());
}

/// SIGTERM and SIGHUP (the terminal window closed) save the open session,
/// text in the open editor included, and leave no journal or lock behind.
#[test]
fn sigterm_and_sighup_save_before_exiting() {
    for signal in ["TERM", "HUP"] {
        let mut room = Room::new();
        room.app.send("a");
        let word = format!("said before SIG{signal}");
        room.type_word(&word);
        room.app.signal(signal);
        room.app.wait_for_exit();
        let file = session_file(room.dir.path());
        assert!(room.saved_goals().contains(&word), "{}", room.saved_goals());
        assert!(storage::read_recovery(&file).is_none());
        assert!(!storage::lock_path(&file).exists(), "the lock is released");
    }
}

/// The terminal window closed (a real hang-up: the loop can be stuck in a
/// read, and the watchdog finishes) after another program changed the file:
/// their edit is kept, ours goes to the journal, and the lock is released.
#[cfg(target_os = "linux")]
#[test]
fn closing_the_terminal_never_saves_over_another_programs_edit() {
    let mut room = Room::new();
    room.app.send("a");
    room.type_word("mine, not yet saved");
    let file = session_file(room.dir.path());
    let mut theirs = storage::load(&file).unwrap();
    theirs.location = "Changed in a text editor".into();
    storage::save(&file, &theirs).unwrap();
    let Room { app, dir, .. } = room;
    app.hang_up();
    assert_eq!(storage::load(&file).unwrap(), theirs, "their edit is kept");
    let journal = storage::read_recovery(&file).expect("a journal").unwrap();
    assert!(
        goals(&journal).contains("mine, not yet saved"),
        "{}",
        goals(&journal)
    );
    assert!(!storage::lock_path(&file).exists(), "the lock is released");
    drop(dir);
}

/// A second SIGTERM while the first is being handled waits for the save.
#[test]
fn a_second_sigterm_waits_for_the_save() {
    let mut room = Room::new();
    room.app.send("a");
    room.type_word("said before two SIGTERMs");
    room.app.signal("TERM");
    room.app.signal("TERM");
    assert!(room.app.wait_for_exit(), "a clean exit, not status 1");
    let file = session_file(room.dir.path());
    assert!(
        room.saved_goals().contains("said before two SIGTERMs"),
        "{}",
        room.saved_goals()
    );
    assert!(!storage::lock_path(&file).exists(), "the lock is released");
}

/// The archive folder vanished (a USB stick pulled out) and the app is
/// told to stop: the save fails, the work goes to a file in the home folder,
/// the note says so once with what to do, and the exit status says it failed.
#[test]
fn a_save_that_fails_at_exit_keeps_the_work_says_so_once_and_exits_non_zero() {
    let home = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let archive = stick.path().join("sessions");
    std::fs::create_dir(&archive).unwrap();
    let mut app = pty::App::start_with_home(&archive, home.path(), 200, 30);
    app.wait_for("Welcome to Roundtable");
    app.send("n");
    app.wait_for("Title");
    app.send("Crash drill");
    app.send(CTRL_S);
    app.wait_for("Shared goals");
    app.send("a");
    app.send("kept in the home folder");
    app.wait_for("kept in the home folder");
    std::fs::remove_dir_all(&archive).unwrap();
    app.signal("TERM");
    assert_eq!(app.wait_for_exit_code(), Some(1), "{}", app.contents());
    let screen = app.contents();
    assert_eq!(screen.matches("could not save").count(), 1, "{screen}");
    assert!(screen.contains("its folder is no longer there"), "{screen}");
    let rescued: Vec<PathBuf> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(rescued.len(), 1, "{rescued:?}");
    let kept = storage::load(&rescued[0]).unwrap();
    assert_eq!(goals(&kept), "kept in the home folder");
    assert!(screen.contains(&rescued[0].display().to_string()), "{screen}");
    assert!(screen.contains("Move it into"), "{screen}");
}
