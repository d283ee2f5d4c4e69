//! One person edits a session at a time.
//!
//! Opening a session for editing takes a lock: a hidden file beside it
//! (`.{stem}.lock`) saying who has it, on which computer, in which process
//! and since when. It is created only if absent (atomically, with no window
//! where it is half written), and removed when the [`SessionLock`] is
//! dropped. Anyone else then gets [`LockError::Held`], which says who, and
//! should open the session read-only.
//!
//! A lock left behind by a crash is stale when it names this computer and a
//! process that is no longer running; it is then taken over. Several
//! Roundtables taking over the same stale lock at once end with exactly one
//! owner: each must first create a marker file named after the dead process,
//! which only one can do, and the winner replaces the lock only if it still
//! holds the stale record.
//!
//! For the app: call [`lock`] when a session is opened for editing and keep
//! the `SessionLock` as long as it is open; on `Err(LockError::Held { .. })`
//! show the message and open read-only; on any other `LockError`, show it and
//! open read-only too (the file cannot be shared safely).

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, Utc};
use serde::{Deserialize, Serialize};

use super::StorageError;
use super::atomic::create_atomic;
use super::special::read_text;
use super::whoami;

/// Who holds a lock: what its file records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    /// Their name as the computer knows it.
    pub user: String,
    /// The computer's name; empty when it could not be found out.
    pub host: String,
    pub pid: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Record {
    holder: Holder,
    /// In the holder's local time, so it reads as they would say it.
    since: DateTime<FixedOffset>,
    /// When the holder's process started, where the system says: a process
    /// that reused its number after a crash or a restart started later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    started: Option<u64>,
    /// Which run of the computer the lock was taken in, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    boot: Option<String>,
}

