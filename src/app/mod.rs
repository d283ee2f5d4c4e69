//! App state and what changes it (the Elm split): input becomes a screen's
//! named action through the key tables, `update` is the one place state
//! changes, and `ui::view` draws it without changing anything.
//!
//! The parts: the messages (`action`), the screens (`screen`), which key
//! table reads an input (`input`) and `update`; each screen's state and its
//! own `update` are in its module below.

pub mod across;
mod action;
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
mod input;
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
mod screen;
pub mod search;
pub mod session;
pub mod sharing;
pub mod sign_off;
pub mod sign_off_form;
pub mod sign_off_write;
mod theme;
pub mod timeline;
pub mod trash_view;
mod update;
pub mod write_back;

use std::collections::VecDeque;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

pub use self::action::{Action, Effect};
use self::confirm::Confirm;
use self::home::HomeState;
use self::message::Message;
pub use self::screen::Screen;
use crate::storage::Archive;
use crate::ui::theme::Theme;

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
