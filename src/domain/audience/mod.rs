//! Who may read what: one session, three audiences. Trustees see the whole
//! record, partners everything not kept for the board, the public only what
//! was chosen for publication. Each item carries the widest audience that
//! may read it (`shown_to`); minutes for an audience are written from a copy
//! of the session with everything else taken out (see `redact`), so no
//! section of the minutes can leak what it was never given.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Session, Step};

mod redact;

pub use redact::{attribution, for_audience};

impl Audience {
    /// How many of `marks` are marked for this audience.
    pub fn count_in(self, marks: &[Audience]) -> usize {
        marks.iter().filter(|m| **m == self).count()
    }
}

/// The readers of a set of minutes, from the widest to the narrowest
/// circle: ordered so that a reader sees an item when `item <= reader`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub enum Audience {
    /// Anyone: the minutes may be published.
    Public,
    /// The organisations in the partnership. The default for an item: what
    /// is said in the room belongs to the partners who were there, and a
    /// chair of trustees expects nothing to be published, and nothing to be
    /// kept from the partners, unless someone chose so.
    #[default]
    Partners,
    /// The board: the full record, including what is kept from partners.
    Trustees,
}

impl Audience {
    /// Widest reading circle first, as menus and the CLI list them.
    pub const ALL: [Audience; 3] = [Audience::Public, Audience::Partners, Audience::Trustees];

    pub fn label(self) -> &'static str {
        match self {
            Audience::Public => "Public",
            Audience::Partners => "Partners",
            Audience::Trustees => "Trustees",
        }
    }

    /// As the CLI spells it (`--audience public`).
    pub fn name(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Partners => "partners",
            Audience::Trustees => "trustees",
        }
    }

    /// How an item marked for this audience reads beside it on screen.
    pub fn marking(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Partners => "partners",
            Audience::Trustees => "trustees only",
        }
    }

    /// What the minutes' header says about who they are for.
    pub fn minutes_note(self) -> &'static str {
        match self {
            Audience::Public => "Public: may be published",
            Audience::Partners => "Partners: for the organisations in the partnership, not for publication",
            Audience::Trustees => "Trustees: the full record, confidential to the board",
        }
    }

    pub fn parse(text: &str) -> Option<Audience> {
        let text = text.trim();
        Audience::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(text))
    }

    /// Whether a reader of this audience may see an item marked `item`.
    pub fn sees(self, item: Audience) -> bool {
        item <= self
    }

    /// The next marking when the facilitator cycles an item: from the
    /// default, first to the board (keeping something back is the commoner
    /// need in the room), then to the public, then back.
    pub fn cycled(self) -> Audience {
        match self {
            Audience::Partners => Audience::Trustees,
            Audience::Trustees => Audience::Public,
            Audience::Public => Audience::Partners,
        }
    }

    pub fn is_default(&self) -> bool {
        *self == Audience::default()
    }
}

/// Markings for the parts of a session that are not items in a list: each
/// step's notes, the final vision wording (with the consent given to it),
/// the roles' secretariat and decision-making text, the plan against time
/// and the participation summary. Left out of the file while all are the
/// default. Votes and consent checks have no marking of their own: they
/// follow what they were held on, so marking a goal hides the vote on it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionShownTo {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<Step, Audience>,
    #[serde(skip_serializing_if = "Audience::is_default")]
    pub vision: Audience,
    #[serde(skip_serializing_if = "Audience::is_default")]
    pub roles: Audience,
    #[serde(skip_serializing_if = "Audience::is_default")]
    pub plan: Audience,
    #[serde(skip_serializing_if = "Audience::is_default")]
    pub participation: Audience,
}

impl SessionShownTo {
    pub fn is_default(&self) -> bool {
        *self == SessionShownTo::default()
    }

    pub fn note(&self, step: Step) -> Audience {
        self.notes.get(&step).copied().unwrap_or_default()
    }

    /// Marks a step's notes, keeping the map free of defaults.
    pub fn set_note(&mut self, step: Step, audience: Audience) {
        if audience.is_default() {
            self.notes.remove(&step);
        } else {
            self.notes.insert(step, audience);
        }
    }
}

/// Every marking the session holds, item by item (measures within their
/// activities), then the session's own: for counts in `list --json`.
pub fn markings(s: &Session) -> Vec<Audience> {
    let marks = s.goals.iter().map(|x| x.shown_to);
    let marks = marks.chain(s.vision.drafts.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.vision.consent.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.activities.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.activities.iter().flat_map(|a| &a.measures).map(|x| x.shown_to));
    let marks = marks.chain(s.roles.workstreams.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.roles.commitments.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.awareness.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.review.readings.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.review.learnings.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.review.next_steps.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.decisions.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.actions.iter().map(|x| x.shown_to));
    let marks = marks.chain(s.parking_lot.iter().map(|x| x.shown_to));
    let t = &s.shown_to;
    let own = [t.vision, t.roles, t.plan, t.participation];
    marks.chain(t.notes.values().copied()).chain(own).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trustees_see_most_then_partners_then_the_public() {
        use Audience::*;
        assert!(Trustees.sees(Trustees) && Trustees.sees(Partners) && Trustees.sees(Public));
        assert!(!Partners.sees(Trustees) && Partners.sees(Partners) && Partners.sees(Public));
        assert!(!Public.sees(Trustees) && !Public.sees(Partners) && Public.sees(Public));
    }

    #[test]
    fn cycling_visits_every_audience_and_comes_back() {
        let mut a = Audience::default();
        let mut seen = vec![a];
        for _ in 0..3 {
            a = a.cycled();
            seen.push(a);
        }
        assert_eq!(
            seen,
            [
                Audience::Partners,
                Audience::Trustees,
                Audience::Public,
                Audience::Partners
            ]
        );
    }

    #[test]
    fn names_parse_back() {
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.name()), Some(a));
        }
        assert_eq!(Audience::parse(" TRUSTEES "), Some(Audience::Trustees));
        assert_eq!(Audience::parse("board"), None);
    }
}
