//! One long session (2,000 items): a keystroke's update and draw at 200×60,
//! exporting the minutes and saving.
//!
//! `cargo bench --bench session`; `cargo test` runs each once.
#![allow(clippy::unwrap_used)]

mod support;

use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::{App, Screen};
use roundtable::storage::{self, Archive, sample};
use roundtable::ui::{self, theme::Theme};
use support::{ITEMS, SEED, now};

fn main() {
    divan::main();
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Moving down a row in the long session, then drawing the frame.
#[divan::bench(sample_count = 20)]
fn keystroke(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path().to_path_buf()).unwrap();
    archive.create(&sample::big_session(ITEMS, SEED)).unwrap();
    let mut app = App::new(archive, Theme::plain(), now());
    app.handle_event(&key(KeyCode::Enter), now());
    assert!(matches!(app.screen, Screen::Session(_)), "{:?}", app.message);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let (down, up) = (key(KeyCode::Down), key(KeyCode::Up));
    let mut step = 0u32;
    bencher.bench_local(|| {
        step += 1;
        app.handle_event(if step % 40 < 20 { &down } else { &up }, now());
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
