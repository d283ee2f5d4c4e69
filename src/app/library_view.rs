//! The list as the home screen shows it, and what its first frame is
//! drawn from: the first screenful, remembered in the cache's head.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::order;
use crate::app::timeline::{self, Group};
use crate::domain::Card;
use crate::storage::{Cache, Listed, Stamp};

/// The list as the home screen shows it.
#[derive(Clone, Default)]
pub struct View {
    /// Sessions newest first, then unreadable files.
    pub(super) listed: Arc<Vec<Listed>>,
    pub(super) groups: Arc<Vec<Group>>,
}

impl View {
    /// Sorts and groups `listed`, leaving out the messages of problems
    /// (only `list --json` prints them; their counts stay).
    pub(super) fn of(mut listed: Vec<Listed>) -> View {
        for file in &mut listed {
            *file = file.without_messages();
        }
        listed.sort_by(order);
        View {
            groups: Arc::new(timeline::groups(&listed)),
            listed: Arc::new(listed),
        }
    }
}

/// Rows remembered for the first frame: more than the tallest screen shows.
pub(super) const PREVIEW_ROWS: usize = 200;

/// What the first frame is drawn from: the first rows of the grouped list
/// and every group, with how many sessions each holds.
#[derive(Serialize, Deserialize)]
struct Preview {
    cards: Vec<(String, Stamp, Card)>,
    groups: Vec<Group>,
}

/// The first frame's rows of `listed` (in any order) and every group,
/// encoded for the cache.
pub fn preview(listed: &[Listed]) -> Vec<u8> {
    let mut sorted = listed.to_vec();
    sorted.sort_by(order);
    preview_of(&sorted, &timeline::groups(&sorted))
}

pub(super) fn preview_of(listed: &[Listed], groups: &[Group]) -> Vec<u8> {
    // The rows drawn first, in the grouped order; unreadable files are
    // left to the check (their group still counts them).
    let mut shown = vec![false; listed.len()];
    let rows = groups.iter().flat_map(|g| g.entries.iter().copied());
    let remembered = |i: &usize| {
        listed
            .get(*i)
            .is_some_and(|l| l.card.is_ok() && l.stamp.is_some())
    };
    for i in rows.filter(remembered).take(PREVIEW_ROWS) {
        shown[i] = true;
    }
    let mut at = vec![usize::MAX; listed.len()];
    let mut cards = Vec::new();
    for (i, l) in listed.iter().enumerate().filter(|(i, _)| shown[*i]) {
        if let (Ok(card), Some(stamp)) = (&l.card, l.stamp) {
            at[i] = cards.len();
            cards.push((l.file_name(), stamp, Card::clone(card)));
        }
    }
    let groups = groups
        .iter()
        .map(|g| Group {
            entries: g
                .entries
                .iter()
                .map(|&i| at[i])
                .filter(|&i| i != usize::MAX)
                .collect(),
            ..g.clone()
        })
        .collect();
    postcard::to_stdvec(&Preview { cards, groups }).unwrap_or_default()
}

/// The view remembered for the first frame of the archive in `dir`.
pub(super) fn remembered_view(dir: &Path, cache: Option<&Cache>) -> Option<View> {
    let preview: Preview = postcard::from_bytes(&cache?.preview()?).ok()?;
    let listed: Vec<Listed> = preview
        .cards
        .into_iter()
        .map(|(name, stamp, card)| Listed {
            path: dir.join(name),
            stamp: Some(stamp),
            card: Ok(Arc::new(card)),
        })
        .collect();
    // Indices from a damaged cache would point nowhere: then draw nothing.
    let fits = preview
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .all(|&i| i < listed.len());
    fits.then(|| View {
        listed: Arc::new(listed),
        groups: Arc::new(preview.groups),
    })
}
