//! The session screen: the step navigator and the current step's items.
//! (Skeleton: the session-screen work item fills this in; keep `open`,
//! `handle_key`, `bindings`, `is_dirty`/`mark_saved` and `Outcome` as the
//! contract with the app.)

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use super::keys::KeyHelp;
use crate::domain::Session;

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
    /// Save and quit the app.
    Quit,
}

pub struct SessionScreen {
    pub path: PathBuf,
    pub session: Session,
    /// Changed since the last save.
    pub dirty: bool,
}

impl SessionScreen {
    pub fn open(path: PathBuf, session: Session) -> SessionScreen {
        SessionScreen {
            path,
            session,
            dirty: false,
        }
    }

    /// Every key goes here first while the screen is shown (so `?` and `q`
    /// can be typed into an open editor); the screen answers what the app
    /// must do next.
    pub fn handle_key(&mut self, _key: KeyEvent, _now: DateTime<Utc>) -> Outcome {
        Outcome::Stay
    }

    /// The keys that work right now (they change while an editor is open).
    pub fn bindings(&self) -> Vec<KeyHelp> {
        Vec::new()
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Called by the app after a successful save.
    pub fn mark_saved(&mut self) {
        self.dirty = false;
    }
}
