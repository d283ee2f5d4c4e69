//! A keystroke on each screen of a large archive, from the key to its frame
//! drawn at 120×40: moving in the sessions list, the first letter of a
//! search (and taking it back), Esc from search to the list and `/` to come
//! back, and moving in the actions and measures screens. The folder is
//! checked and the sessions read by the library's worker before timing
//! starts, as they are a moment after opening a screen.
//!
//! `cargo bench --bench keys`; `cargo test` runs each once on a small archive.
#![allow(clippy::unwrap_used)]

mod support;

use std::time::Duration;

use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::library::Library;
use roundtable::app::{Action, App, Screen};
use roundtable::storage::Cache;
use roundtable::ui::{self, theme::Theme};
use support::{archive, now, sizes};
use tempfile::TempDir;

fn main() {
    divan::main();
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The app on an `n`-session archive as a facilitator has it: the list
/// checked and every file read by the library's worker (with its cache),
/// on the sessions list, after `keys` (each pressed, drawn, and waited on
/// until the screen has read what it shows).
fn app(n: usize, keys: &[KeyCode]) -> (App, Terminal<TestBackend>, TempDir) {
    let archive = archive(n);
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::remembered_in(&archive, Some(Cache::in_folder(cache.path(), archive.dir())));
    library.refresh();
    let mut app = App::with_library(archive, library, Theme::plain(), now());
    settle(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    for &code in keys {
        press(&mut app, &mut terminal, code);
        settle(&mut app);
    }
    (app, terminal, cache)
}

/// Ticks the app, as the terminal loop does, until nothing is being read.
fn settle(app: &mut App) {
    let reading = |app: &App| match &app.screen {
        Screen::Search(s) => s.reading.is_some(),
        Screen::Actions(s) => s.reading.is_some(),
        Screen::Measures(s) => s.reading.is_some(),
        _ => false,
    };
    while app.library.checking.is_some() || reading(app) {
        app.update(Action::Tick, now());
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn press(app: &mut App, terminal: &mut Terminal<TestBackend>, code: KeyCode) {
    app.handle_event(&key(code), now());
    terminal.draw(|frame| ui::view(app, frame)).unwrap();
}

/// Alternately `there` and `back` to where it was, each drawn.
fn to_and_fro(bencher: Bencher, n: usize, open: &[KeyCode], there: KeyCode, back: KeyCode) {
    let (mut app, mut terminal, _cache) = app(n, open);
    let mut step = 0u32;
    bencher.bench_local(|| {
        step += 1;
        press(&mut app, &mut terminal, if step % 2 == 1 { there } else { back });
    });
}

/// ↓ and ↑ in the sessions list.
#[divan::bench(args = sizes(), sample_count = 20)]
fn list_move(bencher: Bencher, n: usize) {
    to_and_fro(bencher, n, &[], KeyCode::Down, KeyCode::Up);
}

/// The first letter of a search over every session, then Backspace.
#[divan::bench(args = sizes(), sample_count = 20)]
fn search_first_letter(bencher: Bencher, n: usize) {
    let (app, _, _cache) = app(n, &[KeyCode::Char('/'), KeyCode::Char('e')]);
    assert!(matches!(&app.screen, Screen::Search(s) if !s.hits.is_empty()));
    to_and_fro(
        bencher,
        n,
        &[KeyCode::Char('/')],
        KeyCode::Char('e'),
        KeyCode::Backspace,
    );
}

/// Esc from search back to the sessions list, then `/` to search again.
#[divan::bench(args = sizes(), sample_count = 20)]
fn search_esc_and_back(bencher: Bencher, n: usize) {
    to_and_fro(
        bencher,
        n,
        &[KeyCode::Char('/'), KeyCode::Char('e')],
        KeyCode::Esc,
        KeyCode::Char('/'),
    );
}

/// ↓ and ↑ in every action across the archive.
#[divan::bench(args = sizes(), sample_count = 20)]
fn actions_move(bencher: Bencher, n: usize) {
    to_and_fro(bencher, n, &[KeyCode::Char('A')], KeyCode::Down, KeyCode::Up);
}

/// ↓ and ↑ in the selected partnership's measures.
#[divan::bench(args = sizes(), sample_count = 20)]
fn measures_move(bencher: Bencher, n: usize) {
    to_and_fro(bencher, n, &[KeyCode::Char('M')], KeyCode::Down, KeyCode::Up);
}

/// Esc from the actions back to the list, then `A` again.
#[divan::bench(args = sizes(), sample_count = 20)]
fn actions_esc_and_back(bencher: Bencher, n: usize) {
    to_and_fro(
        bencher,
        n,
        &[KeyCode::Char('A')],
        KeyCode::Esc,
        KeyCode::Char('A'),
    );
}
