//! Opening the editor, the keys inside it, and writing what was typed back
//! into the session. Closing always keeps the text; only a brand-new item
//! left completely empty is dropped.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use super::editor::{Editor, Target};
use super::fields::{self, FieldKind};
use super::keys::{EDIT, EditAction as E};
use super::section::ListKind;
use super::values::{self, Value};
use super::{Outcome, SessionScreen, items, round};
use crate::app::keys::lookup;
use crate::domain::{Attendance, Session, Text};

/// Whether `action` applies to the focused field (Enter makes new lines in
/// long text, ←/→ move the cursor in text).
pub(super) fn available(editor: &Editor, action: E) -> bool {
    let kind = editor.focused_kind();
    match action {
        E::Enter | E::FieldDown | E::FieldUp => kind != FieldKind::Long,
        E::ChoiceNext | E::ChoicePrev => !kind.is_text(),
        E::Complete => matches!(kind, FieldKind::Person | FieldKind::Org),
        E::Undo => kind.is_text(),
        E::External => kind == FieldKind::Long,
        _ => true,
    }
}

impl SessionScreen {
    fn open_editor(&mut self, target: Target, title: String, specs: &[fields::FieldSpec], v: Vec<Value>) {
        let mut editor = Editor::new(target, title, specs, v);
        editor.names = self
            .session
            .participants
            .iter()
            .map(|p| p.name.to_string())
            .collect();
        editor.organisations = self
            .session
            .organisations()
            .iter()
            .map(|o| o.to_string())
            .collect();
        self.editor = Some(editor);
    }

    /// `a`: adds an empty item below the selection and opens it.
    pub(super) fn open_new_item(&mut self, now: DateTime<Utc>) {
        let list = self.nav.current();
        let noun = list.kind.noun();
        let before = self.snapshot(format!("add the {noun}"));
        let row = if items::len(&self.session, list) == 0 {
            0
        } else {
            self.nav.row() + 1
        };
        if !items::insert_blank(&mut self.session, list, row, now) {
            return;
        }
        self.prefill(list.kind, row);
        self.nav.set_row(row);
        let v = values::read(&self.session, list, row);
        let target = Target::Item {
            list,
            row,
            is_new: true,
        };
        self.open_editor(target, format!("New {noun}"), fields::specs(list.kind, row), v);
        self.before_edit = Some(before);
    }

    /// Sensible starting values: the step just visited, for instance.
    fn prefill(&mut self, kind: ListKind, row: usize) {
        let step = Some(self.nav.last_step);
        match kind {
            ListKind::Decisions => {
                if let Some(d) = self.session.decisions.get_mut(row) {
                    d.step = step;
                }
            }
            ListKind::Parked => {
                if let Some(p) = self.session.parking_lot.get_mut(row) {
                    p.step = step;
                }
            }
            ListKind::Participants => {
                if let Some(p) = self.session.participants.get_mut(row) {
                    p.attendance = Attendance::Present;
                }
            }
            _ => {}
        }
    }

    /// Enter or `e`: edits the selected item.
    pub(super) fn open_item_editor(&mut self) {
        let list = self.nav.current();
        let row = self.nav.row();
        let v = values::read(&self.session, list, row);
        if v.is_empty() {
            return;
        }
        let noun = list.kind.noun();
        let before = self.snapshot(format!("edit the {noun}"));
        let title = match list.kind {
            ListKind::FinalWording => "The vision's final wording".to_string(),
            ListKind::Governance => "Secretariat and decision-making".to_string(),
            _ => format!("Edit {noun}"),
        };
        let target = Target::Item {
            list,
            row,
            is_new: false,
        };
        self.open_editor(target, title, fields::specs(list.kind, row), v);
        self.before_edit = Some(before);
    }

    /// `n`: edits the current step's free notes.
    pub(super) fn open_notes_editor(&mut self) {
        let Some(step) = self.nav.section.step() else {
            return;
        };
        let before = self.snapshot(format!("edit the notes of step {}", step.number()));
        let v = vec![Value::Text(self.session.note(step).to_string())];
        let title = format!("Notes: step {} · {}", step.number(), step.short());
        self.open_editor(Target::Notes(step), title, fields::notes_specs(), v);
        self.before_edit = Some(before);
    }

