//! Where the facilitator is: the nine sections of a session and the lists of
//! items each one holds.

use crate::domain::Step;

/// One page of the session screen: a step, or one of the things that run
/// through every step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Step(Step),
    Participants,
    Decisions,
    ParkingLot,
}

impl Section {
    /// In navigator order.
    pub const ALL: [Section; 9] = [
        Section::Step(Step::Goals),
        Section::Step(Step::Vision),
        Section::Step(Step::Activities),
        Section::Step(Step::Roles),
        Section::Step(Step::Awareness),
        Section::Step(Step::NextSteps),
        Section::Participants,
        Section::Decisions,
        Section::ParkingLot,
    ];

    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The section `delta` places away, wrapping around.
    pub fn offset(self, delta: isize) -> Section {
        let n = Section::ALL.len() as isize;
        Section::ALL[(self.index() as isize + delta).rem_euclid(n) as usize]
    }

    /// A short name for the navigator.
    pub fn label(self) -> &'static str {
        match self {
            Section::Step(Step::NextSteps) => "Data & next steps",
            Section::Step(step) => match step {
                Step::Activities => "Activities",
                other => other.short(),
            },
            Section::Participants => "Participants",
            Section::Decisions => "Decisions & actions",
            Section::ParkingLot => "Parking lot",
        }
    }

    /// The full heading above the section.
    pub fn heading(self) -> String {
        match self {
            Section::Step(step) => format!("Step {} of 6 · {}", step.number(), step.title()),
            Section::Participants => "Participants and voices".into(),
            Section::Decisions => "Decisions and actions".into(),
            Section::ParkingLot => "Parking lot: points for later".into(),
        }
    }

    pub fn step(self) -> Option<Step> {
        match self {
            Section::Step(step) => Some(step),
            _ => None,
        }
    }

    /// The lists shown in this section; Tab moves between them.
    pub fn lists(self) -> &'static [ListKind] {
        use ListKind::*;
        match self {
            Section::Step(Step::Goals) => &[Goals],
            Section::Step(Step::Vision) => &[Drafts, FinalWording, Consent],
            Section::Step(Step::Activities) => &[Activities, Measures],
            Section::Step(Step::Roles) => &[Workstreams, Commitments, Governance],
            Section::Step(Step::Awareness) => &[Awareness],
            Section::Step(Step::NextSteps) => &[Readings, Learnings, NextSteps],
            Section::Participants => &[Participants],
            Section::Decisions => &[Decisions, Actions],
            Section::ParkingLot => &[Parked],
        }
    }
}

/// A list of items the facilitator can select, add to and edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Goals,
    Drafts,
    FinalWording,
    Consent,
    Activities,
    /// The measures of the activity selected in `Activities`.
    Measures,
    Workstreams,
    Commitments,
    /// Secretariat and decision-making: two fixed rows of text.
    Governance,
    Awareness,
    Readings,
    Learnings,
    NextSteps,
    Participants,
    Decisions,
    Actions,
    Parked,
}

impl ListKind {
    pub const COUNT: usize = 17;

    pub fn index(self) -> usize {
        self as usize
    }

    /// The tab title when a section has several lists.
    pub fn title(self) -> &'static str {
        use ListKind::*;
        match self {
            Goals => "Goals",
            Drafts => "Drafts",
            FinalWording => "Final wording",
            Consent => "Consent",
            Activities => "Activities",
            Measures => "Measures",
            Workstreams => "Workstreams",
            Commitments => "Commitments",
            Governance => "Governance",
            Awareness => "Awareness plan",
            Readings => "Readings",
            Learnings => "Learnings",
            NextSteps => "Next steps",
            Participants => "Participants",
            Decisions => "Decisions",
            Actions => "Actions",
            Parked => "Parked points",
        }
    }

    /// One item, as in "New goal" or "Delete the action".
    pub fn noun(self) -> &'static str {
        use ListKind::*;
        match self {
            Goals => "goal",
            Drafts => "vision draft",
            FinalWording => "final wording",
            Consent => "consent answer",
            Activities => "activity",
            Measures => "measure",
            Workstreams => "workstream",
            Commitments => "commitment",
            Governance => "governance",
            Awareness => "awareness item",
            Readings => "reading",
            Learnings => "learning",
            NextSteps => "next step",
            Participants => "participant",
            Decisions => "decision",
            Actions => "action",
            Parked => "parked point",
        }
    }

    /// Lists whose rows are fixed parts of the session rather than items:
    /// they can be edited but not added, deleted or moved.
    pub fn is_fixed(self) -> bool {
        matches!(self, ListKind::FinalWording | ListKind::Governance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_wrap_around() {
        assert_eq!(Section::ParkingLot.offset(1), Section::Step(Step::Goals));
        assert_eq!(Section::Step(Step::Goals).offset(-1), Section::ParkingLot);
        assert_eq!(Section::Participants.index(), 6);
    }

    #[test]
    fn list_indices_fit_the_count() {
        let all = Section::ALL.iter().flat_map(|s| s.lists());
        assert!(all.clone().all(|l| l.index() < ListKind::COUNT));
        assert_eq!(all.count(), ListKind::COUNT);
    }
}
