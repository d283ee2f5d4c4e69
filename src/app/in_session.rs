//! What the app does for the session screen: the screen edits the session in
//! memory and answers an `Outcome`; saving, exporting and leaving happen here.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use super::confirm::Confirm;
use super::message::Message;
use super::session::Outcome;
use super::{App, Screen, autosave, save_as};

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
            if !save(app, now) {
                save_as::open(app);
            }
        }
        Outcome::ExportMinutes => super::minutes_to::open(app),
        Outcome::CopyMinutes => super::clipboard::copy(app),
        Outcome::OpenEditor(text) => app.effects.push(super::Effect::Edit(text)),
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
        Screen::Session(screen) if screen.is_dirty() || app.guard.unsaved => save(app, now),
        _ => true,
    }
}

/// Writes the session to its file; on failure the session stays in memory
/// and the message says why and what to do.
fn save(app: &mut App, now: DateTime<Utc>) -> bool {
    if matches!(&app.screen, Screen::Session(s) if s.read_only.is_some()) {
        return true;
    }
    match autosave::save(app, now) {
        Ok(()) => {
            app.message = Some(Message::success(format!("Saved {}", app.clock(now))));
            true
        }
        Err(e) => {
            app.message = Some(Message::error(format!(
                "Could not save: {}",
                autosave::failure(app, &e)
            )));
            false
        }
    }
}
