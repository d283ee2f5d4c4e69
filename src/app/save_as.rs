//! "Save elsewhere": when the session's own file cannot be written (a full
//! disk, a read-only or vanished folder), a one-line prompt for another
//! place. The copy becomes the session's file from then on. The same prompt
//! asks where to write the minutes (see `minutes_to`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::{Binding, Key, lookup};
use super::message::Message;
use super::{App, Screen, autosave};
use crate::domain::Audience;
use crate::storage;

/// The prompt: the path typed so far and, after a failed try, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveAs {
    pub path: String,
    pub error: Option<String>,
    pub purpose: Purpose,
    /// Who the minutes are for (unused when saving the session elsewhere).
    pub audience: Audience,
}

/// What the path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A new file for the session, after its own could not be saved.
    Session,
    /// The folder to write the session's minutes into.
    Minutes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Save,
    Cancel,
    Backspace,
    Type(char),
    /// Minutes: the next audience (public, partners, trustees).
    Audience,
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        action: Action::Save,
        label: "save here",
        help: "Save here: a copy of the session to keep working on, or the minutes",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Tab)],
        action: Action::Audience,
        label: "audience",
        help: "Minutes: switch who they are for (partners, trustees, public); the choice is remembered for the partnership",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Cancel,
        label: "cancel",
        help: "Close this prompt without saving anything",
        in_footer: true,
    },
];

/// The prompt's keys: switching the audience is for the minutes only.
pub fn keys(prompt: &SaveAs) -> Vec<super::keys::KeyHelp> {
    super::keys::describe_where(KEYS, |a| {
        *a != Action::Audience || prompt.purpose == Purpose::Minutes
    })
}

pub fn action_for(key: &KeyEvent) -> Option<Action> {
    if let Some(action) = lookup(KEYS, key) {
        return Some(action);
    }
    match key.code {
        KeyCode::Backspace => Some(Action::Backspace),
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

/// Opens the prompt for the open session, suggesting the home folder.
pub(super) fn open(app: &mut App) {
    let Screen::Session(screen) = &app.screen else {
        return;
    };
    let name = screen
        .path
        .file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| "session.ron".into());
    let folder = directories::BaseDirs::new().map_or_else(std::env::temp_dir, |d| d.home_dir().to_path_buf());
    app.save_as = Some(SaveAs {
        path: folder.join(name).display().to_string(),
        error: None,
        purpose: Purpose::Session,
        audience: Audience::default(),
    });
}

pub(super) fn update(app: &mut App, action: Action, now: DateTime<Utc>) {
    let Some(prompt) = &mut app.save_as else {
        return;
    };
    match action {
        Action::Type(c) => prompt.path.push(c),
        Action::Backspace => {
            prompt.path.pop();
        }
        Action::Audience if prompt.purpose == Purpose::Minutes => {
            prompt.audience = prompt.audience.cycled();
        }
        Action::Audience => {}
        Action::Cancel if prompt.purpose == Purpose::Minutes => {
            app.save_as = None;
            app.message = Some(Message::info(
                "The minutes were not written. Press m to try again.",
            ));
        }
        Action::Cancel => {
            app.save_as = None;
            app.message = Some(Message::info(
                "The session is still unsaved. Press Ctrl-S to try again or to choose another place.",
            ));
        }
        Action::Save if prompt.purpose == Purpose::Minutes => {
            let typed = prompt.path.clone();
            if let Err(e) = super::minutes_to::write(app, &typed)
                && let Some(prompt) = &mut app.save_as
            {
                prompt.error = Some(e);
            }
        }
        Action::Save => {
            let target = target(prompt.path.trim());
            if let Err(e) = save_to(app, &target, now)
                && let Some(prompt) = &mut app.save_as
            {
                prompt.error = Some(e);
            }
        }
    }
}

pub(super) fn paste(app: &mut App, text: &str) {
    if let Some(prompt) = &mut app.save_as {
        prompt.path.extend(text.chars().filter(|c| !c.is_control()));
    }
}

/// The file to write: `~` is the home folder, a folder gets the session's
/// file name, and `.ron` is added when missing.
fn target(typed: &str) -> PathBuf {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let mut path = match (typed.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(typed),
    };
    if path.is_dir() {
        path = path.join("session.ron");
    }
    if path.extension().is_none_or(|e| e != "ron") {
        let mut name = path.into_os_string();
        name.push(".ron");
        path = name.into();
    }
    path
}

/// Writes a new file at `target` and moves the session there: it is locked
/// and saved there from now on.
fn save_to(app: &mut App, target: &Path, now: DateTime<Utc>) -> Result<(), String> {
    autosave::settle(app, now);
    let Screen::Session(screen) = &mut app.screen else {
        return Ok(());
    };
    let mut pending = screen.pending_session();
    pending.touch(now);
    if let Err(e) = storage::save_as(target, &pending) {
        return Err(autosave::capitalised(&autosave::failure(app, &e)));
    }
    let old = std::mem::replace(&mut screen.path, target.to_path_buf());
    screen.mark_saved();
    let lock = storage::lock(target, now).ok();
    app.guard.moved(target.to_path_buf(), lock);
    app.guard.saved(pending, now);
    let _ = storage::discard_recovery(&old);
    app.save_as = None;
    app.message = Some(Message::success(format!(
        "Saved to {} at {}. Roundtable saves there from now on.",
        app.shown(&target.display().to_string()),
        app.clock(now)
    )));
    Ok(())
}
