//! The session screen: the step navigator and the current step's items.
//! (Skeleton: the session-screen work item fills this in; keep `open`,
//! `handle_key`, `bindings` and `Outcome` as the contract with the app.)

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
    /// Export minutes of this session.
    ExportMinutes,
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

    pub fn handle_key(&mut self, _key: KeyEvent, _now: DateTime<Utc>) -> Outcome {
        Outcome::Stay
    }

    /// The keys that work right now (they change while an editor is open).
    pub fn bindings(&self) -> Vec<KeyHelp> {
        Vec::new()
    }
}
