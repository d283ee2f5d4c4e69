//! How sessions hang together as series, from what [`Meeting`] reads of
//! each: whole sessions for the history, cards for the sessions list.

use std::collections::HashMap;

use super::{Series, name_key};
use crate::domain::Meeting;

/// How the sessions of a history hang together, worked out once (in one
/// pass, with an index by id) and shared: a screen keeps it while the
/// archive is unchanged rather than working it out again on every draw.
#[derive(Debug, Clone, Default)]
pub struct Shape {
    pub(super) series: Vec<Series>,
    /// For each session, the index of its series.
    pub(super) series_of: Vec<usize>,
    /// For each session, the session its `previous` names (see [`links`]).
    pub(super) linked: Vec<Option<usize>>,
}

impl Shape {
    /// Sessions that belong together are those of the same partnership
    /// (ignoring case and spaces at the ends) and those linked by `previous`,
    /// so a renamed partnership stays one series.
    pub fn of<M: Meeting>(sessions: &[&M]) -> Shape {
        let n = sessions.len();
        let mut parent: Vec<usize> = (0..n).collect();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (i, s) in sessions.iter().enumerate() {
            let key = name_key(s.partnership());
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
        let linked = links(sessions);
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
                    (s.date(), depths[i], s.start_time(), s.title().to_lowercase(), i)
                });
                let name = members
                    .iter()
                    .rev()
                    .map(|&i| sessions[i].partnership().trim())
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
        Shape {
            series,
            series_of,
            linked,
        }
    }

    /// Every series, by partnership name.
    pub fn series(&self) -> &[Series] {
        &self.series
    }

    /// Whether this shape was worked out for `n` sessions.
    pub(super) fn fits(&self, n: usize) -> bool {
        self.series_of.len() == n
    }
}

/// For each session, the session named by its `previous`, when that is
/// another session dated no later than it (a link forward in time is a
/// mistake and ignored); the latest such when several share the id. One
/// pass with an index by id.
fn links<M: Meeting>(sessions: &[&M]) -> Vec<Option<usize>> {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in sessions.iter().enumerate() {
        by_id.entry(s.id()).or_default().push(i);
    }
    sessions
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let id = s.previous().trim();
            if id.is_empty() {
                return None;
            }
            by_id
                .get(id)?
                .iter()
                .map(|&i| (i, sessions[i]))
                .filter(|(i, p)| *i != index && p.date() <= s.date())
                .max_by_key(|(i, p)| (p.date(), *i))
                .map(|(i, _)| i)
        })
        .collect()
}

/// How many `previous` links lead back from each session, so a follow-up
/// on the same day sorts after the meeting it follows. Each chain is walked
/// once; a loop of links stops rather than spins.
pub(super) fn depths(linked: &[Option<usize>]) -> Vec<usize> {
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
