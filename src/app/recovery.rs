//! Offering back work that was never saved: at start for every session with
//! a recovery journal left behind, and when such a session is opened. The
//! person sees what the journal would change and chooses: restore it,
//! discard it (after a yes/no), or decide later (it is kept).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::crossterm::event::KeyCode;

use super::confirm::Confirm;
use super::keys::{Binding, Key};
use super::message::Message;
use super::{App, Screen, autosave};
use crate::domain::{Session, differences};
use crate::storage::{self, StorageError};

/// One session's unsaved work, waiting for a decision.
#[derive(Debug, Clone)]
pub struct Offer {
    pub path: PathBuf,
    pub recovered: Session,
    /// What restoring would change, in plain words.
    pub differences: Vec<String>,
    /// When the journal was last written, if known.
    pub written: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Restore,
    Discard,
    Later,
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::ch('r')],
        action: Action::Restore,
        label: "restore",
        help: "Bring back the unsaved work and save it as the session",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('d')],
        action: Action::Discard,
        label: "discard",
        help: "Throw the unsaved work away (asks first)",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Later,
        label: "decide later",
        help: "Keep the unsaved work for now; it is offered again next time",
        in_footer: true,
    },
];

/// At start: every session in the archive with unsaved work left behind.
/// Temporary files a crash left in the middle of a save go first.
pub fn offer_pending(app: &mut App) {
    storage::clean_leftovers(app.archive.dir());
    for path in storage::pending_recoveries(app.archive.dir()) {
        add(app, &path, None);
    }
}

/// When a session is opened: its journal, if it holds anything new.
pub(super) fn offer_on_open(app: &mut App, path: &Path) {
    let Screen::Session(screen) = &app.screen else {
        return;
    };
    let saved = screen.session.clone();
    app.offers.retain(|o| o.path != path);
    add(app, path, Some(Ok(saved)));
}

/// Reads `path`'s journal and queues it when it differs from the saved
/// session (`saved`, or read from the file).
fn add(app: &mut App, path: &Path, saved: Option<Result<Session, StorageError>>) {
    let recovered = match storage::read_recovery(path) {
        None => return,
        Some(Ok(session)) => session,
        Some(Err(e)) => {
            // The reason first: a long path would push it off the line.
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            app.message = Some(Message::error(format!(
                "Cannot read the unsaved work for {} ({}). Copy what you need from {} in a text editor, \
                 then delete that file.",
                app.shown(&name),
                app.shown(&e.reason()),
                app.shown(&storage::recovery_path(path).display().to_string())
            )));
            return;
        }
    };
    let differences = match saved.unwrap_or_else(|| storage::load(path)) {
        Ok(saved) => differences(&saved, &recovered),
        Err(StorageError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            vec!["the session file itself is gone: restoring brings the whole session back".into()]
        }
        Err(e) => vec![format!(
            "the saved file cannot be read ({}): restoring keeps it and saves the work as a new file",
            app.shown(&e.to_string())
        )],
    };
    if differences.is_empty() {
        // The journal holds nothing the file does not: nothing to offer.
        let _ = storage::discard_recovery(path);
        return;
    }
    let written = std::fs::metadata(storage::recovery_path(path))
        .and_then(|m| m.modified())
        .ok()
        .map(DateTime::<Utc>::from);
    app.offers.push_back(Offer {
        path: path.to_path_buf(),
        recovered,
        differences,
        written,
    });
}

pub(super) fn update(app: &mut App, action: Action, now: DateTime<Utc>) {
    match action {
        Action::Restore => restore(app, now),
        Action::Discard => app.confirm = Some(Confirm::DiscardRecovery),
        Action::Later => {
            if app.offers.pop_front().is_some() {
                app.message = Some(Message::info(
                    "The unsaved work is kept; Roundtable offers it again next time.",
                ));
            }
        }
    }
}

/// After "yes" to the discard question.
pub(super) fn discard(app: &mut App) {
    let Some(offer) = app.offers.pop_front() else {
        return;
    };
    let ours = app.guard.is_locked() && app.guard.path.as_ref() == Some(&offer.path);
    if !ours && storage::is_locked(&offer.path) {
        // Someone has the session open: the journal may be their live work.
        app.message = Some(Message::info(
            "Kept the unsaved work: someone has this session open, and it may be theirs.",
        ));
        return;
    }
    app.message = Some(match storage::discard_recovery(&offer.path) {
        Ok(()) => Message::info("Discarded the unsaved work."),
        Err(e) => Message::error(format!("Could not discard it: {}", autosave::failure(app, &e))),
    });
}

