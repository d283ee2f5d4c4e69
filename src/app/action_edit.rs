//! Changing an action's owner or due date from the actions view: a small
//! form over the list whose answer is written back like "mark done".

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::{Binding, Key, lookup};
use super::line_field::LineField;
use crate::domain::{ActionChange, ActionItem, parse_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Save,
    Cancel,
    Edit(KeyEvent),
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[
            Key::plain(KeyCode::Tab),
            Key::plain(KeyCode::Down),
            Key::plain(KeyCode::Up),
        ],
        action: Action::Next,
        label: "other field",
        help: "Move between the owner and the due date",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter), Key::ctrl('s')],
        action: Action::Save,
        label: "save",
        help: "Save the owner and due date in the action's session file",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Cancel,
        label: "cancel",
        help: "Close without changing the action",
        in_footer: true,
    },
];

pub fn action_for(key: &KeyEvent) -> Action {
    lookup(KEYS, key).unwrap_or(Action::Edit(*key))
}

pub const LABELS: [&str; 2] = ["Owner", "Due"];

/// The open form: the action's id and file, and what is typed.
pub struct ActionEdit {
    pub id: String,
    pub text: String,
    pub path: std::path::PathBuf,
    /// Owner, then due date.
    pub fields: [LineField; 2],
    pub focus: usize,
    pub error: Option<String>,
}

impl ActionEdit {
    pub fn new(action: &ActionItem, path: std::path::PathBuf) -> ActionEdit {
        let due = action.due.map(|d| d.to_string()).unwrap_or_default();
        let fields = [LineField::at_end(action.owner.clone()), LineField::at_end(due)];
        ActionEdit {
            id: action.id.clone(),
            text: action.text.clone(),
            path,
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn value(&self, field: usize) -> String {
        self.fields[field].value().trim().to_string()
    }

    pub(super) fn next(&mut self) {
        self.focus = 1 - self.focus;
    }

    pub(super) fn edit(&mut self, key: KeyEvent) {
        self.fields[self.focus].input(key);
        self.error = None;
    }

    pub(super) fn paste(&mut self, text: &str) {
        self.fields[self.focus].paste(text);
    }

    /// The change typed, or why it cannot be saved (and the cursor moves
    /// to the date). An empty date clears it.
    pub(super) fn change(&mut self) -> Option<ActionChange> {
        let due = self.value(1);
        let due = if due.is_empty() {
            None
        } else {
            match parse_date(&due) {
                Ok(d) => Some(d),
                Err(e) => {
                    self.focus = 1;
                    self.error = Some(e);
                    return None;
                }
            }
        };
        Some(ActionChange {
            status: None,
            owner: Some(self.value(0)),
            due: Some(due),
        })
    }
}
