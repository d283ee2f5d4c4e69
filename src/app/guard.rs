//! Looking after the open session: its lock, whether what is on screen is
//! in its file, and a copy of unsaved work for the panic hook.
//!
//! `after` runs once after every action. It is the one place that notices a
//! session being opened or left, whichever screen did it, so new screens
//! that open sessions get the lock and the recovery offer for free.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Utc};

use super::message::Message;
use super::session::section::Section;
use super::{App, Screen, autosave, recovery};
use crate::domain::Session;
use crate::storage::{self, LockError, SessionLock, StorageError};

/// The open session as code outside the loop needs it: the panic hook, and
/// the watchdog that saves when the terminal is gone and the loop stuck.
#[derive(Debug, Clone, Default)]
pub struct Shared {
    state: Arc<Mutex<Outside>>,
    /// Held while the session's file is written from outside the loop (the
    /// autosave thread, the watchdog), so those writes never overlap.
    writing: Arc<Mutex<()>>,
    /// Taken by whoever finishes the session (the loop or the watchdog) for
    /// as long as that takes, and set once done, so it happens once.
    finished: Arc<Mutex<bool>>,
}

impl Shared {
    /// The open file and what is on screen, when that is not in the file.
    /// Never waits (the panic may have struck while the loop held it).
    pub fn unsaved(&self) -> Option<(PathBuf, Session)> {
        let state = self.state.try_lock().ok()?;
        Some((state.path.clone()?, state.unsaved.clone()?))
    }

    /// Taken for as long as a write from outside the loop lasts.
    pub(super) fn writing(&self) -> MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether `path` is the session still open (and not finished from
    /// outside the loop meanwhile).
    pub(super) fn is_open(&self, path: &Path) -> bool {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.path.as_deref() == Some(path)
    }

    /// Records that `path` now holds `session` (written by the autosave
    /// thread), so a save from outside the loop knows what the file holds.
    pub(super) fn written(&self, path: &Path, session: &Session) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if state.path.as_deref() == Some(path) {
            state.last_saved = Some(session.clone());
        }
    }
}

#[derive(Debug, Default)]
struct Outside {
    /// The file of the session open for editing (this process holds its lock).
    pub path: Option<PathBuf>,
    /// What is on screen, when it differs from the file.
    pub unsaved: Option<Session>,
    /// What the file held when Roundtable last read or wrote it: a file
    /// that no longer holds it was changed elsewhere and is never saved over.
    pub last_saved: Option<Session>,
}

#[derive(Default)]
pub struct Guard {
    /// Held while the session is open for editing; dropping it releases it.
    lock: Option<SessionLock>,
    /// The file of the session being looked after.
    pub(super) path: Option<PathBuf>,
    /// What the file holds, as Roundtable last read or wrote it.
    pub(super) last_saved: Option<Session>,
    /// When Roundtable last saved it, for "saved 10:42".
    pub saved_at: Option<DateTime<Utc>>,
    /// What is on screen (open editor included) differs from the file.
    pub unsaved: bool,
    /// The last key or paste on the session screen.
    pub(super) last_input: Option<DateTime<Utc>>,
    /// `last_input` at the last autosave try, so a failing save is tried
    /// once per pause in typing, not on every tick.
    pub(super) tried: Option<DateTime<Utc>>,
    /// When the recovery journal was last written.
    pub(super) journal_at: Option<DateTime<Utc>>,
    /// Changes since the journal was last written.
    pub(super) journal_due: bool,
    section: Option<Section>,
    shared: Shared,
    /// The autosave thread, when the app runs in a terminal (tests save in
    /// the loop, so each save is done when `update` returns).
    pub(super) writer: Option<autosave::Writer>,
}

impl Guard {
    /// A handle on the unsaved session for the panic hook.
    pub fn shared(&self) -> Shared {
        self.shared.clone()
    }

    /// Autosaves and the recovery journal are written on a thread of their
    /// own from now on, so typing never waits for the disk.
    pub fn write_in_background(&mut self) {
        if self.writer.is_none() {
            self.writer = autosave::Writer::start(self.shared.clone());
        }
    }

    /// Whether this app holds the lock on the open session.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    /// Records that the session's file now holds `saved`.
    pub(super) fn saved(&mut self, saved: Session, now: DateTime<Utc>) {
        self.file_holds(saved, now);
        self.unsaved = false;
        self.journal_due = false;
        self.share(None);
    }

    /// Records that the file now holds `saved`, written at `at`, while what
    /// is on screen has moved on since (typing during a save on the
    /// autosave thread): it stays unsaved, and shared as such.
    pub(super) fn file_holds(&mut self, saved: Session, at: DateTime<Utc>) {
        self.last_saved = Some(saved);
        self.saved_at = Some(at);
        if let Ok(mut shared) = self.shared.state.lock()
            && shared.path.is_some()
        {
            shared.last_saved = self.last_saved.clone();
        }
    }

