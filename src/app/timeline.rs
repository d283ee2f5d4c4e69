//! The home screen's timeline: the archive's sessions grouped by
//! partnership, the partnership met most recently first, each group's
//! sessions newest first. Files that could not be read get a group of their
//! own at the end, so they are never hidden.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{Card, Shape};
use crate::storage::Listed;

/// One partnership (or the unreadable files) and its sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The partnership's name, or a description for the special groups.
    pub name: String,
    /// Indices into the home screen's entries, newest session first.
    pub entries: Vec<usize>,
    /// The group of files that could not be read.
    pub unreadable: bool,
    /// How many files the group holds, and when its sessions met, first
    /// and last: also when `entries` holds only those drawn first (the
    /// remembered first screenful of a large archive).
    pub files: usize,
    pub dates: Option<(NaiveDate, NaiveDate)>,
}

/// Shown for sessions that name no partnership.
pub const NO_PARTNERSHIP: &str = "Sessions with no partnership";
pub const UNREADABLE: &str = "Unreadable files";

/// The files as groups; `listed` in any order.
pub fn groups(listed: &[Listed]) -> Vec<Group> {
    let readable: Vec<(usize, &Card)> = listed
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.card.as_deref().ok().map(|c| (i, c)))
        .collect();
    let cards: Vec<&Card> = readable.iter().map(|(_, c)| *c).collect();
    let shape = Shape::of(&cards);
    let mut groups: Vec<Group> = shape
        .series()
        .iter()
        .map(|series| Group {
            name: if series.name.is_empty() {
                NO_PARTNERSHIP.to_string()
            } else {
                series.name.clone()
            },
            entries: series.sessions.iter().rev().map(|&i| readable[i].0).collect(),
            unreadable: false,
            files: 0,
            dates: None,
        })
        .collect();
    let date = |i: usize| listed[i].card.as_ref().ok().map(|c| c.date);
    for group in &mut groups {
        group.files = group.entries.len();
        let last = group.entries.first().and_then(|&i| date(i));
        let first = group.entries.last().and_then(|&i| date(i));
        group.dates = first.zip(last);
    }
    // The partnership that met (or meets) latest first.
    groups.sort_by_cached_key(|g| (std::cmp::Reverse(g.dates.map(|(_, last)| last)), g.name.clone()));
    let broken: Vec<usize> = (0..listed.len()).filter(|&i| listed[i].card.is_err()).collect();
    if !broken.is_empty() {
        groups.push(Group {
            name: UNREADABLE.to_string(),
            files: broken.len(),
            entries: broken,
            unreadable: true,
            dates: None,
        });
    }
    groups
}

/// The group holding entry `index`.
pub fn group_of(groups: &[Group], index: usize) -> Option<&Group> {
    groups.iter().find(|g| g.entries.contains(&index))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::storage::StorageError;

    fn entry(title: &str, partnership: &str, month: u32) -> Listed {
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap_or_default();
        let date = NaiveDate::from_ymd_opt(2026, month, 1).unwrap_or_default();
        let session = crate::domain::Session::new(title, partnership, date, now);
        Listed::saved(PathBuf::from(format!("{title}.ron")), &session)
    }

    #[test]
    fn partnerships_met_latest_come_first_and_broken_files_last() {
        let broken = Listed {
            path: PathBuf::from("broken.ron"),
            stamp: None,
            card: Err(std::sync::Arc::new(StorageError::io(
                "read",
                std::path::Path::new("broken.ron"),
                std::io::Error::other("bad"),
            ))),
        };
        let entries = vec![
            entry("A1", "Alpha", 3),
            broken,
            entry("B1", "Beta", 9),
            entry("A2", "Alpha", 5),
            entry("Lone", "", 1),
        ];
        let found: Vec<(String, Vec<usize>)> = groups(&entries)
            .into_iter()
            .map(|g| (g.name, g.entries))
            .collect();
        assert_eq!(
            found,
            [
                ("Beta".to_string(), vec![2]),
                ("Alpha".to_string(), vec![3, 0]),
                (NO_PARTNERSHIP.to_string(), vec![4]),
                (UNREADABLE.to_string(), vec![1]),
            ]
        );
    }
}
