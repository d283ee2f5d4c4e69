//! The six co-design steps, in the order a session walks through them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Step {
    Goals,
    Vision,
    Activities,
    Roles,
    Awareness,
    NextSteps,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Goals,
        Step::Vision,
        Step::Activities,
        Step::Roles,
        Step::Awareness,
        Step::NextSteps,
    ];

    /// 1-based position, as facilitators number the steps.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn title(self) -> &'static str {
        match self {
            Step::Goals => "Shared goals",
            Step::Vision => "Single vision",
            Step::Activities => "What we will do and how we will measure it",
            Step::Roles => "Roles and responsibilities",
            Step::Awareness => "Promoting awareness",
            Step::NextSteps => "Data-driven next steps",
        }
    }

    /// A short label for narrow places such as the step navigator.
    pub fn short(self) -> &'static str {
        match self {
            Step::Goals => "Goals",
            Step::Vision => "Vision",
            Step::Activities => "Activities & measures",
            Step::Roles => "Roles",
            Step::Awareness => "Awareness",
            Step::NextSteps => "Data & next steps",
        }
    }

    /// The name of this step's guidance file in `assets/steps/`.
    pub fn asset_name(self) -> &'static str {
        match self {
            Step::Goals => "1-goals.md",
            Step::Vision => "2-vision.md",
            Step::Activities => "3-activities.md",
            Step::Roles => "4-roles.md",
            Step::Awareness => "5-awareness.md",
            Step::NextSteps => "6-next-steps.md",
        }
    }
}
