//! The home screen: every session in the archive, grouped by partnership
//! as timelines (or as one flat list, newest first), and the doors to the
//! screens that look across sessions.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyCode;

use super::keys::{Binding, Key, KeyHelp, describe, help_binding};
use super::library::Library;
use super::message::{Message, count};
use super::timeline::{self, Group};
use super::{App, Screen, across, examples, form::FormState, merge, review, sharing, theme, trash_view};
use crate::storage::Listed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Open,
    New,
    Reload,
    Examples,
    Remove,
    Trash,
    Theme,
    ToggleView,
    Search,
    Actions,
    Measures,
    Partnership,
    NextSession,
    Report,
    Sync,
    Help,
    Quit,
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Up), Key::ch('k')],
        action: Action::Up,
        label: "up",
        help: "Select the session above",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Down), Key::ch('j')],
        action: Action::Down,
        label: "down",
        help: "Select the session below",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        action: Action::Open,
        label: "open",
        help: "Open the selected session",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('n')],
        action: Action::New,
        label: "new session",
        help: "Start a new session",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('N')],
        action: Action::NextSession,
        label: "next session",
        help: "Prepare the next session of the selected partnership from its latest one",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('/')],
        action: Action::Search,
        label: "search",
        help: "Search every session: titles, people, goals, decisions, actions, notes",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('A')],
        action: Action::Actions,
        label: "actions",
        help: "Every action across the archive: filter, and mark done",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('M')],
        action: Action::Measures,
        label: "measures",
        help: "The selected partnership's measures over time",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('P')],
        action: Action::Partnership,
        label: "partnership",
        help: "The selected partnership over the years: attendance, who does what, health checks",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('x')],
        action: Action::Report,
        label: "trustee report",
        help: "Write the selected partnership's report for trustees into the archive folder",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('v')],
        action: Action::ToggleView,
        label: "flat list",
        help: "Switch between sessions grouped by partnership and one list, newest first",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('r')],
        action: Action::Reload,
        label: "reload",
        help: "Read the folder again, e.g. after editing files elsewhere",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('d'), Key::plain(KeyCode::Delete)],
        action: Action::Remove,
        label: "remove",
        help: "Move the selected session to the trash (asks first; restore it from the trash)",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('T')],
        action: Action::Trash,
        label: "trash",
        help: "The sessions removed to the trash folder: look, and restore",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('e')],
        action: Action::Examples,
        label: "examples",
        help: "Look at example sessions: a separate, read-only copy, apart from your archive",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('t')],
        action: Action::Theme,
        label: "theme",
        help: "Switch colours: dark, light, high contrast (remembered for next time)",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('S')],
        action: Action::Sync,
        label: "sync",
        help: "Share the archive through git: commit this laptop's sessions, pull, push",
        in_footer: false,
    },
    help_binding(&[Key::ch('?'), Key::plain(KeyCode::F(1))], Action::Help),
    Binding {
        keys: &[Key::ch('q'), Key::ctrl('c')],
        action: Action::Quit,
        label: "quit",
        help: "Quit Roundtable",
        in_footer: true,
    },
];

/// The home keys for the footer and help: with no sessions yet, offering
/// the examples matters more than opening; while they are shown, the way
/// back to the archive matters most.
pub fn keys(home: &HomeState, in_examples: bool) -> Vec<KeyHelp> {
    let mut keys = describe(KEYS);
    if in_examples {
        for (help, binding) in keys.iter_mut().zip(KEYS) {
            if binding.action == Action::Examples {
                help.label = "back to your archive";
                help.help = "Leave the examples and go back to your own archive";
                help.in_footer = true;
            }
        }
    }
    if home.entries.is_empty() {
        for (help, binding) in keys.iter_mut().zip(KEYS) {
            match binding.action {
                Action::Open
                | Action::Up
                | Action::Down
                | Action::NextSession
                | Action::Search
                | Action::Actions
                | Action::Measures
                | Action::Partnership => help.in_footer = false,
                Action::Examples => help.in_footer = true,
                Action::Trash => help.in_footer = home.trashed > 0,
                _ => {}
            }
        }
    } else if !home.grouped {
        for help in keys.iter_mut().filter(|k| k.keys == "v") {
            help.label = "group by partnership";
        }
    }
    keys
}

