//! A partnership's meetings over time, read from every session in an
//! archive: which sessions form a series, where each action stands now and
//! how each measure has moved.
//!
//! Pure: build a [`History`] from sessions already loaded (the archive's
//! parsed files, in any order). Every result names sessions by their index in
//! that list, so a caller holding the matching file paths can write a change
//! back to the right file.
//!
//! For the screens (load with `Archive::list`, keep the parsed sessions and
//! their paths side by side, build `History::new(&sessions)` after each save):
//! - timeline: [`History::series`] gives each partnership's sessions in
//!   order; [`History::previous`] the meeting before one.
//! - actions: [`History::actions_matching`] with an [`ActionFilter`] and
//!   today's date; each [`ActionRecord`] says which session (`session`, an
//!   index into the paths) holds the latest copy. To change one, load that
//!   file, call `Session::change_action(id, &ActionChange, now)` and save it
//!   with `storage::save_over`, as `roundtable actions done` does.
//! - measures: [`History::measures`] for a series; each [`MeasureHistory`]
//!   has `latest`, `previous`, `on_track` and `sparkline`.
//! - search: `domain::search(&sessions, query)`; each `Hit` names its
//!   session, section and item, with a snippet and the range to highlight.
//! - minutes: `export::minutes_with_history(&session, &history)` works on
//!   the session being edited, even before it is saved.

mod actions;
mod flags;
mod flags_all;
mod lean;
mod measures;
mod shape;
mod table;

use std::sync::Arc;

use super::Session;

pub use actions::{ActionFilter, ActionRecord};
pub use flags::Flag;
pub use lean::lean;
pub use measures::{MeasureHistory, OnTrack, ReadingAt, sparkline};
pub use shape::Shape;
pub use table::{ActionTable, TableRow};

/// The sessions of one partnership, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// The partnership's name as its latest session spells it; empty when
    /// no session of the series names one.
    pub name: String,
    /// Indices into [`History::sessions`], by date (then by `previous`
    /// links, start time and title).
    pub sessions: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct History<'a> {
    sessions: Vec<&'a Session>,
    shape: Arc<Shape>,
}

impl<'a> History<'a> {
    pub fn new(sessions: &'a [Session]) -> History<'a> {
        History::from_refs(sessions.iter().collect())
    }

    /// A history of `sessions` with a shape worked out before for the very
    /// same sessions (see [`History::shape`]); worked out afresh if it does
    /// not fit them.
    pub fn with_shape(sessions: &'a [Session], shape: &Arc<Shape>) -> History<'a> {
        History::with_shape_refs(sessions.iter().collect(), shape)
    }

    /// [`History::with_shape`] of sessions held apart (e.g. each in an `Arc`).
    pub fn with_shape_refs(refs: Vec<&'a Session>, shape: &Arc<Shape>) -> History<'a> {
        if shape.fits(refs.len()) {
            History {
                sessions: refs,
                shape: Arc::clone(shape),
            }
        } else {
            History::from_refs(refs)
        }
    }

    /// The shape, to keep beside the sessions for [`History::with_shape`].
    pub fn shape(&self) -> Arc<Shape> {
        Arc::clone(&self.shape)
    }

    /// Sessions that belong together are those of the same partnership
    /// (ignoring case and spaces at the ends) and those linked by `previous`,
    /// so a renamed partnership stays one series.
    pub fn from_refs(sessions: Vec<&'a Session>) -> History<'a> {
        let shape = Arc::new(Shape::of(&sessions));
        History { sessions, shape }
    }

    /// Every session, in the order given.
    pub fn sessions(&self) -> &[&'a Session] {
        &self.sessions
    }

    pub fn session(&self, index: usize) -> Option<&'a Session> {
        self.sessions.get(index).copied()
    }

    /// Every series, by partnership name.
    pub fn series(&self) -> &[Series] {
        &self.shape.series
    }

    /// The series a session belongs to.
    pub fn series_of(&self, index: usize) -> Option<&Series> {
        self.shape
            .series_of
            .get(index)
            .and_then(|&k| self.shape.series.get(k))
    }

    /// The series whose name is `partnership` (ignoring case), or else the
    /// only one whose name contains it. `Err` lists the names when several
    /// contain it, and is empty when none does.
    pub fn find_series(&self, partnership: &str) -> Result<&Series, Vec<String>> {
        let key = name_key(partnership);
        if let Some(exact) = self.shape.series.iter().find(|s| name_key(&s.name) == key) {
            return Ok(exact);
        }
        let partial: Vec<&Series> = self
            .shape
            .series
            .iter()
            .filter(|s| !key.is_empty() && name_key(&s.name).contains(&key))
            .collect();
        match partial.as_slice() {
            [one] => Ok(one),
            many => Err(many.iter().map(|s| s.name.clone()).collect()),
        }
    }

    /// The meeting before this one: the session its `previous` names, or
    /// else the one before it in its series.
    pub fn previous(&self, index: usize) -> Option<usize> {
        if let Some(p) = self.shape.linked.get(index).copied().flatten() {
            return Some(p);
        }
        let series = self.series_of(index)?;
        let pos = series.sessions.iter().position(|&i| i == index)?;
        pos.checked_sub(1).map(|p| series.sessions[p])
    }

    /// This history as it stood when `session` met: the sessions of its
    /// series up to its date, with `session` itself (perhaps an edited copy
    /// of one in the archive) in place of any archive copy. Returns the new
    /// history and the index of `session` in it, for minutes that show
    /// progress since the last meeting.
    pub fn as_of<'b>(&self, session: &'b Session) -> (History<'b>, usize)
    where
        'a: 'b,
    {
        let key = name_key(&session.partnership);
        let linked = self
            .sessions
            .iter()
            .position(|s| !session.previous.is_empty() && s.id == session.previous)
            .map(|i| self.shape.series_of[i]);
        let mut refs: Vec<&'b Session> = self
            .sessions
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                let same = (!key.is_empty() && name_key(&s.partnership) == key)
                    || linked == Some(self.shape.series_of[*i]);
                same && s.id != session.id && s.date <= session.date
            })
            .map(|(_, s)| *s)
            .collect();
        refs.push(session);
        let me = refs.len() - 1;
        (History::from_refs(refs), me)
    }
}

pub(super) fn name_key(name: &str) -> String {
    crate::domain::comparable(name)
}

#[cfg(test)]
pub(crate) mod tests;
