//! The sessions behind the screens that look across the archive (search,
//! actions, measures), kept by the library between screens.
//!
//! Each readable file is held [`lean`], keyed by its stamp (size and
//! modification time), with where its fields are in a search index: a
//! later read takes again only the files whose stamp changed, and the
//! index of the others' fields from the index held. Texts repeated between
//! sessions are held once. The terminal app reads on a worker thread, so opening one of those
//! screens never freezes it: the screen shows "Reading sessions: N of M…"
//! and fills in when the read is done. A library read on the spot
//! ([`Library::now`], for tests and tools) reads on the spot here too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use rayon::prelude::*;

use super::across::Loaded;
use super::library::Library;
use crate::domain::{IndexBuilder, SearchIndex, Session, Span, TextPool, lean};
use crate::storage::{Stamp, load};

/// Files read at a time between two reports of progress.
const BATCH: usize = 256;

/// One file as last read.
struct Held {
    stamp: Option<Stamp>,
    session: Arc<Session>,
    /// The index holding its search fields, and its place there; none
    /// while it is being read.
    fields: Option<(Arc<SearchIndex>, usize)>,
}

/// What has been read, and any read under way.
#[derive(Default)]
pub struct Across {
    files: HashMap<PathBuf, Held>,
    pool: TextPool,
    /// The last read finished, with the library generation it read.
    current: Option<(u64, Loaded)>,
    job: Option<Job>,
    /// Changes with every report, so the screen redraws.
    news: u64,
}

struct Job {
    generation: u64,
    progress: (usize, usize),
    reports: Receiver<Report>,
}

enum Report {
    Read(usize, usize),
    Done(Box<Finished>),
}

struct Finished {
    files: HashMap<PathBuf, Held>,
    pool: TextPool,
    loaded: Loaded,
}

/// What a screen looking across sessions can show now.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The sessions as last read in full, if they ever were, with the
    /// library generation they were read at.
    pub loaded: Option<(u64, Loaded)>,
    /// While a read is under way: files read, of how many.
    pub progress: Option<(usize, usize)>,
}

impl Reading {
    /// The sessions read, when newer than those a screen last took in
    /// (generation `seen`, which then moves on); none otherwise.
    pub fn newer(self, seen: &mut Option<u64>) -> Option<Loaded> {
        let (generation, loaded) = self.loaded?;
        if seen.is_some_and(|s| s >= generation) {
            return None;
        }
        *seen = Some(generation);
        Some(loaded)
    }

    /// What a screen says while sessions are read: "Reading sessions: 512
    /// of 10000…"; none once read, nor while a screen already showing
    /// sessions has only the index left to build (after a save).
    pub fn words(progress: Option<(usize, usize)>, showing: bool) -> Option<String> {
        let (done, total) = progress.filter(|(done, total)| done < total || !showing)?;
        Some(format!(
            "Reading sessions: {done} of {total}… (results fill in when done; Esc goes back)"
        ))
    }
}

impl Library {
    /// The sessions for a screen looking across the archive: those read
    /// before when still current, else a read is started (or, for a library
    /// read on the spot, done now).
    pub fn across(&mut self) -> Reading {
        self.poll_across(true);
        let across = &self.across;
        let current = across.current.as_ref().filter(|(g, _)| *g == self.generation);
        Reading {
            loaded: current.or(across.current.as_ref()).cloned(),
            progress: across.job.as_ref().map(|j| j.progress),
        }
    }

    /// Takes in what the read under way has found; starts another read when
    /// `wanted` and the folder changed since the last. Whether anything a
    /// screen shows changed.
    pub fn poll_across(&mut self, wanted: bool) -> bool {
        let before = self.across.news;
        if let Some(job) = &mut self.across.job {
            let mut finished = None;
            let mut gone = false;
            loop {
                match job.reports.try_recv() {
                    Ok(Report::Read(done, total)) => {
                        job.progress = (done, total);
                        self.across.news += 1;
                    }
                    Ok(Report::Done(done)) => {
                        finished = Some((job.generation, done));
                        break;
                    }
                    Err(TryRecvError::Empty) => break,
                    // The worker ended without a result: read again next time.
                    Err(TryRecvError::Disconnected) => {
                        gone = true;
                        break;
                    }
                }
            }
            if let Some((generation, done)) = finished {
                self.take_in(generation, *done);
            } else if gone {
                self.across.job = None;
                self.across.news += 1;
            }
        }
        let stale = self
            .across
            .current
            .as_ref()
            .is_none_or(|(g, _)| *g != self.generation);
        if wanted && stale && self.across.job.is_none() {
            self.start_reading();
        }
        self.across.news != before
    }

    fn take_in(&mut self, generation: u64, finished: Finished) {
        self.across.files = finished.files;
        self.across.pool = finished.pool;
        self.across.current = Some((generation, finished.loaded));
        self.across.job = None;
        self.across.news += 1;
    }

    /// Changes with every report of the read, so the screen redraws.
    pub fn across_news(&self) -> u64 {
        self.across.news
    }

    /// Every readable session, read now (waiting for any read under way);
    /// shared, never copied.
    pub fn sessions(&mut self) -> Loaded {
        if let Some(job) = self.across.job.take() {
            let done = job.reports.iter().find_map(|r| match r {
                Report::Done(finished) => Some(finished),
                Report::Read(..) => None,
            });
            if let Some(finished) = done {
                self.take_in(job.generation, *finished);
            }
        }
        if let Some((g, loaded)) = &self.across.current
            && *g == self.generation
        {
            return loaded.clone();
        }
        let files = std::mem::take(&mut self.across.files);
        let pool = std::mem::take(&mut self.across.pool);
        let finished = read(self.readable(), files, pool, |_, _| {});
        let loaded = finished.loaded.clone();
        self.take_in(self.generation, finished);
        loaded
    }

