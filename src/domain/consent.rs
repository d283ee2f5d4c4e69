//! Consent checks on the vision or a decision: each voice agrees, stands
//! aside or blocks (or shows a fist of five), with any concern written
//! down. A block keeps the proposal from being agreed until it is resolved:
//! the proposal amended or withdrawn, or the block lifted.
//!
//! The vision's older consent list (agree / can live with it / block) maps
//! onto this: "can live with it" is a stand-aside.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Consent, ConsentLevel, Counting, Session, Vision, voices};

/// What the check is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Subject {
    #[default]
    Vision,
    /// The decision whose text is the check's proposal.
    Decision,
}

/// How answers are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Scale {
    /// Agree, stand aside or block.
    #[default]
    AgreeStandAsideBlock,
    /// 0–5 fingers: 0–1 block, 2 stand aside, 3–5 agree.
    FistOfFive,
}

impl Scale {
    pub fn label(self) -> &'static str {
        match self {
            Scale::AgreeStandAsideBlock => "agree / stand aside / block",
            Scale::FistOfFive => "fist of five (0–1 block, 2 stand aside, 3–5 agree)",
        }
    }
}

/// One voice's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Response {
    /// Not given (absent from the check, or not asked yet): an abstention.
    #[default]
    NoAnswer,
    Agree,
    StandAside,
    Block,
    /// Fingers shown, 0 to 5.
    Fingers(u8),
}

/// What an answer counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Agree,
    StandAside,
    Block,
    Abstain,
}

impl Response {
    pub fn position(self) -> Position {
        match self {
            Response::NoAnswer => Position::Abstain,
            Response::Agree | Response::Fingers(3..) => Position::Agree,
            Response::StandAside | Response::Fingers(2) => Position::StandAside,
            Response::Block | Response::Fingers(_) => Position::Block,
        }
    }

    /// The older vision consent levels, read the same way.
    pub fn from_level(level: ConsentLevel) -> Response {
        match level {
            ConsentLevel::Agree => Response::Agree,
            ConsentLevel::CanLiveWithIt => Response::StandAside,
            ConsentLevel::Block => Response::Block,
        }
    }

