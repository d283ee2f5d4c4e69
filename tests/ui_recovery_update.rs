//! Keeping every word, driven through `update` with a hand-moved clock:
//! autosave after a pause and on section change, the recovery journal,
//! read-only when someone else holds the lock, and the recovery offer.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::path::PathBuf;

use chrono::{DateTime, TimeDelta, Utc};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::confirm::Confirm;
use roundtable::app::recovery;
use roundtable::app::{Action, App, Screen};
use roundtable::domain::Goal;
use roundtable::storage;
use ui_support::*;

fn at(seconds: f64) -> DateTime<Utc> {
    now() + TimeDelta::milliseconds((seconds * 1000.0) as i64)
}

fn key(app: &mut App, code: KeyCode, t: DateTime<Utc>) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)), t);
}

fn typed(app: &mut App, text: &str, t: DateTime<Utc>) {
    for c in text.chars() {
        key(app, KeyCode::Char(c), t);
    }
}

fn tick(app: &mut App, t: DateTime<Utc>) {
    app.update(Action::Tick, t);
}

fn path(app: &App) -> PathBuf {
    match &app.screen {
        Screen::Session(screen) => screen.path.clone(),
        _ => panic!("expected the session screen, got {}", app.screen_name()),
    }
}

fn on_disk(app: &App) -> String {
    std::fs::read_to_string(path(app)).unwrap()
}

fn journal(app: &App) -> Option<String> {
    std::fs::read_to_string(storage::recovery_path(&path(app))).ok()
}

/// Opens the newest session and starts typing a new goal at 0 s.
fn typing_a_goal(text: &str) -> (tempfile::TempDir, App) {
    let (dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    key(&mut app, KeyCode::Enter, at(0.0));
    key(&mut app, KeyCode::Char('a'), at(0.0));
    typed(&mut app, text, at(0.0));
    (dir, app)
}

#[test]
fn autosave_waits_for_a_two_second_pause_and_keeps_the_editor_open() {
    let (_dir, mut app) = typing_a_goal("Fewer missed appointments");
    tick(&mut app, at(1.0));
    assert!(!on_disk(&app).contains("Fewer missed"), "saved before the pause");
    assert!(app.guard.unsaved);
    tick(&mut app, at(1.9));
    assert!(!on_disk(&app).contains("Fewer missed"), "saved before the pause");
    typed(&mut app, " for carers", at(1.9));
    tick(&mut app, at(3.0));
    assert!(
        !on_disk(&app).contains("Fewer missed"),
        "typing again restarts the pause"
    );
    tick(&mut app, at(3.9));
    assert!(on_disk(&app).contains("Fewer missed appointments for carers"));
    assert!(!app.guard.unsaved);
    assert_eq!(app.guard.saved_at, Some(at(3.9)));
    let Screen::Session(screen) = &app.screen else {
        unreachable!()
    };
    assert!(screen.editor.is_some(), "autosave must not close the editor");
    // The file always parses, and holds the goal being typed.
    let saved = storage::load(&path(&app)).unwrap();
    assert_eq!(
        saved.goals.last().unwrap().text,
        "Fewer missed appointments for carers"
    );
}

#[test]
fn the_journal_is_written_while_typing_and_dropped_after_saving() {
    let (_dir, mut app) = typing_a_goal("Shared data");
    assert_eq!(journal(&app), None, "nothing written before the first tick");
    tick(&mut app, at(0.25));
    assert!(journal(&app).unwrap().contains("Shared data"));
    typed(&mut app, " agreement", at(0.5));
    tick(&mut app, at(0.75));
    assert!(
        !journal(&app).unwrap().contains("agreement"),
        "at most once a second"
    );
    tick(&mut app, at(1.25));
    assert!(journal(&app).unwrap().contains("Shared data agreement"));
    tick(&mut app, at(2.5));
    assert!(on_disk(&app).contains("Shared data agreement"));
    assert_eq!(journal(&app), None, "the journal goes once the file holds it");
}

#[test]
fn changing_section_saves_at_once() {
    let (_dir, mut app) = typing_a_goal("Warm referrals");
    key(&mut app, KeyCode::Esc, at(0.1)); // close the editor, keeping the text
    assert!(!on_disk(&app).contains("Warm referrals"));
    key(&mut app, KeyCode::Char('2'), at(0.2)); // step 2
    assert!(on_disk(&app).contains("Warm referrals"));
    assert!(!app.guard.unsaved);
}

/// The newest session's file, with a journal holding one more goal.
fn journal_with_a_goal(app: &App) -> PathBuf {
    let path = app.home().unwrap().entries[0].path.clone();
    let mut recovered = storage::load(&path).unwrap();
    recovered.goals.push(Goal {
        text: "Typed before the crash".into(),
        ..Default::default()
    });
    storage::write_recovery(&path, &recovered).unwrap();
    path
}

fn recovered_at_start() -> (tempfile::TempDir, App, PathBuf) {
    let (dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let path = journal_with_a_goal(&app);
    recovery::offer_pending(&mut app);
    assert_eq!(app.offers.len(), 1);
    assert_eq!(app.offers[0].path, path);
    assert_eq!(app.offers[0].differences, ["1 more goal"]);
    (dir, app, path)
}

fn goals_on_disk(path: &std::path::Path) -> Vec<String> {
    storage::load(path)
        .unwrap()
        .goals
        .into_iter()
        .map(|g| g.text)
        .collect()
}

#[test]
fn restoring_at_start_saves_the_recovered_session_and_drops_the_journal() {
    let (_dir, mut app, path) = recovered_at_start();
    key(&mut app, KeyCode::Char('r'), at(0.0));
    assert!(app.offers.is_empty());
    assert_eq!(goals_on_disk(&path), ["Typed before the crash"]);
    assert!(!storage::recovery_path(&path).exists());
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("Restored the unsaved work")
    );
}

#[test]
fn discarding_asks_first_and_decide_later_keeps_the_journal() {
    let (_dir, mut app, path) = recovered_at_start();
    key(&mut app, KeyCode::Char('d'), at(0.0));
    assert_eq!(app.confirm, Some(Confirm::DiscardRecovery));
    key(&mut app, KeyCode::Char('n'), at(0.0));
    assert_eq!(app.offers.len(), 1, "no is no");
    assert!(storage::recovery_path(&path).exists());
    key(&mut app, KeyCode::Esc, at(0.0));
    assert!(app.offers.is_empty());
    assert!(storage::recovery_path(&path).exists(), "decide later keeps it");
    // Offered again at the next start; this time discarded.
    recovery::offer_pending(&mut app);
    key(&mut app, KeyCode::Char('d'), at(0.0));
    key(&mut app, KeyCode::Char('y'), at(0.0));
    assert!(app.offers.is_empty());
    assert!(!storage::recovery_path(&path).exists());
    assert!(goals_on_disk(&path).is_empty(), "the saved session is untouched");
}

#[test]
fn opening_a_session_with_a_journal_offers_it_and_restores_into_the_screen() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let path = journal_with_a_goal(&app);
    key(&mut app, KeyCode::Enter, at(0.0));
    assert_eq!(app.offers.len(), 1);
    key(&mut app, KeyCode::Char('a'), at(0.0)); // not a key of the offer: ignored
    key(&mut app, KeyCode::Char('r'), at(0.0));
    let Screen::Session(screen) = &app.screen else {
        unreachable!()
    };
    assert_eq!(screen.session.goals[0].text, "Typed before the crash");
    assert!(screen.editor.is_none());
    assert_eq!(goals_on_disk(&path), ["Typed before the crash"]);
    assert!(!app.guard.unsaved);
}

