//! Minutes sign-off: draft → circulated (to whom, when) → approved at a later
//! meeting (by consent, or proposed and seconded), after which they are
//! locked. A correction to approved minutes is an amendment saying who, when
//! and what; it is added beside the minutes, never made silently to them.
//!
//! The moves are a small state machine ([`SignOff::apply`]) that refuses the
//! impossible ones with a reason a person can act on.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a session's minutes stand. Stored in the session's own file; left
/// out of it while the minutes are a draft nobody has seen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SignOff {
    /// Each time the minutes were sent round, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub circulated: Vec<Circulation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved: Option<Approval>,
    /// Corrections after approval, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Circulation {
    /// Who they went to, in the facilitator's words ("all partners").
    pub to: String,
    #[serde(deserialize_with = "super::day::plain")]
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// The id of the meeting that approved them.
    pub at: String,
    /// That meeting's date.
    #[serde(deserialize_with = "super::day::plain")]
    pub on: NaiveDate,
    pub how: ApprovedBy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApprovedBy {
    /// Nobody objected.
    Consent,
    /// Moved by one member and seconded by another.
    Proposed { proposer: String, seconder: String },
}

impl ApprovedBy {
    /// "by consent", "proposed by Ann Lee, seconded by Bo Chan".
    pub fn words(&self) -> String {
        match self {
            ApprovedBy::Consent => "by consent".into(),
            ApprovedBy::Proposed { proposer, seconder } => {
                format!("proposed by {}, seconded by {}", proposer.trim(), seconder.trim())
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    /// Who asked for (or made) the correction.
    pub by: String,
    #[serde(deserialize_with = "super::day::plain")]
    pub on: NaiveDate,
    /// What the correction is, in full.
    pub text: String,
}

/// The stages, in order. Approved minutes are locked: only amendments may
/// be added to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    Draft,
    Circulated,
    Approved,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Circulated => "circulated",
            Stage::Approved => "approved",
        }
    }
}

/// A move from one stage to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    Circulate(Circulation),
    Approve(Approval),
    Amend(Amendment),
    /// Any change to what the minutes record (not a sign-off move).
    Edit,
}

/// Why a move was refused. `Display` says why and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Approval of minutes nobody was sent.
    NeverCirculated,
    AlreadyApproved(Approval),
    /// Minutes approved at the meeting they record, or at an earlier one.
    NotLater,
    /// An amendment to minutes not yet approved: just correct them.
    NotApproved,
    /// A change to approved minutes that is not an amendment.
    Locked(Approval),
    /// A required word left blank: which one.
    Missing(&'static str),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NeverCirculated => write!(
                f,
                "these minutes were never circulated, so nobody has seen them to approve them: circulate them first"
            ),
            Refusal::AlreadyApproved(a) => write!(
                f,
                "these minutes were already approved on {} ({}): a correction is an amendment",
                a.on,
                a.how.words()
            ),
            Refusal::NotLater => write!(
                f,
                "minutes are approved at a later meeting than the one they record: name the next session"
            ),
            Refusal::NotApproved => write!(
                f,
                "these minutes are not approved yet, so they can still be corrected directly: no amendment is needed"
            ),
            Refusal::Locked(a) => write!(
                f,
                "these minutes were approved on {} and are locked: record the correction as an amendment (who, and what changes)",
                a.on
            ),
            Refusal::Missing(what) => write!(f, "{what} is required: fill it in and try again"),
        }
    }
}

impl SignOff {
    pub fn is_empty(&self) -> bool {
        *self == SignOff::default()
    }

    pub fn stage(&self) -> Stage {
        match (&self.approved, self.circulated.is_empty()) {
            (Some(_), _) => Stage::Approved,
            (None, false) => Stage::Circulated,
            (None, true) => Stage::Draft,
        }
    }

    /// Whether the minutes' content may no longer change.
    pub fn is_locked(&self) -> bool {
        self.approved.is_some()
    }

