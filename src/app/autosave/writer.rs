//! Autosaves and the recovery journal written on a thread of their own, so
//! a large session on a slow disk never holds up the next key. The loop
//! hands over a copy of what is on screen; the result comes back on a
//! later tick. The rules are those of a save in the loop: never over a file
//! changed elsewhere, atomic writes, the journal dropped after a save.
//!
//! One save is under way at a time (the next one must know what the file
//! holds after it). Anything that saves in the loop itself (Ctrl-S,
//! leaving, quitting, Save as) first waits for what is under way: `settle`.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use chrono::{DateTime, Utc};

use super::super::guard::{Shared, same_content};
use super::super::message::Message;
use super::super::{App, Screen};
use crate::domain::Session;
use crate::storage::{self, StorageError};

// Boxed: a session is large, and these go through a channel.
enum Work {
    Save {
        pending: Box<Session>,
        before: Option<Box<Session>>,
    },
    Journal(Box<Session>),
}

struct Job {
    path: PathBuf,
    work: Work,
}

enum Done {
    Saved {
        path: PathBuf,
        written: Box<Session>,
        result: Result<(), StorageError>,
    },
    Journal {
        written: bool,
    },
}

/// The loop's end of the writing thread.
pub struct Writer {
    jobs: Sender<Job>,
    done: Receiver<Done>,
    /// Jobs handed over whose result has not come back.
    busy: usize,
    saving: bool,
    /// A save was asked for while one was under way: it follows it.
    again: bool,
}

impl Writer {
    /// Starts the thread; `None` when the system will not give one (saves
    /// then happen in the loop, as before).
    pub fn start(shared: Shared) -> Option<Writer> {
        let (jobs, inbox) = channel::<Job>();
        let (outbox, done) = channel();
        std::thread::Builder::new()
            .name("roundtable-autosave".into())
            .spawn(move || {
                for job in inbox {
                    if outbox.send(run(job, &shared)).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Writer {
            jobs,
            done,
            busy: 0,
            saving: false,
            again: false,
        })
    }

    fn send(&mut self, job: Job) -> bool {
        let sent = self.jobs.send(job).is_ok();
        self.busy += usize::from(sent);
        sent
    }
}

/// On the writing thread: one job, under the lock that keeps it apart from
/// a save made from outside the loop (`guard::finish_outside`).
fn run(job: Job, shared: &Shared) -> Done {
    let _writing = shared.writing();
    let current = shared.is_open(&job.path);
    match job.work {
        Work::Save { pending, before } => {
            let result = if current {
                super::write(&job.path, &pending, before.as_deref())
            } else {
                Err(StorageError::NotSaved {
                    path: job.path.clone(),
                    source: std::io::Error::other("the session was closed before it could be saved"),
                })
            };
            if result.is_ok() {
                shared.written(&job.path, &pending);
            }
            Done::Saved {
                path: job.path,
                written: pending,
                result,
            }
        }
        Work::Journal(session) => Done::Journal {
            written: current && storage::write_recovery(&job.path, &session).is_ok(),
        },
    }
}

/// Hands an autosave of what is on screen to the thread; false when there
/// is no thread (the caller saves in the loop).
pub(super) fn save_later(app: &mut App, now: DateTime<Utc>) -> bool {
    let (Screen::Session(screen), Some(path), Some(writer)) =
        (&app.screen, &app.guard.path, &mut app.guard.writer)
    else {
        return false;
    };
    if writer.saving {
        writer.again = true;
        return true;
    }
    let mut pending = screen.pending_session();
    pending.touch(now);
    let before = app.guard.last_saved.clone().map(Box::new);
    let job = Job {
        path: path.clone(),
        work: Work::Save {
            pending: Box::new(pending),
            before,
        },
    };
    writer.saving = writer.send(job);
    if writer.saving {
        // The save drops the journal; one written after it would outlive it.
        // Typing from now on makes it due again, and so does a failure.
        app.guard.journal_due = false;
    }
    writer.saving
}

/// Hands the journal to the thread; false when there is no thread.
pub(super) fn journal_later(app: &mut App, session: Session) -> bool {
    let (Some(path), Some(writer)) = (&app.guard.path, &mut app.guard.writer) else {
        return false;
    };
    let job = Job {
        path: path.clone(),
        work: Work::Journal(Box::new(session)),
    };
    writer.send(job)
}

/// Takes in whatever the thread has finished, without waiting.
pub(in crate::app) fn collect(app: &mut App, now: DateTime<Utc>) {
    while let Some(done) = app.guard.writer.as_ref().and_then(|w| w.done.try_recv().ok()) {
        finished(app, done, now);
    }
}

/// Waits for everything handed to the thread, then takes it in: called
/// before anything in the loop writes the session's files itself.
pub(in crate::app) fn settle(app: &mut App, now: DateTime<Utc>) {
    loop {
        let Some(writer) = app.guard.writer.as_mut() else {
            return;
        };
        if writer.busy == 0 {
            return;
        }
        match writer.done.recv() {
            Ok(done) => finished(app, done, now),
            // The thread is gone (it cannot be, short of a bug): nothing
            // more will come back, and saves happen in the loop from now.
            Err(_) => {
                app.guard.writer = None;
                return;
            }
        }
    }
}

fn finished(app: &mut App, done: Done, now: DateTime<Utc>) {
    let Some(writer) = app.guard.writer.as_mut() else {
        return;
    };
    writer.busy = writer.busy.saturating_sub(1);
    let Done::Saved {
        path,
        written,
        result,
    } = done
    else {
        if let Done::Journal { written: false } = done {
            // Tried again a second later, as in the loop.
            app.guard.journal_due = true;
        }
        return;
    };
    writer.saving = false;
    let again = std::mem::take(&mut writer.again);
    if app.guard.path.as_ref() != Some(&path) {
        return;
    }
    match result {
        Ok(()) => {
            // Typing may have gone on meanwhile: only what was written
            // counts as saved.
            let mut same = true;
            if let Screen::Session(screen) = &mut app.screen {
                same = match &screen.editor {
                    None => same_content(&written, &mut screen.session),
                    Some(_) => same_content(&written, &mut screen.pending_session()),
                };
                if same {
                    if screen.editor.is_none() {
                        screen.session.updated = written.updated;
                    }
                    screen.mark_saved();
                }
            }
            let at = written.updated;
            if same {
                let due = app.guard.journal_due;
                app.guard.saved(*written, at);
                app.guard.journal_due = due;
            } else {
                app.guard.file_holds(*written, at);
            }
            if again {
                super::auto(app, now);
            }
        }
        Err(e) => {
            app.guard.journal_due = true;
            let text = format!(
                "Autosave failed (Ctrl-S tries again or saves elsewhere): {}",
                super::failure(app, &e)
            );
            app.message = Some(Message::error(text));
        }
    }
}
