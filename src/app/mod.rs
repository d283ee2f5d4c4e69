//! App state and what changes it (the Elm split): input becomes a screen's
//! named action through the key tables, `update` is the one place state
//! changes, and `ui::view` draws it without changing anything.

pub mod across;
pub mod action_edit;
pub mod actions_view;
mod autosave;
pub mod clipboard;
pub mod clock;
pub mod confirm;
pub mod editor;
pub mod examples;
pub mod files;
pub mod form;
pub mod guard;
pub mod help;
pub mod home;
mod in_session;
pub mod key_layer;
pub mod key_tables;
pub mod keys;
pub mod library;
pub mod library_sessions;
pub mod line_field;
pub mod measures_view;
pub mod merge;
pub mod message;
mod minutes_to;
pub mod mouse;
pub mod next_session;
pub mod partnership;
pub mod presenter;
pub mod recovery;
pub mod review;
pub mod save_as;
pub mod search;
pub mod session;
pub mod sharing;
pub mod sign_off;
pub mod sign_off_form;
pub mod sign_off_write;
mod theme;
pub mod timeline;
pub mod trash_view;
pub mod write_back;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEvent};

use self::confirm::{Answer, Confirm};
use self::form::FormState;
use self::home::HomeState;
use self::keys::{KeyHelp, describe, lookup};
use self::message::Message;
use self::session::SessionScreen;
use crate::storage::Archive;
use crate::ui::theme::Theme;

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

/// Everything that can change the app, named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Home(home::Action),
    Form(form::Action),
    /// The session screen reads its own keys.
    Session(KeyEvent),
    Help(help::Action),
    Confirm(Answer),
    Paste(String),
    Search(search::Action),
    Actions(actions_view::Action),
    Measures(measures_view::Action),
    Next(next_session::Action),
    Review(review::Action),
    /// Minutes sign-off: a key on the session screen, then its form.
    SignOff(sign_off::Action),
    SignOffForm(sign_off::FormAction),
    /// `D` on the session screen: list the decisions due for review.
    ReviewDecisions,
    /// Time passing: the terminal loop sends one a few times a second, for
    /// autosave and the recovery journal.
    Tick,
    Recovery(recovery::Action),
    SaveAs(save_as::Action),
    Trash(trash_view::Action),
    Merge(merge::Action),
    Partnership(partnership::Action),
    /// A click or the scroll wheel (see `mouse`).
    Mouse(MouseEvent),
    /// What came back from $VISUAL/$EDITOR (see `editor`): the text, or
    /// why there is none.
    Edited(Result<String, String>),
}

/// What the app asks the terminal loop to do for it, as `update` touches
/// no terminal: taken by the loop after each update (`take_effects`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write this OSC 52 sequence to the terminal (`clipboard`).
    Copy(String),
    /// Suspend the screen, open this text in the person's editor, and send
    /// back `Action::Edited`.
    Edit(String),
}

pub struct App {
    pub archive: Archive,
    /// The archive's files as cards, kept between screens.
    pub library: library::Library,
    pub screen: Screen,
    pub help_open: bool,
    pub help_scroll: u16,
    /// A yes/no question that takes every key until answered.
    pub confirm: Option<Confirm>,
    pub message: Option<Message>,
    pub quit: bool,
    pub today: NaiveDate,
    /// The local time zone, for "Saved 10:42" and today's date.
    pub offset: FixedOffset,
    pub theme: Theme,
    /// The moment of the last update, for the clock on screen (drawing
    /// never reads the system clock, so snapshots are stable).
    pub now: DateTime<Utc>,
    /// The archive folder as shown to the user (tests set a fixed one).
    pub display_dir: String,
    /// The open session's lock and save state.
    pub guard: guard::Guard,
    /// Unsaved work found in recovery journals, the first one shown.
    pub offers: VecDeque<recovery::Offer>,
    /// The "save elsewhere" prompt, open after a failed save.
    pub save_as: Option<save_as::SaveAs>,
    /// The person's archive, put aside while the example sessions are shown.
    pub examples: Option<examples::Examples>,
    /// Where the theme chosen in the app is remembered; none in tests.
    pub state_file: Option<PathBuf>,
    /// The open minutes sign-off form (circulate, approve, amend).
    pub sign_off: Option<sign_off::Form>,
    /// What the terminal loop is to do next (see `Effect`).
    pub effects: Vec<Effect>,
    /// Where the last drawing put what can be clicked.
    pub hits: mouse::Hits,
    /// The shared archive: behind or ahead, the sync running, conflict copies.
    pub sharing: sharing::Sharing,
}

impl App {
    /// The app on `archive`, read in full now.
    pub fn new(archive: Archive, theme: Theme, now: DateTime<Utc>) -> App {
        let library = library::Library::now(&archive);
        App::with_library(archive, library, theme, now)
    }