    /// "Agree", "Stand aside", "Block", "4 fingers (agree)", "—".
    pub fn label(self) -> String {
        match self {
            Response::NoAnswer => "—".into(),
            Response::Agree => "Agree".into(),
            Response::StandAside => "Stand aside".into(),
            Response::Block => "Block".into(),
            Response::Fingers(n) => {
                let what = match self.position() {
                    Position::Agree => "agree",
                    Position::StandAside => "stand aside",
                    _ => "block",
                };
                let fingers = if n == 1 { "finger" } else { "fingers" };
                format!("{n} {fingers} ({what})")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    pub who: String,
    pub response: Response,
    /// Why they stand aside or block (or any concern, even agreeing).
    pub concern: String,
}

/// How a block was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Resolve {
    /// The blocker lifted their block (they now stand aside).
    #[default]
    BlockLifted,
    /// The proposal was amended: it needs a new check in its new wording.
    Amended,
    /// The proposal was withdrawn.
    Withdrawn,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Resolution {
    pub how: Resolve,
    /// Who lifted the block, or who amended or withdrew the proposal.
    pub by: String,
    pub when: DateTime<Utc>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsentCheck {
    pub subject: Subject,
    /// The wording put to the room.
    pub proposal: String,
    pub counting: Counting,
    pub scale: Scale,
    pub answers: Vec<Answer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resolutions: Vec<Resolution>,
    pub taken: DateTime<Utc>,
}

/// Where the check stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No answers yet.
    Open,
    Agreed,
    Blocked,
    Amended,
    Withdrawn,
}

/// The check counted: who agreed, stood aside, blocked, lifted a block or
/// gave no answer, each with their concern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub outcome: Outcome,
    pub agreed: Vec<String>,
    pub stood_aside: Vec<(String, String)>,
    /// Blocks still standing.
    pub blocks: Vec<(String, String)>,
    /// Blocks lifted, with the concern that was raised.
    pub lifted: Vec<(String, String)>,
    pub abstained: Vec<String>,
}

impl ConsentCheck {
    /// A new check with an empty answer per voice present.
    pub fn start(session: &Session, subject: Subject, proposal: &str, now: DateTime<Utc>) -> ConsentCheck {
        let mut check = ConsentCheck {
            subject,
            proposal: proposal.trim().to_string(),
            counting: Counting::PerOrganisation,
            taken: now,
            ..ConsentCheck::default()
        };
        check.recount(session, Counting::PerOrganisation);
        check
    }

    /// A check on the vision starting from the positions already in its
    /// consent list, so they are not asked again.
    pub fn start_on_vision(session: &Session, now: DateTime<Utc>) -> ConsentCheck {
        let mut check = ConsentCheck::start(session, Subject::Vision, &vision_wording(&session.vision), now);
        for old in &session.vision.consent {
            let answer = Answer {
                who: old.organisation.trim().to_string(),
                response: Response::from_level(old.level),
                concern: old.concern.clone(),
            };
            match check.answers.iter_mut().find(|a| a.who == answer.who) {
                Some(slot) => *slot = answer,
                None => check.answers.push(answer),
            }
        }
        check
    }

    /// Whether the check is asked the way the vision's consent list is
    /// kept: on the vision, per organisation, agree / stand aside / block.
    pub fn mirrors_vision(&self) -> bool {
        self.subject == Subject::Vision
            && self.counting == Counting::PerOrganisation
            && self.scale == Scale::AgreeStandAsideBlock
    }

    /// Keeps the vision's own consent list (one line per organisation,
    /// agree / can live with it / block) in step with a check asked that
    /// way, so the two never disagree; other checks leave it alone.
    pub fn write_to_vision(&self, vision: &mut Vision) -> bool {
        if !self.mirrors_vision() {
            return false;
        }
        for a in &self.answers {
            let level = match a.response.position() {
                Position::Agree => ConsentLevel::Agree,
                Position::Block if !self.lifted_by(&a.who) => ConsentLevel::Block,
                Position::StandAside | Position::Block => ConsentLevel::CanLiveWithIt,
                Position::Abstain => continue,
            };
            let line = Consent {
                organisation: a.who.clone(),
                level,
                concern: a.concern.clone(),
                ..Default::default()
            };
            match vision.consent.iter_mut().find(|c| c.organisation.trim() == a.who) {
                // The answer is new; who may read it stays as marked.
                Some(slot) => {
                    *slot = Consent {
                        shown_to: slot.shown_to,
                        ..line
                    }
                }
                None => vision.consent.push(line),
            }
        }
        true
    }

    /// Changes who is asked; only while nobody has answered.
    pub fn recount(&mut self, session: &Session, counting: Counting) -> bool {
        if self.answers.iter().any(|a| a.response != Response::NoAnswer) {
            return false;
        }
        self.counting = counting;
        self.answers = voices(session, counting)
            .into_iter()
            .map(|who| Answer {
                who,
                ..Answer::default()
            })
            .collect();
        true
    }

    /// Records a resolution at `when`.
    pub fn resolve(&mut self, how: Resolve, by: &str, note: &str, when: DateTime<Utc>) {
        self.resolutions.push(Resolution {
            how,
            by: by.trim().to_string(),
            when,
            note: note.trim().to_string(),
        });
    }

    fn lifted_by(&self, who: &str) -> bool {
        self.resolutions
            .iter()
            .any(|r| r.how == Resolve::BlockLifted && r.by == who)
    }

    pub fn count(&self) -> Count {
        let mut c = Count {
            outcome: Outcome::Open,
            agreed: Vec::new(),
            stood_aside: Vec::new(),
            blocks: Vec::new(),
            lifted: Vec::new(),
            abstained: Vec::new(),
        };
        for a in &self.answers {
            let pair = (a.who.clone(), a.concern.trim().to_string());
            match a.response.position() {
                Position::Agree => c.agreed.push(a.who.clone()),
                Position::StandAside => c.stood_aside.push(pair),
                Position::Block if self.lifted_by(&a.who) => c.lifted.push(pair),
                Position::Block => c.blocks.push(pair),
                Position::Abstain => c.abstained.push(a.who.clone()),
            }
        }
        let last = self
            .resolutions
            .iter()
            .rev()
            .find(|r| r.how != Resolve::BlockLifted)
            .map(|r| r.how);
        c.outcome = match last {
            Some(Resolve::Withdrawn) => Outcome::Withdrawn,
            Some(Resolve::Amended) => Outcome::Amended,
            _ if !c.blocks.is_empty() => Outcome::Blocked,
            _ if c.agreed.is_empty() && c.stood_aside.is_empty() && c.lifted.is_empty() => Outcome::Open,
            _ => Outcome::Agreed,
        };
        c
    }

    /// The result in one honest sentence (no clock times: they are in the
    /// file in UTC, and the minutes cannot know the room's time zone): "Agreed by 9 organisations; 1
    /// stood aside: Harbour Trust (no budget this year)." or "Not agreed:
    /// blocked by Harbour Trust: no budget this year."
    pub fn sentence(&self) -> String {
        let c = self.count();
        let nouns = |n: usize| self.counting.nouns(n);
        // Blocks read "blocked by X: concern", stand-asides "X (reason)".
        let listed = |list: &[(String, String)], open: &str, close: &str| -> String {
            let parts: Vec<String> = list
                .iter()
                .map(|(who, concern)| match concern.trim_end_matches('.') {
                    "" => who.clone(),
                    concern => format!("{who}{open}{concern}{close}"),
                })
                .collect();
            parts.join("; ")
        };
        let mut out = match c.outcome {
            Outcome::Open => "No answers recorded yet".to_string(),
            Outcome::Agreed => format!("Agreed by {} {}", c.agreed.len(), nouns(c.agreed.len())),
            Outcome::Blocked => format!("Not agreed: blocked by {}", listed(&c.blocks, ": ", "")),
            Outcome::Amended | Outcome::Withdrawn => {
                let r = self
                    .resolutions
                    .iter()
                    .rev()
                    .find(|r| r.how != Resolve::BlockLifted);
                let what = if c.outcome == Outcome::Amended {
                    "Not agreed: amended"
                } else {
                    "Not agreed: withdrawn"
                };
                let by = r.map(|r| r.by.as_str()).filter(|b| !b.is_empty());
                let note = r.map(|r| r.note.as_str()).filter(|n| !n.is_empty());
                let mut s = what.to_string();
                if let Some(by) = by {
                    s.push_str(&format!(" by {by}"));
                }
                if let Some(note) = note {
                    s.push_str(&format!(" ({note})"));
                }
                if c.outcome == Outcome::Amended {
                    s.push_str("; the new wording needs its own check");
                }
                s
            }
        };
        if !c.stood_aside.is_empty() && c.outcome != Outcome::Open {
            let who = listed(&c.stood_aside, " (", ")");
            out.push_str(&format!("; {} stood aside: {who}", c.stood_aside.len()));
        }
        for (who, concern) in &c.lifted {
            let concern = concern.trim_end_matches('.');
            let concern = if concern.is_empty() {
                String::new()
            } else {
                format!(" (concern: {concern})")
            };
            out.push_str(&format!("; {who} lifted their block{concern}"));
        }
        if !c.abstained.is_empty() && c.outcome != Outcome::Open {
            out.push_str(&format!("; no answer from {}", c.abstained.join(", ")));
        }
        out.push('.');
        out
    }
}

impl Session {
    /// The latest check on `proposal` when a block on it still stands, so
    /// `c` reopens it to lift the block, amend or withdraw.
    pub fn standing_block(&self, subject: Subject, proposal: &str) -> Option<usize> {
        let proposal = proposal.trim();
        let i = self
            .consent_checks
            .iter()
            .rposition(|c| c.subject == subject && c.proposal == proposal)?;
        (self.consent_checks[i].count().outcome == Outcome::Blocked).then_some(i)
    }
}

/// The wording a vision check is on: the final wording, or the last draft.
pub fn vision_wording(vision: &Vision) -> String {
    let final_wording = vision.final_wording.trim();
    if !final_wording.is_empty() {
        return final_wording.to_string();
    }
    vision
        .drafts
        .last()
        .map(|d| d.text.trim().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "consent_tests.rs"]
mod tests;
