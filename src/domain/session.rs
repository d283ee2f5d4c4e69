//! A session: one meeting of a partnership, and everything said in it.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    ActionItem, Activity, AwarenessItem, ConsentCheck, Decision, DotVote, GoRound, Goal, ParkedItem,
    Participant, Plan, Review, Roles, SessionShownTo, Step, Vision, slug,
};

/// The version of the session file format this build writes.
pub const FORMAT_VERSION: u32 = 4;

/// Field order here is the order in the file: keep it stable so files diff
/// well in git.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format_version: u32,
    /// Set once at creation from the date and title; never changes.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub partnership: String,
    #[serde(deserialize_with = "super::day::plain")]
    pub date: NaiveDate,
    #[serde(default, with = "super::when::hh_mm")]
    pub start_time: Option<NaiveTime>,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub facilitator: String,
    #[serde(default)]
    pub status: SessionStatus,
    /// The id of the session this one follows on from, so a partnership's
    /// meetings read as a series; empty for a first meeting.
    #[serde(default)]
    pub previous: String,
    /// What the minutes and reports may show about the people in the room.
    /// Left out of the file while it holds the private default, so files
    /// that show nothing personal stay readable by earlier versions.
    #[serde(default, skip_serializing_if = "ShownInMinutes::is_private")]
    pub shown_in_minutes: ShownInMinutes,
    /// Who may read the parts of the session that are not list items (the
    /// items carry their own `shown_to`); left out while all are partners.
    #[serde(default, skip_serializing_if = "SessionShownTo::is_default")]
    pub shown_to: SessionShownTo,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub vision: Vision,
    #[serde(default)]
    pub activities: Vec<Activity>,
    #[serde(default)]
    pub roles: Roles,
    #[serde(default)]
    pub awareness: Vec<AwarenessItem>,
    #[serde(default)]
    pub review: Review,
    /// Free notes per step, in the facilitator's words.
    #[serde(default)]
    pub notes: BTreeMap<Step, String>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Decisions of earlier sessions reviewed at this one (format 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<super::DecisionReview>,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    #[serde(default)]
    pub parking_lot: Vec<ParkedItem>,
    /// Go-rounds held, in the order they started; the last may be running.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<GoRound>,
    /// Dot votes held on the session's lists, in the order they were held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<DotVote>,
    /// Consent checks on the vision and on decisions, in the order held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consent_checks: Vec<ConsentCheck>,
    /// The time box of each part of the meeting and the time spent on it.
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub plan: Plan,
    /// Where the minutes stand: circulated, approved, amended (issue 11).
    #[serde(default, skip_serializing_if = "super::SignOff::is_empty")]
    pub minutes: super::SignOff,
    /// The partnership health check taken at this session, if any.
    #[serde(default, skip_serializing_if = "super::HealthCheck::is_empty")]
    pub health: super::HealthCheck,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

/// Personal details the minutes may show beside people's names. Each is
/// personal data, so it is shown only when the session records that the
/// people concerned agreed; a later choice of audience can build on this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ShownInMinutes {
    /// "(lived experience)" beside the names of those who bring it.
    pub lived_experience: bool,
    /// The participation summary is left out of the minutes (it is shown
    /// by default: counts only, nothing personal beyond attendance).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub leave_out_participation: bool,
}

impl ShownInMinutes {
    /// Nothing personal is shown: the default.
    pub fn is_private(&self) -> bool {
        *self == ShownInMinutes::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SessionStatus {
    #[default]
    Draft,
    InProgress,
    Final,
}

impl SessionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SessionStatus::Draft => "Draft",
            SessionStatus::InProgress => "In progress",
            SessionStatus::Final => "Final",
        }
    }
}