    /// The app on `archive` as `library` holds it (the terminal passes one
    /// drawn from remembered cards and checked in the background).
    pub fn with_library(
        archive: Archive,
        library: library::Library,
        theme: Theme,
        now: DateTime<Utc>,
    ) -> App {
        let offset = Utc.fix();
        let home = HomeState::new(&library, None, archive.trash_len());
        App {
            library,
            display_dir: archive.dir().display().to_string(),
            archive,
            screen: Screen::Home(home),
            help_open: false,
            help_scroll: 0,
            confirm: None,
            message: None,
            quit: false,
            today: now.with_timezone(&offset).date_naive(),
            offset,
            theme,
            now,
            guard: guard::Guard::default(),
            offers: VecDeque::new(),
            save_as: None,
            examples: None,
            state_file: None,
            sign_off: None,
            effects: Vec::new(),
            hits: mouse::Hits::default(),
            sharing: sharing::Sharing::default(),
        }
    }

    /// Sets the local time zone (the terminal loop passes the real one).
    pub fn with_offset(mut self, offset: FixedOffset, now: DateTime<Utc>) -> App {
        self.offset = offset;
        self.today = self.local_date(now);
        self
    }

    /// The named action for an input event on the current screen, if any.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        let key = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => key,
            // Pasted text goes into the open field as text, never as keys:
            // a pasted `q` must not quit.
            Event::Paste(text) => {
                if self.confirm.is_none() && (self.save_as.is_some() || self.sign_off.is_some()) {
                    return Some(Action::Paste(text.clone()));
                }
                let modal = self.confirm.is_some() || self.help_open || !self.offers.is_empty();
                let home = matches!(self.screen, Screen::Home(_));
                return (!modal && !home).then(|| Action::Paste(text.clone()));
            }
            Event::Mouse(mouse) => return mouse::action_for(self, mouse),
            _ => return None,
        };
        if self.confirm.is_some() {
            return lookup(confirm::KEYS, key).map(Action::Confirm);
        }
        if self.save_as.is_some() {
            return save_as::action_for(key).map(Action::SaveAs);
        }
        if !self.offers.is_empty() {
            return lookup(recovery::KEYS, key).map(Action::Recovery);
        }
        if self.help_open {
            return lookup(help::KEYS, key).map(Action::Help);
        }
        if self.sign_off.is_some() {
            return Some(Action::SignOffForm(sign_off::Form::action_for(key)));
        }
        match &self.screen {
            Screen::Home(_) => lookup(home::KEYS, key).map(Action::Home),
            Screen::NewSession(_) => Some(Action::Form(form::action_for(key))),
            Screen::Session(s) if review::is_final_review(s) && lookup(review::KEYS, key).is_some() => {
                lookup(review::KEYS, key).map(Action::Review)
            }
            Screen::Session(s) if sign_off::action_for(s, key).is_some() => {
                sign_off::action_for(s, key).map(Action::SignOff)
            }
            Screen::Session(s) if session::decision_review::opens(s, key) => Some(Action::ReviewDecisions),
            Screen::Session(_) => Some(Action::Session(*key)),
            Screen::Search(_) => Some(Action::Search(search::action_for(key))),
            Screen::Actions(state) => state.action_for(key).map(Action::Actions),
            Screen::Measures(_) => lookup(measures_view::KEYS, key).map(Action::Measures),
            Screen::NextSession(_) => Some(Action::Next(next_session::action_for(key))),
            Screen::Trash(_) => lookup(trash_view::KEYS, key).map(Action::Trash),
            Screen::Partnership(_) => lookup(partnership::KEYS, key).map(Action::Partnership),
            Screen::Merge(_) => lookup(merge::KEYS, key).map(Action::Merge),
        }
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action, now: DateTime<Utc>) {
        self.today = self.local_date(now);
        self.now = now;
        let input = matches!(action, Action::Session(_) | Action::Paste(_) | Action::Edited(_));
        if self.examples.is_some() && examples::writes(&action) {
            return examples::refuse(self);
        }
        match action {
            Action::Home(a) => home::update(self, a, now),
            Action::Form(a) => form::update(self, a, now),
            Action::Session(key) => in_session::update(self, key, now),
            Action::Help(help::Action::Close) => self.help_open = false,
            Action::Help(help::Action::ScrollUp) => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::Help(help::Action::ScrollDown) => {
                // Never past the last line, so scrolling back up is immediate.
                let lines: usize = self.help_sections().iter().map(|s| s.keys.len() + 2).sum();
                self.help_scroll = (self.help_scroll + 1).min(lines as u16);
            }
            Action::Confirm(Answer::Yes) if self.confirm == Some(Confirm::ReopenFinal) => {
                self.confirm = None;
                review::reopen(self, now);
            }
            Action::Confirm(answer) if matches!(self.confirm, Some(Confirm::RemoveSession(_))) => {
                if let Some(Confirm::RemoveSession(path)) = self.confirm.take() {
                    trash_view::answer(self, &path, answer, now);
                }
            }
            Action::Confirm(answer) => self.answer(answer),
            Action::Search(a) => search::update(self, a),
            Action::Actions(a) => actions_view::update(self, a, now),
            Action::Measures(a) => measures_view::update(self, a),
            Action::Next(a) => next_session::update(self, a, now),
            Action::Review(a) => review::update(self, a),
            Action::SignOff(a) => sign_off::update(self, a),
            Action::SignOffForm(a) => sign_off::form_update(self, a, now),
            Action::ReviewDecisions => session::decision_review::open(self),
            Action::Paste(text) if self.save_as.is_some() => save_as::paste(self, &text),
            Action::Paste(text) if self.sign_off.is_some() => {
                if let Some(form) = &mut self.sign_off {
                    form.paste(&text);
                }
            }
            Action::Paste(text) => match &mut self.screen {
                Screen::NewSession(form) => form.paste(&text),
                Screen::Session(screen) => screen.handle_paste(&text),
                Screen::Search(state) => state.paste(&text),
                Screen::NextSession(state) => state.paste(&text),
                Screen::Actions(state) => state.paste(&text),
                Screen::Home(_)
                | Screen::Measures(_)
                | Screen::Trash(_)
                | Screen::Partnership(_)
                | Screen::Merge(_) => {}
            },
            Action::Tick => {
                if let Screen::Session(screen) = &mut self.screen {
                    screen.tick(now);
                }
                clock::tick(self, now);
                autosave::tick(self, now);
                sharing::poll(self, now);
                if self.library.poll()
                    && let Screen::Home(home) = &mut self.screen
                {
                    home.renew(&self.library);
                }
                partnership::renew(self);
                across::poll(self);
            }
            Action::Recovery(a) => recovery::update(self, a, now),
            Action::SaveAs(a) => save_as::update(self, a, now),
            Action::Trash(a) => trash_view::update(self, a),
            Action::Mouse(event) => mouse::update(self, event),
            Action::Edited(result) => editor::finish(self, result),
            Action::Partnership(a) => partnership::update(self, a),
            Action::Merge(a) => merge::update(self, a, now),
        }
        examples::keep_read_only(self);
        sign_off::refresh(self);
        guard::after(self, input, now);
    }

    /// Maps and applies one input event.
    pub fn handle_event(&mut self, event: &Event, now: DateTime<Utc>) {
        if let Some(action) = self.action_for(event) {
            self.update(action, now);
        }
    }

    /// What the terminal loop is to do now, in order.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Carries out what the session screen asked for after a key: save,
    /// export, leave or quit. (Public so tests can drive it directly.)
    pub fn follow_session(&mut self, outcome: session::Outcome, now: DateTime<Utc>) {
        self.today = self.local_date(now);
        in_session::follow(self, outcome, now);
        guard::after(self, false, now);
    }

    fn answer(&mut self, answer: Answer) {
        let Some(question) = self.confirm.take() else {
            return;
        };
        if answer == Answer::No {
            return;
        }
        match question {
            Confirm::DiscardForm | Confirm::LeaveUnsaved => {
                self.go_home(None);
                self.message = None;
            }
            Confirm::QuitUnsaved => self.quit = true,
            Confirm::ReopenFinal | Confirm::RemoveSession(_) => {}
            Confirm::DiscardRecovery => recovery::discard(self),
        }
    }

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

    fn open_help(&mut self) {
        self.help_open = true;
        self.help_scroll = 0;
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

    /// The keys that work right now, for the footer.
    pub fn active_keys(&self) -> Vec<KeyHelp> {
        if self.confirm.is_some() {
            describe(confirm::KEYS)
        } else if let Some(prompt) = &self.save_as {
            save_as::keys(prompt)
        } else if !self.offers.is_empty() {
            describe(recovery::KEYS)
        } else if self.help_open {
            describe(help::KEYS)
        } else if let Some(form) = &self.sign_off {
            form.keys()
        } else {
            self.screen_keys()
        }
    }

    /// What the help overlay lists: the screen's keys, then the help's own.
    pub fn help_sections(&self) -> Vec<help::Section> {
        vec![
            help::Section {
                title: format!("{} keys", self.screen_name()),
                keys: self.screen_keys(),
            },
            help::Section {
                title: "In this help".into(),
                keys: describe(help::KEYS),
            },
        ]
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

    pub fn local_date(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.offset).date_naive()
    }

    /// The local time of day as `10:42`.
    pub fn clock(&self, now: DateTime<Utc>) -> String {
        now.with_timezone(&self.offset).format("%H:%M").to_string()
    }

    /// `text` with the archive folder written as the user knows it.
    pub fn shown(&self, text: &str) -> String {
        let real = self.archive.dir().display().to_string();
        if real.is_empty() || real == self.display_dir {
            text.to_string()
        } else {
            text.replace(&real, &self.display_dir)
        }
    }
}
