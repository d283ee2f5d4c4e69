//! The archive as the app holds it between screens: every file's card,
//! sorted and grouped once per change, so going back to the sessions list
//! costs nothing whatever the archive's size.
//!
//! Two ways to keep it current. [`Library::now`] reads the folder on the
//! spot whenever asked (tests, and small archives in tools). The terminal
//! app uses [`Library::remembered`]: the first frame is drawn at once from
//! the first screenful remembered last time (a few hundred bytes, whatever
//! the archive's size), while a worker thread reads the rest of the
//! remembered cards, checks the folder, reads only new or changed files,
//! reports progress and watches the folder for changes made by another
//! Roundtable, a sync tool or a text editor. The worker hands over the list
//! sorted and grouped, so the app only swaps it in.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering as Atomic};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::timeline::Group;
use crate::domain::Session;
use crate::storage::{Archive, Cache, Known, Listed, Stamp, check, known, settled};

#[path = "library_view.rs"]
mod view;
#[path = "library_worker.rs"]
mod worker;
pub use view::preview;
use view::{View, preview_of, remembered_view};
use worker::{spawn_worker, watch};

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
    /// Checked by a worker thread, the folder watched.
    Worker {
        ask: Sender<()>,
        news: Receiver<News>,
        /// Set up on the first refresh, after the first frame (it takes a
        /// few milliseconds); holds the watcher while there is one.
        watching: Option<Option<notify::RecommendedWatcher>>,
        cache: Option<Cache>,
        /// Holds files read this run that the worker has not remembered
        /// yet: they are remembered on leaving, should it not finish.
        unremembered: bool,
        /// A list sent that the app has not taken yet (see `spawn_worker`).
        unread: Arc<AtomicBool>,
    },
}

enum News {
    /// The whole list as known so far, sorted and grouped, and how far the
    /// check has got (`None` once it is finished and remembered).
    List(View, Option<(usize, usize)>),
    /// Files checked, of how many.
    Progress(usize, usize),
    /// Why the folder could not be read.
    Failed(String),
}

impl Library {
    /// Reads the whole folder now.
    pub fn now(archive: &Archive) -> Library {
        let mut library = Library::empty(archive.dir(), Mode::Now(Known::new()));
        library.refresh();
        library
    }

    /// The first screenful remembered for this archive at once, the rest
    /// read and the folder checked by a worker thread (see
    /// [`Library::poll`]).
    pub fn remembered(archive: &Archive) -> Library {
        Library::remembered_in(archive, Cache::of(archive.dir()))
    }

