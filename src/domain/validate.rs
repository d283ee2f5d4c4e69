//! Checks on a session that parsed but may still say something wrong.

use std::collections::HashSet;

use super::{FORMAT_VERSION, Session};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// The file cannot be used as it is.
    Error,
    /// Usable, but probably not what was meant.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    fn error(message: String) -> Problem {
        Problem {
            severity: Severity::Error,
            message,
        }
    }
    fn warning(message: String) -> Problem {
        Problem {
            severity: Severity::Warning,
            message,
        }
    }
}

impl Session {
    /// Every problem found, errors first; empty when all is well.
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.format_version > FORMAT_VERSION {
            out.push(Problem::error(format!(
                "format_version {} is newer than this Roundtable understands ({FORMAT_VERSION}): update Roundtable to open it",
                self.format_version
            )));
        }
        if self.title.trim().is_empty() {
            out.push(Problem::error(
                "the title is empty: give the session a title".into(),
            ));
        }
        let mut seen = HashSet::new();
        for id in self.item_ids() {
            if !id.is_empty() && !seen.insert(id) {
                out.push(Problem::error(format!(
                    "the id \"{id}\" is used twice: each measure and action needs its own"
                )));
            }
        }
        let names: HashSet<&str> = self.participants.iter().map(|p| p.name.as_str()).collect();
        for a in &self.actions {
            if a.text.trim().is_empty() {
                out.push(Problem::warning("an action has no text".into()));
            }
            if !a.owner.is_empty()
                && !names.contains(a.owner.as_str())
                && !self.organisations().contains(&a.owner.as_str())
            {
                out.push(Problem::warning(format!(
                    "the action \"{}\" is owned by \"{}\", who is not a participant or an organisation in this session",
                    a.text, a.owner
                )));
            }
        }
        out.extend(self.health_problems());
        out.sort_by_key(|p| p.severity != Severity::Error);
        out
    }
}

impl Session {
    /// A score outside 1–5 (files refuse one where it stands; this catches
    /// any made another way), and a named check scoring an organisation
    /// twice or one nobody in the session belongs to.
    fn health_problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut named = HashSet::new();
        let orgs = self.organisations();
        for (n, score) in self.health.scores.iter().enumerate() {
            let who = match score.organisation.trim() {
                "" => format!("slip {}", n + 1),
                org => org.to_string(),
            };
            for p in super::Principle::ALL {
                if let Some(v) = score.get(p).filter(|v| !super::SCORE_RANGE.contains(v)) {
                    out.push(Problem::error(format!(
                        "the health check gives {who} a score of {v} for {}: scores run from 1 to 5",
                        p.label().to_lowercase()
                    )));
                }
            }
            let org = score.organisation.trim();
            if org.is_empty() {
                continue;
            }
            if !named.insert(org) {
                out.push(Problem::warning(format!(
                    "the health check scores \"{org}\" twice: keep one row per organisation"
                )));
            }
            if !orgs.contains(&org) {
                out.push(Problem::warning(format!(
                    "the health check scores \"{org}\", which no participant in this session belongs to"
                )));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::domain::{ActionItem, Participant};

    fn sample() -> Session {
        Session::for_tests("T", "P", "2026-01-01")
    }

    #[test]
    fn a_fresh_session_is_valid() {
        assert!(sample().validate().is_empty());
    }

    #[test]
    fn every_problem_is_reported() {
        let mut s = sample();
        s.title = " ".into();
        s.format_version = 99;
        s.participants.push(Participant {
            name: "Ann".into(),
            organisation: "Org".into(),
            ..Default::default()
        });
        s.actions.push(ActionItem {
            id: "a-1".into(),
            text: "x".into(),
            owner: "Zed".into(),
            ..Default::default()
        });
        s.actions.push(ActionItem {
            id: "a-1".into(),
            text: "y".into(),
            owner: "Org".into(),
            ..Default::default()
        });
        let problems = s.validate();
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert_eq!(problems[3].severity, Severity::Warning);
        assert!(problems[3].message.contains("Zed"));
    }

    #[test]
    fn health_scores_out_of_range_or_for_strangers_are_reported() {
        use crate::domain::HealthScore;
        let mut s = sample();
        s.participants.push(Participant {
            name: "Ann".into(),
            organisation: "Org".into(),
            ..Default::default()
        });
        let row = |org: &str, trust: u8| HealthScore {
            organisation: org.into(),
            trust: Some(trust),
            ..Default::default()
        };
        s.health.scores = vec![row("Org", 4)];
        assert!(s.validate().is_empty());
        s.health.scores = vec![row("Org", 7), row("Org", 3), row("Elsewhere", 2), row("", 0)];
        let messages: Vec<String> = s.validate().into_iter().map(|p| p.message).collect();
        assert_eq!(
            messages,
            [
                "the health check gives Org a score of 7 for trust: scores run from 1 to 5",
                "the health check gives slip 4 a score of 0 for trust: scores run from 1 to 5",
                "the health check scores \"Org\" twice: keep one row per organisation",
                "the health check scores \"Elsewhere\", which no participant in this session belongs to",
            ]
        );
    }
}
