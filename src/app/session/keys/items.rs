//! Browse keys for the items of a section: edit, add, delete, undo, capture
//! in one line, switch between the section's lists, mark a goal agreed; and
//! the presenter view.

use ratatui::crossterm::event::KeyCode::*;

use super::{BrowseAction as B, b};
use crate::app::keys::{Binding, Key};

pub(super) const ITEMS: &[Binding<B>] = &[
    b(
        &[Key::plain(Enter), Key::ch('e')],
        B::Edit,
        "edit",
        "Edit the selected item",
        true,
    ),
    b(
        &[Key::ch('a')],
        B::Add,
        "add",
        "Add an item below the selected one",
        true,
    ),
    b(
        &[Key::ch('x'), Key::plain(Delete)],
        B::Delete,
        "delete",
        "Delete the selected item (u brings it back)",
        true,
    ),
    b(
        &[Key::ch('u')],
        B::Undo,
        "undo",
        "Undo the last change: add, edit, delete or move",
        true,
    ),
    b(
        &[Key::ch('i')],
        B::Capture,
        "capture",
        "Quick capture: an action, decision or parked point for this step, in one line (Tab or #action/#agreed/#park for the kind; an action: text @Owner by 10/12/2026)",
        false,
    ),
    b(
        &[Key::ch('S'), Key::plain(F(5))],
        B::Present,
        "present",
        "Presenter view for the room: large text, the step's question and what to look at now",
        false,
    ),
    b(
        &[Key::plain(Tab)],
        B::NextList,
        "next list",
        "Switch to the next list in this section",
        true,
    ),
    b(
        &[Key::plain(BackTab)],
        B::PrevList,
        "previous list",
        "Switch to the previous list in this section",
        false,
    ),
    b(
        &[Key::ch(' ')],
        B::ToggleAgreed,
        "agreed",
        "Mark the selected goal as agreed, or not",
        true,
    ),
];