    /// [`Library::remembered`] with the cache given (tests keep theirs
    /// apart). The worker starts on the first [`Library::refresh`]: the
    /// terminal asks once the first frame is drawn, so nothing competes
    /// with drawing it.
    pub fn remembered_in(archive: &Archive, cache: Option<Cache>) -> Library {
        let dir = archive.dir().to_path_buf();
        let first = remembered_view(&dir, cache.as_ref());
        let (ask, asked) = channel();
        let (tell, news) = channel();
        let unread = Arc::new(AtomicBool::new(false));
        spawn_worker(dir.clone(), cache.clone(), asked, (tell, Arc::clone(&unread)));
        let mut library = Library::empty(
            &dir,
            Mode::Worker {
                ask,
                news,
                watching: None,
                cache,
                unremembered: false,
                unread,
            },
        );
        let files = first
            .as_ref()
            .map_or(0, |v| v.groups.iter().map(|g| g.files).sum());
        library.show(first.unwrap_or_default());
        library.checking = Some((0, files));
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
            Mode::Worker { .. } => {
                let mut library = Library::remembered(archive);
                library.refresh();
                library
            }
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
            Mode::Worker { ask, watching, .. } => {
                if watching.is_none() {
                    *watching = Some(watch(&self.dir, ask.clone()));
                }
                let _ = ask.send(());
            }
        }
    }

    /// Takes in what the worker has found since last asked; whether
    /// anything on screen changed.
    pub fn poll(&mut self) -> bool {
        let Mode::Worker {
            news,
            unremembered,
            unread,
            ..
        } = &mut self.mode
        else {
            return false;
        };
        let news: Vec<News> = news.try_iter().collect();
        unread.store(false, Atomic::Release);
        let Some(last) = news.len().checked_sub(1) else {
            return false;
        };
        let mut view = None;
        for (i, item) in news.into_iter().enumerate() {
            match item {
                // Only the newest list matters.
                News::List(list, checking) => {
                    *unremembered = checking.is_some_and(|(checked, _)| checked > 0);
                    self.checking = checking;
                    if checking.is_none() {
                        self.problem = None;
                    }
                    if i == last || checking.is_none() {
                        view = Some(list);
                    }
                }
                News::Progress(checked, total) => self.checking = Some((checked, total)),
                News::Failed(problem) => {
                    self.checking = None;
                    self.problem = Some(problem);
                }
            }
        }
        if let Some(view) = view {
            self.show(view);
        }
        true
    }

    /// Puts a session this app has just saved in the list at once, without
    /// waiting for the next check of the folder.
    pub fn saved(&mut self, path: &Path, session: &Session) {
        self.fill_in(vec![Listed::saved(path.to_path_buf(), session)]);
    }

    /// Adds or replaces the files in `files`, leaving the others.
    fn fill_in(&mut self, files: Vec<Listed>) {
        // One file that keeps its place in the list and in its group (a
        // session saved, or looked at again) is swapped in where it is:
        // sorting and grouping 10,000 files again took 16 ms.
        if let [file] = files.as_slice()
            && let Some(at) = self.listed.iter().position(|l| l.path == file.path)
            && keeps_its_place(&self.listed[at], file)
        {
            let file = file.without_messages();
            let was = &self.listed[at];
            let same = was.stamp == file.stamp
                && match (&was.card, &file.card) {
                    (Ok(a), Ok(b)) => a == b,
                    _ => false,
                };
            if !same {
                Arc::make_mut(&mut self.listed)[at] = file;
                self.generation += 1;
            }
            return;
        }
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
    fn set(&mut self, listed: Vec<Listed>) -> bool {
        self.show(View::of(listed))
    }

    /// Shows `view`; whether it differs from the list shown before.
    fn show(&mut self, view: View) -> bool {
        let same = view.listed.len() == self.listed.len()
            && view
                .listed
                .iter()
                .zip(self.listed.iter())
                .all(|(a, b)| a.path == b.path && a.stamp == b.stamp && a.card.is_ok() == b.card.is_ok())
            && view.groups == self.groups;
        if same && self.generation > 0 {
            return false;
        }
        self.groups = view.groups;
        self.listed = view.listed;
        self.generation += 1;
        true
    }

    /// Whether files are read by a worker thread rather than on the spot.
    pub(super) fn reads_on_a_worker(&self) -> bool {
        matches!(self.mode, Mode::Worker { .. })
    }

    /// Reads one file again now, e.g. after this app changed it.
    ///
    /// A file listed with the stamp it still has (and had for a while, so a
    /// change within the same tick of the clock is not missed) is left as
    /// it is: going back to the list from a screen that changed nothing
    /// costs nothing, whatever the archive's size.
    pub fn reread(&mut self, path: &Path) {
        let now = Stamp::read(path);
        let unchanged = self
            .listed
            .iter()
            .find(|l| l.path == path)
            .is_some_and(|l| l.stamp.is_some() && l.stamp == now && now.is_some_and(settled));
        if unchanged {
            return;
        }
        if path.exists() {
            self.fill_in(vec![Listed::read(path.to_path_buf())]);
        } else {
            let listed = self.listed.iter().filter(|l| l.path != path).cloned().collect();
            self.set(listed);
        }
    }
}

impl Drop for Library {
    /// Remembers the files read this run when the worker has not finished
    /// (someone quit during a long first check): the next start then reads
    /// only the rest.
    fn drop(&mut self) {
        if let Mode::Worker {
            cache: Some(cache),
            unremembered: true,
            ..
        } = &self.mode
        {
            cache.write(&self.listed, &preview_of(&self.listed, &self.groups));
        }
    }
}

/// Newest session first; unreadable files last, where they do not push
/// real sessions out of view but are still listed.
/// Whether `new` sorts and groups where `old` did: the same date, time,
/// title, partnership and place in its series.
fn keeps_its_place(old: &Listed, new: &Listed) -> bool {
    match (&old.card, &new.card) {
        (Ok(a), Ok(b)) => {
            (a.date, a.start_time, &a.title, &a.partnership, &a.id, &a.previous)
                == (b.date, b.start_time, &b.title, &b.partnership, &b.id, &b.previous)
        }
        _ => false,
    }
}

fn order(a: &Listed, b: &Listed) -> Ordering {
    match (&a.card, &b.card) {
        (Ok(x), Ok(y)) => y.date.cmp(&x.date).then_with(|| b.path.cmp(&a.path)),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        (Err(_), Err(_)) => a.path.cmp(&b.path),
    }
}

#[cfg(test)]
#[path = "library_tests.rs"]
mod tests;