#[test]
fn a_session_someone_else_holds_opens_read_only_naming_them() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let path = app.home().unwrap().entries[0].path.clone();
    let theirs = storage::lock(&path, now()).unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    key(&mut app, KeyCode::Enter, at(0.0));
    let Screen::Session(screen) = &app.screen else {
        unreachable!()
    };
    let why = screen.read_only.clone().expect("read-only");
    assert!(why.contains("has had this session open since"), "{why}");
    assert!(why.contains("Ask them to close it"), "{why}");
    assert!(!app.guard.is_locked());
    key(&mut app, KeyCode::Char('a'), at(0.0));
    typed(&mut app, "x", at(0.0));
    tick(&mut app, at(5.0));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "a viewer never writes"
    );
    // Leaving does not touch their lock.
    key(&mut app, KeyCode::Esc, at(5.0));
    assert!(theirs.path().exists());
}

#[test]
fn our_lock_is_held_while_open_and_released_on_leaving() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let path = app.home().unwrap().entries[0].path.clone();
    key(&mut app, KeyCode::Enter, at(0.0));
    assert!(app.guard.is_locked());
    assert!(storage::is_locked(&path));
    assert!(storage::lock(&path, now()).is_err(), "a second opener is refused");
    key(&mut app, KeyCode::Esc, at(1.0));
    assert!(matches!(app.screen, Screen::Home(_)));
    assert!(!storage::is_locked(&path));
}

