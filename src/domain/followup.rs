//! Between sessions: starting the next meeting from the last one, and
//! following up an action (marking it done, changing who or when).

use chrono::{DateTime, NaiveDate, Utc};

use super::{ActionStatus, Attendance, Goal, Session, SessionStatus, Vision};

impl Session {
    /// The next meeting of this partnership, ready to be prepared: the same
    /// people (all expected, nobody has spoken yet), the agreed vision and
    /// goals, the open actions with their ids and status, the activities and
    /// their measures with the same ids, and the parking lot.
    ///
    /// Readings, notes, decisions, roles, the awareness plan and the meeting's
    /// plan and clock belong to the meeting they were recorded in and start
    /// empty (the app gives the new meeting the follow-up plan); earlier readings stay
    /// visible through [`super::History`], which follows measures by id.
    pub fn follow_up(&self, title: &str, date: NaiveDate, now: DateTime<Utc>) -> Session {
        let mut next = Session::new(title, &self.partnership, date, now);
        next.start_time = self.start_time;
        next.location = self.location.clone();
        next.facilitator = self.facilitator.clone();
        next.status = SessionStatus::Draft;
        next.previous = self.id.clone();
        // The people are the same, and so is what they agreed to be shown.
        next.shown_in_minutes = self.shown_in_minutes;
        // Who may read the vision and the participation summary carries on.
        next.shown_to.vision = self.shown_to.vision;
        next.shown_to.participation = self.shown_to.participation;
        next.participants = self
            .participants
            .iter()
            .map(|p| {
                let mut p = p.clone();
                p.attendance = Attendance::Present;
                p.contributions = 0;
                p
            })
            .collect();
        next.goals = self
            .goals
            .iter()
            .filter(|g| g.agreed)
            .cloned()
            .collect::<Vec<Goal>>();
        next.vision = Vision {
            final_wording: self.vision.final_wording.clone(),
            ..Vision::default()
        };
        next.activities = self.activities.clone();
        next.actions = self.open_actions().cloned().collect();
        next.parking_lot = self.parking_lot.clone();
        next
    }

    /// Applies `change` to the action with this id and marks the session
    /// changed. Returns what the action looked like before, or an error a
    /// person can read when no action has that id.
    pub fn change_action(
        &mut self,
        id: &str,
        change: &ActionChange,
        now: DateTime<Utc>,
    ) -> Result<super::ActionItem, String> {
        let id = id.trim();
        let Some(action) = self.actions.iter_mut().find(|a| !id.is_empty() && a.id == id) else {
            return Err(format!("there is no action \"{id}\" in \"{}\"", self.title));
        };
        let before = action.clone();
        if let Some(status) = change.status {
            action.status = status;
        }
        if let Some(owner) = &change.owner {
            action.owner = owner.trim().into();
        }
        if let Some(due) = change.due {
            action.due = due;
        }
        if *action != before {
            self.touch(now);
        }
        Ok(before)
    }
}

/// What to change about an action; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionChange {
    pub status: Option<ActionStatus>,
    pub owner: Option<String>,
    /// `Some(None)` clears the due date.
    pub due: Option<Option<NaiveDate>>,
}

