//! The people in the room (and those who sent apologies).

use serde::{Deserialize, Serialize};

use super::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Participant {
    pub name: Text,
    pub organisation: Text,
    /// Their role in their own organisation, e.g. "Chief executive".
    pub role: String,
    pub sector: Sector,
    /// Brings direct personal or professional experience of the issue.
    pub lived_experience: bool,
    pub attendance: Attendance,
    /// How many times the facilitator has marked them as having spoken, so
    /// quieter voices can be seen and invited in.
    pub contributions: u32,
    /// They agreed to be quoted by name in the minutes. Without it, what
    /// they said is attributed to their organisation ("a member of X") when
    /// they bring lived experience, and in public minutes always.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub quote_by_name: bool,
}

impl Default for Participant {
    fn default() -> Self {
        Participant {
            name: Text::default(),
            organisation: Text::default(),
            role: String::new(),
            sector: Sector::Voluntary,
            lived_experience: false,
            attendance: Attendance::Present,
            contributions: 0,
            quote_by_name: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Sector {
    Community,
    Voluntary,
    Public,
    Private,
    Funder,
    Academic,
    Other,
}

impl Sector {
    pub const ALL: [Sector; 7] = [
        Sector::Community,
        Sector::Voluntary,
        Sector::Public,
        Sector::Private,
        Sector::Funder,
        Sector::Academic,
        Sector::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Sector::Community => "Community",
            Sector::Voluntary => "Voluntary",
            Sector::Public => "Public",
            Sector::Private => "Private",
            Sector::Funder => "Funder",
            Sector::Academic => "Academic",
            Sector::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Attendance {
    Present,
    Apologies,
    Absent,
}

impl Attendance {
    pub const ALL: [Attendance; 3] = [Attendance::Present, Attendance::Apologies, Attendance::Absent];

    pub fn label(self) -> &'static str {
        match self {
            Attendance::Present => "Present",
            Attendance::Apologies => "Apologies",
            Attendance::Absent => "Absent",
        }
    }
}
