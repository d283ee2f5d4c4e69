//! The session screen's key table for browsing the items (the item
//! editor's is in `edit_keys`).
//! The same tables drive key handling, the footer and the help overlay.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::app::keys::{Binding, Key};

/// What a key does while browsing a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrowseAction {
    GoToStep,
    Participants,
    Decisions,
    ParkingLot,
    NextSection,
    PrevSection,
    Down,
    Up,
    First,
    Last,
    NextActivity,
    PrevActivity,
    NextList,
    PrevList,
    Add,
    Edit,
    Delete,
    Undo,
    MoveUp,
    MoveDown,
    ToggleAgreed,
    /// Hold a dot vote on the current list.
    DotVote,
    /// Check consent on the vision or the selected decision.
    ConsentCheck,
    /// Take the partnership health check.
    Health,
    /// Mark the session in progress, or its minutes final.
    Status,
    Spoke,
    Unspoke,
    /// Show "(lived experience)" in the minutes, or not.
    LivedExperience,
    /// Leave the participation summary out of the minutes, or not.
    Participation,
    /// Who may read the selected item: partners, trustees only, public.
    Audience,
    /// The selected person agreed to be quoted by name, or not.
    QuoteByName,
    /// Who may read this step's notes.
    NotesAudience,
    /// Start a go-round, or end the one running.
    Round,
    RoundNext,
    RoundPass,
    RoundLater,
    Notes,
    /// Start or pause the meeting clock.
    Clock,
    /// Give the current part five more minutes.
    Extend,
    /// Open the plan screen.
    Plan,
    Guide,
    Export,
    /// `y`: the minutes to the clipboard.
    Copy,
    Save,
    Help,
    Back,
    Quit,
    /// `i`: the one-line quick capture.
    Capture,
    /// `S`/F5: the presenter view for the room.
    Present,
    /// `q`: says how to quit, as a stray key must not close the session.
    QuitHint,
}

const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

pub(super) const fn b<A>(
    keys: &'static [Key],
    action: A,
    label: &'static str,
    help: &'static str,
    in_footer: bool,
) -> Binding<A> {
    Binding {
        keys,
        action,
        label,
        help,
        in_footer,
    }
}

use BrowseAction as B;
use KeyCode::*;

pub const BROWSE: &[Binding<BrowseAction>] = &[
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
    b(
        &[Key::ch('o')],
        B::DotVote,
        "dot vote",
        "Hold a dot vote on this list (goals, vision drafts, activities, parked points)",
        false,
    ),
    b(
        &[Key::ch('c')],
        B::ConsentCheck,
        "consent check",
        "Check consent on the vision, or on the selected decision",
        false,
    ),
    b(
        &[Key::ch('H')],
        B::Health,
        "health check",
        "Take the partnership health check: each organisation scores equity, transparency, mutual benefit and trust 1–5",
        false,
    ),
    b(
        &[Key::ch('+')],
        B::Spoke,
        "spoke",
        "Count one contribution from the selected person",
        true,
    ),
    b(
        &[Key::ch('-')],
        B::Unspoke,
        "uncount",
        "Take back one contribution counted by mistake",
        false,
    ),
    b(
        &[Key::ch('L')],
        B::LivedExperience,
        "lived experience",
        "Show \"(lived experience)\" beside names in the minutes, or not: personal data, so only with their agreement",
        false,
    ),
    b(
        &[Key::ch('V')],
        B::Participation,
        "participation",
        "Put the participation summary (who spoke, by organisation and sector) in the minutes, or leave it out",
        false,
    ),
    b(
        &[Key::ch('A')],
        B::Audience,
        "audience",
        "Who may read the selected item in the minutes: partners (the default), trustees only, or public; on participants, the participation summary",
        false,
    ),
    b(
        &[Key::ch('N')],
        B::NotesAudience,
        "notes audience",
        "Who may read this step's notes in the minutes: partners (the default), trustees only, or public",
        false,
    ),
    b(
        &[Key::ch('Q')],
        B::QuoteByName,
        "quote by name",
        "The selected person agreed to be quoted by name in the minutes, or not (without it, what they said is attributed to their organisation when they bring lived experience, and always in public minutes)",
        false,
    ),
    b(
        &[Key::ch('r')],
        B::Round,
        "go-round",
        "Start a go-round on this step, in listed order or with lived experience and smaller organisations (community or voluntary sector, or the only one from theirs present) first, with an optional time each; or end the one running",
        false,
    ),
    b(
        &[Key::ch('s')],
        B::RoundNext,
        "next",
        "Go-round: they have spoken, call the next",
        false,
    ),
    b(
        &[Key::ch('w')],
        B::RoundPass,
        "pass",
        "Go-round: they pass",
        false,
    ),
    b(
        &[Key::ch('b')],
        B::RoundLater,
        "later",
        "Go-round: they come back once the others have spoken",
        false,
    ),
    b(
        &[Key::ch('n')],
        B::Notes,
        "notes",
        "Write free notes for this step",
        true,
    ),
    b(
        &[
            Key::ch('1'),
            Key::ch('2'),
            Key::ch('3'),
            Key::ch('4'),
            Key::ch('5'),
            Key::ch('6'),
        ],
        B::GoToStep,
        "step",
        "Go to step 1 to 6",
        false,
    ),
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

/// The first key bound to `action` while browsing, as footers write it.
pub fn browse_key(action: BrowseAction) -> Option<(String, &'static str)> {
    BROWSE
        .iter()
        .find(|b| b.action == action)
        .map(crate::app::key_layer::effective)
        .and_then(|b| Some((b.keys.first()?.label(), b.label)))
}

pub use super::edit_keys::{EDIT, EditAction};
