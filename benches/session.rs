//! One long session (2,000 items): a keystroke's update and draw at 200×60,
//! typing into a 200 KB note, exporting the minutes and saving.
//!
//! `cargo bench --bench session`; `cargo test` runs each once.
#![allow(clippy::unwrap_used)]

mod support;

use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::{App, Screen};
use roundtable::domain::{Session, SessionStatus, Step};
use roundtable::storage::{self, Archive, sample};
use roundtable::ui::{self, theme::Theme};
use support::{ITEMS, SEED, now};

fn main() {
    divan::main();
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The long session opened for editing in an app at 200×60, as the
/// facilitator running it sees it (locked, so every key is also checked
/// against the file for autosave).
fn opened(mut session: Session) -> (App, Terminal<TestBackend>, tempfile::TempDir) {
    session.status = SessionStatus::InProgress;
    // The example it grew from may hold approved (so locked) minutes.
    session.minutes = Default::default();
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path().to_path_buf()).unwrap();
    archive.create(&session).unwrap();
    let mut app = App::new(archive, Theme::plain(), now());
    app.handle_event(&key(KeyCode::Enter), now());
    assert!(matches!(app.screen, Screen::Session(_)), "{:?}", app.message);
    assert!(app.guard.is_locked(), "open for editing");
    let terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    (app, terminal, dir)
}

/// Moving down a row in the long session, then drawing the frame.
#[divan::bench(sample_count = 20)]
fn keystroke(bencher: Bencher) {
    let (mut app, mut terminal, _dir) = opened(sample::big_session(ITEMS, SEED));
    let (down, up) = (key(KeyCode::Down), key(KeyCode::Up));
    let mut step = 0u32;
    bencher.bench_local(|| {
        step += 1;
        app.handle_event(if step % 40 < 20 { &down } else { &up }, now());
        terminal.draw(|frame| ui::view(&app, frame)).unwrap();
    });
}

/// About 200 KB of meeting notes: short lines in paragraphs, as typed.
fn long_note() -> String {
    let words = [
        "partners", "agreed", "the", "funding", "review", "should", "wait", "until", "March", "and",
        "health", "board", "asked", "for", "figures", "from", "each", "area",
    ];
    let mut note = String::new();
    for (i, word) in words.iter().cycle().enumerate() {
        if note.len() >= 200_000 {
            break;
        }
        note.push_str(word);
        note.push_str(match i % 65 {
            64 => "\n\n",
            i if i % 13 == 12 => "\n",
            _ => " ",
        });
    }
    note
}

/// Typing a letter at the end of a 200 KB note in the long session, then
/// drawing the frame.
#[divan::bench(sample_count = 20)]
fn typing_in_long_note(bencher: Bencher) {
    let mut session = sample::big_session(ITEMS, SEED);
    session.set_note(Step::Goals, long_note());
    let (mut app, mut terminal, _dir) = opened(session);
    app.handle_event(&key(KeyCode::Char('n')), now());
    let Screen::Session(screen) = &app.screen else {
        unreachable!()
    };
    assert!(screen.editor.is_some(), "n opens the notes");
    let letter = key(KeyCode::Char('x'));
    bencher.bench_local(|| {
        app.handle_event(&letter, now());
        terminal.draw(|frame| ui::view(&app, frame)).unwrap();
    });
}

/// The minutes of the long session as Markdown.
#[divan::bench(sample_count = 20)]
fn export(bencher: Bencher) {
    let session = sample::big_session(ITEMS, SEED);
    bencher.bench(|| roundtable::export::minutes(black_box(&session)));
}

/// Saving the long session over its file (the never-save-over checks included).
#[divan::bench(sample_count = 20)]
fn save(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let session = sample::big_session(ITEMS, SEED);
    let path = dir.path().join("long.ron");
    storage::save(&path, &session).unwrap();
    bencher.bench(|| storage::save_over(&path, black_box(&session), &session).unwrap());
}
