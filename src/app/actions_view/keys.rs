//! The actions view's keys: one table while browsing, one while typing an
//! owner's name into the filter.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::super::action_edit;
use super::super::keys::{Binding, Key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Done,
    NextStatus,
    /// Open the form for the owner and due date.
    Change,
    /// A key for that form.
    Form(action_edit::Action),
    Partnership,
    Owner,
    Status,
    Overdue,
    Back,
    Help,
    /// A key typed into the owner filter.
    Type(KeyEvent),
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    help: &'static str,
) -> Binding<Action> {
    Binding {
        keys,
        action,
        label,
        help,
        in_footer: true,
    }
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        in_footer: false,
        ..bind(
            &[Key::plain(KeyCode::Up), Key::ch('k')],
            Action::Up,
            "up",
            "Select the action above",
        )
    },
    Binding {
        in_footer: false,
        ..bind(
            &[Key::plain(KeyCode::Down), Key::ch('j')],
            Action::Down,
            "down",
            "Select the action below",
        )
    },
    bind(
        &[Key::ch(' '), Key::ch('d')],
        Action::Done,
        "mark done",
        "Mark the selected action done and save it in its session file",
    ),
    bind(
        &[Key::ch('c')],
        Action::NextStatus,
        "change status",
        "Change the selected action's status (open, in progress, done, dropped) and save it",
    ),
    bind(
        &[Key::ch('e'), Key::plain(KeyCode::Enter)],
        Action::Change,
        "owner/due",
        "Change the selected action's owner or due date and save it",
    ),
    bind(
        &[Key::ch('p')],
        Action::Partnership,
        "partnership",
        "Show one partnership's actions, then the next; then all again",
    ),
    bind(
        &[Key::ch('o')],
        Action::Owner,
        "owner",
        "Type part of an owner's name to show only their actions",
    ),
    bind(
        &[Key::ch('s')],
        Action::Status,
        "status",
        "Show actions to do (open or in progress, the default), then one status at a time, then all",
    ),
    bind(
        &[Key::ch('!')],
        Action::Overdue,
        "overdue",
        "Show only actions still open after their due date, or all again",
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::Back,
        "back",
        "Back to the sessions",
    ),
    Binding {
        in_footer: false,
        ..bind(
            &[Key::ch('?'), Key::plain(KeyCode::F(1))],
            Action::Help,
            "help",
            "Show every key",
        )
    },
];

/// While typing an owner: Enter or Esc finish, everything else is text.
pub const TYPING_KEYS: &[Binding<Action>] = &[bind(
    &[Key::plain(KeyCode::Enter), Key::plain(KeyCode::Esc)],
    Action::Owner,
    "done typing",
    "Stop typing the owner's name (the filter stays)",
)];