    /// A file this app has just changed, read again now and put in place of
    /// its copy in `loaded` (which is returned changed), without reading
    /// any other file. The next read across the archive finds the other
    /// files unchanged.
    pub fn across_saved(&mut self, loaded: &Loaded, path: &Path) -> Loaded {
        let stamp = Stamp::read(path);
        let Ok(session) = load(path) else {
            return loaded.clone();
        };
        let one = Arc::new(SearchIndex::new(std::slice::from_ref(&session)));
        let session = Arc::new(lean(session, &mut self.across.pool));
        if self.across.job.is_none() {
            let held = Held {
                stamp,
                session: Arc::clone(&session),
                fields: Some((Arc::clone(&one), 0)),
            };
            self.across.files.insert(path.to_path_buf(), held);
        }
        loaded.with_file(path, session, one)
    }

    /// Every file the list shows as readable, in its order.
    fn readable(&self) -> Vec<PathBuf> {
        self.listed
            .iter()
            .filter(|l| l.card.is_ok())
            .map(|l| l.path.clone())
            .collect()
    }

    fn start_reading(&mut self) {
        if !self.reads_on_a_worker() {
            self.sessions();
            return;
        }
        let paths = self.readable();
        let files = std::mem::take(&mut self.across.files);
        let pool = std::mem::take(&mut self.across.pool);
        let (tell, reports) = channel();
        let total = paths.len();
        std::thread::spawn(move || {
            let progress = tell.clone();
            let finished = read(paths, files, pool, move |done, total| {
                let _ = progress.send(Report::Read(done, total));
            });
            let _ = tell.send(Report::Done(Box::new(finished)));
        });
        self.across.job = Some(Job {
            generation: self.generation,
            progress: (0, total),
            reports,
        });
        self.across.news += 1;
    }
}

/// Reads the files in `paths` whose stamp differs from the one in `files`
/// (all of them the first time), telling `progress` how many
/// of all are done after each batch; then builds the search index (each
/// file read adds its fields as it is read, the others' are taken from the
/// index they are in) and the series, so a screen shown them has nothing
/// left to work out.
fn read(
    paths: Vec<PathBuf>,
    mut files: HashMap<PathBuf, Held>,
    mut pool: TextPool,
    mut progress: impl FnMut(usize, usize),
) -> Finished {
    let total = paths.len();
    let stamps: Vec<Option<Stamp>> = paths.par_iter().map(|p| Stamp::read(p)).collect();
    let stale: Vec<usize> = (0..total)
        .filter(|&i| {
            let held = files.get(&paths[i]);
            stamps[i].is_none() || held.is_none_or(|h| h.stamp != stamps[i] || h.fields.is_none())
        })
        .collect();
    let mut done = total - stale.len();
    progress(done, total);
    let dropped = files.len() + stale.len() > total;
    let mut fresh: Vec<Option<Span>> = vec![None; total];
    // About as many fields as last time, so the list is not grown by doubling.
    let fields = files
        .values()
        .filter_map(|h| h.fields.as_ref())
        .map(|(i, _)| i.field_count());
    let mut builder = IndexBuilder::with_capacity(fields.max().unwrap_or(0));
    for batch in stale.chunks(BATCH) {
        // The stamp first: a change while parsing makes the next read take
        // the file again rather than keep the older text. One file at a
        // time on this thread, cut down as soon as it is read: parsing on
        // every core, or holding a batch whole, left the heap fragmented and
        // raised peak memory (the read is in the background, so its time
        // matters less than its memory).
        for &i in batch {
            let stamp = Stamp::read(&paths[i]);
            match load(&paths[i]).ok() {
                Some(session) => {
                    fresh[i] = Some(builder.add(&session));
                    let session = Arc::new(lean(session, &mut pool));
                    let fields = None;
                    files.insert(
                        paths[i].clone(),
                        Held {
                            stamp,
                            session,
                            fields,
                        },
                    );
                }
                None => {
                    files.remove(&paths[i]);
                }
            }
        }
        done += batch.len();
        progress(done, total);
    }
    let wanted: std::collections::HashSet<&PathBuf> = paths.iter().collect();
    files.retain(|p, _| wanted.contains(p));
    if dropped || !stale.is_empty() {
        pool.prune();
    }
    // The indexes the unchanged files' fields are in, held while taken from.
    let before: Vec<Option<(Arc<SearchIndex>, usize)>> = paths
        .iter()
        .map(|p| files.get(p).and_then(|h| h.fields.clone()))
        .collect();
    let mut kept: (Vec<PathBuf>, Vec<Arc<Session>>, Vec<Span>) = Default::default();
    for (i, path) in paths.iter().enumerate() {
        let Some(held) = files.get(path) else { continue };
        let span = match (fresh[i], &before[i]) {
            (Some(span), _) => span,
            (None, Some((index, slot))) => builder.add_from(index, *slot),
            // Every file held was read now or has its fields in an index.
            (None, None) => continue,
        };
        kept.0.push(path.clone());
        kept.1.push(Arc::clone(&held.session));
        kept.2.push(span);
    }
    let index = Arc::new(builder.finish(&kept.1, &kept.2));
    drop(before);
    for (slot, path) in kept.0.iter().enumerate() {
        if let Some(held) = files.get_mut(path) {
            held.fields = Some((Arc::clone(&index), slot));
        }
    }
    let loaded = Loaded::indexed_by(kept.0, kept.1, index);
    loaded.action_table();
    crate::heap::give_back();
    Finished { files, pool, loaded }
}

#[cfg(test)]
#[path = "library_sessions_tests.rs"]
mod tests;
