//! Browse keys for the meeting and its session: the clock, the plan and
//! guidance, the minutes' status, export and copy, saving, help, leaving.

use ratatui::crossterm::event::KeyCode::*;

use super::{BrowseAction as B, b};
use crate::app::keys::{Binding, Key};

pub(super) const MEETING: &[Binding<B>] = &[
    b(
        &[Key::ch('t')],
        B::Clock,
        "clock",
        "Start or pause the meeting clock (moving to a step starts that step's time)",
        false,
    ),
    b(
        &[Key::ch('T')],
        B::Extend,
        "+5 min",
        "Give the current part five more minutes",
        false,
    ),
    b(
        &[Key::ch('P')],
        B::Plan,
        "plan",
        "The plan: minutes per part, breaks, and which part is on now",
        false,
    ),
    b(
        &[Key::ch('g')],
        B::Guide,
        "guidance",
        "Show or hide the step guidance",
        false,
    ),
    b(
        &[Key::ch('F')],
        B::Status,
        "mark final",
        "Mark the minutes final (they then open read-only), or back in progress",
        false,
    ),
    b(
        &[Key::ch('m')],
        B::Export,
        "minutes",
        "Export the minutes as Markdown",
        false,
    ),
    b(
        &[Key::ch('y')],
        B::Copy,
        "copy minutes",
        "Copy the minutes to the clipboard (through the terminal)",
        false,
    ),
    b(
        &[Key::ctrl('s')],
        B::Save,
        "save",
        "Save the session now (it also saves by itself as you work)",
        false,
    ),
    b(
        &[Key::plain(Esc)],
        B::Back,
        "back",
        "Back to the list of sessions (saves first)",
        true,
    ),
    b(
        &[Key::ch('?'), Key::plain(F(1))],
        B::Help,
        "help",
        "Show every key",
        true,
    ),
    b(
        &[Key::ctrl('q'), Key::ctrl('c')],
        B::Quit,
        "quit",
        "Save and quit Roundtable",
        false,
    ),
    b(
        &[Key::ch('q')],
        B::QuitHint,
        "how to quit",
        "Says how to quit: q alone does not, so a stray key never closes the session",
        false,
    ),
];
