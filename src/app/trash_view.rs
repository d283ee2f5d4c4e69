//! Removing a session from the list, and the trash that gives it back.
//! `d` on the home screen asks, then moves the selected session into the
//! archive's trash folder (never deleting it, never while someone has it
//! open); `T` lists the trash, where Enter restores the selected session.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyCode;

use super::across::{Back, go_back};
use super::confirm::{Answer, Confirm};
use super::keys::{Binding, Key, help_binding};
use super::message::Message;
use super::{App, Screen};
use crate::storage::Entry;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Restore,
    Back,
    Help,
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Up), Key::ch('k')],
        action: Action::Up,
        label: "up",
        help: "Select the session above",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Down), Key::ch('j')],
        action: Action::Down,
        label: "down",
        help: "Select the session below",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter), Key::ch('u')],
        action: Action::Restore,
        label: "restore",
        help: "Put the selected session back in the archive (under a new name if its old one is taken)",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Back,
        label: "back",
        help: "Back to the sessions list",
        in_footer: true,
    },
    help_binding(&[Key::ch('?'), Key::plain(KeyCode::F(1))], Action::Help),
];

/// The sessions in the trash, newest first, and which one is selected.
#[derive(Debug)]
pub struct TrashState {
    pub entries: Vec<Entry>,
    pub selected: usize,
    /// Why the trash could not be read, if it could not.
    pub problem: Option<String>,
    back: Back,
}

impl TrashState {
    fn load(app: &App, back: Back) -> TrashState {
        let (entries, problem) = match app.archive.trashed() {
            Ok(entries) => (entries, None),
            Err(e) => (Vec::new(), Some(app.shown(&e.to_string()))),
        };
        TrashState {
            entries,
            selected: 0,
            problem,
            back,
        }
    }

    pub fn folder(app: &App) -> String {
        app.shown(&app.archive.trash_dir().display().to_string())
    }
}

/// The home screen's selection, to come back to it.
fn back_from_home(app: &App) -> Option<Back> {
    let home = app.home()?;
    Some(Back {
        selected: home.selected_entry().map(|e| e.path.clone()),
        grouped: home.grouped,
    })
}

/// Opens the trash from the home screen.
pub(super) fn open(app: &mut App) {
    if let Some(back) = back_from_home(app) {
        app.screen = Screen::Trash(Box::new(TrashState::load(app, back)));
        app.message = None;
    }
}

/// Asks before removing the session selected on the home screen, naming
/// it below the question.
pub(super) fn ask_remove(app: &mut App) {
    let Some(entry) = app.home().and_then(|h| h.selected_entry()) else {
        return;
    };
    let what = match &entry.card {
        Ok(s) => format!("“{}” ({})", s.title, entry.file_name()),
        Err(_) => entry.file_name(),
    };
    let path = entry.path.clone();
    app.message = Some(Message::info(format!("Remove {what}?")));
    app.confirm = Some(Confirm::RemoveSession(path));
}

/// After the question: on yes, removes the session; on no, says it stays.
pub(super) fn answer(app: &mut App, path: &Path, answer: Answer, now: DateTime<Utc>) {
    match answer {
        Answer::Yes => remove(app, path, now),
        Answer::No => app.message = Some(Message::info(format!("Kept {}.", name(path)))),
    }
}

/// Moves the session at `path` into the trash and selects the session
/// shown after it (or before it, if it was the last).
fn remove(app: &mut App, path: &Path, now: DateTime<Utc>) {
    let grouped = app.home().is_some_and(|h| h.grouped);
    let neighbour = app.home().and_then(|home| {
        let order = home.order();
        let at = order.iter().position(|&i| i == home.selected)?;
        let next = order.get(at + 1).or_else(|| order.get(at.checked_sub(1)?))?;
        home.entries.get(*next).map(|e| e.path.clone())
    });
    let result = app.archive.remove(path, now);
    let selected = if result.is_ok() {
        neighbour
    } else {
        Some(path.to_path_buf())
    };
    go_back(app, &Back { selected, grouped });
    app.message = Some(match result {
        Ok(_) => Message::success(format!(
            "Moved {} to the trash ({}). Press T to see the trash and restore it.",
            name(path),
            TrashState::folder(app)
        )),
        Err(e) => {
            let hint = e.hint().map(|h| format!(" ({h})")).unwrap_or_default();
            Message::error(format!("{}{hint}.", app.shown(&e.to_string())))
        }
    });
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(super) fn update(app: &mut App, action: Action) {
    let Screen::Trash(state) = &mut app.screen else {
        return;
    };
    let last = state.entries.len().saturating_sub(1);
    match action {
        Action::Up => state.selected = state.selected.saturating_sub(1),
        Action::Down => state.selected = (state.selected + 1).min(last),
        Action::Help => app.open_help(),
        Action::Back => {
            let back = state.back.clone();
            go_back(app, &back);
        }
        Action::Restore => {
            let Some(path) = state.entries.get(state.selected).map(|e| e.path.clone()) else {
                return;
            };
            restore(app, &path);
        }
    }
}

/// Puts a session back and shows it selected on the home screen.
fn restore(app: &mut App, path: &Path) {
    match app.archive.restore(path) {
        Ok(back) => {
            let grouped = match &app.screen {
                Screen::Trash(state) => state.back.grouped,
                _ => true,
            };
            go_back(
                app,
                &Back {
                    selected: Some(back.clone()),
                    grouped,
                },
            );
            let renamed: PathBuf = path.file_name().map(PathBuf::from).unwrap_or_default();
            let note = if back.file_name() == Some(renamed.as_os_str()) {
                String::new()
            } else {
                format!(" as {} (its old name was taken)", name(&back))
            };
            app.message = Some(Message::success(format!("Restored {}{note}.", name(path))));
        }
        Err(e) => {
            let hint = e.hint().map(|h| format!(" ({h})")).unwrap_or_default();
            app.message = Some(Message::error(format!("{}{hint}.", app.shown(&e.to_string()))));
        }
    }
}
