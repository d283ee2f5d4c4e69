//! The one machine spelling of each value, for JSON, CSV and command-line
//! flags: lower case words joined by hyphens (`in-progress`). People read
//! `label()` instead, in tables and minutes. Session files keep their own
//! spelling (`InProgress`), which is a file format and never changes.

use super::{ActionStatus, Section, SessionStatus, Step};

impl ActionStatus {
    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// The status spelt `text`: its key, or its label in any case.
    pub fn from_key(text: &str) -> Option<ActionStatus> {
        let wanted = text.trim().to_lowercase().replace([' ', '_'], "-");
        ActionStatus::ALL.into_iter().find(|s| s.key() == wanted)
    }
}

impl SessionStatus {
    pub fn key(self) -> &'static str {
        match self {
            SessionStatus::Draft => "draft",
            SessionStatus::InProgress => "in-progress",
            SessionStatus::Final => "final",
        }
    }
}

impl Step {
    /// `goals`, `vision`…: the step's name as a key. Spelt out, so that
    /// renaming a step on screen never changes what scripts read.
    pub fn key(self) -> &'static str {
        match self {
            Step::Goals => "goals",
            Step::Vision => "vision",
            Step::Activities => "activities",
            Step::Roles => "roles",
            Step::Awareness => "awareness",
            Step::NextSteps => "next-steps",
        }
    }
}

impl Section {
    /// Where a search hit is, for scripts: `title`, `decisions`,
    /// `step-2-vision`, `notes-6-next-steps`.
    pub fn key(self) -> String {
        match self {
            Section::Title => "title".into(),
            Section::Participants => "participants".into(),
            Section::Step(step) => format!("step-{}-{}", step.number(), step.key()),
            Section::Decisions => "decisions".into(),
            Section::Actions => "actions".into(),
            Section::ParkingLot => "parking-lot".into(),
            Section::Notes(step) => format!("notes-{}-{}", step.number(), step.key()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_lower_case_words_joined_by_hyphens() {
        assert_eq!(ActionStatus::InProgress.key(), "in-progress");
        assert_eq!(SessionStatus::InProgress.key(), "in-progress");
        assert_eq!(Section::ParkingLot.key(), "parking-lot");
        assert_eq!(Section::Step(Step::Vision).key(), "step-2-vision");
        for step in Step::ALL {
            let key = Section::Notes(step).key();
            assert!(
                key.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{key}"
            );
        }
    }

    #[test]
    fn statuses_are_read_from_their_key_or_label() {
        for status in ActionStatus::ALL {
            assert_eq!(ActionStatus::from_key(status.key()), Some(status));
            assert_eq!(ActionStatus::from_key(status.label()), Some(status));
        }
        assert_eq!(
            ActionStatus::from_key("IN_PROGRESS"),
            Some(ActionStatus::InProgress)
        );
        assert_eq!(ActionStatus::from_key("finished"), None);
    }
}
