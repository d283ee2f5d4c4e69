//! Every action's flags at once: each series walked once, oldest first,
//! keeping a running count of the meetings holding each action and each
//! participant's latest organisation, rather than scanning the series again
//! for every action (which grows with the square of a series' length).

use foldhash::HashMap;

use super::flags::{judge, said_organisation};
use super::{ActionRecord, Flag, History};
use crate::domain::{Session, comparable};

impl History<'_> {
    /// The flags of each record at the session holding it, exactly as
    /// `self.flags(r.action, r.session)` gives them, in the records' order:
    /// the same rules, worked out in one walk of each series.
    pub fn flags_of(&self, records: &[ActionRecord]) -> Vec<Vec<Flag>> {
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
            let mut walk = Walk::default();
            for &i in &series.sessions[..=end] {
                let today = self.sessions[i];
                walk.add(i, today);
                for &k in &at[i] {
                    flags[k] = judge(
                        records[k].action,
                        today,
                        |id| walk.copies.get(id).map_or(0, |c| c.0),
                        |owner| walk.organisation(owner),
                    );
                }
            }
        }
        flags
    }
}

/// What a series says up to the session last added.
#[derive(Default)]
struct Walk<'s> {
    /// For each action id as written, how many sessions hold it and the
    /// last of them (a session holding it twice counts once).
    copies: HashMap<&'s str, (usize, usize)>,
    /// Each participant's number, by their name as compared, and by their
    /// name as written (so a name repeated from meeting to meeting is
    /// compared once).
    people: HashMap<String, usize>,
    written: HashMap<&'s str, usize>,
    /// For each participant's number, their latest organisation and the
    /// last session listing them.
    word: Vec<(Option<&'s str>, usize)>,
}

impl<'s> Walk<'s> {
    /// Takes in the session numbered `index`, the next in its series.
    fn add(&mut self, index: usize, session: &'s Session) {
        for action in &session.actions {
            let count = self.copies.entry(action.id.as_str()).or_insert((0, usize::MAX));
            if count.1 != index {
                *count = (count.0 + 1, index);
            }
        }
        for p in &session.participants {
            let person = self.person(&p.name);
            let (org, last) = &mut self.word[person];
            // Only the first listed under a name speaks for it.
            if *last != index {
                *last = index;
                *org = said_organisation(p).or(*org);
            }
        }
    }

    fn person(&mut self, written: &'s str) -> usize {
        if let Some(&n) = self.written.get(written) {
            return n;
        }
        let next = self.word.len();
        let n = *self.people.entry(comparable(written)).or_insert(next);
        if n == next {
            self.word.push((None, usize::MAX));
        }
        self.written.insert(written, n);
        n
    }

    /// The organisation of the participant named `owner` (comparable).
    fn organisation(&self, owner: &str) -> Option<&'s str> {
        self.people.get(owner).and_then(|&n| self.word[n].0)
    }
}

#[cfg(test)]
#[path = "flags_all_tests.rs"]
mod tests;
