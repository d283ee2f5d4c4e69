//! What each step captures.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Step 1: a goal proposed by a partner.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    pub text: String,
    pub proposed_by: String,
    /// Votes or dots the room gave it.
    pub support: u32,
    pub agreed: bool,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

/// Step 2: drafts of the vision, the final wording and who consents.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Vision {
    pub drafts: Vec<VisionDraft>,
    /// Empty until the room settles on a wording.
    pub final_wording: String,
    pub consent: Vec<Consent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VisionDraft {
    pub text: String,
    pub proposed_by: String,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

/// One organisation's answer to the final wording.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Consent {
    pub organisation: String,
    pub level: ConsentLevel,
    /// Any concern, written down even when they agree.
    pub concern: String,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ConsentLevel {
    #[default]
    Agree,
    /// Read as a stand-aside by consent checks (`Response::from_level`).
    CanLiveWithIt,
    Block,
}

impl ConsentLevel {
    pub const ALL: [ConsentLevel; 3] = [
        ConsentLevel::Agree,
        ConsentLevel::CanLiveWithIt,
        ConsentLevel::Block,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ConsentLevel::Agree => "Agree",
            ConsentLevel::CanLiveWithIt => "Can live with it",
            ConsentLevel::Block => "Block",
        }
    }
}

/// Step 3: something the partnership will do, with how success is measured.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    pub title: super::Text,
    pub description: String,
    pub lead: super::Text,
    pub measures: Vec<Measure>,
    /// The agreed goals it serves, in their own words, for who does what.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub serves: Vec<String>,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Measure {
    /// Stable across sessions, so readings can follow a measure over months.
    pub id: super::Text,
    pub indicator: super::Text,
    /// Results-based thinking: how much, how well, is anyone better off.
    pub kind: MeasureKind,
    /// Text as the room said it ("38 a month"); numbers are read from it.
    pub baseline: super::Text,
    pub target: super::Text,
    pub source: super::Text,
    pub owner: super::Text,
    #[serde(deserialize_with = "super::day::option")]
    pub review_date: Option<NaiveDate>,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum MeasureKind {
    #[default]
    HowMuch,
    HowWell,
    BetterOff,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 3] = [MeasureKind::HowMuch, MeasureKind::HowWell, MeasureKind::BetterOff];

    pub fn label(self) -> &'static str {
        match self {
            MeasureKind::HowMuch => "How much did we do?",
            MeasureKind::HowWell => "How well did we do it?",
            MeasureKind::BetterOff => "Is anyone better off?",
        }
    }
}

/// Step 4: who leads what, who commits what, and how decisions are made.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Roles {
    pub workstreams: Vec<Workstream>,
    pub commitments: Vec<Commitment>,
    /// The organisation acting as secretariat or backbone, if agreed.
    pub secretariat: String,
    /// Who decides what, in the partnership's own words.
    pub decision_making: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Workstream {
    pub name: String,
    pub lead: String,
    pub lead_organisation: String,
    pub remit: String,
    /// The agreed goals it serves, in their own words, for who does what.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub serves: Vec<String>,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Commitment {
    pub organisation: String,
    pub kind: CommitmentKind,
    pub detail: String,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CommitmentKind {
    #[default]
    Time,
    Expertise,
    Money,
    Data,
    Venue,
    Other,
}

impl CommitmentKind {
    pub const ALL: [CommitmentKind; 6] = [
        CommitmentKind::Time,
        CommitmentKind::Expertise,
        CommitmentKind::Money,
        CommitmentKind::Data,
        CommitmentKind::Venue,
        CommitmentKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CommitmentKind::Time => "Time",
            CommitmentKind::Expertise => "Expertise",
            CommitmentKind::Money => "Money",
            CommitmentKind::Data => "Data",
            CommitmentKind::Venue => "Venue",
            CommitmentKind::Other => "Other",
        }
    }
}

/// Step 5: one line of the awareness plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AwarenessItem {
    pub audience: String,
    pub message: String,
    pub channel: String,
    /// Spokesperson or owner.
    pub owner: String,
    #[serde(deserialize_with = "super::day::option")]
    pub date: Option<NaiveDate>,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

/// Step 6: what early activities have shown and what happens next.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    pub readings: Vec<Reading>,
    pub learnings: Vec<Learning>,
    pub next_steps: Vec<NextStep>,
}

