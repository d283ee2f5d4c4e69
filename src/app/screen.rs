//! The screens the app can show, one at a time, and what each is called and
//! lists in the footer and help. A new screen is one variant here and an
//! arm in each match over it: here, in `input`, `update` and `ui::view`.

use std::path::Path;

use super::form::FormState;
use super::home::HomeState;
use super::keys::{KeyHelp, describe};
use super::session::SessionScreen;
use super::{
    App, actions_view, home, measures_view, merge, next_session, partnership, review, search, session,
    sign_off, trash_view,
};

pub enum Screen {
    Home(HomeState),
    NewSession(Box<FormState>),
    Session(Box<SessionScreen>),
    Search(Box<search::SearchState>),
    Actions(Box<actions_view::ActionsState>),
    Measures(Box<measures_view::MeasuresState>),
    NextSession(Box<next_session::NextState>),
    Trash(Box<trash_view::TrashState>),
    Partnership(Box<partnership::PartnershipState>),
    Merge(Box<merge::MergeState>),
}

impl App {
    /// Shows the list of sessions as the library holds it, asking it to
    /// check the folder again (at once, or in the background). The session
    /// to select, often one just saved, is read again first so it shows as
    /// it now is.
    pub fn go_home(&mut self, select: Option<&Path>) {
        if self.library.dir() != self.archive.dir() {
            self.library = self.library.reopen(&self.archive);
        } else {
            if let Some(path) = select {
                self.library.reread(path);
            }
            self.library.refresh();
        }
        let home = HomeState::new(&self.library, select, self.archive.trash_len());
        self.screen = Screen::Home(home);
    }

    pub fn home(&self) -> Option<&HomeState> {
        match &self.screen {
            Screen::Home(home) => Some(home),
            _ => None,
        }
    }

    /// The current screen's keys, from its key table.
    pub fn screen_keys(&self) -> Vec<KeyHelp> {
        match &self.screen {
            Screen::Home(state) => home::keys(state, self.examples.is_some()),
            Screen::NewSession(form) => form.keys(),
            Screen::Session(screen) if review::is_final_review(screen) => {
                let mut keys = describe(review::KEYS);
                keys.extend(sign_off::keys(screen));
                keys.extend(screen.bindings());
                keys
            }
            Screen::Session(screen) => {
                let mut keys = sign_off::keys(screen);
                keys.extend(session::decision_review::keys(screen));
                keys.extend(screen.bindings());
                keys
            }
            Screen::Search(_) => describe(search::KEYS),
            Screen::Actions(state) => state.keys(),
            Screen::Measures(state) => state.keys(),
            Screen::NextSession(state) => state.keys(),
            Screen::Trash(_) => describe(trash_view::KEYS),
            Screen::Partnership(state) => state.keys(),
            Screen::Merge(_) => describe(merge::KEYS),
        }
    }

    pub fn screen_name(&self) -> &'static str {
        match &self.screen {
            Screen::Home(_) => "Sessions",
            Screen::NewSession(_) => "New session",
            Screen::Session(_) => "Session",
            Screen::Search(_) => "Search",
            Screen::Actions(_) => "Actions",
            Screen::Measures(_) => "Measures",
            Screen::NextSession(_) => "Next session",
            Screen::Trash(_) => "Trash",
            Screen::Partnership(_) => "Partnership",
            Screen::Merge(_) => "Merge",
        }
    }
}