impl ActionChange {
    /// The change that marks an action done.
    pub fn done() -> ActionChange {
        ActionChange {
            status: Some(ActionStatus::Done),
            ..ActionChange::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == ActionChange::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        ActionItem, Activity, Consent, Decision, Measure, ParkedItem, Participant, Reading, Step, VisionDraft,
    };

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn action(id: &str, status: ActionStatus) -> ActionItem {
        ActionItem {
            id: id.into(),
            text: format!("do {id}").into(),
            owner: "Ann".into(),
            due: Some(day(10, 1)),
            status,
            step: None,
            ..Default::default()
        }
    }

    fn september() -> Session {
        let mut s = Session::new("September review", "Level Ground", day(9, 16), at(1_780_000_000));
        s.status = SessionStatus::Final;
        s.location = "Library".into();
        s.participants.push(Participant {
            name: "Ann".into(),
            attendance: Attendance::Apologies,
            contributions: 7,
            ..Default::default()
        });
        s.goals.push(Goal {
            text: "Agreed goal".into(),
            agreed: true,
            support: 4,
            ..Default::default()
        });
        s.goals.push(Goal {
            text: "Only proposed".into(),
            ..Default::default()
        });
        s.vision.final_wording = "Nobody harmed alone.".into();
        s.vision.drafts.push(VisionDraft {
            text: "Draft".into(),
            ..Default::default()
        });
        s.vision.consent.push(Consent::default());
        s.activities.push(Activity {
            title: "Screening".into(),
            measures: vec![Measure {
                id: "m-1".into(),
                indicator: "Clients asked".into(),
                baseline: "12%".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        s.review.readings.push(Reading {
            measure_id: "m-1".into(),
            value: "38%".into(),
            ..Default::default()
        });
        s.set_note(Step::Goals, "Long talk".into());
        s.decisions.push(Decision::default());
        s.actions = vec![
            action("a-open", ActionStatus::Open),
            action("a-done", ActionStatus::Done),
            action("a-going", ActionStatus::InProgress),
            action("a-dropped", ActionStatus::Dropped),
        ];
        s.parking_lot.push(ParkedItem {
            text: "Adverts".into(),
            ..Default::default()
        });
        s
    }

    #[test]
    fn a_follow_up_carries_what_lasts_and_starts_the_rest_afresh() {
        let mut sept = september();
        sept.shown_in_minutes.lived_experience = true;
        sept.plan = super::super::Plan::parse("opening 10\ngoals 20\n").unwrap_or_default();
        sept.plan.slots[0].spent = 600;
        let next = sept.follow_up("November review", day(11, 11), at(1_790_000_000));
        assert_eq!(next.id, "2026-11-11-november-review");
        assert!(next.shown_in_minutes.lived_experience, "the choice carries over");
        assert_eq!(next.previous, sept.id);
        assert_eq!(
            (next.status, next.partnership.as_str()),
            (SessionStatus::Draft, "Level Ground")
        );
        assert_eq!(next.location, "Library");
        let ann = &next.participants[0];
        assert_eq!(
            (ann.name.as_str(), ann.attendance, ann.contributions),
            ("Ann", Attendance::Present, 0)
        );
        assert_eq!(next.goals.len(), 1);
        assert_eq!(next.goals[0].support, 4);
        assert_eq!(next.vision.final_wording, "Nobody harmed alone.");
        assert!(next.vision.drafts.is_empty() && next.vision.consent.is_empty());
        assert_eq!(next.activities, sept.activities);
        let ids: Vec<(&str, ActionStatus)> = next.actions.iter().map(|a| (a.id.as_str(), a.status)).collect();
        assert_eq!(
            ids,
            [
                ("a-open", ActionStatus::Open),
                ("a-going", ActionStatus::InProgress)
            ]
        );
        assert_eq!(next.parking_lot, sept.parking_lot);
        assert!(next.review.readings.is_empty() && next.notes.is_empty() && next.decisions.is_empty());
        assert!(
            next.plan.is_empty(),
            "time spent belongs to the meeting it was spent in"
        );
        assert_eq!(
            (next.created, next.updated),
            (at(1_790_000_000), at(1_790_000_000))
        );
        assert!(next.validate().is_empty(), "{:?}", next.validate());
    }

    #[test]
    fn measures_keep_their_ids_so_a_renamed_indicator_is_the_same_measure() {
        let sept = september();
        let mut next = sept.follow_up("November review", day(11, 11), at(1_790_000_000));
        next.activities[0].measures[0].indicator = "New clients asked both questions".into();
        assert_eq!(next.activities[0].measures[0].id, "m-1");
        assert_eq!(next.item_ids(), ["m-1", "a-open", "a-going"]);
    }

    #[test]
    fn changing_an_action_touches_only_when_something_changes() {
        let mut s = september();
        let before = s
            .change_action("a-open", &ActionChange::done(), at(1_795_000_000))
            .unwrap();
        assert_eq!(before.status, ActionStatus::Open);
        assert_eq!(s.actions[0].status, ActionStatus::Done);
        assert_eq!(s.updated, at(1_795_000_000));
        s.change_action("a-open", &ActionChange::done(), at(1_799_000_000))
            .unwrap();
        assert_eq!(s.updated, at(1_795_000_000), "no change, no new timestamp");
        let change = ActionChange {
            owner: Some(" Bo ".into()),
            due: Some(None),
            ..Default::default()
        };
        s.change_action("a-going", &change, at(1_796_000_000)).unwrap();
        assert_eq!((s.actions[2].owner.as_str(), s.actions[2].due), ("Bo", None));
        let err = s.change_action("a-nope", &change, at(1)).unwrap_err();
        assert_eq!(err, "there is no action \"a-nope\" in \"September review\"");
        assert!(s.change_action("", &change, at(1)).is_err());
    }
}