impl Session {
    pub fn new(title: &str, partnership: &str, date: NaiveDate, now: DateTime<Utc>) -> Session {
        Session {
            format_version: FORMAT_VERSION,
            id: format!("{date}-{}", slug(title)),
            title: title.trim().to_string(),
            partnership: partnership.trim().to_string(),
            date,
            start_time: None,
            location: String::new(),
            facilitator: String::new(),
            status: SessionStatus::Draft,
            previous: String::new(),
            shown_in_minutes: ShownInMinutes::default(),
            shown_to: SessionShownTo::default(),
            participants: Vec::new(),
            goals: Vec::new(),
            vision: Vision::default(),
            activities: Vec::new(),
            roles: Roles::default(),
            awareness: Vec::new(),
            review: Review::default(),
            notes: BTreeMap::new(),
            decisions: Vec::new(),
            reviews: Vec::new(),
            actions: Vec::new(),
            parking_lot: Vec::new(),
            rounds: Vec::new(),
            votes: Vec::new(),
            consent_checks: Vec::new(),
            plan: Plan::default(),
            minutes: super::SignOff::default(),
            health: super::HealthCheck::default(),
            created: now,
            updated: now,
        }
    }

    /// Marks the session as changed at `now`.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.updated = now;
    }

    pub fn note(&self, step: Step) -> &str {
        self.notes.get(&step).map(String::as_str).unwrap_or("")
    }

    pub fn set_note(&mut self, step: Step, text: String) {
        if text.trim().is_empty() {
            self.notes.remove(&step);
        } else {
            self.notes.insert(step, text);
        }
    }

    /// Whether a step holds anything worth putting in the minutes.
    pub fn step_has_content(&self, step: Step) -> bool {
        let has_note = !self.note(step).trim().is_empty();
        has_note
            || match step {
                Step::Goals => !self.goals.is_empty(),
                Step::Vision => {
                    !self.vision.drafts.is_empty()
                        || !self.vision.final_wording.trim().is_empty()
                        || !self.vision.consent.is_empty()
                }
                Step::Activities => !self.activities.is_empty(),
                Step::Roles => {
                    let r = &self.roles;
                    !r.workstreams.is_empty()
                        || !r.commitments.is_empty()
                        || !r.secretariat.trim().is_empty()
                        || !r.decision_making.trim().is_empty()
                }
                Step::Awareness => !self.awareness.is_empty(),
                Step::NextSteps => {
                    let r = &self.review;
                    !r.readings.is_empty() || !r.learnings.is_empty() || !r.next_steps.is_empty()
                }
            }
    }

    /// How many items a step holds, for the step navigator.
    pub fn step_item_count(&self, step: Step) -> usize {
        match step {
            Step::Goals => self.goals.len(),
            Step::Vision => self.vision.drafts.len() + self.vision.consent.len(),
            Step::Activities => self.activities.len(),
            Step::Roles => self.roles.workstreams.len() + self.roles.commitments.len(),
            Step::Awareness => self.awareness.len(),
            Step::NextSteps => {
                let r = &self.review;
                r.readings.len() + r.learnings.len() + r.next_steps.len()
            }
        }
    }

    pub fn present(&self) -> impl Iterator<Item = &Participant> {
        self.participants
            .iter()
            .filter(|p| p.attendance == super::Attendance::Present)
    }

    pub fn open_actions(&self) -> impl Iterator<Item = &ActionItem> {
        self.actions.iter().filter(|a| a.status.is_open())
    }

    /// Organisations in the order they first appear among participants.
    pub fn organisations(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for p in &self.participants {
            let org = p.organisation.trim();
            if !seen.contains(&org) {
                seen.push(org);
            }
        }
        seen
    }

    /// Every id already used by a measure or an action.
    pub fn item_ids(&self) -> Vec<&str> {
        let measures = self
            .activities
            .iter()
            .flat_map(|a| &a.measures)
            .map(|m| m.id.as_str());
        measures
            .chain(self.actions.iter().map(|a| a.id.as_str()))
            .collect()
    }

    /// Renames a participant and every place that names them as an owner,
    /// lead or proposer, so references never go stale.
    pub fn rename_participant(&mut self, old: &str, new: &str) {
        let fix = |s: &mut String| {
            if s == old {
                *s = new.to_string();
            }
        };
        self.participants.iter_mut().for_each(|p| p.name.edit(fix));
        self.goals.iter_mut().for_each(|g| fix(&mut g.proposed_by));
        self.vision
            .drafts
            .iter_mut()
            .for_each(|d| fix(&mut d.proposed_by));
        for a in &mut self.activities {
            a.lead.edit(fix);
            a.measures.iter_mut().for_each(|m| m.owner.edit(fix));
        }
        self.roles.workstreams.iter_mut().for_each(|w| fix(&mut w.lead));
        self.awareness.iter_mut().for_each(|a| fix(&mut a.owner));
        self.review.next_steps.iter_mut().for_each(|n| fix(&mut n.owner));
        self.actions.iter_mut().for_each(|a| a.owner.edit(fix));
        self.parking_lot.iter_mut().for_each(|p| fix(&mut p.raised_by));
        self.rename_in_rounds(old, new);
    }
}

