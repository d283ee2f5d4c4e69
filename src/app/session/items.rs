//! Generic operations on the lists of a session: count, insert, remove and
//! move, whatever the item type.

use chrono::{DateTime, Utc};

use super::section::ListKind;
use crate::domain::{Session, new_item_id};

/// A list in a particular session: `parent` is the selected activity, which
/// owns the measures shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListRef {
    pub kind: ListKind,
    pub parent: usize,
}

/// Runs `$body` with `$v` bound to the list's vector, or evaluates `$none`
/// for fixed lists and measures without an activity.
macro_rules! with_vec {
    ($s:expr, $l:expr, $v:ident => $body:expr, $none:expr) => {
        match $l.kind {
            ListKind::Goals => {
                let $v = &mut $s.goals;
                $body
            }
            ListKind::Drafts => {
                let $v = &mut $s.vision.drafts;
                $body
            }
            ListKind::Consent => {
                let $v = &mut $s.vision.consent;
                $body
            }
            ListKind::Activities => {
                let $v = &mut $s.activities;
                $body
            }
            ListKind::Measures => match $s.activities.get_mut($l.parent) {
                Some(activity) => {
                    let $v = &mut activity.measures;
                    $body
                }
                None => $none,
            },
            ListKind::Workstreams => {
                let $v = &mut $s.roles.workstreams;
                $body
            }
            ListKind::Commitments => {
                let $v = &mut $s.roles.commitments;
                $body
            }
            ListKind::Awareness => {
                let $v = &mut $s.awareness;
                $body
            }
            ListKind::Readings => {
                let $v = &mut $s.review.readings;
                $body
            }
            ListKind::Learnings => {
                let $v = &mut $s.review.learnings;
                $body
            }
            ListKind::NextSteps => {
                let $v = &mut $s.review.next_steps;
                $body
            }
            ListKind::Participants => {
                let $v = &mut $s.participants;
                $body
            }
            ListKind::Decisions => {
                let $v = &mut $s.decisions;
                $body
            }
            ListKind::Actions => {
                let $v = &mut $s.actions;
                $body
            }
            ListKind::Parked => {
                let $v = &mut $s.parking_lot;
                $body
            }
            ListKind::FinalWording | ListKind::Governance => $none,
        }
    };
}

/// How many rows the list shows.
pub fn len(s: &Session, l: ListRef) -> usize {
    match l.kind {
        ListKind::Goals => s.goals.len(),
        ListKind::Drafts => s.vision.drafts.len(),
        ListKind::FinalWording => 1,
        ListKind::Consent => s.vision.consent.len(),
        ListKind::Activities => s.activities.len(),
        ListKind::Measures => s.activities.get(l.parent).map_or(0, |a| a.measures.len()),
        ListKind::Workstreams => s.roles.workstreams.len(),
        ListKind::Commitments => s.roles.commitments.len(),
        ListKind::Governance => 2,
        ListKind::Awareness => s.awareness.len(),
        ListKind::Readings => s.review.readings.len(),
        ListKind::Learnings => s.review.learnings.len(),
        ListKind::NextSteps => s.review.next_steps.len(),
        ListKind::Participants => s.participants.len(),
        ListKind::Decisions => s.decisions.len(),
        ListKind::Actions => s.actions.len(),
        ListKind::Parked => s.parking_lot.len(),
    }
}

/// Inserts an empty item at `at` (clamped), giving measures and actions a
/// fresh stable id. False when the list cannot take new items.
pub fn insert_blank(s: &mut Session, l: ListRef, at: usize, now: DateTime<Utc>) -> bool {
    let id = match l.kind {
        ListKind::Measures => new_item_id("m", now, &s.item_ids()),
        ListKind::Actions => new_item_id("a", now, &s.item_ids()),
        _ => String::new(),
    };
    let inserted = with_vec!(s, l, v => {
        v.insert(at.min(v.len()), Default::default());
        true
    }, false);
    if inserted {
        let at = at.min(len(s, l).saturating_sub(1));
        match l.kind {
            ListKind::Measures => {
                if let Some(m) = s
                    .activities
                    .get_mut(l.parent)
                    .and_then(|a| a.measures.get_mut(at))
                {
                    m.id = id.into();
                }
            }
            ListKind::Actions => {
                if let Some(a) = s.actions.get_mut(at) {
                    a.id = id.into();
                }
            }
            _ => {}
        }
    }
    inserted
}

/// Removes the item at `index`; false when there is none to remove.
pub fn remove(s: &mut Session, l: ListRef, index: usize) -> bool {
    with_vec!(s, l, v => {
        if index < v.len() {
            v.remove(index);
            true
        } else {
            false
        }
    }, false)
}

/// Swaps two items; false when either is out of range.
pub fn swap(s: &mut Session, l: ListRef, a: usize, b: usize) -> bool {
    with_vec!(s, l, v => {
        if a < v.len() && b < v.len() && a != b {
            v.swap(a, b);
            true
        } else {
            false
        }
    }, false)
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::domain::Activity;

    fn session() -> Session {
        Session::for_tests("T", "P", "2026-01-01")
    }

    #[test]
    fn measures_get_ids_and_need_an_activity() {
        let mut s = session();
        let now = s.created;
        let measures = ListRef {
            kind: ListKind::Measures,
            parent: 0,
        };
        assert!(!insert_blank(&mut s, measures, 0, now));
        s.activities.push(Activity::default());
        assert!(insert_blank(&mut s, measures, 0, now));
        assert!(insert_blank(&mut s, measures, 9, now));
        let ids: Vec<&str> = s.item_ids();
        assert_eq!(ids.len(), 2);
        assert!(ids[0].starts_with("m-") && ids[0] != ids[1]);
    }

    #[test]
    fn fixed_lists_refuse_changes() {
        let mut s = session();
        let fixed = ListRef {
            kind: ListKind::Governance,
            parent: 0,
        };
        assert_eq!(len(&s, fixed), 2);
        let now = s.created;
        assert!(!insert_blank(&mut s, fixed, 0, now));
        assert!(!remove(&mut s, fixed, 0));
    }
}
