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
mod measures;

use std::collections::HashMap;
use std::sync::Arc;

use super::Session;

pub use actions::{ActionFilter, ActionRecord};
pub use flags::Flag;
pub use measures::{MeasureHistory, OnTrack, ReadingAt, sparkline};

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

/// How the sessions of a history hang together, worked out once (in one
/// pass, with an index by id) and shared: a screen keeps it while the
/// archive is unchanged rather than working it out again on every draw.
#[derive(Debug, Clone, Default)]
pub struct Shape {
    series: Vec<Series>,
    /// For each session, the index of its series.
    series_of: Vec<usize>,
    /// For each session, the session its `previous` names (see [`linked_previous`]).
    linked: Vec<Option<usize>>,
}

impl Shape {
    /// Whether this shape was worked out for these `sessions` (same count).
    fn fits(&self, sessions: &[&Session]) -> bool {
        self.series_of.len() == sessions.len()
    }
}

impl<'a> History<'a> {
    pub fn new(sessions: &'a [Session]) -> History<'a> {
        History::from_refs(sessions.iter().collect())
    }

    /// A history of `sessions` with a shape worked out before for the very
    /// same sessions (see [`History::shape`]); worked out afresh if it does
    /// not fit them.
    pub fn with_shape(sessions: &'a [Session], shape: &Arc<Shape>) -> History<'a> {
        let refs: Vec<&Session> = sessions.iter().collect();
        if shape.fits(&refs) {
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
        let n = sessions.len();
        let mut parent: Vec<usize> = (0..n).collect();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (i, s) in sessions.iter().enumerate() {
            let key = name_key(&s.partnership);
            if key.is_empty() {
                continue;
            }
            match by_name.get(&key) {
                Some(&first) => union(&mut parent, first, i),
                None => {
                    by_name.insert(key, i);
                }
            }
        }
        let linked = links(&sessions);
        for (i, p) in linked.iter().enumerate() {
            if let Some(p) = *p {
                union(&mut parent, p, i);
            }
        }
        let depths = depths(&linked);
        let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..n {
            groups.entry(root(&mut parent, i)).or_default().push(i);
        }
        let mut series: Vec<Series> = groups
            .into_values()
            .map(|mut members| {
                members.sort_by_cached_key(|&i| {
                    let s = sessions[i];
                    (s.date, depths[i], s.start_time, s.title.to_lowercase(), i)
                });
                let name = members
                    .iter()
                    .rev()
                    .map(|&i| sessions[i].partnership.trim())
                    .find(|p| !p.is_empty())
                    .unwrap_or_default()
                    .to_string();
                Series {
                    name,
                    sessions: members,
                }
            })
            .collect();
        series.sort_by_cached_key(|s| (s.name.to_lowercase(), s.sessions.first().copied()));
        let mut series_of = vec![0; n];
        for (k, s) in series.iter().enumerate() {
            for &i in &s.sessions {
                series_of[i] = k;
            }
        }
        History {
            sessions,
            shape: Arc::new(Shape {
                series,
                series_of,
                linked,
            }),
        }
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

fn name_key(name: &str) -> String {
    crate::domain::comparable(name)
}

/// For each session, the session named by its `previous`, when that is
/// another session dated no later than it (a link forward in time is a
/// mistake and ignored); the latest such when several share the id. One
/// pass with an index by id.
fn links(sessions: &[&Session]) -> Vec<Option<usize>> {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in sessions.iter().enumerate() {
        by_id.entry(s.id.as_str()).or_default().push(i);
    }
    sessions
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let id = s.previous.trim();
            if id.is_empty() {
                return None;
            }
            by_id
                .get(id)?
                .iter()
                .map(|&i| (i, sessions[i]))
                .filter(|(i, p)| *i != index && p.date <= s.date)
                .max_by_key(|(i, p)| (p.date, *i))
                .map(|(i, _)| i)
        })
        .collect()
}

/// How many `previous` links lead back from each session, so a follow-up
/// on the same day sorts after the meeting it follows. Each chain is walked
/// once; a loop of links stops rather than spins.
fn depths(linked: &[Option<usize>]) -> Vec<usize> {
    let n = linked.len();
    let mut depth: Vec<Option<usize>> = vec![None; n];
    let mut on_chain = vec![false; n];
    for start in 0..n {
        let mut chain = Vec::new();
        let mut at = Some(start);
        // The depth of whatever the chain ends on: a session already known,
        // no link at all, or a loop (as deep as can be).
        let end = loop {
            match at {
                None => break None,
                Some(i) if depth[i].is_some() => break depth[i],
                Some(i) if on_chain[i] => break Some(n),
                Some(i) => {
                    on_chain[i] = true;
                    chain.push(i);
                    at = linked[i];
                }
            }
        };
        let mut d = end.map_or(0, |e| (e + 1).min(n + 1));
        for &i in chain.iter().rev() {
            on_chain[i] = false;
            depth[i] = Some(d);
            d = (d + 1).min(n + 1);
        }
    }
    depth.into_iter().map(Option::unwrap_or_default).collect()
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (root(parent, a), root(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
pub(crate) mod tests;
