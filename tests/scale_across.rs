//! Ten thousand sessions through the app's own update loop: search, actions
//! and measures open at once with progress, fill in as the background read
//! finishes, are kept between screens, and Esc goes straight back. Checks
//! behaviour only (no timing); light sessions keep a debug run short.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyCode;
use roundtable::app::library::Library;
use roundtable::app::{Action, App, Screen};
use roundtable::storage::{Archive, Cache, sample};
use roundtable::ui::theme::Theme;
use ui_support::{now, press, render, type_text};

const N: usize = 10_000;

/// Ticks the app (as the terminal loop does between keys) until `done`.
fn tick_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "gave up waiting for {what}"
        );
        app.update(Action::Tick, now());
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn screen_text(app: &App) -> String {
    let backend = render(app, 120, 40);
    backend.buffer().content().iter().map(|c| c.symbol()).collect()
}

fn reading(app: &App) -> Option<(usize, usize)> {
    match &app.screen {
        Screen::Search(s) => s.reading,
        Screen::Actions(s) => s.reading,
        Screen::Measures(s) => s.reading,
        _ => None,
    }
}

#[test]
fn ten_thousand_sessions_open_the_cross_session_screens_without_waiting() {
    let sessions = sample::light_sessions(N, 2026);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    std::fs::create_dir_all(&dir).unwrap();
    sample::write(&dir, &sessions).unwrap();
    std::fs::write(dir.join("0000-broken.ron"), "(title: \"unfinished").unwrap();
    let archive = Archive::open(dir.clone()).unwrap();
    let mut library =
        Library::remembered_in(&archive, Some(Cache::in_folder(&tmp.path().join("cache"), &dir)));
    // As the terminal does after its first frame.
    library.refresh();
    let mut app = App::with_library(archive, library, Theme::plain(), now());
    tick_until(&mut app, "the list", |a| a.library.checking.is_none());
    let broken = app.library.listed.iter().filter(|l| l.card.is_err()).count();
    assert_eq!(broken, 1, "the broken file is still listed");

    // Search opens at once, saying how far the read has got; typing works
    // meanwhile, and the results fill in for what was typed.
    press(&mut app, KeyCode::Char('/'));
    assert!(matches!(app.screen, Screen::Search(_)));
    let (_, total) = reading(&app).expect("progress while reading");
    assert_eq!(total, N, "every readable file");
    assert!(screen_text(&app).contains("Reading sessions:"), "progress shown");
    let name = sessions[0].partnership.clone();
    type_text(&mut app, &name);
    tick_until(
        &mut app,
        "search results",
        |a| matches!(&a.screen, Screen::Search(s) if s.reading.is_none() && !s.hits.is_empty()),
    );
    assert!(!screen_text(&app).contains("Reading sessions:"));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home(_)), "Esc goes straight back");

    // Kept: actions open with every session at once, nothing read again.
    press(&mut app, KeyCode::Char('A'));
    let Screen::Actions(actions) = &app.screen else {
        panic!("actions")
    };
    assert_eq!(actions.reading, None);
    assert_eq!(actions.loaded.sessions.len(), N);
    assert!(!actions.records().is_empty(), "actions listed");
    press(&mut app, KeyCode::Esc);

    // Measures of the selected partnership, from the same read.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('M'));
    let Screen::Measures(measures) = &app.screen else {
        panic!("measures")
    };
    assert_eq!(measures.loaded.sessions.len(), N);
    assert!(measures.measures().is_some());
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home(_)));
}
