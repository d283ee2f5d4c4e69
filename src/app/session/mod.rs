//! The session screen: the step navigator, the current section's items and
//! the item editor. Keys go to `browse` or `editing` depending on whether an
//! editor is open; both change the session only through snapshots that `u`
//! can take back.

pub mod audience;
mod browse;
pub mod capture;
pub mod capture_line;
mod complete;
pub mod consent_check;
pub mod decision_review;
pub mod dot_vote;
mod edit_keys;
mod editing;
pub mod editor;
pub mod fields;
pub mod health_check;
pub mod items;
pub mod keys;
pub mod nav;
pub mod plan_view;
mod presenting;
pub mod round;
pub mod section;
mod timing;
mod undo;
pub mod values;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::keys::{KeyHelp, describe, describe_where, lookup};
use crate::domain::Session;
use editor::Editor;
use nav::Nav;
use undo::{Snapshot, UndoStack};

/// What the app must do after the session screen handled a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing beyond redrawing.
    Stay,
    /// Write the session to its file now.
    Save,
    /// Leave for the home screen (the app saves first when dirty).
    Back,
    /// Open the help overlay listing `bindings()`.
    Help,
    /// Export minutes of this session next to its file.
    ExportMinutes,
    /// Send the minutes to the clipboard.
    CopyMinutes,
    /// Open this text, the focused long field's, in $VISUAL/$EDITOR.
    OpenEditor(String),
    /// Save and quit the app.
    Quit,
}

pub struct SessionScreen {
    pub path: PathBuf,
    pub session: Session,
    /// Changed since the last save.
    pub dirty: bool,
    pub nav: Nav,
    /// The open item editor, if any.
    pub editor: Option<Editor>,
    /// Whether the step guidance is shown (`g` hides it to make room).
    pub show_guide: bool,
    /// A line of feedback about the last key, e.g. "Deleted the goal".
    pub message: Option<String>,
    undo: UndoStack,
    /// The session as it was when the editor opened, for undo.
    before_edit: Option<Snapshot>,
    /// Why the session can be read but not changed (held open by someone
    /// else, or final), if so. Every key that would change it is disabled.
    pub read_only: Option<String>,
    /// The go-round chooser and the time the countdown is drawn at.
    pub round: round::RoundView,
    /// The open dot vote (`o`) or consent check (`c`), drawn over the section.
    pub vote: Option<dot_vote::VoteScreen>,
    pub consent: Option<consent_check::ConsentScreen>,
    /// The open quick-capture line, if any.
    pub capture: Option<capture::Capture>,
    /// The presenter view, when shown instead of the screen.
    pub presenter: Option<crate::app::presenter::Presenter>,
    /// The plan screen, when open over the session.
    pub plan_view: Option<plan_view::PlanView>,
    /// When the clock was last looked at, to notice a computer that slept.
    last_look: Option<DateTime<Utc>>,
    /// The last session's minutes, for approving them here (issue 11).
    pub sign_off: crate::app::sign_off::Note,
    /// Where the last drawing put the step navigator, for clicks.
    pub hits: crate::app::mouse::Hits,
    /// The health check being taken (`H`), drawn over the section.
    pub health: Option<health_check::HealthScreen>,
    /// Decisions due for review being marked reviewed (`D`).
    pub reviewing: Option<decision_review::ReviewScreen>,
}

impl SessionScreen {
    pub fn open(path: PathBuf, session: Session) -> SessionScreen {
        let round = round::RoundView::new(session.updated);
        SessionScreen {
            path,
            session,
            dirty: false,
            nav: Nav::default(),
            editor: None,
            show_guide: true,
            message: None,
            undo: UndoStack::default(),
            before_edit: None,
            read_only: None,
            round,
            vote: None,
            consent: None,
            capture: None,
            presenter: None,
            plan_view: None,
            last_look: None,
            sign_off: Default::default(),
            hits: Default::default(),
            health: None,
            reviewing: None,
        }
    }

    /// Opens the session for reading only, saying why.
    pub fn read_only(path: PathBuf, session: Session, why: String) -> SessionScreen {
        SessionScreen {
            read_only: Some(why),
            ..SessionScreen::open(path, session)
        }
    }

