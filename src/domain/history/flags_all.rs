//! Every action's flags at once: each series walked once, oldest first,
//! keeping a running count of the meetings holding each action and each
//! participant's latest organisation, rather than scanning the series again
//! for every action (which grows with the square of a series' length).

use foldhash::HashMap;

use super::flags::{Facts, judge, said_organisation};
use super::{ActionRecord, Flag, History};
use crate::domain::{Attendance, Session, comparable};

impl<'a> History<'a> {
    /// The flags of each record at the session holding it, exactly as
    /// `self.flags(r.action, r.session)` gives them, in the records' order:
    /// the same rules, worked out in one walk of each series.
    pub fn flags_of(&self, records: &[ActionRecord<'a>]) -> Vec<Vec<Flag>> {
        let mut flags = vec![Vec::new(); records.len()];
        // The records to flag at each session; a closed one has no flags.
        let mut at: Vec<Vec<usize>> = vec![Vec::new(); self.sessions.len()];
        for (k, r) in records.iter().enumerate() {
            if let Some(here) = at.get_mut(r.session).filter(|_| r.action.status.is_open()) {
                here.push(k);
            }
        }
        for series in self.series() {
            // Nothing after the last session with something to flag matters.
            let Some(end) = series.sessions.iter().rposition(|&i| !at[i].is_empty()) else {
                continue;
            };
            let mut walk = Walk::new();
            for &i in &series.sessions[..=end] {
                let session = self.sessions[i];
                walk.add(i, session);
                if at[i].is_empty() {
                    continue;
                }
                let mut today = walk.today(session);
                for &k in &at[i] {
                    flags[k] = judge(records[k].action, &mut today);
                }
            }
        }
        flags
    }
}

/// What a series says up to the session last added. Each name (of a person
/// or an organisation) gets a number, the same for every way of writing it
/// that compares the same; the number 0 is the blank name.
struct Walk<'s> {
    /// For each action id as written, how many sessions hold it and the
    /// last of them (a session holding it twice counts once).
    copies: HashMap<&'s str, (usize, usize)>,
    /// Each name's number, by the name as compared and as written (so a
    /// name repeated from meeting to meeting is compared once).
    compared: HashMap<String, usize>,
    written: HashMap<&'s str, usize>,
    /// For each name's number, the latest organisation said of a
    /// participant of that name, and the last session listing them.
    said: Vec<(Option<&'s str>, usize)>,
}

impl<'s> Walk<'s> {
    fn new() -> Walk<'s> {
        let mut compared = HashMap::default();
        compared.insert(String::new(), 0);
        Walk {
            copies: HashMap::default(),
            compared,
            written: HashMap::default(),
            said: vec![(None, usize::MAX)],
        }
    }

    /// Takes in the session numbered `index`, the next in its series.
    fn add(&mut self, index: usize, session: &'s Session) {
        for action in &session.actions {
            let count = self.copies.entry(action.id.trim()).or_insert((0, usize::MAX));
            if count.1 != index {
                *count = (count.0 + 1, index);
            }
        }
        for p in &session.participants {
            let name = self.number(&p.name);
            let (org, last) = &mut self.said[name];
            // Only the first listed under a name speaks for it.
            if *last != index {
                *last = index;
                *org = said_organisation(p).or(*org);
            }
        }
    }

    fn number(&mut self, written: &'s str) -> usize {
        if let Some(&n) = self.written.get(written) {
            return n;
        }
        let next = self.said.len();
        let n = *self.compared.entry(comparable(written)).or_insert(next);
        if n == next {
            self.said.push((None, usize::MAX));
        }
        self.written.insert(written, n);
        n
    }

    /// The facts at `session`, the session last added.
    fn today<'w>(&'w mut self, session: &'s Session) -> Today<'w, 's> {
        let mut organisations = Vec::new();
        let mut present = Vec::new();
        for p in &session.participants {
            let org = self.number(&p.organisation);
            organisations.push(org);
            if p.attendance == Attendance::Present {
                present.extend([self.number(&p.name), org]);
            }
        }
        Today {
            walk: self,
            listed: !session.participants.is_empty(),
            organisations,
            present,
        }
    }
}

/// The facts at one session of a walk: the numbers of the organisations
/// listed, and of the names and organisations of those present (a handful
/// each, so a list is quicker than a set).
struct Today<'w, 's> {
    walk: &'w mut Walk<'s>,
    listed: bool,
    organisations: Vec<usize>,
    present: Vec<usize>,
}

impl<'s> Facts<'s> for Today<'_, 's> {
    type Name = usize;

    fn copies(&mut self, id: &str) -> usize {
        self.walk.copies.get(id).map_or(0, |c| c.0)
    }

    fn name(&mut self, owner: &'s str) -> Option<usize> {
        Some(self.walk.number(owner)).filter(|&n| n != 0)
    }

    fn has_participants(&self) -> bool {
        self.listed
    }

    fn organisation(&mut self, name: &usize) -> Option<&'s str> {
        self.walk.said.get(*name).and_then(|s| s.0)
    }

    fn has_organisation(&mut self, org: &'s str) -> bool {
        let org = self.walk.number(org);
        self.organisations.contains(&org)
    }

    fn is_present(&mut self, name: &usize) -> bool {
        self.present.contains(name)
    }
}

#[cfg(test)]
#[path = "flags_all_tests.rs"]
mod tests;