#[test]
fn a_failed_save_opens_save_elsewhere_and_work_continues_at_the_new_path() {
    let (dir, mut app) = typing_a_goal("Kept somewhere safe");
    let old = path(&app);
    std::fs::remove_dir_all(app.archive.dir()).unwrap();
    app.handle_event(
        &Event::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
        at(0.5),
    );
    let message = app.message.clone().unwrap().text;
    assert!(message.contains("its folder is no longer there"), "{message}");
    let prompt = app.save_as.as_mut().expect("the save-elsewhere prompt");
    assert!(prompt.path.ends_with(old.file_name().unwrap().to_str().unwrap()));
    let target = dir.path().join("rescued");
    prompt.path.clear();
    typed(&mut app, &target.display().to_string(), at(0.6));
    key(&mut app, KeyCode::Enter, at(0.7));
    assert!(app.save_as.is_none(), "{:?}", app.save_as);
    let new = dir.path().join("rescued.ron");
    assert_eq!(path(&app), new);
    assert_eq!(goals_on_disk(&new), ["Kept somewhere safe"]);
    assert!(storage::is_locked(&new));
    // Typing carries on, and autosave now writes the new file.
    key(&mut app, KeyCode::Char('a'), at(1.0));
    typed(&mut app, "Still typing", at(1.0));
    tick(&mut app, at(3.1));
    assert_eq!(goals_on_disk(&new), ["Kept somewhere safe", "Still typing"]);
}

#[test]
fn ctrl_c_in_the_editor_saves_and_quits() {
    let (_dir, mut app) = typing_a_goal("Last words");
    app.handle_event(
        &Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        at(0.1),
    );
    assert!(app.quit);
    assert!(on_disk(&app).contains("Last words"));
}

#[test]
fn unsaved_work_that_cannot_be_saved_is_kept_where_it_can_be() {
    let (dir, archive) = archive_with_sessions();
    let path = archive.list()[0].path.clone();
    let session = storage::load(&path).unwrap();
    // Beside the session when its folder is there: the journal.
    let note = roundtable::app::guard::keep(archive.dir(), &path, &session, "The disk is full.");
    assert!(
        note.starts_with("The disk is full. Your unsaved work is in "),
        "{note}"
    );
    assert!(
        note.contains(&storage::recovery_path(&path).display().to_string()),
        "{note}"
    );
    assert_eq!(storage::read_recovery(&path).unwrap().unwrap(), session);
    // Its folder gone: a visible rescued file in the archive folder given.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let gone = dir.path().join("gone").join("s.ron");
    let note = roundtable::app::guard::keep(&elsewhere, &gone, &session, "its folder is no longer there");
    let rescued: Vec<_> = std::fs::read_dir(&elsewhere)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(rescued.len(), 1, "{rescued:?}");
    assert!(note.contains(&rescued[0].display().to_string()), "{note}");
    assert_eq!(storage::load(&rescued[0]).unwrap(), session);
}

#[test]
fn the_header_says_when_the_session_was_last_saved() {
    let (_dir, mut app) = typing_a_goal("Fewer missed appointments");
    let header = |app: &App| {
        let backend = render(app, 100, 30);
        (0..100)
            .map(|x| backend.buffer()[(x, 0)].symbol().to_string())
            .collect::<String>()
    };
    assert!(header(&app).contains("● unsaved"), "{}", header(&app));
    tick(&mut app, at(2.0));
    assert!(header(&app).contains("✓ saved 09:30"), "{}", header(&app));
}

#[test]
fn a_file_changed_elsewhere_is_not_saved_over() {
    let (_dir, mut app) = typing_a_goal("Mine");
    let file = path(&app);
    let mut theirs = storage::load(&file).unwrap();
    theirs.location = "Changed in a text editor".into();
    storage::save(&file, &theirs).unwrap();
    tick(&mut app, at(2.0));
    assert_eq!(storage::load(&file).unwrap(), theirs, "their edit is kept");
    let message = app.message.clone().unwrap().text;
    assert!(message.contains("changed by another program"), "{message}");
    assert!(message.contains("save it as a new file"), "{message}");
    assert!(app.guard.unsaved, "ours is still open, unsaved");
    tick(&mut app, at(4.0));
    assert_eq!(
        storage::load(&file).unwrap(),
        theirs,
        "not retried without new typing"
    );
}

#[test]
fn an_unreadable_journal_says_why_early_and_what_to_do() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let path = app.home().unwrap().entries[0].path.clone();
    std::fs::write(storage::recovery_path(&path), "(title: ").unwrap();
    recovery::offer_pending(&mut app);
    let text = app.message.clone().unwrap().text;
    let reason = text.find("line 1, column").expect(&text);
    assert!(reason < 100, "the reason is cut off on a narrow screen: {text}");
    assert!(text.contains("in a text editor, then delete that file"), "{text}");
    let journal = storage::recovery_path(&path);
    let name = journal.file_name().unwrap().to_string_lossy();
    assert!(text.contains(&format!("/{name} in a text editor")), "{text}");
    assert!(storage::recovery_path(&path).exists(), "left as it is");
}
