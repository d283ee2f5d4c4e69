//! Taking the partnership health check (`H`): each organisation present
//! scores the partnership 1–5 on the four principles, or the room hands in
//! anonymous slips. The check is worked on in this overlay and recorded in
//! the session when it closes, as one change that `u` takes back (and
//! autosave writes like any other).

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::b;
use super::{Outcome, SessionScreen};
use crate::app::keys::{Binding, Key, KeyHelp, describe_where, digits, help_binding, lookup};
use crate::app::line_field::LineField;
use crate::domain::{HealthCheck, HealthScore, Principle, Session, new_item_id};

/// The overlay's state: a working copy of the check and where the cursor is.
#[derive(Debug)]
pub struct HealthScreen {
    pub check: HealthCheck,
    pub row: usize,
    /// Which principle (an index into `Principle::ALL`).
    pub col: usize,
    /// The note, while it is being written.
    pub note: Option<LineField>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HealthAction {
    Score,
    Clear,
    Up,
    Down,
    Left,
    Right,
    Anonymous,
    AddSlip,
    RemoveSlip,
    Note,
    Done,
    Help,
}

use HealthAction as H;
use KeyCode::*;

pub const KEYS: &[Binding<HealthAction>] = &[
    b(
        digits(1, 5),
        H::Score,
        "score",
        "Score the selected principle 1 (poor) to 5 (strong)",
        true,
    ),
    b(
        &[Key::ch('0'), Key::plain(Backspace), Key::plain(Delete)],
        H::Clear,
        "blank",
        "Leave the selected principle unscored",
        false,
    ),
    b(
        &[Key::plain(Up), Key::ch('k')],
        H::Up,
        "up",
        "The row above",
        false,
    ),
    b(
        &[Key::plain(Down), Key::ch('j')],
        H::Down,
        "down",
        "The row below",
        false,
    ),
    b(
        &[Key::plain(Left), Key::ch('h'), Key::plain(BackTab)],
        H::Left,
        "left",
        "The principle to the left",
        false,
    ),
    b(
        &[Key::plain(Right), Key::ch('l'), Key::plain(Tab)],
        H::Right,
        "right",
        "The principle to the right",
        false,
    ),
    b(
        &[Key::ch('a')],
        H::Anonymous,
        "named/anonymous",
        "Take the check with organisations' names, or as anonymous slips",
        true,
    ),
    b(
        &[Key::ch('+')],
        H::AddSlip,
        "add slip",
        "Add an anonymous slip",
        true,
    ),
    b(
        &[Key::ch('x')],
        H::RemoveSlip,
        "remove slip",
        "Remove the selected slip",
        false,
    ),
    b(
        &[Key::ch('n')],
        H::Note,
        "note",
        "Write what the room said about the scores (Enter to finish)",
        true,
    ),
    b(
        &[Key::plain(Enter), Key::plain(Esc)],
        H::Done,
        "done",
        "Record the check in the session and close (u takes it back)",
        true,
    ),
    help_binding(&[Key::plain(F(1)), Key::ch('?')], H::Help),
];

impl HealthScreen {
    /// The session's check to carry on with, or a new named one with a row
    /// for each organisation present.
    pub fn new(session: &Session, now: DateTime<Utc>) -> HealthScreen {
        let mut check = session.health.clone();
        if check.is_empty() {
            check.anonymous = false;
        }
        let mut screen = HealthScreen {
            check,
            row: 0,
            col: 0,
            note: None,
            error: None,
        };
        if !screen.check.anonymous {
            screen.add_present(session, now);
        }
        screen
    }

    /// A row for each organisation present that has none yet.
    fn add_present(&mut self, session: &Session, now: DateTime<Utc>) {
        let present: Vec<String> = {
            let mut orgs: Vec<String> = Vec::new();
            for p in session.present() {
                let org = p.organisation.trim();
                if !org.is_empty() && !orgs.iter().any(|o| o == org) {
                    orgs.push(org.to_string());
                }
            }
            orgs
        };
        for org in present {
            if !self.check.scores.iter().any(|s| s.organisation.trim() == org) {
                let id = self.new_id(now);
                self.check.scores.push(HealthScore {
                    id,
                    organisation: org,
                    ..Default::default()
                });
            }
        }
    }

    fn new_id(&self, now: DateTime<Utc>) -> String {
        let ids: Vec<&str> = self.check.scores.iter().map(|s| s.id.as_str()).collect();
        new_item_id("h", now, &ids)
    }

    pub fn principle(&self) -> Principle {
        Principle::ALL[self.col.min(3)]
    }

    pub fn available(&self, action: HealthAction) -> bool {
        let has_row = !self.check.scores.is_empty();
        match action {
            H::Score | H::Clear | H::Up | H::Down => has_row,
            H::AddSlip => self.check.anonymous,
            H::RemoveSlip => self.check.anonymous && has_row,
            _ => true,
        }
    }

