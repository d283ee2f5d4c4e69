//! The item editor's key table: moving between fields, choosing, filling
//! in names, undoing typing and keeping the item.

use ratatui::crossterm::event::KeyCode::*;

use super::keys::b;
use crate::app::keys::{Binding, Key, undo_typing_binding};

/// What a key does while the item editor is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditAction {
    NextField,
    PrevField,
    FieldDown,
    FieldUp,
    Enter,
    ChoiceNext,
    ChoicePrev,
    Complete,
    /// Ctrl-O: the long text in $VISUAL/$EDITOR.
    External,
    Undo,
    Save,
    Done,
    Help,
    Quit,
}

use EditAction as E;

pub const EDIT: &[Binding<EditAction>] = &[
    b(
        &[Key::plain(Enter)],
        E::Enter,
        "next",
        "Go to the next field; on the last field, finish",
        true,
    ),
    b(
        &[Key::plain(Tab)],
        E::NextField,
        "next field",
        "Go to the next field",
        true,
    ),
    b(
        &[Key::plain(BackTab)],
        E::PrevField,
        "previous field",
        "Go to the previous field",
        false,
    ),
    b(
        &[Key::plain(Down)],
        E::FieldDown,
        "next field",
        "Go to the next field (in long text, moves down a line)",
        false,
    ),
    b(
        &[Key::plain(Up)],
        E::FieldUp,
        "previous field",
        "Go to the previous field (in long text, moves up a line)",
        false,
    ),
    b(
        &[Key::plain(Right), Key::ch(' ')],
        E::ChoiceNext,
        "change",
        "Choose the next option",
        true,
    ),
    b(
        &[Key::plain(Left)],
        E::ChoicePrev,
        "change back",
        "Choose the previous option",
        false,
    ),
    b(
        &[Key::ctrl('n')],
        E::Complete,
        "fill name",
        "Fill in the next matching name",
        true,
    ),
    b(
        &[Key::ctrl('o')],
        E::External,
        "open in editor",
        "Open this text in your editor ($VISUAL or $EDITOR); save and quit it to bring the text back",
        true,
    ),
    undo_typing_binding(E::Undo),
    b(
        &[Key::ctrl('s')],
        E::Save,
        "save",
        "Keep the changes and save the session",
        true,
    ),
    b(
        &[Key::plain(Esc)],
        E::Done,
        "done",
        "Close the editor, keeping what was typed",
        true,
    ),
    b(
        &[Key::plain(F(1))],
        E::Help,
        "help",
        "Show every key (? types a question mark here)",
        false,
    ),
    b(
        &[Key::ctrl('q'), Key::ctrl('c')],
        E::Quit,
        "quit",
        "Keep the changes, save and quit Roundtable",
        false,
    ),
];