fn restore(app: &mut App, now: DateTime<Utc>) {
    let Some(offer) = app.offers.pop_front() else {
        return;
    };
    let mut recovered = offer.recovered.clone();
    recovered.touch(now);
    if let Screen::Session(screen) = &mut app.screen
        && screen.path == offer.path
        && screen.read_only.is_none()
    {
        // The session is open here: the screen takes the recovered version
        // and the usual save writes it and drops the journal.
        screen.editor = None;
        screen.session = recovered;
        screen.nav.clamp(&screen.session);
        screen.dirty = true;
        app.guard.unsaved = true;
        match autosave::save(app, now) {
            Ok(()) => app.message = Some(Message::success("Restored the unsaved work and saved it.")),
            Err(e) => app.message = Some(Message::error(restore_failed(app, &e))),
        }
        return;
    }
    let result = restore_into_file(app.archive.dir(), &offer.path, &recovered, now);
    match result {
        Ok(saved) => {
            let _ = storage::discard_recovery(&offer.path);
            if matches!(app.screen, Screen::Home(_)) {
                app.go_home(Some(&saved));
            }
            app.message = Some(Message::success(format!(
                "Restored the unsaved work into {}.",
                app.shown(&saved.display().to_string())
            )));
        }
        Err(e) => {
            app.offers.push_front(offer);
            app.message = Some(Message::error(restore_failed(app, &e)));
        }
    }
}

/// Saves the recovered session into its file while holding its lock, which
/// takes over (and so clears) a lock left by the process that crashed. A
/// file someone else has open, or that must not be saved over, is left as
/// it is and the work goes to a new file beside it. Returns where it went.
fn restore_into_file(
    dir: &Path,
    path: &Path,
    recovered: &Session,
    now: DateTime<Utc>,
) -> Result<PathBuf, StorageError> {
    let Ok(_lock) = storage::lock(path, now) else {
        return storage::write_panic_recovery(dir, recovered);
    };
    match storage::save(path, recovered) {
        Ok(()) => Ok(path.to_path_buf()),
        Err(StorageError::WontOverwrite { .. }) => storage::write_panic_recovery(dir, recovered),
        Err(e) => Err(e),
    }
}

fn restore_failed(app: &App, e: &StorageError) -> String {
    format!(
        "Could not restore: {}. The unsaved work is kept.",
        autosave::failure(app, e)
    )
}

/// What to do about a session file that cannot be opened, for the home
/// screen and the message line: a file that is not a session inside needs
/// a text editor, but one that cannot be read at all (permissions, a
/// folder or a pipe named like a session) needs something else.
pub fn advice(e: &StorageError) -> String {
    match e.hint() {
        Some(hint) if hint != storage::FIX_HINT && !matches!(e, StorageError::Parse { .. }) => {
            format!("{}, then press r to reload.", autosave::capitalised(&hint))
        }
        _ => "Fix it in a text editor, then press r to reload.".into(),
    }
}

/// The local time the journal was written, e.g. "10:42 on 3 Dec".
pub fn written_at(offer: &Offer, offset: FixedOffset) -> Option<String> {
    offer
        .written
        .map(|t| t.with_timezone(&offset).format("%H:%M on %-d %b").to_string())
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    #[test]
    fn advice_fits_what_is_wrong_with_the_file() {
        let parse = StorageError::Parse {
            path: "s.ron".into(),
            line: 1,
            col: 2,
            message: "the field `id` is missing".into(),
        };
        assert_eq!(advice(&parse), "Fix it in a text editor, then press r to reload.");
        let denied = StorageError::Io {
            action: "read",
            path: "s.ron".into(),
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert!(
            advice(&denied).starts_with("You are not allowed to read it"),
            "{}",
            advice(&denied)
        );
        let pipe = StorageError::NotAFile {
            path: "s.ron".into(),
            what: "it is a named pipe (FIFO), not a file".into(),
        };
        assert!(advice(&pipe).starts_with("Roundtable reads only plain files"));
        assert!(!advice(&pipe).contains("text editor"));
    }
}
