//! What runs through every step: decisions, actions and the parking lot.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Step, Text};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Decision {
    pub text: String,
    /// The step it was taken in, if any.
    pub step: Option<Step>,
    pub method: DecisionMethod,
    /// Dissent recorded honestly, in the words of those who disagreed.
    pub dissent: String,
    /// When the partnership means to look at it again; from then on later
    /// sessions list it as due for review (see `review.rs`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::day::option"
    )]
    pub review_date: Option<NaiveDate>,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DecisionMethod {
    #[default]
    Consensus,
    Consent,
    Vote,
}

impl DecisionMethod {
    pub const ALL: [DecisionMethod; 3] = [
        DecisionMethod::Consensus,
        DecisionMethod::Consent,
        DecisionMethod::Vote,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DecisionMethod::Consensus => "Consensus",
            DecisionMethod::Consent => "Consent",
            DecisionMethod::Vote => "Vote",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionItem {
    /// Stable across sessions, so follow-ups can carry an action over.
    pub id: Text,
    pub text: Text,
    /// A participant's name where possible; may be an organisation or group.
    pub owner: Text,
    #[serde(deserialize_with = "super::day::option")]
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// The step it was agreed in, if any (quick capture fills it in). Left
    /// out of the file when unknown, so older files keep their bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<Step>,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

impl ActionItem {
    /// Still open after its due date, as of `day` (today, or a meeting's date).
    pub fn is_overdue(&self, day: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// An important point that does not belong to the current step.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ParkedItem {
    pub text: String,
    pub raised_by: String,
    pub step: Option<Step>,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}
