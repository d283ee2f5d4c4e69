//! The shared archive as the home screen sees it: how far this laptop is
//! behind or ahead (asked of git in the background, fetching only at start
//! and on sync, never while drawing), the sync that `S` runs, and the
//! conflict copies waiting to be merged.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::{DateTime, Utc};

use super::App;
use super::message::Message;
use crate::sync::{self, ConflictCopy, Outcome, Standing, SyncError, copies};

/// What the home screen knows of the shared archive.
#[derive(Debug, Default)]
pub struct Sharing {
    /// The last answer and when it came.
    pub standing: Option<(Standing, DateTime<Utc>)>,
    /// What git is doing for us now, if anything ("Syncing…").
    pub busy: Option<&'static str>,
    /// Conflict copies among the archive's files.
    pub copies: Vec<ConflictCopy>,
    /// The library generation the copies were found in.
    generation: Option<u64>,
    running: Option<Receiver<Report>>,
}

enum Report {
    Standing(Standing),
    Synced(Result<Outcome, SyncError>, Standing),
}

/// Asks git how this laptop stands, fetching first, in the background (the
/// terminal loop calls this once at start).
pub fn check_in_background(app: &mut App) {
    if app.sharing.running.is_some() || app.examples.is_some() {
        return;
    }
    sync::never_prompt();
    let dir = app.archive.dir().to_path_buf();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(Report::Standing(sync::standing(&dir, true)));
    });
    app.sharing.running = Some(rx);
    app.sharing.busy = Some("Checking the shared archive…");
}

/// Runs `roundtable sync` in the background (`S` on the home screen).
pub fn sync_in_background(app: &mut App, now: DateTime<Utc>) {
    if app.examples.is_some() {
        app.message = Some(Message::info(
            "The examples are not shared; press e to go back to your archive first.",
        ));
        return;
    }
    if app.sharing.running.is_some() {
        app.message = Some(Message::info(
            "Already talking to the shared archive; the result shows here when it is done.",
        ));
        return;
    }
    let dir = app.archive.dir().to_path_buf();
    let today = app.local_date(now).to_string();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let outcome = sync::sync(&dir, &sync::this_host(), &today);
        let _ = tx.send(Report::Synced(outcome, sync::standing(&dir, false)));
    });
    app.sharing.running = Some(rx);
    app.sharing.busy = Some("Syncing with the shared archive…");
    app.message = Some(Message::info(
        "Syncing: committing this laptop's sessions, pulling, pushing…",
    ));
}

/// Takes in what the background work found (on each tick), and finds the
/// conflict copies again when the archive's list changed.
pub fn poll(app: &mut App, now: DateTime<Utc>) {
    find_copies(app);
    let Some(rx) = &app.sharing.running else { return };
    let report = match rx.try_recv() {
        Ok(report) => report,
        Err(TryRecvError::Empty) => return,
        Err(TryRecvError::Disconnected) => {
            app.sharing.running = None;
            app.sharing.busy = None;
            return;
        }
    };
    app.sharing.running = None;
    app.sharing.busy = None;
    match report {
        Report::Standing(standing) => app.sharing.standing = Some((standing, now)),
        Report::Synced(result, standing) => {
            app.sharing.standing = Some((standing, now));
            app.message = Some(synced_message(app, result));
            if app.home().is_some() {
                let selected = app
                    .home()
                    .and_then(|h| h.selected_entry())
                    .map(|e| e.path.clone());
                app.go_home(selected.as_deref());
            } else {
                app.library.refresh();
            }
        }
    }
}

fn synced_message(app: &App, result: Result<Outcome, SyncError>) -> Message {
    match result {
        Ok(outcome) if outcome.waiting.is_empty() => Message::success(one_line(&sync::summary(&outcome))),
        Ok(outcome) => Message::error(format!(
            "{} Select a conflict copy and press Enter to merge it, then press S again.",
            one_line(&sync::summary(&outcome))
        )),
        Err(e) => {
            let hint = e.hint().map(|h| format!(" ({h})")).unwrap_or_default();
            Message::error(app.shown(&format!("Not synced: {e}.{hint}")))
        }
    }
}

fn one_line(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join(" ")
}

/// The conflict copies among the library's files, found again only when
/// the list changed.
pub fn find_copies(app: &mut App) {
    if app.sharing.generation == Some(app.library.generation) {
        return;
    }
    app.sharing.generation = Some(app.library.generation);
    let paths: HashSet<PathBuf> = app.library.listed.iter().map(|e| e.path.clone()).collect();
    let mut found: Vec<ConflictCopy> = app
        .library
        .listed
        .iter()
        .filter_map(|e| copies::recognise(&e.path, |p| paths.contains(p)))
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    app.sharing.copies = found;
}

/// The home screen's line about the shared archive, if it is shared.
pub fn status_line(app: &App) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(busy) = app.sharing.busy {
        parts.push(busy.to_string());
    } else if let Some((standing, at)) = &app.sharing.standing {
        match standing {
            Standing::NotShared => {}
            Standing::Known {
                to_pull: 0,
                to_push: 0,
                remote,
            } => {
                parts.push(format!("Up to date with {remote} as of {}", app.clock(*at)));
            }
            Standing::Known { to_pull, to_push, .. } => {
                let sessions = |n: usize| {
                    if n == 1 {
                        "1 session".to_string()
                    } else {
                        format!("{n} sessions")
                    }
                };
                let text = match (to_pull, to_push) {
                    (0, push) => format!("{} to push", sessions(*push)),
                    (pull, 0) => format!("{} to pull", sessions(*pull)),
                    (pull, push) => format!("{} to pull, {push} to push", sessions(*pull)),
                };
                parts.push(format!("{text} (S to sync)"));
            }
            Standing::Unknown(_) => parts.push(format!(
                "Shared archive not reached at {} (S to try again)",
                app.clock(*at)
            )),
        }
    }
    match app.sharing.copies.as_slice() {
        [] => {}
        [one] => parts.push(format!("⚠ a {}: select it, Enter to merge", one.describe())),
        many => parts.push(format!(
            "⚠ {} conflict copies: select one, Enter to merge",
            many.len()
        )),
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The conflict copy at `path`, if it is one.
pub fn copy_at(app: &App, path: &std::path::Path) -> Option<ConflictCopy> {
    app.sharing
        .copies
        .iter()
        .find(|c| c.path == path)
        .cloned()
        .or_else(|| copies::recognise(path, |p| p.exists()))
}
