//! What the app does for the session screen: the screen edits the session in
//! memory and answers an `Outcome`; saving, exporting and leaving happen here.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use super::confirm::Confirm;
use super::message::Message;
use super::session::{Outcome, SessionScreen};
use super::{App, Screen, files};
use crate::{export, storage};

pub(super) fn update(app: &mut App, key: KeyEvent, now: DateTime<Utc>) {
    if let Screen::Session(screen) = &mut app.screen {
        let outcome = screen.handle_key(key, now);
        follow(app, outcome, now);
    }
}

/// Does what the session screen asked for.
pub(super) fn follow(app: &mut App, outcome: Outcome, now: DateTime<Utc>) {
    match outcome {
        Outcome::Stay => {}
        Outcome::Help => app.open_help(),
        Outcome::Save => {
            save(app, now);
        }
        Outcome::ExportMinutes => export_minutes(app),
        Outcome::Back => {
            if save_if_dirty(app, now) {
                let path = screen_path(app);
                app.go_home(path.as_deref());
            } else {
                app.confirm = Some(Confirm::LeaveUnsaved);
            }
        }
        Outcome::Quit => {
            if save_if_dirty(app, now) {
                app.quit = true;
            } else {
                app.confirm = Some(Confirm::QuitUnsaved);
            }
        }
    }
}

fn screen_path(app: &App) -> Option<std::path::PathBuf> {
    match &app.screen {
        Screen::Session(screen) => Some(screen.path.clone()),
        _ => None,
    }
}

/// Saves when there is anything to save; false when saving failed.
fn save_if_dirty(app: &mut App, now: DateTime<Utc>) -> bool {
    match &app.screen {
        Screen::Session(screen) if screen.is_dirty() => save(app, now),
        _ => true,
    }
}

/// Writes the session to its file; on failure the session stays in memory
/// and the message says why, so the user can fix the cause and save again.
fn save(app: &mut App, now: DateTime<Utc>) -> bool {
    let clock = app.clock(now);
    let Screen::Session(screen) = &mut app.screen else {
        return true;
    };
    match write(screen, now) {
        Ok(()) => {
            app.message = Some(Message::success(format!("Saved {clock}")));
            true
        }
        Err(e) => {
            let text = format!(
                "Could not save: {}. Your changes are kept in memory; fix the cause and press Ctrl-S again.",
                app.shown(&e)
            );
            app.message = Some(Message::error(text));
            false
        }
    }
}

fn write(screen: &mut SessionScreen, now: DateTime<Utc>) -> Result<(), String> {
    let previous = screen.session.updated;
    screen.session.touch(now);
    match storage::save(&screen.path, &screen.session) {
        Ok(()) => {
            screen.mark_saved();
            Ok(())
        }
        Err(e) => {
            screen.session.updated = previous;
            Err(e.to_string())
        }
    }
}

fn export_minutes(app: &mut App) {
    let Screen::Session(screen) = &app.screen else {
        return;
    };
    let path = screen.path.with_extension("md");
    let result = files::write_atomic(&path, &export::minutes(&screen.session));
    app.message = Some(match result {
        Ok(()) => Message::success(format!(
            "Minutes written to {}",
            app.shown(&path.display().to_string())
        )),
        Err(e) => Message::error(format!("Could not write the minutes: {}", app.shown(&e))),
    });
}
