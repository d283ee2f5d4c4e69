//! Browse keys for moving: between steps, sections, items and activities,
//! and moving the selected item up or down its list.

use ratatui::crossterm::event::KeyCode::*;

use super::{BrowseAction as B, alt, b};
use crate::app::keys::{Binding, Key, STEP_KEYS};

pub(super) const MOVING: &[Binding<B>] = &[
    b(STEP_KEYS, B::GoToStep, "step", "Go to step 1 to 6", false),
    b(
        &[Key::ch('p')],
        B::Participants,
        "people",
        "Go to participants and voices",
        false,
    ),
    b(
        &[Key::ch('d')],
        B::Decisions,
        "decisions",
        "Go to decisions and actions",
        false,
    ),
    b(
        &[Key::ch('l')],
        B::ParkingLot,
        "parking lot",
        "Go to the parking lot",
        false,
    ),
    b(
        &[Key::ch(']'), Key::plain(PageDown)],
        B::NextSection,
        "next",
        "Go to the next section",
        false,
    ),
    b(
        &[Key::ch('['), Key::plain(PageUp)],
        B::PrevSection,
        "previous",
        "Go to the previous section",
        false,
    ),
    b(
        &[Key::plain(Down), Key::ch('j')],
        B::Down,
        "down",
        "Select the next item",
        false,
    ),
    b(
        &[Key::plain(Up), Key::ch('k')],
        B::Up,
        "up",
        "Select the previous item",
        false,
    ),
    b(
        &[Key::plain(Right)],
        B::NextActivity,
        "next activity",
        "In measures: show the next activity's measures",
        false,
    ),
    b(
        &[Key::plain(Left)],
        B::PrevActivity,
        "previous activity",
        "In measures: show the previous activity's measures",
        false,
    ),
    b(
        &[Key::plain(Home)],
        B::First,
        "first",
        "Select the first item",
        false,
    ),
    b(&[Key::plain(End)], B::Last, "last", "Select the last item", false),
    b(
        &[Key::ch('J'), alt(Down)],
        B::MoveDown,
        "move down",
        "Move the selected item down",
        false,
    ),
    b(
        &[Key::ch('K'), alt(Up)],
        B::MoveUp,
        "move up",
        "Move the selected item up",
        false,
    ),
];