    /// Whether `mv` may be made now, without making it.
    pub fn check(&self, mv: &Move) -> Result<(), Refusal> {
        let blank = |s: &str| s.trim().is_empty();
        match (mv, &self.approved) {
            (Move::Circulate(c), None) if blank(&c.to) => {
                Err(Refusal::Missing("who they were circulated to"))
            }
            (Move::Circulate(_), None) => Ok(()),
            (Move::Circulate(_) | Move::Approve(_), Some(a)) => Err(Refusal::AlreadyApproved(a.clone())),
            (Move::Approve(_), None) if self.circulated.is_empty() => Err(Refusal::NeverCirculated),
            (Move::Approve(a), None) => match &a.how {
                _ if blank(&a.at) => Err(Refusal::Missing("the session that approved them")),
                ApprovedBy::Proposed { proposer, .. } if blank(proposer) => {
                    Err(Refusal::Missing("the proposer"))
                }
                ApprovedBy::Proposed { seconder, .. } if blank(seconder) => {
                    Err(Refusal::Missing("the seconder"))
                }
                _ => Ok(()),
            },
            (Move::Amend(_), None) => Err(Refusal::NotApproved),
            (Move::Amend(m), Some(_)) if blank(&m.by) => Err(Refusal::Missing("who is amending them")),
            (Move::Amend(m), Some(_)) if blank(&m.text) => Err(Refusal::Missing("what the amendment says")),
            (Move::Amend(_), Some(_)) => Ok(()),
            (Move::Edit, None) => Ok(()),
            (Move::Edit, Some(a)) => Err(Refusal::Locked(a.clone())),
        }
    }

    /// Makes `mv` (trimming what people typed), or says why not.
    pub fn apply(&mut self, mv: Move) -> Result<(), Refusal> {
        self.check(&mv)?;
        let tidy = |s: &str| s.trim().to_string();
        match mv {
            Move::Circulate(c) => self.circulated.push(Circulation { to: tidy(&c.to), ..c }),
            Move::Approve(a) => {
                let how = match a.how {
                    ApprovedBy::Consent => ApprovedBy::Consent,
                    ApprovedBy::Proposed { proposer, seconder } => ApprovedBy::Proposed {
                        proposer: tidy(&proposer),
                        seconder: tidy(&seconder),
                    },
                };
                self.approved = Some(Approval {
                    at: tidy(&a.at),
                    how,
                    ..a
                });
            }
            Move::Amend(m) => self.amendments.push(Amendment {
                by: tidy(&m.by),
                text: tidy(&m.text),
                ..m
            }),
            Move::Edit => {}
        }
        Ok(())
    }

    /// One line for screens and listings: "draft", "circulated on
    /// 2026-09-20 to all partners", "approved on 2026-11-11, by consent
    /// (1 amendment)".
    pub fn summary(&self) -> String {
        let mut out = match (&self.approved, self.circulated.last()) {
            (Some(a), _) => format!("approved on {}, {}", a.on, a.how.words()),
            (None, Some(c)) => format!("circulated on {} to {}", c.on, c.to),
            (None, None) => "draft, not yet circulated".into(),
        };
        match self.amendments.len() {
            0 => {}
            1 => out.push_str(" (1 amendment)"),
            n => out.push_str(&format!(" ({n} amendments)")),
        }
        out
    }
}

impl super::Session {
    /// Records that the minutes of this session were approved at `at`, a
    /// later meeting. Refused when `at` is this meeting or an earlier one.
    pub fn approve_minutes_at(&mut self, at: &super::Session, how: ApprovedBy) -> Result<(), Refusal> {
        let mv = Move::Approve(Approval {
            at: at.id.clone(),
            on: at.date,
            how,
        });
        // Where the minutes stand comes first: minutes nobody saw cannot be
        // approved anywhere.
        self.minutes.check(&mv)?;
        if at.id == self.id || at.date < self.date {
            return Err(Refusal::NotLater);
        }
        self.minutes.apply(mv)
    }
}

#[cfg(test)]
#[path = "signoff_tests.rs"]
mod tests;
