//! The partnership health check: at a session, each organisation scores the
//! partnership 1–5 on the four principles of the Partnering Toolbook. Scores
//! may be given without names, so that a small organisation can say
//! "trust is a 2" without being seen to say it.
//!
//! This file holds what is stored; trends across sessions and the screens
//! that show them build on it.

use serde::{Deserialize, Serialize};

/// The four principles a partnership scores itself on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Principle {
    Equity,
    Transparency,
    MutualBenefit,
    Trust,
}

impl Principle {
    pub const ALL: [Principle; 4] = [
        Principle::Equity,
        Principle::Transparency,
        Principle::MutualBenefit,
        Principle::Trust,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Principle::Equity => "Equity",
            Principle::Transparency => "Transparency",
            Principle::MutualBenefit => "Mutual benefit",
            Principle::Trust => "Trust",
        }
    }
}

/// Lowest and highest score a principle can be given.
pub const SCORE_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

/// One session's health check. Stored in the session file; left out of it
/// when no check was taken.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HealthCheck {
    /// Scores were given without names: the file keeps no organisation
    /// beside them and the minutes show only the spread.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
    pub scores: Vec<HealthScore>,
    /// What the room said about the scores, in the facilitator's words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl HealthCheck {
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty() && self.note.is_empty()
    }
}

/// One organisation's scores (or one anonymous slip). A principle left
/// unscored is `None`, never a guessed middle value.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HealthScore {
    pub id: String,
    /// Blank when the check is anonymous.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "score")]
    pub equity: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "score")]
    pub transparency: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "score")]
    pub mutual_benefit: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "score")]
    pub trust: Option<u8>,
}

/// A score read from a file: 1 to 5, or refused where it stands, so that
/// `check` and the app name the file, line and column of a mistyped 7.
fn score<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    let value = Option::<u8>::deserialize(d)?;
    match value {
        Some(n) if !SCORE_RANGE.contains(&n) => Err(serde::de::Error::custom(format!(
            "a health-check score of {n}: scores run from 1 to 5; change it, or remove the line to leave it unscored"
        ))),
        _ => Ok(value),
    }
}

impl HealthScore {
    pub fn get(&self, p: Principle) -> Option<u8> {
        match p {
            Principle::Equity => self.equity,
            Principle::Transparency => self.transparency,
            Principle::MutualBenefit => self.mutual_benefit,
            Principle::Trust => self.trust,
        }
    }

    pub fn set(&mut self, p: Principle, score: Option<u8>) {
        let slot = match p {
            Principle::Equity => &mut self.equity,
            Principle::Transparency => &mut self.transparency,
            Principle::MutualBenefit => &mut self.mutual_benefit,
            Principle::Trust => &mut self.trust,
        };
        *slot = score;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_is_read_back_from_the_principle_it_was_set_on() {
        let mut s = HealthScore::default();
        for (i, p) in Principle::ALL.into_iter().enumerate() {
            s.set(p, Some(i as u8 + 1));
        }
        let back: Vec<_> = Principle::ALL.iter().map(|p| s.get(*p)).collect();
        assert_eq!(back, vec![Some(1), Some(2), Some(3), Some(4)]);
    }
}
