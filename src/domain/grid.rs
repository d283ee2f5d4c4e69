//! Who does what: the partnership's latest agreed goals against its
//! organisations, filled in from the work each organisation has taken on:
//! workstreams it leads, commitments it made, activities its people lead
//! and open actions its people own. Shows where two or more organisations
//! work on the same goal (an overlap to coordinate) and goals nobody is
//! working on (a gap).
//!
//! Workstreams and activities name the goals they serve (`serves`, set in
//! the item editor); they go under those goals. Other work (commitments,
//! actions), and workstreams or activities that name none, is placed under
//! a goal when they share a distinctive word (see [`Words`]). Work that
//! names no goal is listed apart, never guessed onto one.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::{History, Series, Session, comparable};

#[path = "grid_words.rs"]
mod words;
use words::Words;

/// The kind of work, for labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Via {
    Workstream,
    Commitment,
    Activity,
    Action,
}

impl Via {
    pub fn label(self) -> &'static str {
        match self {
            Via::Workstream => "workstream",
            Via::Commitment => "commitment",
            Via::Activity => "activity",
            Via::Action => "action",
        }
    }
}

/// One piece of work and the organisation doing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    pub via: Via,
    /// The workstream's name, the commitment's detail, the activity's
    /// title, the action's text.
    pub text: String,
    /// `None` when the lead or owner is not on any list of participants
    /// and names no organisation.
    pub organisation: Option<String>,
}

/// One agreed goal and the work placed under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalRow {
    pub goal: String,
    pub work: Vec<Work>,
}

impl GoalRow {
    /// The organisations working on the goal, by name, each once.
    pub fn organisations(&self) -> Vec<&str> {
        let mut seen = BTreeMap::new();
        for org in self.work.iter().filter_map(|w| w.organisation.as_deref()) {
            seen.entry(comparable(org)).or_insert(org);
        }
        seen.into_values().collect()
    }

    /// What `organisation` does towards the goal.
    pub fn by<'g>(&'g self, organisation: &str) -> impl Iterator<Item = &'g Work> {
        let key = comparable(organisation);
        self.work
            .iter()
            .filter(move |w| w.organisation.as_deref().is_some_and(|o| comparable(o) == key))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    pub goals: Vec<GoalRow>,
    /// Every organisation of the partnership (on a list of participants,
    /// leading a workstream or committing something), by name.
    pub organisations: Vec<String>,
    /// Work whose words name no agreed goal.
    pub unlinked: Vec<Work>,
    /// Where the goals come from: the session's date and title.
    pub goals_from: Option<(NaiveDate, String)>,
}

impl Grid {
    pub fn of(history: &History, series: &Series) -> Grid {
        let sessions: Vec<&Session> = series
            .sessions
            .iter()
            .filter_map(|&i| history.session(i))
            .collect();
        let latest = |has: fn(&Session) -> bool| sessions.iter().rev().find(|s| has(s)).copied();
        let goals_session = latest(|s| s.goals.iter().any(|g| g.agreed && !g.text.trim().is_empty()));
        let people = People::of(&sessions);
        let mut work = Vec::new();
        if let Some(s) = latest(|s| !s.roles.workstreams.is_empty()) {
            work.extend(s.roles.workstreams.iter().map(|w| {
                let org = Some(w.lead_organisation.trim())
                    .filter(|o| !o.is_empty())
                    .map(str::to_string)
                    .or_else(|| people.organisation(&w.lead));
                (
                    Via::Workstream,
                    w.name.trim(),
                    format!("{} {}", w.name, w.remit),
                    org,
                    w.serves.clone(),
                )
            }));
        }
        if let Some(s) = latest(|s| !s.roles.commitments.is_empty()) {
            work.extend(s.roles.commitments.iter().map(|c| {
                let org = Some(c.organisation.trim())
                    .filter(|o| !o.is_empty())
                    .map(str::to_string);
                (
                    Via::Commitment,
                    c.detail.trim(),
                    c.detail.clone(),
                    org,
                    Vec::new(),
                )
            }));
        }
        if let Some(s) = latest(|s| !s.activities.is_empty()) {
            work.extend(s.activities.iter().map(|a| {
                let words = format!("{} {}", a.title, a.description);
                let org = people.organisation(&a.lead);
                (Via::Activity, a.title.trim(), words, org, a.serves.clone())
            }));
        }
        let in_series: BTreeSet<usize> = series.sessions.iter().copied().collect();
        for r in history.actions() {
            if in_series.contains(&r.session) && r.action.status.is_open() {
                let org = people.organisation(&r.action.owner);
                work.push((
                    Via::Action,
                    r.action.text.trim(),
                    r.action.text.to_string(),
                    org,
                    Vec::new(),
                ));
            }
        }
        let goal_texts: Vec<&str> = goals_session
            .map(|s| {
                s.goals
                    .iter()
                    .filter(|g| g.agreed && !g.text.trim().is_empty())
                    .map(|g| g.text.trim())
                    .collect()
            })
            .unwrap_or_default();
        let words = Words::new(&goal_texts);
        let mut goals: Vec<GoalRow> = goal_texts
            .iter()
            .map(|g| GoalRow {
                goal: g.to_string(),
                work: Vec::new(),
            })
            .collect();
        let mut unlinked = Vec::new();
        for (via, text, about, organisation, named) in work {
            let item = Work {
                via,
                text: text.to_string(),
                organisation,
            };
            // The goals it names, where they are among those agreed; else
            // the goals its words share.
            let named: Vec<usize> = goal_texts
                .iter()
                .enumerate()
                .filter(|(_, g)| named.iter().any(|n| comparable(n) == comparable(g)))
                .map(|(i, _)| i)
                .collect();
            let serves = if named.is_empty() {
                words.serves(&about)
            } else {
                named
            };
            for &g in &serves {
                goals[g].work.push(item.clone());
            }
            if serves.is_empty() {
                unlinked.push(item);
            }
        }
        Grid {
            goals,
            organisations: people.organisations(),
            unlinked,
            goals_from: goals_session.map(|s| (s.date, s.title.trim().to_string())),
        }
    }