/// The list of session files and which one is selected.
#[derive(Debug)]
pub struct HomeState {
    /// Newest first; unreadable files last (the library's list, shared).
    pub entries: Arc<Vec<Listed>>,
    /// An index into `entries`.
    pub selected: usize,
    /// Grouped by partnership (the default) or one flat list.
    pub grouped: bool,
    pub groups: Arc<Vec<Group>>,
    /// Sessions in the trash, so the trash can be offered when it matters.
    pub trashed: usize,
    /// The library's generation shown, to take in a newer one.
    pub generation: u64,
}

impl HomeState {
    /// The library's list; selects `select` when it is there.
    pub fn new(library: &Library, select: Option<&Path>, trashed: usize) -> HomeState {
        let mut home = HomeState {
            entries: Arc::clone(&library.listed),
            selected: 0,
            grouped: true,
            groups: Arc::clone(&library.groups),
            trashed,
            generation: library.generation,
        };
        home.select(select);
        home
    }

    /// Takes in the library's newer list, keeping the selected session.
    pub fn renew(&mut self, library: &Library) {
        if self.generation == library.generation {
            return;
        }
        let selected = self.selected_entry().map(|e| e.path.clone());
        self.entries = Arc::clone(&library.listed);
        self.groups = Arc::clone(&library.groups);
        self.generation = library.generation;
        self.select(selected.as_deref());
    }

    fn select(&mut self, path: Option<&Path>) {
        self.selected = path
            .and_then(|p| self.entries.iter().position(|e| e.path == p))
            .or_else(|| self.order().first().copied())
            .unwrap_or(0);
    }

    /// The entries in the order shown.
    pub fn order(&self) -> Vec<usize> {
        if self.grouped {
            self.groups
                .iter()
                .flat_map(|g| g.entries.iter().copied())
                .collect()
        } else {
            (0..self.entries.len()).collect()
        }
    }

    /// The group of the selected entry.
    pub fn selected_group(&self) -> Option<&Group> {
        timeline::group_of(&self.groups, self.selected)
    }

    pub fn selected_entry(&self) -> Option<&Listed> {
        self.entries.get(self.selected)
    }

    /// Sessions and unreadable files in the archive, from the groups: they
    /// count every file even while only the first screenful is drawn.
    pub fn counts(&self) -> (usize, usize) {
        self.groups.iter().fold((0, 0), |(sessions, broken), g| {
            if g.unreadable {
                (sessions, broken + g.files)
            } else {
                (sessions + g.files, broken)
            }
        })
    }

    fn select_by(&mut self, delta: isize) {
        let order = self.order();
        let Some(at) = order.iter().position(|&i| i == self.selected) else {
            return;
        };
        let to = at.saturating_add_signed(delta).min(order.len().saturating_sub(1));
        self.selected = order[to];
    }
}

pub(super) fn update(app: &mut App, action: Action, now: DateTime<Utc>) {
    let Screen::Home(home) = &mut app.screen else {
        return;
    };
    match action {
        Action::Up => home.select_by(-1),
        Action::Down => home.select_by(1),
        Action::Open => {
            if let Some(path) = home.selected_entry().map(|e| e.path.clone()) {
                open_or_merge(app, path);
            }
        }
        Action::ToggleView => home.grouped = !home.grouped,
        Action::Search => across::open_search(app),
        Action::Actions => across::open_actions(app),
        Action::Measures => across::open_measures(app),
        Action::Partnership => super::partnership::open(app),
        Action::NextSession => across::open_next_session(app),
        Action::Report => across::write_report(app),
        Action::New => {
            app.screen = Screen::NewSession(Box::new(FormState::new(app.local_date(now))));
            app.message = None;
        }
        Action::Reload => {
            let grouped = home.grouped;
            app.go_home(None);
            if let Screen::Home(home) = &mut app.screen {
                home.grouped = grouped;
            }
            let files = app.home().map_or(0, |h| h.entries.len());
            let files = count(files, "session file", "session files");
            app.message = Some(Message::info(format!("Reloaded the archive folder: {files}.")));
        }
        Action::Examples => examples::toggle(app),
        Action::Remove => trash_view::ask_remove(app),
        Action::Trash => trash_view::open(app),
        Action::Theme => theme::cycle(app),
        Action::Sync => sharing::sync_in_background(app, now),
        Action::Help => app.open_help(),
        Action::Quit => app.quit = true,
    }
}

/// Opens the session at `path`, or the merge screen when it is a conflict
/// copy of another session.
fn open_or_merge(app: &mut App, path: std::path::PathBuf) {
    match sharing::copy_at(app, &path) {
        Some(copy) if copy.original.exists() => merge::open(app, copy),
        _ => review::open(app, path, None),
    }
}