/// A reading of a measure, tied to it by the measure's id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Reading {
    pub measure_id: String,
    #[serde(deserialize_with = "super::day::option")]
    pub date: Option<NaiveDate>,
    pub value: String,
    pub note: String,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Learning {
    pub kind: LearningKind,
    pub text: String,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LearningKind {
    #[default]
    Insight,
    Story,
    Surprise,
}

impl LearningKind {
    pub const ALL: [LearningKind; 3] = [LearningKind::Insight, LearningKind::Story, LearningKind::Surprise];

    pub fn label(self) -> &'static str {
        match self {
            LearningKind::Insight => "Insight",
            LearningKind::Story => "Story",
            LearningKind::Surprise => "Surprise",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NextStep {
    pub text: String,
    pub owner: String,
    #[serde(deserialize_with = "super::day::option")]
    pub by: Option<NaiveDate>,
    /// Who may read it in the minutes; left out of the file for partners.
    #[serde(skip_serializing_if = "super::Audience::is_default")]
    pub shown_to: super::Audience,
}

/// The first number in a piece of text ("38 a month" → 38), for charts and
/// on-track checks; `None` when the text holds no number.
pub fn numeric_value(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let negative = text[..start].ends_with('-');
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let value: f64 = digits.trim_end_matches('.').parse().ok()?;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::numeric_value;

    #[test]
    fn numbers_from_text() {
        assert_eq!(numeric_value("38 a month"), Some(38.0));
        assert_eq!(numeric_value("about 1,200 people"), Some(1200.0));
        assert_eq!(numeric_value("62.5%"), Some(62.5));
        assert_eq!(numeric_value("none yet"), None);
    }
}

/// "1, 3": where the goals `serves` names stand in `goals` (counting from
/// 1, as step 1 numbers them); a goal no longer in the list is left out.
pub fn goal_numbers(serves: &[String], goals: &[Goal]) -> String {
    let numbers: Vec<String> = serves
        .iter()
        .filter_map(|text| {
            let wanted = super::comparable(text);
            goals.iter().position(|g| super::comparable(&g.text) == wanted)
        })
        .map(|i| (i + 1).to_string())
        .collect();
    numbers.join(", ")
}

/// The goals' own words for the numbers typed ("1, 3" or "1 3"), keeping
/// `before` when the numbers are those it already stands for, so a goal
/// named in an earlier session is not lost by opening and closing the
/// editor. Numbers with no goal are left out.
pub fn goals_served(typed: &str, goals: &[Goal], before: &[String]) -> Vec<String> {
    if typed.trim() == goal_numbers(before, goals) {
        return before.to_vec();
    }
    let mut texts: Vec<String> = Vec::new();
    for n in typed.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        let Some(goal) = n
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|n| goals.get(n.checked_sub(1)?))
        else {
            continue;
        };
        let text = goal.text.trim().to_string();
        if !text.is_empty() && !texts.contains(&text) {
            texts.push(text);
        }
    }
    // Numbers that name no goal here (a session that lists no goals of its
    // own, say) change nothing rather than forget the goals named before.
    if texts.is_empty() && !typed.trim().is_empty() {
        return before.to_vec();
    }
    texts
}

#[cfg(test)]
mod serves_tests {
    use super::*;

    fn goals() -> Vec<Goal> {
        ["Housing first", "Fair pay", "Voices heard"]
            .iter()
            .map(|t| Goal {
                text: t.to_string(),
                ..Goal::default()
            })
            .collect()
    }

    #[test]
    fn numbers_become_the_goals_own_words_and_back() {
        let served = goals_served("3, 1 1", &goals(), &[]);
        assert_eq!(served, ["Voices heard", "Housing first"]);
        assert_eq!(goal_numbers(&served, &goals()), "3, 1");
        assert!(goals_served("7", &goals(), &[]).is_empty(), "no goal 7");
    }

    #[test]
    fn a_goal_from_elsewhere_is_kept_while_the_numbers_are_unchanged() {
        let before = vec!["Fair pay".to_string(), "An old goal".to_string()];
        assert_eq!(goals_served("2", &goals(), &before), before);
        assert_eq!(
            goals_served("2, 3", &goals(), &before),
            ["Fair pay", "Voices heard"]
        );
        assert_eq!(
            goals_served("1", &[], &before),
            before,
            "no goals here: nothing lost"
        );
        assert!(
            goals_served("", &goals(), &before).is_empty(),
            "cleared on purpose"
        );
    }
}
