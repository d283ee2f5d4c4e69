//! The form for each kind of item: which fields it has and what kind of
//! input each one takes.

use super::section::ListKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text.
    Line,
    /// Several lines of text (Enter starts a new line).
    Long,
    /// One line that completes participant names.
    Person,
    /// One line that completes organisation names.
    Org,
    /// A whole number, e.g. votes.
    Number,
    /// An optional date, typed as 2026-12-03 or day first, 3/12/2026.
    Date,
    /// One of a few options, cycled with ←/→ or Space.
    Pick,
    /// Yes or no, toggled with Space.
    Flag,
    /// Numbers of goals in step 1, e.g. "1, 3".
    Goals,
}

impl FieldKind {
    pub fn is_text(self) -> bool {
        !matches!(self, FieldKind::Pick | FieldKind::Flag)
    }

    /// What an empty field of this kind shows, in place of typing.
    pub fn placeholder(self) -> &'static str {
        match self {
            FieldKind::Date => "YYYY-MM-DD or day first (31/3/2027), or leave empty",
            FieldKind::Number => "a whole number",
            FieldKind::Person => "a name (Ctrl-N fills one in)",
            FieldKind::Org => "an organisation (Ctrl-N fills one in)",
            FieldKind::Goals => "numbers of the goals in step 1 it serves, e.g. 1, 3",
            _ => "",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub label: &'static str,
    pub kind: FieldKind,
}

const fn f(label: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec { label, kind }
}

use FieldKind::*;

const GOAL: &[FieldSpec] = &[
    f("Goal", Long),
    f("Proposed by", Person),
    f("Support (votes)", Number),
    f("Agreed", Flag),
];
const DRAFT: &[FieldSpec] = &[f("Wording", Long), f("Proposed by", Person)];
const FINAL: &[FieldSpec] = &[f("Final wording", Long)];
const CONSENT: &[FieldSpec] = &[f("Organisation", Org), f("Answer", Pick), f("Concern", Long)];
const ACTIVITY: &[FieldSpec] = &[
    f("Title", Line),
    f("Lead", Person),
    f("Description", Long),
    f("Serves goals", Goals),
];
const MEASURE: &[FieldSpec] = &[
    f("Indicator", Line),
    f("Kind", Pick),
    f("Baseline", Line),
    f("Target", Line),
    f("Data source", Line),
    f("Owner", Person),
    f("Review date", Date),
];
const WORKSTREAM: &[FieldSpec] = &[
    f("Name", Line),
    f("Lead", Person),
    f("Lead organisation", Org),
    f("Remit", Long),
    f("Serves goals", Goals),
];
const COMMITMENT: &[FieldSpec] = &[f("Organisation", Org), f("Gives", Pick), f("Detail", Long)];
const SECRETARIAT: &[FieldSpec] = &[f("Secretariat", Org)];
const DECISION_MAKING: &[FieldSpec] = &[f("Who decides what", Long)];
const AWARENESS: &[FieldSpec] = &[
    f("Audience", Line),
    f("Message", Long),
    f("Channel", Line),
    f("Spokesperson", Person),
    f("Date", Date),
];
const READING: &[FieldSpec] = &[
    f("Measure", Pick),
    f("Value", Line),
    f("Date", Date),
    f("Note", Long),
];
const LEARNING: &[FieldSpec] = &[f("Kind", Pick), f("What we learned", Long)];
const NEXT_STEP: &[FieldSpec] = &[f("Next step", Long), f("Owner", Person), f("By", Date)];
const PARTICIPANT: &[FieldSpec] = &[
    f("Name", Line),
    f("Organisation", Org),
    f("Role", Line),
    f("Sector", Pick),
    f("Lived experience", Flag),
    f("Attendance", Pick),
];
const DECISION: &[FieldSpec] = &[
    f("Decision", Long),
    f("Step", Pick),
    f("How decided", Pick),
    f("Dissent", Long),
    // Later sessions list it as due for review from this date (issue 11).
    f("Review on", Date),
];
const ACTION: &[FieldSpec] = &[
    f("Action", Long),
    f("Owner", Person),
    f("Due", Date),
    f("Status", Pick),
];
const PARKED: &[FieldSpec] = &[f("Point", Long), f("Raised by", Person), f("Step", Pick)];
const NOTES: &[FieldSpec] = &[f("Notes", Long)];

/// The form for row `row` of `list`.
pub fn specs(list: ListKind, row: usize) -> &'static [FieldSpec] {
    match list {
        ListKind::Goals => GOAL,
        ListKind::Drafts => DRAFT,
        ListKind::FinalWording => FINAL,
        ListKind::Consent => CONSENT,
        ListKind::Activities => ACTIVITY,
        ListKind::Measures => MEASURE,
        ListKind::Workstreams => WORKSTREAM,
        ListKind::Commitments => COMMITMENT,
        ListKind::Governance if row == 0 => SECRETARIAT,
        ListKind::Governance => DECISION_MAKING,
        ListKind::Awareness => AWARENESS,
        ListKind::Readings => READING,
        ListKind::Learnings => LEARNING,
        ListKind::NextSteps => NEXT_STEP,
        ListKind::Participants => PARTICIPANT,
        ListKind::Decisions => DECISION,
        ListKind::Actions => ACTION,
        ListKind::Parked => PARKED,
    }
}

/// The form for a step's free notes.
pub fn notes_specs() -> &'static [FieldSpec] {
    NOTES
}
