//! Saving without being asked: shortly after typing pauses and on every
//! section change, plus a recovery journal written as you type, so a crash
//! or a power cut loses at most the last second or two.
//!
//! Both write what is on screen including the open editor's text, and never
//! close the editor: typing carries on as if nothing happened.

mod writer;

use std::path::Path;

use chrono::{DateTime, TimeDelta, Utc};

use super::message::Message;
use super::{App, Screen};
use crate::domain::Session;
use crate::storage::{self, StorageError};
pub(super) use writer::{Writer, collect, settle};

/// How long typing must pause before the session is saved.
pub const PAUSE: TimeDelta = TimeDelta::seconds(2);
/// The journal is written at most this often.
pub const JOURNAL_EVERY: TimeDelta = TimeDelta::seconds(1);

/// Called a few times a second by the terminal loop.
pub(super) fn tick(app: &mut App, now: DateTime<Utc>) {
    collect(app, now);
    let guard = &app.guard;
    if !guard.unsaved || !guard.is_locked() {
        return;
    }
    if let Some(input) = guard.last_input
        && now - input >= PAUSE
        && guard.tried != Some(input)
    {
        app.guard.tried = Some(input);
        auto(app, now);
    }
    journal(app, now);
}

/// Saves now, without being asked, on the writing thread when there is
/// one; a failure is shown, not retried until the next pause in typing.
pub(super) fn auto(app: &mut App, now: DateTime<Utc>) {
    if writer::save_later(app, now) {
        return;
    }
    if let Err(e) = save(app, now) {
        // What to do first: on a small screen the end of the message is cut.
        let text = format!(
            "Autosave failed (Ctrl-S tries again or saves elsewhere): {}",
            failure(app, &e)
        );
        app.message = Some(Message::error(text));
    }
}

/// Writes the recovery journal when there are changes it does not hold and
/// it was not written in the last second.
fn journal(app: &mut App, now: DateTime<Utc>) {
    let guard = &app.guard;
    let recent = guard.journal_at.is_some_and(|at| now - at < JOURNAL_EVERY);
    if !guard.journal_due || recent {
        return;
    }
    let (Screen::Session(screen), Some(path)) = (&app.screen, &guard.path) else {
        return;
    };
    // A failure is tried again a second later; the failed save (if any) has
    // already said what is wrong with the folder.
    let pending = screen.pending_session();
    let written = if app.guard.writer.is_some() {
        writer::journal_later(app, pending)
    } else {
        storage::write_recovery(path, &pending).is_ok()
    };
    app.guard.journal_at = Some(now);
    app.guard.journal_due = !written;
}

/// Saves what is on screen, the open editor's text included, to the
/// session's file, then drops the journal. On failure nothing changes: the
/// work stays in memory.
pub(super) fn save(app: &mut App, now: DateTime<Utc>) -> Result<(), StorageError> {
    settle(app, now);
    let (Screen::Session(screen), Some(path)) = (&mut app.screen, &app.guard.path) else {
        return Ok(());
    };
    let mut pending = screen.pending_session();
    pending.touch(now);
    write(path, &pending, app.guard.last_saved.as_ref())?;
    if screen.editor.is_none() {
        screen.session.touch(now);
    }
    screen.mark_saved();
    app.guard.saved(pending, now);
    Ok(())
}

/// Writes `pending` to `path` unless the file no longer holds `last_saved`
/// (changed by another program meanwhile), then drops the journal.
pub(super) fn write(
    path: &Path,
    pending: &Session,
    last_saved: Option<&Session>,
) -> Result<(), StorageError> {
    match last_saved {
        Some(before) => storage::save_over(path, pending, before)?,
        None => storage::save(path, pending)?,
    }
    let _ = storage::discard_recovery(path);
    Ok(())
}

/// A failed save in words for the message line: what happened, then what
/// to do.
pub(super) fn failure(app: &App, e: &StorageError) -> String {
    let mut text = app.shown(&e.to_string());
    // The file on disk is someone else's work (or unreadable): the way out
    // is a new file, not editing this one.
    let hint = match e {
        StorageError::WontOverwrite { .. } => Some(
            "your version is still open: press Ctrl-S to save it as a new file, then compare the two".into(),
        ),
        _ => e.hint(),
    };
    if let Some(hint) = hint {
        text = format!("{text}. {}", capitalised(&app.shown(&hint)));
    }
    text
}

pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
