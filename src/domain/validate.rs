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
        out.sort_by_key(|p| p.severity != Severity::Error);
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
}