    /// Tells the code outside the loop which file is open and what it held.
    fn share_open(&self) {
        if let Ok(mut shared) = self.shared.state.lock() {
            shared.path = self.path.clone().filter(|_| self.is_locked());
            shared.last_saved = self.last_saved.clone();
            shared.unsaved = None;
        }
    }

    /// Moves to a new file (after Save as), holding `lock` on it if any.
    pub(super) fn moved(&mut self, path: PathBuf, lock: Option<SessionLock>) {
        self.lock = lock;
        self.path = Some(path);
        self.share_open();
    }

    /// Shares what is on screen when it is not in the file (`None` when it
    /// is). What the file holds is shared when it changes (`share_open`,
    /// `saved`), not here: this runs on every key.
    fn share(&self, unsaved: Option<Session>) {
        if let Ok(mut shared) = self.shared.state.lock() {
            shared.unsaved = unsaved;
        }
    }

    /// Shares `on_screen` as the unsaved work unless that is what is shared
    /// already (browsing an unsaved session copies nothing).
    fn share_if_new(&self, on_screen: &Session) {
        if let Ok(mut shared) = self.shared.state.lock()
            && shared.unsaved.as_ref() != Some(on_screen)
        {
            shared.unsaved = Some(on_screen.clone());
        }
    }

    /// Forgets the session, releasing its lock, but keeps the shared handle
    /// the panic hook holds.
    fn reset(&mut self) {
        if let Ok(mut shared) = self.shared.state.lock() {
            *shared = Outside::default();
        }
        *self = Guard {
            shared: self.shared.clone(),
            writer: self.writer.take(),
            ..Guard::default()
        };
    }
}

/// Runs after every action; `input` when it was a key or paste on the
/// session screen.
pub(super) fn after(app: &mut App, input: bool, now: DateTime<Utc>) {
    let open = match &app.screen {
        Screen::Session(screen) => Some(screen.path.clone()),
        _ => None,
    };
    if open != app.guard.path {
        release(app, now);
        if let Some(path) = open {
            adopt(app, path, now);
        }
        return;
    }
    let Screen::Session(screen) = &mut app.screen else {
        return;
    };
    if !app.guard.is_locked() {
        return;
    }
    let section = screen.nav.section;
    let guard = &mut app.guard;
    // Runs after every key and tick, so nothing here copies the session
    // unless it must: without an open editor, what is on screen is the
    // session itself, compared where it is.
    let mut pending = screen.editor.is_some().then(|| screen.pending_session());
    let on_screen = pending.as_mut().unwrap_or(&mut screen.session);
    guard.unsaved = guard
        .last_saved
        .as_ref()
        .is_none_or(|saved| !same_content(saved, on_screen));
    if input {
        guard.last_input = Some(now);
        guard.journal_due |= guard.unsaved;
    }
    match (guard.unsaved, pending) {
        (false, _) => guard.share(None),
        (true, Some(pending)) => guard.share(Some(pending)),
        (true, None) => guard.share_if_new(&screen.session),
    }
    if guard.section.replace(section).is_some_and(|old| old != section) && guard.unsaved {
        autosave::auto(app, now);
    }
}

/// Equal apart from when they were last changed. `b` is changed only for
/// the comparison, so neither is copied.
pub fn same_content(a: &Session, b: &mut Session) -> bool {
    let updated = std::mem::replace(&mut b.updated, a.updated);
    let same = a == b;
    b.updated = updated;
    same
}

/// Starts looking after the session just opened: locks it (or turns the
/// screen read-only, saying who has it) and offers any unsaved work left in
/// its recovery journal.
fn adopt(app: &mut App, path: PathBuf, now: DateTime<Utc>) {
    let Screen::Session(screen) = &mut app.screen else {
        return;
    };
    app.guard.path = Some(path.clone());
    app.guard.section = Some(screen.nav.section);
    app.guard.last_saved = Some(screen.session.clone());
    if screen.read_only.is_some() {
        return;
    }
    match storage::lock(&path, now) {
        Ok(lock) => {
            app.guard.lock = Some(lock);
            app.guard.share_open();
        }
        Err(e) => {
            let why = app.shown(&lock_message(&e));
            app.message = Some(Message::info(autosave::capitalised(&why)));
            if let Screen::Session(screen) = &mut app.screen {
                screen.read_only = Some(why);
            }
        }
    }
    // Offered even when the session opens read-only: a lock can outlive a
    // crash, and the work must not be out of sight (restoring then writes
    // a new file beside the session).
    recovery::offer_on_open(app, &path);
}

