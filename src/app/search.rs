//! The search screen: a query line over every session in the archive,
//! results ranked and updated as each letter is typed; Enter opens the
//! session at the item found.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::across::{Back, Loaded, go_back};
use super::keys::{Binding, Key, help_binding, lookup};
use super::library_sessions::Reading;
use super::line_field::LineField;
use super::review::{self, Focus};
use super::session::section::{ListKind, Section as Place};
use super::{App, Screen};
use crate::domain::{Found, Hit, Narrowing, SearchIndex, Section, Step};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Open,
    Back,
    Help,
    /// Any other key edits the query.
    Edit(KeyEvent),
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Up)],
        action: Action::Up,
        label: "up",
        help: "Select the result above",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Down)],
        action: Action::Down,
        label: "down",
        help: "Select the result below",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        action: Action::Open,
        label: "open at this item",
        help: "Open the session at the selected result",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Back,
        label: "back",
        help: "Back to the sessions",
        in_footer: true,
    },
    help_binding(&[Key::plain(KeyCode::F(1))], Action::Help),
];

/// Every key is either bound or typed into the query.
pub fn action_for(key: &KeyEvent) -> Action {
    lookup(KEYS, key).unwrap_or(Action::Edit(*key))
}

pub struct SearchState {
    pub query: LineField,
    pub loaded: Loaded,
    /// While the archive is read: files read, of how many.
    pub reading: Option<(usize, usize)>,
    /// The library generation `loaded` was read at.
    seen: Option<u64>,
    /// Best first; each made into a [`Hit`] (text, snippet) only when
    /// shown, see [`SearchState::hit`].
    pub hits: Found,
    pub selected: usize,
    pub back: Back,
    /// The archive's text folded once (shared with the library), and what
    /// the last query found, to narrow from as the query grows.
    index: Arc<SearchIndex>,
    narrowing: Narrowing,
}

impl SearchState {
    /// "Reading sessions: N of M…" while the archive is read.
    pub fn reading_words(&self) -> Option<String> {
        Reading::words(self.reading, self.seen.is_some())
    }

    pub fn new(reading: Reading, back: Back) -> SearchState {
        let mut state = SearchState {
            query: LineField::default(),
            index: Arc::default(),
            loaded: Loaded::default(),
            reading: None,
            seen: None,
            narrowing: Narrowing::default(),
            hits: Found::default(),
            selected: 0,
            back,
        };
        state.fill(reading);
        state
    }

    /// Takes in the sessions as last read (when newer than those shown),
    /// searching them again for the query typed so far.
    pub fn fill(&mut self, reading: Reading) {
        self.reading = reading.progress;
        let Some(loaded) = reading.newer(&mut self.seen) else {
            return;
        };
        self.index = loaded.index();
        self.loaded = loaded;
        self.narrowing = Narrowing::default();
        let selected = self.selected;
        self.refresh();
        self.selected = selected.min(self.hits.len().saturating_sub(1));
    }

    pub fn text(&self) -> String {
        self.query.value()
    }

    fn edit(&mut self, key: KeyEvent) {
        if self.query.input(key) {
            self.refresh();
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        self.query.paste(text);
        self.refresh();
    }

    fn refresh(&mut self) {
        let text = self.text();
        self.hits = self.index.find_from(&mut self.narrowing, &text);
        self.selected = 0;
    }

    /// The `i`th result, best first, with its text and snippet.
    pub fn hit(&self, i: usize) -> Option<Hit> {
        self.hits.hit(&self.index, i)
    }

    /// Where the `i`th result is: its session, section and item.
    pub fn place(&self, i: usize) -> Option<(usize, Section, usize)> {
        self.hits.place(&self.index, i)
    }

    fn select_by(&mut self, delta: isize) {
        let last = self.hits.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}

/// Where on the session screen the item at `section` and `i` is shown.
pub fn focus(section: Section, i: usize) -> Focus {
    let at = |section, list, row| Focus { section, list, row };
    match section {
        Section::Title => at(Place::Step(Step::Goals), ListKind::Goals, 0),
        Section::Participants => at(Place::Participants, ListKind::Participants, i),
        // The vision's item 0 is the final wording; drafts follow from 1.
        Section::Step(Step::Vision) if i == 0 => at(Place::Step(Step::Vision), ListKind::FinalWording, 0),
        Section::Step(Step::Vision) => at(Place::Step(Step::Vision), ListKind::Drafts, i - 1),
        Section::Step(Step::Activities) => at(Place::Step(Step::Activities), ListKind::Activities, i),
        Section::Step(Step::Roles) => at(Place::Step(Step::Roles), ListKind::Workstreams, i),
        Section::Step(Step::Awareness) => at(Place::Step(Step::Awareness), ListKind::Awareness, i),
        Section::Step(Step::NextSteps) => at(Place::Step(Step::NextSteps), ListKind::Readings, 0),
        Section::Step(Step::Goals) => at(Place::Step(Step::Goals), ListKind::Goals, i),
        Section::Decisions => at(Place::Decisions, ListKind::Decisions, i),
        Section::Actions => at(Place::Decisions, ListKind::Actions, i),
        Section::ParkingLot => at(Place::ParkingLot, ListKind::Parked, i),
        Section::Notes(step) => {
            let place = Place::Step(step);
            at(place, place.lists()[0], 0)
        }
    }
}

pub(super) fn update(app: &mut App, action: Action) {
    let Screen::Search(state) = &mut app.screen else {
        return;
    };
    match action {
        Action::Up => state.select_by(-1),
        Action::Down => state.select_by(1),
        Action::Edit(key) => state.edit(key),
        Action::Help => app.open_help(),
        Action::Back => {
            let back = state.back.clone();
            go_back(app, &back);
        }
        Action::Open => {
            let Some((session, section, item)) = state.place(state.selected) else {
                return;
            };
            let Some(path) = state.loaded.paths.get(session).cloned() else {
                return;
            };
            let focus = focus(section, item);
            review::open(app, path, Some(focus));
        }
    }
}