    /// Goals two or more organisations work on, with their names.
    pub fn overlaps(&self) -> Vec<(&GoalRow, Vec<&str>)> {
        self.goals
            .iter()
            .map(|g| (g, g.organisations()))
            .filter(|(_, orgs)| orgs.len() >= 2)
            .collect()
    }

    /// Goals no organisation is known to work on.
    pub fn gaps(&self) -> Vec<&GoalRow> {
        self.goals
            .iter()
            .filter(|g| g.organisations().is_empty())
            .collect()
    }
}

/// Short names for columns: each name's initials ("Ledger Debt Advice" →
/// "LDA", at most four letters), numbered where two would read the same.
pub fn initials(names: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let base: String = name
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .take(4)
            .collect();
        let base = if base.is_empty() { "?".to_string() } else { base };
        let mut short = base.clone();
        let mut n = 1;
        while out.contains(&short) {
            n += 1;
            short = format!("{}{n}", base.chars().take(3).collect::<String>());
        }
        out.push(short);
    }
    out
}

/// Who belongs to which organisation, as the latest list naming them says;
/// and every organisation named anywhere.
struct People {
    by_name: BTreeMap<String, String>,
    organisations: BTreeMap<String, String>,
}

impl People {
    fn of(sessions: &[&Session]) -> People {
        let mut people = People {
            by_name: BTreeMap::new(),
            organisations: BTreeMap::new(),
        };
        for s in sessions {
            let named = s
                .participants
                .iter()
                .map(|p| (p.name.as_str(), p.organisation.as_str()));
            let leads = s
                .roles
                .workstreams
                .iter()
                .map(|w| (w.lead.as_str(), w.lead_organisation.as_str()));
            let commits = s.roles.commitments.iter().map(|c| ("", c.organisation.as_str()));
            for (name, org) in named.chain(leads).chain(commits) {
                let org = org.trim();
                if org.is_empty() {
                    continue;
                }
                people.organisations.insert(comparable(org), org.to_string());
                if !name.trim().is_empty() {
                    people.by_name.insert(comparable(name), org.to_string());
                }
            }
        }
        people
    }

    /// The organisation of a person, or the organisation itself when an
    /// organisation is named as lead or owner.
    fn organisation(&self, who: &str) -> Option<String> {
        let key = comparable(who);
        self.by_name
            .get(&key)
            .or_else(|| self.organisations.get(&key))
            .cloned()
    }

    fn organisations(&self) -> Vec<String> {
        let mut names: Vec<String> = self.organisations.values().cloned().collect();
        names.sort_by_key(|n| n.to_lowercase());
        names
    }
}

#[cfg(test)]
#[path = "grid_tests.rs"]
mod tests;
