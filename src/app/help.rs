//! The `?` help overlay: every key of the current screen, straight from the
//! screen's key table, so help and behaviour can never disagree.

use ratatui::crossterm::event::KeyCode;

use super::keys::{Binding, Key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Close,
    ScrollUp,
    ScrollDown,
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[
            Key::plain(KeyCode::Esc),
            Key::ch('?'),
            Key::plain(KeyCode::F(1)),
            Key::ch('q'),
        ],
        action: Action::Close,
        label: "close help",
        help: "Close this help",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Up), Key::ch('k')],
        action: Action::ScrollUp,
        label: "scroll",
        help: "Scroll this help up",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Down), Key::ch('j')],
        action: Action::ScrollDown,
        label: "scroll",
        help: "Scroll this help down",
        in_footer: false,
    },
];

/// A titled group of keys in the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub keys: Vec<super::keys::KeyHelp>,
}