impl Record {
    fn new(holder: Holder, since: DateTime<FixedOffset>) -> Record {
        Record {
            started: whoami::started(holder.pid),
            boot: whoami::boot_id(),
            holder,
            since,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Someone else has the session open.
    #[error("{} has had this session open since {}; it opens read-only", describe(.holder), when(.since))]
    Held {
        holder: Holder,
        since: DateTime<FixedOffset>,
        lock_file: PathBuf,
    },
    /// The lock file is there but holds nothing Roundtable can read.
    #[error("{} is in the way and cannot be read, so this session opens read-only", .lock_file.display())]
    Unreadable { lock_file: PathBuf },
    /// The lock file could not be written (a read-only folder, say).
    #[error("could not lock this session, so it opens read-only: {0}")]
    Unavailable(StorageError),
}

impl LockError {
    pub fn hint(&self) -> Option<String> {
        match self {
            LockError::Held { lock_file, .. } => Some(format!(
                "ask them to close it. If nobody has it open (their computer crashed or is off), \
                 run `roundtable unlock {}` to take it over",
                session_stem(lock_file)
            )),
            LockError::Unreadable { lock_file } => Some(format!(
                "if nobody else has this session open, delete {} and open it again",
                lock_file.display()
            )),
            LockError::Unavailable(e) => e.hint(),
        }
    }
}

impl LockError {
    /// Who has the session, without saying what happens next (the caller
    /// knows: open read-only, or refuse a change).
    pub fn who(&self) -> String {
        match self {
            LockError::Held { holder, since, .. } => {
                format!(
                    "{} has had this session open since {}",
                    describe(holder),
                    when(since)
                )
            }
            other => other.to_string(),
        }
    }
}

/// The session's file stem from its lock file's name (`.{stem}.lock`).
fn session_stem(lock_file: &Path) -> String {
    let name = lock_file.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.strip_prefix('.').unwrap_or(&name);
    stem.strip_suffix(".lock").unwrap_or(stem).to_string()
}

fn describe(h: &Holder) -> String {
    match h.host.as_str() {
        "" => format!("{} (process {})", h.user, h.pid),
        host => format!("{} on {host} (process {})", h.user, h.pid),
    }
}

fn when(since: &DateTime<FixedOffset>) -> String {
    since.format("%H:%M on %-d %b %Y").to_string()
}

/// The right to edit one session, given up when dropped.
#[derive(Debug)]
pub struct SessionLock {
    lock_file: PathBuf,
    text: String,
}

impl SessionLock {
    /// The hidden file that holds the lock.
    pub fn path(&self) -> &Path {
        &self.lock_file
    }
}

impl Drop for SessionLock {
    /// Removes the lock file, unless it no longer holds this lock's record
    /// (someone deleted it by hand and another Roundtable took over).
    fn drop(&mut self) {
        if read_text(&self.lock_file).is_ok_and(|t| t == self.text) {
            let _ = fs::remove_file(&self.lock_file);
        }
    }
}

/// The lock file for a session: `.{stem}.lock` beside it.
pub fn lock_path(session: &Path) -> PathBuf {
    sidecar(session, "lock")
}

/// A hidden file beside a session: `.{stem}.{suffix}`.
pub(super) fn sidecar(session: &Path, suffix: &str) -> PathBuf {
    let stem = session.file_stem().unwrap_or_default().to_string_lossy();
    session.with_file_name(format!(".{stem}.{suffix}"))
}

/// Takes the lock on the session at `session` for this process, at `now`.
pub fn lock(session: &Path, now: DateTime<Utc>) -> Result<SessionLock, LockError> {
    let holder = Holder {
        user: whoami::user(),
        host: whoami::host(),
        pid: std::process::id(),
    };
    lock_as(session, holder, now.with_timezone(&Local).fixed_offset())
}

fn lock_as(session: &Path, holder: Holder, since: DateTime<FixedOffset>) -> Result<SessionLock, LockError> {
    let lock_file = lock_path(session);
    let text = to_text(&Record::new(holder, since))?;
    // A lock released between our attempt and our look is simply tried again.
    for _ in 0..5 {
        if create_atomic(&lock_file, text.as_bytes()).map_err(LockError::Unavailable)? {
            return Ok(SessionLock { lock_file, text });
        }
        let Some(found) = read(&lock_file)? else { continue };
        let Ok(record) = ron::from_str::<Record>(&found) else {
            return Err(LockError::Unreadable { lock_file });
        };
        if !is_stale(&record) {
            return Err(held(record, lock_file));
        }
        if take_over(&lock_file, &found, &record, &text)? {
            return Ok(SessionLock { lock_file, text });
        }
    }
    match read(&lock_file)?.and_then(|t| ron::from_str::<Record>(&t).ok()) {
        Some(record) => Err(held(record, lock_file)),
        None => Err(LockError::Unreadable { lock_file }),
    }
}

/// Whether someone (this process included) has the session open now: its
/// lock file is there and not stale. A lock file that cannot be read counts
/// as held, to be safe.
pub fn is_locked(session: &Path) -> bool {
    match read_text(&lock_path(session)) {
        Ok(text) => ron::from_str::<Record>(&text).map_or(true, |r| !is_stale(&r)),
        Err(e) => e.kind() != io::ErrorKind::NotFound,
    }
}

/// Replaces the stale lock holding `stale_text` with `mine`; `Ok(false)`
/// when another Roundtable got there first (the caller then looks again).
fn take_over(lock_file: &Path, stale_text: &str, stale: &Record, mine: &str) -> Result<bool, LockError> {
    let mut marker = lock_file.as_os_str().to_owned();
    marker.push(format!(".takeover-{}", stale.holder.pid));
    let marker = PathBuf::from(marker);
    if !create_atomic(&marker, mine.as_bytes()).map_err(LockError::Unavailable)? {
        // Someone is taking it over: they win, unless they died doing it.
        return match read(&marker)?.and_then(|t| ron::from_str::<Record>(&t).ok()) {
            Some(other) if !is_stale(&other) => Err(held(other, lock_file.to_path_buf())),
            _ => {
                let _ = fs::remove_file(&marker);
                Ok(false)
            }
        };
    }
    let result = (|| {
        if read(lock_file)?.as_deref() == Some(stale_text) {
            fs::remove_file(lock_file).map_err(|e| unavailable(lock_file, e))?;
        }
        create_atomic(lock_file, mine.as_bytes()).map_err(LockError::Unavailable)
    })();
    let _ = fs::remove_file(&marker);
    result
}

/// A lock is stale when it names a process on this computer that has
/// ended: it is not running, or the computer restarted since, or the
/// process with that number now started at another time (a new one).
fn is_stale(record: &Record) -> bool {
    let here = whoami::host();
    if here.is_empty() || record.holder.host != here {
        return false;
    }
    let pid = record.holder.pid;
    let restarted = matches!((&record.boot, whoami::boot_id()), (Some(then), Some(now)) if *then != now);
    let reused = matches!((record.started, whoami::started(pid)), (Some(then), Some(now)) if then != now);
    restarted || reused || !whoami::is_alive(pid)
}

/// Removes the lock on `session` if this process holds it, for code that
/// ends the process without the [`SessionLock`] being dropped.
pub fn release_own(session: &Path) {
    let lock_file = lock_path(session);
    let mine = read_text(&lock_file)
        .ok()
        .and_then(|t| ron::from_str::<Record>(&t).ok())
        .is_some_and(|r| r.holder.pid == std::process::id() && r.holder.host == whoami::host());
    if mine {
        let _ = fs::remove_file(&lock_file);
    }
}

/// Who holds the lock on `session` and since when, if anyone (a stale
/// lock included), for a take-over the person confirms first.
pub fn holder(session: &Path) -> Result<Option<(Holder, DateTime<FixedOffset>)>, LockError> {
    let lock_file = lock_path(session);
    let Some(text) = read(&lock_file)? else {
        return Ok(None);
    };
    match ron::from_str::<Record>(&text) {
        Ok(record) => Ok(Some((record.holder, record.since))),
        Err(_) => Err(LockError::Unreadable { lock_file }),
    }
}

/// Takes over a session from `from` (as [`holder`] showed it, and the
/// person confirmed): removes the lock only if it still names them, so a
/// lock taken meanwhile by someone else is never removed. `Ok(false)` when
/// it changed.
pub fn break_lock(session: &Path, from: &Holder) -> Result<bool, LockError> {
    let lock_file = lock_path(session);
    match holder(session)? {
        Some((now_held, _)) if now_held == *from => {
            fs::remove_file(&lock_file).map_err(|e| unavailable(&lock_file, e))?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn held(record: Record, lock_file: PathBuf) -> LockError {
    LockError::Held {
        holder: record.holder,
        since: record.since,
        lock_file,
    }
}

/// The file's text, or `None` when it has gone.
fn read(path: &Path) -> Result<Option<String>, LockError> {
    match read_text(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(unavailable(path, e)),
    }
}

fn unavailable(path: &Path, e: io::Error) -> LockError {
    LockError::Unavailable(StorageError::io("use the lock file", path, e))
}

fn to_text(record: &Record) -> Result<String, LockError> {
    ron::to_string(record).map_err(|e| LockError::Unavailable(StorageError::Format(e.to_string())))
}

impl fmt::Display for Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe(self))
    }
}

#[cfg(test)]
#[path = "lock_tests.rs"]
mod tests;
