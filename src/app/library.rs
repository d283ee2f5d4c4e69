//! The archive as the app holds it between screens: every file's card,
//! sorted and grouped once per change, so going back to the sessions list
//! costs nothing whatever the archive's size.
//!
//! Two ways to keep it current. [`Library::now`] reads the folder on the
//! spot whenever asked (tests, and small archives in tools). The terminal
//! app uses [`Library::remembered`]: the list is drawn at once from the
//! cards remembered last time, while a worker thread checks the folder,
//! reads only new or changed files, reports progress and watches the folder
//! for changes made by another Roundtable, a sync tool or a text editor.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use notify::{RecursiveMode, Watcher};

use super::timeline::{self, Group};
use crate::domain::Session;
use crate::storage::{Archive, Cache, Known, Listed, check, known};

pub struct Library {
    dir: PathBuf,
    /// Every file: sessions newest first, then unreadable files.
    pub listed: Arc<Vec<Listed>>,
    pub groups: Arc<Vec<Group>>,
    /// Changes whenever `listed` does, so screens know to redraw.
    pub generation: u64,
    /// While the folder is being checked: files checked, of how many.
    pub checking: Option<(usize, usize)>,
    /// Why the folder could not be read at the last check, if it could not.
    pub problem: Option<String>,
    mode: Mode,
    /// The sessions for the screens that look across sessions (see
    /// `library_sessions.rs`).
    pub(super) across: super::library_sessions::Across,
}

enum Mode {
    /// Checked on the spot, with the cards read so far.
    Now(Known),
    /// Checked by a worker thread; `_watch` keeps the folder watched.
    Worker {
        ask: Sender<()>,
        news: Receiver<News>,
        _watch: Option<notify::RecommendedWatcher>,
    },
}

enum News {
    /// Files read so far, checked of how many.
    Read(Vec<Listed>, usize, usize),
    /// The whole folder as checked, or why it could not be read.
    Done(Result<Vec<Listed>, String>),
}

impl Library {
    /// Reads the whole folder now.
    pub fn now(archive: &Archive) -> Library {
        let mut library = Library::empty(archive.dir(), Mode::Now(Known::new()));
        library.refresh();
        library
    }

    /// The cards remembered for this archive at once, checked against the
    /// folder by a worker thread (see [`Library::poll`]).
    pub fn remembered(archive: &Archive) -> Library {
        Library::remembered_in(archive, Cache::of(archive.dir()))
    }

    /// [`Library::remembered`] with the cache given (tests keep theirs apart).
    pub fn remembered_in(archive: &Archive, cache: Option<Cache>) -> Library {
        let dir = archive.dir().to_path_buf();
        let cards = cache.as_ref().map(Cache::read).unwrap_or_default();
        let listed = cards
            .iter()
            .map(|(name, (stamp, card))| Listed {
                path: dir.join(name),
                stamp: Some(*stamp),
                card: Ok(card.clone()),
            })
            .collect();
        let (ask, asked) = channel();
        let (tell, news) = channel();
        let watch = watch(&dir, ask.clone());
        spawn_worker(dir.clone(), cards, cache, asked, tell);
        let mut library = Library::empty(
            &dir,
            Mode::Worker {
                ask,
                news,
                _watch: watch,
            },
        );
        library.set(listed);
        library.checking = Some((0, library.listed.len()));
        library.refresh();
        library
    }

