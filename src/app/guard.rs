//! Looking after the open session: its lock, whether what is on screen is
//! in its file, and a copy of unsaved work for the panic hook.
//!
//! `after` runs once after every action. It is the one place that notices a
//! session being opened or left, whichever screen did it, so new screens
//! that open sessions get the lock and the recovery offer for free.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use super::message::Message;
use super::session::section::Section;
use super::{App, Screen, autosave, recovery};
use crate::domain::Session;
use crate::storage::{self, LockError, SessionLock};

/// The unsaved session (its file and content), for code that cannot reach
/// the app: the panic hook and signal handling.
pub type Shared = Arc<Mutex<Option<(PathBuf, Session)>>>;

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
}

impl Guard {
    /// A handle on the unsaved session for the panic hook.
    pub fn shared(&self) -> Shared {
        Arc::clone(&self.shared)
    }

    /// Whether this app holds the lock on the open session.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    /// Records that the session's file now holds `saved`.
    pub(super) fn saved(&mut self, saved: Session, now: DateTime<Utc>) {
        self.last_saved = Some(saved);
        self.saved_at = Some(now);
        self.unsaved = false;
        self.journal_due = false;
        self.share(None);
    }

    /// Moves to a new file (after Save as), holding `lock` on it if any.
    pub(super) fn moved(&mut self, path: PathBuf, lock: Option<SessionLock>) {
        self.lock = lock;
        self.path = Some(path);
    }

    fn share(&self, value: Option<(PathBuf, Session)>) {
        if let Ok(mut shared) = self.shared.lock() {
            *shared = value;
        }
    }

    /// Forgets the session, releasing its lock, but keeps the shared handle
    /// the panic hook holds.
    fn reset(&mut self) {
        self.share(None);
        *self = Guard {
            shared: Arc::clone(&self.shared),
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
        release(app);
        if let Some(path) = open {
            adopt(app, path, now);
        }
        return;
    }
    let Screen::Session(screen) = &app.screen else {
        return;
    };
    if !app.guard.is_locked() {
        return;
    }
    let pending = screen.pending_session();
    let section = screen.nav.section;
    let guard = &mut app.guard;
    guard.unsaved = guard
        .last_saved
        .as_ref()
        .is_none_or(|saved| !same_content(saved, &pending));
    if input {
        guard.last_input = Some(now);
        guard.journal_due |= guard.unsaved;
    }
    guard.share(guard.unsaved.then(|| (screen.path.clone(), pending)));
    if guard.section.replace(section).is_some_and(|old| old != section) && guard.unsaved {
        autosave::auto(app, now);
    }
}

/// Equal apart from when they were last changed.
pub fn same_content(a: &Session, b: &Session) -> bool {
    if a.updated == b.updated {
        return a == b;
    }
    let mut b = b.clone();
    b.updated = a.updated;
    *a == b
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
        Ok(lock) => app.guard.lock = Some(lock),
        Err(e) => {
            let why = app.shown(&lock_message(&e));
            app.message = Some(Message::info(autosave::capitalised(&why)));
            if let Screen::Session(screen) = &mut app.screen {
                screen.read_only = Some(why);
            }
            return;
        }
    }
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
fn release(app: &mut App) {
    if let Some(path) = &app.guard.path
        && app.guard.is_locked()
    {
        if !app.guard.unsaved {
            let _ = storage::discard_recovery(path);
        } else if let Some((_, unsaved)) = app.guard.shared.lock().ok().and_then(|s| s.clone()) {
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
    let open = match (&app.screen, &app.guard.path) {
        (Screen::Session(screen), Some(path)) if app.guard.is_locked() && unsaved(app, screen) => {
            Some((path.clone(), screen.pending_session()))
        }
        _ => None,
    };
    let note = open.and_then(|(path, pending)| match autosave::save(app, now) {
        Ok(()) => None,
        Err(e) => Some(keep(
            app.archive.dir(),
            &path,
            &pending,
            &not_saved(&path, &e.to_string()),
        )),
    });
    release(app);
    note
}

fn unsaved(app: &App, screen: &super::session::SessionScreen) -> bool {
    app.guard.unsaved || screen.is_dirty()
}

/// Writes work that could not be saved to a recovery file: the journal if
/// possible, otherwise a new file in the archive or temporary folder.
/// Returns `what_happened` followed by where the work went.
pub fn keep(archive_dir: &Path, path: &Path, session: &Session, what_happened: &str) -> String {
    let place = match storage::write_recovery(path, session) {
        Ok(()) => Ok(format!(
            "{}; start Roundtable again to restore it",
            storage::recovery_path(path).display()
        )),
        Err(_) => storage::write_panic_recovery(archive_dir, session).map(|p| p.display().to_string()),
    };
    match place {
        Ok(place) => format!("{what_happened} Your unsaved work is in {place}."),
        Err(e) => {
            format!("{what_happened} A copy could not be kept either ({e}): the last changes are lost.")
        }
    }
}

/// "Roundtable could not save FILE (why)."
pub fn not_saved(path: &Path, why: &str) -> String {
    format!("Roundtable could not save {} ({why}).", path.display())
}
