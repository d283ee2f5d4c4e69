//! The archive at 1,000 and 10,000 sessions: loading it, the list, search
//! letter by letter and the cross-session history.
//!
//! `cargo bench --bench archive`; `cargo test` runs each once on a small archive.
#![allow(clippy::unwrap_used)]

mod support;

use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::App;
use roundtable::app::library::{Library, preview};
use roundtable::domain::{ActionFilter, History, SearchIndex};
use std::time::{Duration, SystemTime};

use roundtable::storage::{Archive, Cache, Depth, Extracts, Known, check, extracted_with, known, sample};
use roundtable::ui::{self, theme::Theme};
use support::{archive, now, remembered, sessions, sizes};
use tempfile::TempDir;

fn main() {
    divan::main();
}

/// Scanning and parsing every file, as the app and every command start.
#[divan::bench(args = sizes(), sample_count = 10)]
fn load(bencher: Bencher, n: usize) {
    let archive = archive(n);
    bencher.bench(|| {
        let entries = archive.scan().unwrap();
        assert_eq!(entries.len(), n);
        entries
    });
}

/// What `list` works out for each file once loaded: problems and whether broken.
#[divan::bench(args = sizes(), sample_count = 10)]
fn list_summary(bencher: Bencher, n: usize) {
    let entries = archive(n).list();
    bencher.bench(|| entries.iter().filter(|e| e.is_broken()).count());
}

/// The app starting on the home screen and drawing its first frame at
/// 120×40, as the terminal does: from the first screenful remembered in
/// the cache (the worker that reads the rest starts only after).
#[divan::bench(args = sizes(), sample_count = 10)]
fn first_frame(bencher: Bencher, n: usize) {
    let archive = archive(n);
    let cache = remembered(n);
    bencher.bench(|| {
        let library = Library::remembered_in(&archive, Some(cache.clone()));
        let app = App::with_library(archive.clone(), library, Theme::plain(), now());
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|frame| ui::view(&app, frame)).unwrap();
        terminal
    });
}

/// Reading every remembered card back from the cache (the worker does this
/// after the first frame; `list` before it prints).
#[divan::bench(args = sizes(), sample_count = 10)]
fn cache_decode(bencher: Bencher, n: usize) {
    let cache = remembered(n);
    bencher.bench(|| {
        let cards = cache.read();
        assert_eq!(cards.len(), n);
        cards
    });
}

/// `list` with nothing changed: the folder's stamps checked against the
/// remembered cards, no file read.
#[divan::bench(args = sizes(), sample_count = 10)]
fn list_warm(bencher: Bencher, n: usize) {
    let archive = archive(n);
    let known = known(&check(archive.dir(), &Known::new(), |_, _, _| {}).unwrap());
    bencher.bench(|| {
        let listed = check(archive.dir(), &known, |_, _, _| {}).unwrap();
        assert!(
            listed
                .iter()
                .all(|l| l.card.as_ref().is_ok_and(|c| c.problems.is_empty()))
        );
        listed
    });
}

/// `list` on a cold start: every file read into a card on every core, and
/// the cards remembered.
#[divan::bench(args = sizes(), sample_count = 10)]
fn list_cold(bencher: Bencher, n: usize) {
    let archive = archive(n);
    let folder = tempfile::tempdir().unwrap();
    let cache = Cache::in_folder(folder.path(), archive.dir());
    bencher.bench(|| {
        let listed = check(archive.dir(), &Known::new(), |_, _, _| {}).unwrap();
        cache.write(&listed, &preview(&listed));
        listed
    });
}

/// Search as a person types "partners", one letter at a time: each
/// benchmark is the work of one more letter, as the search screen does it
/// (narrowing what the letters before it found, then making the text and
/// snippet of the results a 120×40 screen shows).
#[divan::bench(args = sizes(), consts = [1, 2, 4, 8], sample_count = 10)]
fn search_keystroke<const LETTERS: usize>(bencher: Bencher, n: usize) {
    let sessions = sessions(n);
    let mut typed = SearchIndex::new(&sessions);
    for end in 1..LETTERS {
        typed.find(&"partners"[..end]);
    }
    let query = &"partners"[..LETTERS];
    bencher.with_inputs(|| typed.clone()).bench_local_refs(|index| {
        let found = index.find(black_box(query));
        let shown: Vec<_> = (0..VISIBLE).filter_map(|i| found.hit(index, i)).collect();
        (found.len(), shown)
    });
}

/// `roundtable search partners` once the archive is read: every result
/// made, text and snippet.
#[divan::bench(args = sizes(), sample_count = 10)]
fn search_all(bencher: Bencher, n: usize) {
    let sessions = sessions(n);
    bencher.bench(|| roundtable::domain::search(black_box(&sessions), "partners"));
}

/// Results a 120×40 search screen shows.
const VISIBLE: usize = 17;

/// Opening search: the archive's text folded into an index once.
#[divan::bench(args = sizes(), sample_count = 10)]
fn search_open(bencher: Bencher, n: usize) {
    let sessions = sessions(n);
    bencher.bench(|| SearchIndex::new(black_box(&sessions)));
}

/// The actions and measures screens: the partnership history, every open
/// action and each series' measures.
#[divan::bench(args = sizes(), sample_count = 10)]
fn history(bencher: Bencher, n: usize) {
    let sessions = sessions(n);
    let today = now().date_naive();
    bencher.bench(|| {
        let history = History::new(&sessions);
        let actions = history.actions_matching(&ActionFilter::default(), today).len();
        let measures: usize = history.series().iter().map(|s| history.measures(s).len()).sum();
        actions + measures
    });
}

/// An `n`-session archive of its own, every file settled (an hour old), and
/// its extract remembered by a first run, as `search` and `actions` leave it.
fn extracted_archive(n: usize) -> (TempDir, TempDir, Archive, Extracts) {
    let dir = tempfile::tempdir().unwrap();
    let paths = sample::write(dir.path(), &sessions(n)).unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    for path in paths {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(old).unwrap();
    }
    let archive = Archive::open(dir.path().to_path_buf()).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let extracts = Extracts::beside(&Cache::in_folder(folder.path(), dir.path()), dir.path());
    extracted_with(&archive, Some(&extracts), Depth::Lean).unwrap();
    (dir, folder, archive, extracts)
}

/// `roundtable search partners` with nothing changed since the last run:
/// the folder's stamps checked, the remembered extract read and searched.
#[divan::bench(args = sizes(), sample_count = 10)]
fn search_warm(bencher: Bencher, n: usize) {
    let (_dir, _folder, archive, extracts) = extracted_archive(n);
    bencher.bench(|| {
        let read = extracted_with(&archive, Some(&extracts), Depth::Search).unwrap();
        assert_eq!(read.sessions.len(), n);
        SearchIndex::of(&read.sessions, &read.texts).search(black_box("partners"))
    });
}

/// `roundtable actions --json` with nothing changed since the last run:
/// the remembered lean sessions read and every action found.
#[divan::bench(args = sizes(), sample_count = 10)]
fn actions_warm(bencher: Bencher, n: usize) {
    let (_dir, _folder, archive, extracts) = extracted_archive(n);
    let today = now().date_naive();
    bencher.bench(|| {
        let read = extracted_with(&archive, Some(&extracts), Depth::Lean).unwrap();
        let history = History::new(&read.sessions);
        history.actions_matching(&ActionFilter::default(), today).len()
    });
}
