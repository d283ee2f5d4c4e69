//! Actions across sessions: each action once, as its latest copy says.

use chrono::NaiveDate;
use foldhash::HashMap;

use super::History;
use crate::domain::{ActionItem, ActionStatus};

/// One action as it stands now. A follow-up session's copy supersedes the
/// earlier ones, so `session` and `item` say where to write a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionRecord<'a> {
    pub action: &'a ActionItem,
    /// The session holding the latest copy (an index into the history).
    pub session: usize,
    /// Its position in that session's `actions`.
    pub item: usize,
    /// The session where the action first appears.
    pub first_session: usize,
    /// The partnership, as the session holding the latest copy names it.
    pub partnership: &'a str,
}

impl ActionRecord<'_> {
    /// Still open after its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.action.is_overdue(today)
    }
}

/// Which actions to show; the default shows all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    /// Part of the partnership's name, ignoring case.
    pub partnership: Option<String>,
    /// Part of the owner's name, ignoring case.
    pub owner: Option<String>,
    pub status: Option<ActionStatus>,
    /// Only actions still open after their due date.
    pub overdue: bool,
}

impl ActionFilter {
    pub fn matches(&self, record: &ActionRecord, today: NaiveDate) -> bool {
        self.matcher(today)(record)
    }

    /// [`ActionFilter::matches`] for many records: the filter's words are
    /// lowercased once, not once for each record.
    pub fn matcher(&self, today: NaiveDate) -> impl Fn(&ActionRecord) -> bool + '_ {
        let lower = |part: &Option<String>| part.as_ref().map(|p| p.trim().to_lowercase());
        let (partnership, owner) = (lower(&self.partnership), lower(&self.owner));
        move |record| {
            let contains = |text: &str, part: &Option<String>| {
                part.as_ref()
                    .is_none_or(|p| text.to_lowercase().contains(p.as_str()))
            };
            contains(record.partnership, &partnership)
                && contains(&record.action.owner, &owner)
                && self.status.is_none_or(|s| record.action.status == s)
                && (!self.overdue || record.is_overdue(today))
        }
    }
}

impl<'a> History<'a> {
    /// Every action once, in its latest state, series by series and in the
    /// order first recorded. Actions without an id cannot be followed
    /// between sessions, so each copy stands alone.
    pub fn actions(&self) -> Vec<ActionRecord<'a>> {
        let mut out: Vec<ActionRecord<'a>> = Vec::new();
        for series in self.series() {
            let mut seen: HashMap<&str, usize> = HashMap::default();
            for &index in &series.sessions {
                let session = self.sessions[index];
                for (item, action) in session.actions.iter().enumerate() {
                    let id = action.id.trim();
                    match seen.get(id).filter(|_| !id.is_empty()) {
                        Some(&at) => {
                            out[at].action = action;
                            out[at].session = index;
                            out[at].item = item;
                            out[at].partnership = session.partnership.trim();
                        }
                        None => {
                            seen.insert(id, out.len());
                            out.push(ActionRecord {
                                action,
                                session: index,
                                item,
                                first_session: index,
                                partnership: session.partnership.trim(),
                            });
                        }
                    }
                }
            }
        }
        out
    }

    /// The actions `filter` lets through, soonest due first (undated last).
    pub fn actions_matching(&self, filter: &ActionFilter, today: NaiveDate) -> Vec<ActionRecord<'a>> {
        let found: Vec<ActionRecord<'a>> = self.actions().into_iter().filter(filter.matcher(today)).collect();
        listing_order(&found).into_iter().map(|k| found[k]).collect()
    }

    /// The latest copy of the action with this id. `Err` holds every
    /// partnership that has one when the id is used in more than one (or is
    /// empty when none has it).
    pub fn find_action(&self, id: &str) -> Result<ActionRecord<'a>, Vec<String>> {
        let id = id.trim();
        let found: Vec<ActionRecord<'a>> = self
            .actions()
            .into_iter()
            .filter(|r| !id.is_empty() && r.action.id == id)
            .collect();
        match found.as_slice() {
            [one] => Ok(*one),
            many => Err(many.iter().map(|r| r.partnership.to_string()).collect()),
        }
    }
}