#[cfg(test)]
impl Session {
    /// A fresh session on `date` (YYYY-MM-DD), created at a fixed moment so
    /// tests stay deterministic.
    pub(crate) fn for_tests(title: &str, partnership: &str, date: &str) -> Session {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        Session::new(
            title,
            partnership,
            super::parse_date(date).unwrap_or_default(),
            now,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActionStatus, Attendance};

    fn sample() -> Session {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        Session::new("  First session ", "Eastside", date, now)
    }

    #[test]
    fn what_minutes_show_is_private_by_default_and_written_only_when_chosen() {
        let mut s = sample();
        assert!(!s.shown_in_minutes.lived_experience);
        let text = ron::to_string(&s).unwrap_or_default();
        assert!(!text.contains("shown_in_minutes"), "{text}");
        s.shown_in_minutes.lived_experience = true;
        let text = ron::to_string(&s).unwrap_or_default();
        assert!(
            text.contains("shown_in_minutes:(lived_experience:true)"),
            "{text}"
        );
        let back: Session = ron::from_str(&text).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn new_session_is_an_empty_draft() {
        let s = sample();
        assert_eq!(s.title, "First session");
        assert_eq!(s.id, "2026-12-03-first-session");
        assert_eq!(s.status, SessionStatus::Draft);
        assert!(Step::ALL.iter().all(|step| !s.step_has_content(*step)));
    }

    #[test]
    fn a_note_alone_gives_a_step_content_and_blank_notes_are_dropped() {
        let mut s = sample();
        s.set_note(Step::Roles, "Secretariat to be decided".into());
        assert!(s.step_has_content(Step::Roles));
        s.set_note(Step::Roles, "   ".into());
        assert!(!s.step_has_content(Step::Roles));
        assert!(s.notes.is_empty());
    }

    #[test]
    fn renaming_a_participant_follows_every_reference() {
        let mut s = sample();
        s.participants.push(Participant {
            name: "Ann".into(),
            ..Default::default()
        });
        s.goals.push(Goal {
            text: "g".into(),
            proposed_by: "Ann".into(),
            ..Default::default()
        });
        s.actions.push(ActionItem {
            owner: "Ann".into(),
            ..Default::default()
        });
        s.actions.push(ActionItem {
            owner: "Bob".into(),
            ..Default::default()
        });
        s.rename_participant("Ann", "Anne");
        assert_eq!(s.participants[0].name, "Anne");
        assert_eq!(s.goals[0].proposed_by, "Anne");
        assert_eq!(s.actions[0].owner, "Anne");
        assert_eq!(s.actions[1].owner, "Bob");
    }

    #[test]
    fn open_actions_and_present_people() {
        let mut s = sample();
        s.actions.push(ActionItem {
            status: ActionStatus::Done,
            ..Default::default()
        });
        s.actions.push(ActionItem {
            status: ActionStatus::InProgress,
            ..Default::default()
        });
        s.participants.push(Participant {
            attendance: Attendance::Apologies,
            ..Default::default()
        });
        assert_eq!(s.open_actions().count(), 1);
        assert_eq!(s.present().count(), 0);
    }
}
