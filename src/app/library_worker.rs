//! The library's worker thread: reads the rest of the remembered cards,
//! checks the folder when asked and watches it for changes, handing the
//! list over to the app as it goes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering as Atomic};
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use super::News;
use super::view::{View, preview};
use crate::storage::{Cache, Listed, check, known, same_files};

/// Reads the rest of the remembered cards, then checks the folder each
/// time it is asked (requests that pile up while a check runs are answered
/// by one more check), handing over the list as it goes and remembering
/// the cards for the next start.
///
/// A list on its way is a whole copy of the archive's cards: while the app
/// has not taken the last one (`unread`), only progress is sent, so copies
/// never pile up in the channel when the app is slow to look.
pub(super) fn spawn_worker(
    dir: PathBuf,
    cache: Option<Cache>,
    asked: Receiver<()>,
    (tell, unread): (Sender<News>, Arc<AtomicBool>),
) {
    std::thread::spawn(move || {
        if asked.recv().is_err() {
            return;
        }
        let mut cards = cache.as_ref().map(Cache::read).unwrap_or_default();
        let mut current: Vec<Listed> = cards
            .iter()
            .map(|(name, (stamp, card))| Listed {
                path: dir.join(name),
                stamp: Some(*stamp),
                card: Ok(Arc::clone(card)),
            })
            .collect();
        let remembered = News::List(View::of(current.clone()), Some((0, current.len())));
        if !current.is_empty() && tell.send(remembered).is_err() {
            return;
        }
        // The remembered cards were read and decoded: memory to give back.
        let mut freed = true;
        loop {
            while asked.try_recv().is_ok() {}
            let mut at: HashMap<PathBuf, usize> = current
                .iter()
                .enumerate()
                .map(|(i, l)| (l.path.clone(), i))
                .collect();
            let mut sent = Instant::now();
            let checked = check(&dir, &cards, |read, checked, total| {
                freed |= !read.is_empty();
                for file in read {
                    match at.get(&file.path) {
                        Some(&i) => current[i] = file.without_messages(),
                        None => {
                            at.insert(file.path.clone(), current.len());
                            current.push(file.without_messages());
                        }
                    }
                }
                // A whole list is sorted and grouped a few times a second
                // at most: a large first check reads many batches.
                let due = checked == total || sent.elapsed() > SNAPSHOTS;
                let news = if !read.is_empty() && due && !unread.swap(true, Atomic::AcqRel) {
                    sent = Instant::now();
                    News::List(View::of(current.clone()), Some((checked, total)))
                } else {
                    News::Progress(checked, total)
                };
                let _ = tell.send(news);
            });
            let news = match checked {
                Ok(listed) => {
                    let changed = !same_files(&listed, &cards);
                    if let Some(cache) = cache.as_ref().filter(|_| changed) {
                        // Before `View::of` lets the problems' messages go.
                        cache.write(&listed, &preview(&listed));
                    }
                    // The list, the cards remembered and the app's copy
                    // share each card once the messages are gone.
                    drop(std::mem::take(&mut current));
                    let view = View::of(listed);
                    cards = known(&view.listed);
                    current = view.listed.as_ref().clone();
                    News::List(view, None)
                }
                Err(e) => News::Failed(e.to_string()),
            };
            let sent = tell.send(news);
            // Only after files were read: giving back takes the heap's lock
            // for milliseconds, and a check that read nothing freed little.
            if std::mem::take(&mut freed) {
                crate::heap::give_back();
            }
            if sent.is_err() || asked.recv().is_err() {
                return;
            }
        }
    });
}

/// How often a long check hands over the list read so far.
const SNAPSHOTS: Duration = Duration::from_millis(200);

/// Asks for a check whenever a session file in the folder changes; `None`
/// where the system cannot watch (the list is then checked on each return
/// to it, and with `r`).
pub(super) fn watch(dir: &Path, ask: Sender<()>) -> Option<notify::RecommendedWatcher> {
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