    pub fn bindings(&self) -> Vec<KeyHelp> {
        describe_where(KEYS, |a| self.available(*a))
    }

    /// The check as it is recorded: rows nobody scored are left out.
    fn finished(&self) -> HealthCheck {
        let mut check = self.check.clone();
        check
            .scores
            .retain(|s| Principle::ALL.iter().any(|p| s.get(*p).is_some()));
        check.note = check.note.trim().to_string();
        if check.scores.is_empty() && check.note.is_empty() {
            return HealthCheck::default();
        }
        check
    }

    fn toggle_anonymous(&mut self, session: &Session, now: DateTime<Utc>) {
        if self.check.anonymous {
            if self.finished().scores.is_empty() {
                self.check.anonymous = false;
                self.check.scores.clear();
                self.add_present(session, now);
                self.row = 0;
            } else {
                self.error = Some(
                    "slips carry no names, so they cannot be given back: remove them (x) first, or keep the check anonymous"
                        .into(),
                );
            }
        } else {
            self.check.anonymous = true;
            self.check
                .scores
                .retain(|s| Principle::ALL.iter().any(|p| s.get(*p).is_some()));
            self.check.scores.iter_mut().for_each(|s| s.organisation.clear());
            if self.check.scores.is_empty() {
                let id = self.new_id(now);
                self.check.scores.push(HealthScore {
                    id,
                    ..Default::default()
                });
            }
            self.row = 0;
        }
    }
}

impl SessionScreen {
    pub(super) fn open_health(&mut self, now: DateTime<Utc>) {
        self.health = Some(HealthScreen::new(&self.session, now));
    }

    pub(super) fn health_bindings(&self) -> Vec<KeyHelp> {
        self.health
            .as_ref()
            .map(HealthScreen::bindings)
            .unwrap_or_default()
    }

    pub(super) fn health_key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Outcome {
        let Some(screen) = &mut self.health else {
            return Outcome::Stay;
        };
        screen.error = None;
        if let Some(field) = &mut screen.note {
            if matches!(key.code, Enter | Esc) {
                screen.check.note = field.value();
                screen.note = None;
            } else {
                field.input(key);
            }
            return Outcome::Stay;
        }
        let Some(action) = lookup(KEYS, &key).filter(|a| screen.available(*a)) else {
            return Outcome::Stay;
        };
        let last = screen.check.scores.len().saturating_sub(1);
        let principle = screen.principle();
        match action {
            H::Score | H::Clear => {
                let score = match key.code {
                    Char(c) => c
                        .to_digit(10)
                        .and_then(|d| u8::try_from(d).ok())
                        .filter(|d| *d > 0),
                    _ => None,
                };
                if let Some(row) = screen.check.scores.get_mut(screen.row) {
                    row.set(principle, score);
                }
                // Scoring moves on, so a row is typed as four digits.
                if score.is_some() && screen.col < 3 {
                    screen.col += 1;
                } else if score.is_some() && screen.row < last {
                    (screen.row, screen.col) = (screen.row + 1, 0);
                }
            }
            H::Up => screen.row = screen.row.saturating_sub(1),
            H::Down => screen.row = (screen.row + 1).min(last),
            H::Left => screen.col = screen.col.saturating_sub(1),
            H::Right => screen.col = (screen.col + 1).min(3),
            H::Anonymous => screen.toggle_anonymous(&self.session, now),
            H::AddSlip => {
                let id = screen.new_id(now);
                screen.check.scores.push(HealthScore {
                    id,
                    ..Default::default()
                });
                (screen.row, screen.col) = (screen.check.scores.len() - 1, 0);
            }
            H::RemoveSlip => {
                if screen.row < screen.check.scores.len() {
                    screen.check.scores.remove(screen.row);
                }
                screen.row = screen.row.min(screen.check.scores.len().saturating_sub(1));
            }
            H::Note => screen.note = Some(LineField::at_end(screen.check.note.clone())),
            H::Done => self.close_health(now),
            H::Help => return Outcome::Help,
        }
        Outcome::Stay
    }

    /// Records the check, as one change `u` takes back, and says so.
    fn close_health(&mut self, now: DateTime<Utc>) {
        let Some(screen) = self.health.take() else {
            return;
        };
        let check = screen.finished();
        let before = self.snapshot("record the health check".into());
        let n = check.scores.len();
        self.session.health = check;
        self.message = Some(if !self.changed(before, now) {
            "Closed the health check: nothing changed.".into()
        } else if n == 0 {
            "The health check is now empty: nothing about it goes in the minutes; u takes it back.".into()
        } else {
            format!("Recorded the health check ({n} scored) for the minutes; u takes it back.")
        });
    }
}

#[cfg(test)]
#[path = "health_check_tests.rs"]
mod tests;
