//! Changing an action's owner or due date from the actions view: a small
//! form over the list whose answer is written back like "mark done".

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::{Binding, Key, KeyHelp, describe, lookup, other_field_binding, undo_typing_binding};
use super::line_field::LineField;
use crate::domain::{ActionChange, ActionItem, parse_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The due date from the owner; on the date, save (as in every form).
    Enter,
    Next,
    Save,
    Undo,
    Cancel,
    Edit(KeyEvent),
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        action: Action::Enter,
        label: "next",
        help: "Go to the due date; on the due date, save",
        in_footer: true,
    },
    other_field_binding(Action::Next, "Move between the owner and the due date"),
    Binding {
        keys: &[Key::ctrl('s')],
        action: Action::Save,
        label: "save",
        help: "Save the owner and due date in the action's session file",
        in_footer: true,
    },
    undo_typing_binding(Action::Undo),
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
    /// The field that holds something unusable, and why.
    pub error: Option<(usize, String)>,
}

impl ActionEdit {
    pub fn new(action: &ActionItem, path: std::path::PathBuf) -> ActionEdit {
        let due = action.due.map(|d| d.to_string()).unwrap_or_default();
        let fields = [LineField::at_end(action.owner.clone()), LineField::at_end(due)];
        ActionEdit {
            id: action.id.to_string(),
            text: action.text.to_string(),
            path,
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn value(&self, field: usize) -> String {
        self.fields[field].value().trim().to_string()
    }

    /// Moves to the other field; the date is checked as the cursor leaves it.
    pub(super) fn next(&mut self) {
        if self.focus == 1 {
            self.error = self.due().err().map(|e| (1, e));
        }
        self.focus = 1 - self.focus;
        self.fields[self.focus].arrive();
    }

    pub fn on_last_field(&self) -> bool {
        self.focus == 1
    }

    /// The form's keys for footer and help: Enter says "save" on the date.
    pub fn keys(&self) -> Vec<KeyHelp> {
        let mut keys = describe(KEYS);
        for k in &mut keys {
            if k.label == "next" && self.on_last_field() {
                k.label = "save";
            }
        }
        keys
    }

    pub(super) fn edit(&mut self, key: KeyEvent) {
        self.fields[self.focus].input(key);
        self.clear_error();
    }

    pub(super) fn undo(&mut self) {
        self.fields[self.focus].undo();
        self.clear_error();
    }

    fn clear_error(&mut self) {
        if self.error.as_ref().is_some_and(|(field, _)| *field == self.focus) {
            self.error = None;
        }
    }

    /// The due date typed: none when empty.
    fn due(&self) -> Result<Option<chrono::NaiveDate>, String> {
        let due = self.value(1);
        if due.is_empty() {
            Ok(None)
        } else {
            parse_date(&due).map(Some)
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        self.fields[self.focus].paste(text);
    }

    /// The change typed, or why it cannot be saved (and the cursor moves
    /// to the date). An empty date clears it.
    pub(super) fn change(&mut self) -> Option<ActionChange> {
        let due = match self.due() {
            Ok(due) => due,
            Err(e) => {
                self.focus = 1;
                self.error = Some((1, e));
                return None;
            }
        };
        Some(ActionChange {
            status: None,
            owner: Some(self.value(0)),
            due: Some(due),
        })
    }
}