    fn empty(dir: &Path, mode: Mode) -> Library {
        Library {
            dir: dir.to_path_buf(),
            listed: Arc::default(),
            groups: Arc::default(),
            generation: 0,
            checking: None,
            problem: None,
            mode,
            across: Default::default(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A library of the same kind on another archive (the examples, and
    /// back).
    pub fn reopen(&self, archive: &Archive) -> Library {
        match self.mode {
            Mode::Now(_) => Library::now(archive),
            Mode::Worker { .. } => Library::remembered(archive),
        }
    }

    /// Checks the folder again: now, or by asking the worker.
    pub fn refresh(&mut self) {
        match &mut self.mode {
            Mode::Now(known_cards) => {
                let checked = check(&self.dir, known_cards, |_, _, _| {});
                match checked {
                    Ok(listed) => {
                        *known_cards = known(&listed);
                        self.problem = None;
                        self.set(listed);
                    }
                    Err(e) => {
                        self.problem = Some(e.to_string());
                        self.set(Vec::new());
                    }
                }
            }
            Mode::Worker { ask, .. } => {
                let _ = ask.send(());
            }
        }
    }

    /// Takes in what the worker has found since last asked; whether
    /// anything on screen changed.
    pub fn poll(&mut self) -> bool {
        let Mode::Worker { news, .. } = &self.mode else {
            return false;
        };
        let news: Vec<News> = news.try_iter().collect();
        let mut changed = false;
        let mut read = Vec::new();
        for item in news {
            match item {
                News::Read(files, checked, total) => {
                    read.extend(files);
                    self.checking = Some((checked, total));
                    changed = true;
                }
                News::Done(Ok(listed)) => {
                    read.clear();
                    self.checking = None;
                    self.problem = None;
                    self.set(listed);
                    changed = true;
                }
                News::Done(Err(problem)) => {
                    self.checking = None;
                    self.problem = Some(problem);
                    changed = true;
                }
            }
        }
        if !read.is_empty() {
            self.fill_in(read);
        }
        changed
    }

    /// Puts a session this app has just saved in the list at once, without
    /// waiting for the next check of the folder.
    pub fn saved(&mut self, path: &Path, session: &Session) {
        self.fill_in(vec![Listed::saved(path.to_path_buf(), session)]);
    }

    /// Adds or replaces the files in `files`, leaving the others.
    fn fill_in(&mut self, files: Vec<Listed>) {
        let mut listed: Vec<Listed> = self.listed.as_ref().clone();
        let at: HashMap<PathBuf, usize> = listed
            .iter()
            .enumerate()
            .map(|(i, l)| (l.path.clone(), i))
            .collect();
        for file in files {
            match at.get(&file.path) {
                Some(&i) => listed[i] = file,
                None => listed.push(file),
            }
        }
        self.set(listed);
    }

    /// Replaces the list; whether it differs from the one before.
    fn set(&mut self, mut listed: Vec<Listed>) -> bool {
        listed.sort_by(order);
        let same = listed.len() == self.listed.len()
            && listed
                .iter()
                .zip(self.listed.iter())
                .all(|(a, b)| a.path == b.path && a.stamp == b.stamp && a.card.is_ok() == b.card.is_ok());
        if same && self.generation > 0 {
            return false;
        }
        self.groups = Arc::new(timeline::groups(&listed));
        self.listed = Arc::new(listed);
        self.generation += 1;
        true
    }

    /// Whether files are read by a worker thread rather than on the spot.
    pub(super) fn reads_on_a_worker(&self) -> bool {
        matches!(self.mode, Mode::Worker { .. })
    }

    /// Reads one file again now, e.g. after this app changed it.
    pub fn reread(&mut self, path: &Path) {
        if path.exists() {
            self.fill_in(vec![Listed::read(path.to_path_buf())]);
        } else {
            let listed = self.listed.iter().filter(|l| l.path != path).cloned().collect();
            self.set(listed);
        }
    }
}

/// Newest session first; unreadable files last, where they do not push
/// real sessions out of view but are still listed.
fn order(a: &Listed, b: &Listed) -> Ordering {
    match (&a.card, &b.card) {
        (Ok(x), Ok(y)) => y.date.cmp(&x.date).then_with(|| b.path.cmp(&a.path)),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        (Err(_), Err(_)) => a.path.cmp(&b.path),
    }
}

/// Checks the folder each time it is asked (requests that pile up while a
/// check runs are answered by one more check), telling the app as it goes
/// and remembering the cards for the next start.
fn spawn_worker(
    dir: PathBuf,
    mut cards: Known,
    cache: Option<Cache>,
    asked: Receiver<()>,
    tell: Sender<News>,
) {
    std::thread::spawn(move || {
        while asked.recv().is_ok() {
            while asked.try_recv().is_ok() {}
            let checked = check(&dir, &cards, |read, checked, total| {
                let _ = tell.send(News::Read(read.to_vec(), checked, total));
            });
            let done = match checked {
                Ok(listed) => {
                    let now = known(&listed);
                    if let Some(cache) = cache.as_ref().filter(|_| now != cards) {
                        cache.write(&listed);
                    }
                    cards = now;
                    Ok(listed)
                }
                Err(e) => Err(e.to_string()),
            };
            if tell.send(News::Done(done)).is_err() {
                return;
            }
        }
    });
}

/// Asks for a check whenever a session file in the folder changes; `None`
/// where the system cannot watch (the list is then checked on each return
/// to it, and with `r`).
fn watch(dir: &Path, ask: Sender<()>) -> Option<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else {
            return;
        };
        if event.paths.iter().any(|p| crate::storage::is_session_file(p)) {
            let _ = ask.send(());
        }
    })
    .ok()?;
    watcher.watch(dir, RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}

#[cfg(test)]
#[path = "library_tests.rs"]
mod tests;