    pub(super) fn edit_key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Outcome {
        let Some(editor) = &mut self.editor else {
            return Outcome::Stay;
        };
        let action = lookup(EDIT, &key).filter(|a| available(editor, *a));
        match action {
            None => editor.type_key(key),
            Some(E::NextField | E::FieldDown) => editor.move_focus(1),
            Some(E::PrevField | E::FieldUp) => editor.move_focus(-1),
            Some(E::ChoiceNext) => editor.cycle(1),
            Some(E::ChoicePrev) => editor.cycle(-1),
            Some(E::Complete) => editor.complete(),
            Some(E::Undo) => editor.undo_typing(),
            Some(E::External) => return Outcome::OpenEditor(editor.text(editor.focus)),
            Some(E::Enter) if !editor.on_last_field() => editor.move_focus(1),
            Some(E::Enter | E::Done) => {
                self.commit(now);
            }
            Some(E::Save) => {
                if self.commit(now) {
                    return Outcome::Save;
                }
            }
            Some(E::Help) => return Outcome::Help,
            Some(E::Quit) => {
                if self.commit(now) {
                    return Outcome::Quit;
                }
            }
        }
        Outcome::Stay
    }

    /// Writes the editor back and closes it. False (editor still open, with
    /// the error shown) when a field holds something unusable.
    pub(super) fn commit(&mut self, now: DateTime<Utc>) -> bool {
        let Some(editor) = &mut self.editor else {
            return true;
        };
        let v = match editor.values() {
            Ok(v) => v,
            Err((field, message)) => {
                editor.set_focus(field);
                editor.error = Some((field, message));
                let label = editor.fields.get(field).map_or("", |f| f.spec.label);
                editor.blocked = Some(format!(
                    "Cannot close yet: fix {label} above, or clear it with Ctrl-U."
                ));
                return false;
            }
        };
        let (target, blank) = (editor.target, editor.is_blank());
        self.editor = None;
        let done = match target {
            Target::Notes(step) => format!("Saved the notes of step {}.", step.number()),
            Target::Item {
                list, is_new: true, ..
            } => format!("Added the {}.", list.kind.noun()),
            Target::Item { list, .. } => format!("Changed the {}.", list.kind.noun()),
        };
        let mut credit = String::new();
        match apply(&mut self.session, target, &v, blank) {
            Some(row) => self.nav.set_row(row),
            None => {
                if let Target::Item {
                    list,
                    row,
                    is_new: true,
                } = target
                    && let Some(name) = round::credit(&mut self.session, list, row)
                {
                    credit = format!(" Credited to {name}.");
                }
            }
        }
        if let Some(before) = self.before_edit.take()
            && self.changed(before, now)
        {
            self.message = Some(format!("{done}{credit} Press u to undo."));
        }
        true
    }

    /// The session as it would be if the open editor closed now, without
    /// closing it: what autosave and the recovery journal write, so text
    /// still being typed is kept too. A field holding something unusable
    /// (a half-typed date) leaves that item as it was.
    pub fn pending_session(&self) -> Session {
        let mut session = self.session.clone();
        if let Some(editor) = &self.editor
            && let Ok(v) = editor.values()
        {
            apply(&mut session, editor.target, &v, editor.is_blank());
        }
        session
    }
}

/// Writes an editor's values into `session`. Returns the row to select when
/// a brand-new item left blank was dropped instead.
fn apply(session: &mut Session, target: Target, v: &[Value], blank: bool) -> Option<usize> {
    match target {
        Target::Notes(step) => {
            let text = match v.first() {
                Some(Value::Text(t)) => t.trim_end().to_string(),
                _ => String::new(),
            };
            session.set_note(step, text);
            None
        }
        Target::Item { list, row, is_new } if is_new && blank => {
            items::remove(session, list, row);
            Some(row.saturating_sub(1))
        }
        Target::Item { list, row, .. } => {
            let old_name = session.participants.get(row).map(|p| p.name.clone());
            values::write(session, list, row, v);
            if list.kind == ListKind::Participants {
                follow_rename(session, row, old_name);
            }
            None
        }
    }
}

/// A participant's new name replaces the old one wherever it was used.
fn follow_rename(session: &mut Session, row: usize, old: Option<Text>) {
    let new = session.participants.get(row).map(|p| p.name.clone());
    if let (Some(old), Some(new)) = (old, new)
        && !old.is_empty()
        && old != new
        && !new.is_empty()
    {
        session.rename_participant(&old, &new);
    }
}