    /// Shows `list` of `section` with `row` selected (clamped to the
    /// list), e.g. to open the session at a search result.
    pub fn focus(&mut self, section: section::Section, list: section::ListKind, row: usize) {
        self.nav.go(section);
        for _ in 0..section.lists().len() {
            if self.nav.list() == list {
                break;
            }
            self.nav.switch_list(1);
        }
        self.nav.set_row(row);
        self.nav.clamp(&self.session);
    }

    /// Every key goes here first while the screen is shown (so `?` and `q`
    /// can be typed into an open editor); the screen answers what the app
    /// must do next.
    pub fn handle_key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Stay;
        }
        self.round.now = now;
        if self.last_look.is_none() {
            self.look_at_clock(now);
        }
        let section = self.nav.section;
        let outcome = if self.presenter.is_some() {
            self.presenter_key(key)
        } else if self.capture.is_some() {
            self.capture_key(key, now)
        } else if self.round.setup.is_some() {
            self.setup_key(key, now)
        } else if self.vote.is_some() {
            self.vote_key(key, now)
        } else if self.consent.is_some() {
            self.consent_key(key, now)
        } else if self.health.is_some() {
            self.health_key(key, now)
        } else if self.reviewing.is_some() {
            self.review_key(key, now)
        } else if self.editor.is_some() {
            self.edit_key(key, now)
        } else if self.plan_view.is_some() {
            self.plan_key(key, now)
        } else {
            self.message = None;
            match lookup(keys::BROWSE, &key) {
                Some(action) if self.browse_available(action) => self.browse(action, key, now),
                _ => Outcome::Stay,
            }
        };
        self.nav.clamp(&self.session);
        self.follow_step(section, now);
        if matches!(outcome, Outcome::Back | Outcome::Quit) {
            self.pause_clock(now);
        }
        outcome
    }

    /// A click on `section` in the navigator: goes there as its key would.
    pub fn click_section(&mut self, section: section::Section, now: DateTime<Utc>) {
        let before = self.nav.section;
        self.message = None;
        self.nav.go(section);
        self.nav.clamp(&self.session);
        self.follow_step(before, now);
    }

    /// Bracketed paste: goes into the open editor's field; ignored otherwise.
    pub fn handle_paste(&mut self, text: &str) {
        if let Some(editor) = &mut self.editor {
            editor.paste(text);
        }
        if let Some(r) = &mut self.reviewing {
            r.note.paste(text);
        }
        self.capture_paste(text);
    }

    /// The keys that work right now (they change while an editor is open).
    pub fn bindings(&self) -> Vec<KeyHelp> {
        if self.presenter.is_some() {
            return describe(crate::app::presenter::KEYS);
        }
        if self.capture.is_some() {
            return describe(capture::KEYS);
        }
        if self.round.setup.is_some() {
            return describe(round::SETUP);
        }
        if let Some(vote) = &self.vote {
            return vote.bindings();
        }
        if let Some(consent) = &self.consent {
            return consent.bindings();
        }
        if self.health.is_some() {
            return self.health_bindings();
        }
        if self.reviewing.is_some() {
            return decision_review::ReviewScreen::bindings();
        }
        if self.editor.is_none() && self.plan_view.is_some() {
            return self.plan_bindings();
        }
        match &self.editor {
            Some(editor) => {
                let mut help = describe_where(keys::EDIT, |a| editing::available(editor, *a));
                for h in &mut help {
                    if h.label == "next" && editor.on_last_field() {
                        h.label = "finish";
                    }
                }
                help
            }
            None => describe_where(keys::BROWSE, |a| self.browse_available(*a)),
        }
    }

    /// Unsaved changes, including text still in an open editor.
    pub fn is_dirty(&self) -> bool {
        self.dirty || self.editor.as_ref().is_some_and(Editor::has_changes)
    }

    /// Called by the app after a successful save.
    pub fn mark_saved(&mut self) {
        self.dirty = false;
    }

    /// How many changes `u` can take back.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    fn snapshot(&self, what: String) -> Snapshot {
        Snapshot {
            session: self.session.clone(),
            nav: self.nav,
            what,
        }
    }

    /// Records a finished change: `before` goes on the undo stack when the
    /// session really changed.
    fn changed(&mut self, before: Snapshot, now: DateTime<Utc>) -> bool {
        if before.session == self.session {
            return false;
        }
        self.undo.push(before);
        self.session.touch(now);
        self.dirty = true;
        true
    }
}