/// The order actions are listed in, as indices into `records`: soonest due
/// first (undated last), then by partnership ignoring case, then as given.
/// Each partnership's name is lowercased once, not once for each action.
pub(super) fn listing_order(records: &[ActionRecord]) -> Vec<usize> {
    let mut names: HashMap<&str, usize> = HashMap::default();
    let mut lower: Vec<String> = Vec::new();
    let name_of: Vec<usize> = records
        .iter()
        .map(|r| {
            *names.entry(r.partnership).or_insert_with(|| {
                lower.push(r.partnership.to_lowercase());
                lower.len() - 1
            })
        })
        .collect();
    // Each name's place among the lowercased names (equal ones share it).
    let mut by_name: Vec<usize> = (0..lower.len()).collect();
    by_name.sort_by(|&a, &b| lower[a].cmp(&lower[b]));
    let mut place = vec![0; lower.len()];
    for pair in by_name.windows(2) {
        let step = usize::from(lower[pair[0]] != lower[pair[1]]);
        place[pair[1]] = place[pair[0]] + step;
    }
    let mut order: Vec<usize> = (0..records.len()).collect();
    // Stable: equal keys stay in the order given.
    order.sort_by_key(|&k| {
        let due = records[k].action.due;
        (due.is_none(), due, place[name_of[k]])
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::tests::meeting;
    use crate::domain::{ActionChange, Session};

    fn action(id: &str, owner: &str, due: Option<(u32, u32)>, status: ActionStatus) -> ActionItem {
        ActionItem {
            id: id.into(),
            text: format!("Do {id}").into(),
            owner: owner.into(),
            due: due.and_then(|(m, d)| NaiveDate::from_ymd_opt(2026, m, d)),
            status,
            step: None,
            ..Default::default()
        }
    }

    fn archive() -> Vec<Session> {
        let mut sept = meeting("Sept", "Level Ground", 9, 16);
        sept.actions = vec![
            action("a-1", "Priti Shah", Some((9, 30)), ActionStatus::Open),
            action("a-2", "Amira Haddad", Some((8, 28)), ActionStatus::Done),
            action("", "Nobody", None, ActionStatus::Open),
        ];
        let now = sept.created;
        let date = NaiveDate::from_ymd_opt(2026, 11, 11).unwrap();
        let mut nov = sept.follow_up("Nov", date, now);
        nov.change_action("a-1", &ActionChange::done(), now).unwrap();
        nov.actions.push(action(
            "a-3",
            "Amira Haddad",
            Some((12, 4)),
            ActionStatus::InProgress,
        ));
        let mut other = meeting("Other", "Brindley Vale", 10, 8);
        other
            .actions
            .push(action("b-1", "Jo", Some((10, 1)), ActionStatus::Open));
        // Newest first, as the archive lists them.
        vec![nov, other, sept]
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn a_follow_up_copy_supersedes_the_earlier_one() {
        let sessions = archive();
        let h = History::new(&sessions);
        let all = h.actions();
        let a1 = all.iter().find(|r| r.action.id == "a-1").unwrap();
        assert_eq!((a1.session, a1.item, a1.first_session), (0, 0, 2));
        assert_eq!(a1.action.status, ActionStatus::Done);
        assert_eq!(all.iter().filter(|r| r.action.id == "a-1").count(), 1);
        let a2 = all.iter().find(|r| r.action.id == "a-2").unwrap();
        assert_eq!(
            (a2.session, a2.action.status),
            (2, ActionStatus::Done),
            "done actions stay where they were"
        );
        assert_eq!(all.len(), 6, "the id-less action is carried and counted twice");
    }

    #[test]
    fn filters_combine_and_results_sort_by_due_date() {
        let sessions = archive();
        let h = History::new(&sessions);
        let ids = |f: &ActionFilter| -> Vec<String> {
            h.actions_matching(f, today())
                .iter()
                .map(|r| r.action.id.to_string())
                .collect()
        };
        assert_eq!(
            ids(&ActionFilter::default()),
            ["a-2", "a-1", "b-1", "a-3", "", ""]
        );
        let amira = ActionFilter {
            owner: Some(" amira ".into()),
            ..Default::default()
        };
        assert_eq!(ids(&amira), ["a-2", "a-3"]);
        let open_level_ground = ActionFilter {
            partnership: Some("LEVEL".into()),
            status: Some(ActionStatus::InProgress),
            ..Default::default()
        };
        assert_eq!(ids(&open_level_ground), ["a-3"]);
    }

    #[test]
    fn overdue_means_open_and_past_its_date() {
        let sessions = archive();
        let h = History::new(&sessions);
        let overdue = ActionFilter {
            overdue: true,
            ..Default::default()
        };
        let found: Vec<&str> = h
            .actions_matching(&overdue, today())
            .iter()
            .map(|r| r.action.id.as_str())
            .collect();
        assert_eq!(found, ["b-1"]);
        let due_today = h.find_action("a-3").unwrap();
        assert!(!due_today.is_overdue(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()));
        assert!(due_today.is_overdue(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()));
    }

    #[test]
    fn finding_an_action_by_id() {
        let sessions = archive();
        let h = History::new(&sessions);
        assert_eq!(h.find_action(" a-1 ").map(|r| r.session), Ok(0));
        assert_eq!(h.find_action("a-9"), Err(vec![]));
        assert_eq!(h.find_action(""), Err(vec![]));
        let mut twice = archive();
        twice[1].actions[0].id = "a-1".into();
        let h = History::new(&twice);
        assert_eq!(
            h.find_action("a-1"),
            Err(vec!["Brindley Vale".to_string(), "Level Ground".to_string()])
        );
    }
}
