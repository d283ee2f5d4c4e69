//! Engagement and fairness over years: for one partnership's meetings, who
//! came from each organisation, how often they spoke, and which
//! organisations are drifting away (missed their last two meetings) or
//! going quiet (present but silent at their last two).
//!
//! Pure: built from a [`History`] and one of its series; "today" is passed
//! in so a planned meeting (dated later) is never counted as missed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Attendance, History, Series, Session, comparable};

/// One held meeting, a column of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The session, as an index into the history.
    pub session: usize,
    pub date: NaiveDate,
    pub title: String,
    /// Someone's contributions were counted at this meeting; when none were,
    /// nobody can be said to have stayed silent.
    pub counted: bool,
}

/// What one organisation did at one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cell {
    /// Nobody from it was on the meeting's list (before it joined, or after
    /// it left).
    #[default]
    NotListed,
    /// On the list, but nobody from it came (apologies or absent).
    Away,
    /// This many of its people came and were marked as speaking this many
    /// times in all.
    Present { people: u32, contributions: u32 },
}

impl Cell {
    pub fn attended(self) -> bool {
        matches!(self, Cell::Present { .. })
    }

    pub fn contributions(self) -> u32 {
        match self {
            Cell::Present { contributions, .. } => contributions,
            _ => 0,
        }
    }

    /// "2 / 3" (people present / times spoken), "2 / –" where nobody's
    /// contributions were `counted` at that meeting, "away", or blank.
    pub fn words(self, counted: bool) -> String {
        match self {
            Cell::NotListed => String::new(),
            Cell::Away => "away".into(),
            Cell::Present { people, .. } if !counted => format!("{people} / –"),
            Cell::Present {
                people,
                contributions,
            } => format!("{people} / {contributions}"),
        }
    }
}

/// One organisation's row: a cell per meeting, in meeting order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// As the latest meeting listing it spells it.
    pub name: String,
    pub cells: Vec<Cell>,
    /// Nobody from it is on the latest meeting's list any more: shown as
    /// having left, never warned about.
    pub left: bool,
}

impl Organisation {
    pub fn attended(&self) -> usize {
        self.cells.iter().filter(|c| c.attended()).count()
    }

    /// Meetings held since it first appeared on a list.
    pub fn since_joining(&self) -> usize {
        let first = self.cells.iter().position(|c| *c != Cell::NotListed);
        first.map_or(0, |f| self.cells.len() - f)
    }

    pub fn contributions(&self) -> u32 {
        self.cells.iter().map(|c| c.contributions()).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Nobody from the organisation came to either of the last two meetings.
    Missed(String),
    /// It came to its last two meetings but was not marked as speaking at
    /// either.
    Quiet(String),
}

impl Warning {
    /// Plain words, for the screen, the pack and the command line.
    pub fn words(&self) -> String {
        match self {
            Warning::Missed(org) => format!("{org} has missed the last two sessions in a row."),
            Warning::Quiet(org) => format!("{org} came but did not speak at its last two sessions."),
        }
    }

    pub fn organisation(&self) -> &str {
        match self {
            Warning::Missed(org) | Warning::Quiet(org) => org,
        }
    }
}

/// A partnership's attendance and contributions, meeting by meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Engagement {
    pub meetings: Vec<Held>,
    /// Organisations still in the partnership by name, then those that left.
    pub organisations: Vec<Organisation>,
    pub warnings: Vec<Warning>,
}

impl Engagement {
    /// The engagement of `series` as of `today`: meetings dated after it
    /// are planned, not held, and left out.
    pub fn of(history: &History, series: &Series, today: NaiveDate) -> Engagement {
        let sessions: Vec<(usize, &Session)> = series
            .sessions
            .iter()
            .filter_map(|&i| Some((i, history.session(i)?)))
            .filter(|(_, s)| s.date <= today)
            .collect();
        let meetings = sessions
            .iter()
            .map(|(i, s)| Held {
                session: *i,
                date: s.date,
                title: s.title.trim().to_string(),
                counted: s.participants.iter().any(|p| p.contributions > 0),
            })
            .collect::<Vec<_>>();
        // Organisations by their comparable name, spelt as last listed.
        let mut rows: BTreeMap<String, Organisation> = BTreeMap::new();
        for (col, (_, s)) in sessions.iter().enumerate() {
            for p in &s.participants {
                let name = p.organisation.trim();
                if name.is_empty() {
                    continue;
                }
                let row = rows.entry(comparable(name)).or_insert_with(|| Organisation {
                    name: String::new(),
                    cells: vec![Cell::NotListed; sessions.len()],
                    left: false,
                });
                row.name = name.to_string();
                let cell = &mut row.cells[col];
                *cell = match (*cell, p.attendance == Attendance::Present) {
                    (
                        Cell::Present {
                            people,
                            contributions,
                        },
                        true,
                    ) => Cell::Present {
                        people: people + 1,
                        contributions: contributions + p.contributions,
                    },
                    (Cell::Present { .. }, false) => *cell,
                    (_, true) => Cell::Present {
                        people: 1,
                        contributions: p.contributions,
                    },
                    (_, false) => Cell::Away,
                };
            }
        }
        let mut organisations: Vec<Organisation> = rows
            .into_values()
            .map(|mut o| {
                o.left = o.cells.last().is_some_and(|c| *c == Cell::NotListed);
                o
            })
            .collect();
        organisations.sort_by_cached_key(|o| (o.left, o.name.to_lowercase()));
        let warnings = organisations
            .iter()
            .filter(|o| !o.left)
            .filter_map(|o| warning(o, &meetings))
            .collect();
        Engagement {
            meetings,
            organisations,
            warnings,
        }
    }
}

/// Missed the last two meetings (both after it joined), or else present but
/// silent at the last two it came to where contributions were counted.
fn warning(org: &Organisation, meetings: &[Held]) -> Option<Warning> {
    if org.since_joining() >= 2 && org.cells.iter().rev().take(2).all(|c| !c.attended()) {
        return Some(Warning::Missed(org.name.clone()));
    }
    let came: Vec<(Cell, &Held)> = org
        .cells
        .iter()
        .zip(meetings)
        .filter(|(c, _)| c.attended())
        .map(|(c, m)| (*c, m))
        .collect();
    let last_two = came.iter().rev().take(2);
    let silent = came.len() >= 2 && last_two.clone().all(|(c, m)| m.counted && c.contributions() == 0);
    silent.then(|| Warning::Quiet(org.name.clone()))
}

#[cfg(test)]
#[path = "engagement_tests.rs"]
mod tests;
