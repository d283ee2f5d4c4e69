//! The session screen's key table for browsing the items, put together
//! from its parts in `keys/` (the item editor's is in `edit_keys`).
//! The same tables drive key handling, the footer and the help overlay.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::app::keys::{Binding, Key};

mod facilitation;
mod items;
mod meeting;
mod moving;

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

/// Every browse key, in the order help lists them (the parts are grouped by
/// what they are for, each in its own file under `keys/`).
pub const BROWSE: &[Binding<BrowseAction>] = &join::<LEN>(PARTS);

const PARTS: &[&[Binding<BrowseAction>]] = &[
    items::ITEMS,
    facilitation::FACILITATION,
    moving::MOVING,
    meeting::MEETING,
];

const LEN: usize = {
    let (mut len, mut p) = (0, 0);
    while p < PARTS.len() {
        len += PARTS[p].len();
        p += 1;
    }
    len
};

/// The parts one after another, as one table (a `const`, so lookups stay a
/// plain slice that config overrides and help read as before).
const fn join<const N: usize>(parts: &[&[Binding<BrowseAction>]]) -> [Binding<BrowseAction>; N] {
    let mut all = [parts[0][0]; N];
    let (mut i, mut p) = (0, 0);
    while p < parts.len() {
        let mut j = 0;
        while j < parts[p].len() {
            all[i] = parts[p][j];
            i += 1;
            j += 1;
        }
        p += 1;
    }
    all
}

/// The first key bound to `action` while browsing, as footers write it.
pub fn browse_key(action: BrowseAction) -> Option<(String, &'static str)> {
    BROWSE
        .iter()
        .find(|b| b.action == action)
        .map(crate::app::key_layer::effective)
        .and_then(|b| Some((b.keys.first()?.label(), b.label)))
}

pub use super::edit_keys::{EDIT, EditAction};