/// Why the session opened read-only, and what to do about it.
pub fn lock_message(e: &LockError) -> String {
    match e.hint() {
        Some(hint) => format!("{e}. {}.", autosave::capitalised(&hint)),
        None => format!("{e}."),
    }
}

/// Stops looking after the session that was open: its journal goes when
/// everything was saved, and the lock is released.
fn release(app: &mut App, now: DateTime<Utc>) {
    // What the autosave thread still has to write goes first.
    autosave::settle(app, now);
    if let Some(path) = &app.guard.path
        && app.guard.is_locked()
    {
        if !app.guard.unsaved {
            let _ = storage::discard_recovery(path);
        } else if let Some(unsaved) = app.guard.shared.state.lock().ok().and_then(|s| s.unsaved.clone()) {
            // Left without saving (after a failed save): the journal gets
            // the very last state, so the next start offers all of it.
            let _ = storage::write_recovery(path, &unsaved);
        }
    }
    app.guard.reset();
}

/// What the terminal loop calls when the app ends for any reason (quit, a
/// signal, the terminal gone): saves the open session or, failing that,
/// keeps it in a recovery file. Returns what to tell the person, if anything.
pub fn shutdown(app: &mut App, now: DateTime<Utc>) -> Option<String> {
    // Held throughout, so the watchdog waits and then finds it all done.
    let finished = Arc::clone(&app.guard.shared.finished);
    let mut finished = finished.lock().unwrap_or_else(PoisonError::into_inner);
    if std::mem::replace(&mut *finished, true) {
        return None;
    }
    autosave::settle(app, now);
    let open = match (&app.screen, &app.guard.path) {
        (Screen::Session(screen), Some(path)) if app.guard.is_locked() && unsaved(app, screen) => {
            Some((path.clone(), screen.pending_session()))
        }
        _ => None,
    };
    let note = open.and_then(|(path, pending)| match autosave::save(app, now) {
        Ok(()) => None,
        Err(e) => Some(keep(app.archive.dir(), &path, &pending, &not_saved(&path, &e))),
    });
    release(app, now);
    note
}

/// What the watchdog calls when the loop is stuck (a terminal that hung up
/// under a read): the same as [`shutdown`] from outside the loop. Saves what
/// is on screen unless the file changed elsewhere (or anything else stops
/// the save), in which case the work goes to the journal; then releases
/// the lock. `None` when there was nothing to say, or it was already done.
pub fn finish_outside(shared: &Shared, archive_dir: &Path, now: DateTime<Utc>) -> Option<String> {
    let mut finished = shared.finished.lock().unwrap_or_else(PoisonError::into_inner);
    if std::mem::replace(&mut *finished, true) {
        return None;
    }
    // After any write the autosave thread has begun; it writes nothing more
    // once the path is given up below.
    let _writing = shared.writing();
    let mut outside = shared.state.lock().unwrap_or_else(PoisonError::into_inner);
    let path = outside.path.clone()?;
    let note = outside.unsaved.clone().and_then(|mut pending| {
        pending.touch(now);
        match autosave::write(&path, &pending, outside.last_saved.as_ref()) {
            Ok(()) => None,
            Err(e) => Some(keep(archive_dir, &path, &pending, &not_saved(&path, &e))),
        }
    });
    storage::release_own(&path);
    outside.path = None;
    note
}

fn unsaved(app: &App, screen: &super::session::SessionScreen) -> bool {
    app.guard.unsaved || screen.is_dirty()
}

/// Writes work that could not be saved to a recovery file: the journal if
/// possible, otherwise a new file in the archive, home or temporary folder.
/// Returns `what_happened` followed by where the work went and what to do.
pub fn keep(archive_dir: &Path, path: &Path, session: &Session, what_happened: &str) -> String {
    let journal = storage::recovery_path(path);
    if storage::write_recovery(path, session).is_ok() {
        return format!(
            "{what_happened} Your unsaved work is in {}: start Roundtable again to restore it.",
            journal.display()
        );
    }
    match storage::write_panic_recovery(archive_dir, session) {
        Ok(place) => {
            let mut note = format!("{what_happened} Your unsaved work is in {}.", place.display());
            if place.parent() != Some(archive_dir) {
                note.push_str(&format!(
                    " Move it into {} to open it in Roundtable.",
                    archive_dir.display()
                ));
            }
            if journal.exists() {
                note.push_str(&format!(
                    " The older unsaved copy in {} is out of date: discard it when Roundtable offers it.",
                    journal.display()
                ));
            }
            note
        }
        Err(e) => format!(
            "{what_happened} A copy could not be kept either ({}): the last changes are lost.",
            e
        ),
    }
}

/// "Roundtable could not save FILE: why."
pub fn not_saved(path: &Path, e: &StorageError) -> String {
    format!("Roundtable could not save {}: {}.", path.display(), e.reason())
}
