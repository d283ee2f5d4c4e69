//! The merge screen: a session and its conflict copy side by side, section
//! by section (header, participants, each step, decisions, actions…). For
//! each section the person takes mine, theirs or both (lists: the union by
//! item id); saving writes the merged session over the original atomically,
//! under its lock, and moves the copy to the trash. Nothing is chosen for
//! them: every section starts as "mine" and the differing ones are marked.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyCode;

use super::across::{Back, go_back};
use super::keys::{Binding, Key, help_binding};
use super::message::Message;
use super::{App, Screen, sharing};
use crate::domain::Session;
use crate::storage;
use crate::sync::merge::{self, Choice, Section};
use crate::sync::{ConflictCopy, Standing};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Mine,
    Theirs,
    Both,
    ScrollDown,
    ScrollUp,
    Save,
    Back,
    Help,
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Up), Key::ch('k')],
        action: Action::Up,
        label: "up",
        help: "Select the section above",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Down), Key::ch('j')],
        action: Action::Down,
        label: "down",
        help: "Select the section below",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('m')],
        action: Action::Mine,
        label: "mine",
        help: "Keep this laptop's version of the selected section",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('t')],
        action: Action::Theirs,
        label: "theirs",
        help: "Keep the conflict copy's version of the selected section",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('b')],
        action: Action::Both,
        label: "both",
        help: "Keep both (lists: every item of each, matched by id; notes: both texts)",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::PageDown)],
        action: Action::ScrollDown,
        label: "scroll",
        help: "Scroll the selected section's text down",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::PageUp)],
        action: Action::ScrollUp,
        label: "scroll up",
        help: "Scroll the selected section's text up",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('s'), Key::ctrl('s')],
        action: Action::Save,
        label: "save merge",
        help: "Save the merged session over the original and move the conflict copy to the trash",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Back,
        label: "back",
        help: "Back to the sessions list, changing nothing",
        in_footer: true,
    },
    help_binding(&[Key::ch('?'), Key::plain(KeyCode::F(1))], Action::Help),
];

/// Both versions and the choice made for each section.
#[derive(Debug)]
pub struct MergeState {
    pub copy: ConflictCopy,
    mine: Session,
    theirs: Session,
    pub sections: Vec<Section>,
    pub choices: Vec<Choice>,
    pub selected: usize,
    pub scroll: u16,
    back: Back,
}

impl MergeState {
    /// Both versions of `copy`'s session, each section on "mine", the first
    /// differing one selected.
    pub fn new(copy: ConflictCopy, mine: Session, theirs: Session, back: Back) -> MergeState {
        let sections = merge::sections(&mine, &theirs);
        let selected = sections.iter().position(Section::differs).unwrap_or(0);
        MergeState {
            choices: vec![Choice::Mine; sections.len()],
            copy,
            mine,
            theirs,
            sections,
            selected,
            scroll: 0,
            back,
        }
    }

    pub fn differing(&self) -> usize {
        self.sections.iter().filter(|s| s.differs()).count()
    }
}

/// Opens the merge screen for the conflict copy at `path` (Enter on it in
/// the sessions list); says why when either version cannot be read.
pub fn open(app: &mut App, copy: ConflictCopy) {
    let Some(home) = app.home() else { return };
    let back = Back {
        selected: Some(copy.path.clone()),
        grouped: home.grouped,
    };
    let read = |path: &std::path::Path| {
        storage::load(path).map_err(|e| {
            let hint = e.hint().map(|h| format!(" ({h})")).unwrap_or_default();
            app.shown(&format!("Cannot merge: {e}.{hint}"))
        })
    };
    let versions = read(&copy.original).and_then(|mine| Ok((mine, read(&copy.path)?)));
    match versions {
        Ok((mine, theirs)) => {
            app.screen = Screen::Merge(Box::new(MergeState::new(copy, mine, theirs, back)));
            app.message = None;
        }
        Err(text) => app.message = Some(Message::error(text)),
    }
}

pub(super) fn update(app: &mut App, action: Action, now: DateTime<Utc>) {
    let Screen::Merge(state) = &mut app.screen else {
        return;
    };
    let last = state.sections.len().saturating_sub(1);
    let at = state.selected;
    match action {
        Action::Up => (state.selected, state.scroll) = (at.saturating_sub(1), 0),
        Action::Down => (state.selected, state.scroll) = ((at + 1).min(last), 0),
        Action::ScrollDown => state.scroll = state.scroll.saturating_add(5),
        Action::ScrollUp => state.scroll = state.scroll.saturating_sub(5),
        Action::Mine => state.choices[at] = Choice::Mine,
        Action::Theirs => state.choices[at] = Choice::Theirs,
        Action::Both if state.sections[at].both => state.choices[at] = Choice::Both,
        Action::Both => {
            let name = state.sections[at].name.clone();
            app.message = Some(Message::info(format!(
                "“{name}” is one piece, not a list: keep mine (m) or theirs (t)."
            )));
        }
        Action::Help => app.open_help(),
        Action::Back => {
            let back = state.back.clone();
            go_back(app, &back);
            app.message = Some(Message::info(
                "Nothing merged: the session and its conflict copy are as they were.",
            ));
        }
        Action::Save => save(app, now),
    }
}

fn save(app: &mut App, now: DateTime<Utc>) {
    let Screen::Merge(state) = &app.screen else { return };
    let result =
        merge::merge(&state.mine, &state.theirs, &state.sections, &state.choices).and_then(|mut merged| {
            merged.updated = now;
            crate::sync::resolve(&state.copy.original, &state.copy.path, &merged, now)
        });
    let original = state.copy.original.clone();
    let name = state.copy.original_stem();
    let back = Back {
        selected: Some(original),
        grouped: state.back.grouped,
    };
    match result {
        Ok(_) => {
            go_back(app, &back);
            sharing::find_copies(app);
            let shared = matches!(
                app.sharing.standing,
                Some((Standing::Known { .. } | Standing::Unknown(_), _))
            );
            let done = format!("Merged {name}: saved, and the conflict copy moved to the trash.");
            if shared && app.sharing.copies.is_empty() {
                // The sync this conflict stopped can now finish.
                sharing::sync_in_background(app, now);
                app.message = Some(Message::success(format!("{done} Finishing the sync…")));
            } else {
                app.message = Some(Message::success(done));
            }
        }
        Err(text) => app.message = Some(Message::error(app.shown(&format!("{text}.")))),
    }
}
