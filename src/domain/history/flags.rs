//! What a carried action's history says about it: how often it has been
//! carried to another meeting, and whether anyone is there to do it (no
//! owner, the owner absent today, the owner's organisation gone from the
//! partnership). The actions view, the minutes and the trustee pack show
//! these flags so stalled commitments stand out.

use super::History;
use crate::domain::{ActionItem, Attendance, Participant, Session, comparable, comparable_is};

// Serde: the command line remembers each action's flags between runs.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Flag {
    /// Carried to this many later meetings while still open.
    Carried(usize),
    NoOwner,
    /// The owner is not present at the meeting.
    OwnerAbsent,
    /// The owner's organisation (named) has nobody in the meeting's list of
    /// participants any more.
    OrganisationLeft(String),
}

impl Flag {
    /// "carried 3 times", "owner absent today", "no owner", "owner's
    /// organisation has left (Aid)".
    pub fn words(&self) -> String {
        match self {
            Flag::Carried(1) => "carried once".into(),
            Flag::Carried(n) => format!("carried {n} times"),
            Flag::NoOwner => "no owner".into(),
            Flag::OwnerAbsent => "owner absent today".into(),
            Flag::OrganisationLeft(org) => format!("owner's organisation has left ({org})"),
        }
    }

    /// The flags as one phrase for a table cell or a list: "carried twice; no owner".
    pub fn join(flags: &[Flag]) -> String {
        flags.iter().map(Flag::words).collect::<Vec<_>>().join("; ")
    }
}

impl History<'_> {
    /// The flags of `action` as it stands at the meeting `at` (an index into
    /// the history). Only open actions are flagged: a done action needs no
    /// chasing. Attendance flags need the meeting's list of participants.
    /// For every action of the archive at once, see [`History::flags_of`].
    pub fn flags(&self, action: &ActionItem, at: usize) -> Vec<Flag> {
        let Some(today) = self.session(at) else {
            return Vec::new();
        };
        let upto = self.series_upto(at);
        judge(action, &mut Scan { today, upto })
    }

    /// The sessions of `at`'s series up to and including it, oldest first.
    fn series_upto(&self, at: usize) -> Vec<&Session> {
        let Some(series) = self.series_of(at) else {
            return self.session(at).into_iter().collect();
        };
        let end = series.sessions.iter().position(|&i| i == at).unwrap_or(0);
        series.sessions[..=end]
            .iter()
            .filter_map(|&i| self.session(i))
            .collect()
    }
}

/// What the rules ask of a series up to and including the meeting an
/// action is flagged at ("today"). A single look-up scans the series
/// ([`Scan`]); the whole table keeps running counts as it walks each series
/// once. Names are compared as [`comparable`] makes them.
pub(super) trait Facts<'s> {
    /// A name as compared, in whatever form is quickest to look up.
    type Name;
    /// How many meetings hold an action with this id (trimmed, not empty).
    fn copies(&mut self, id: &str) -> usize;
    /// An owner's name as compared, or `None` when that is blank.
    fn name(&mut self, owner: &'s str) -> Option<Self::Name>;
    /// Whether today's meeting lists any participants.
    fn has_participants(&self) -> bool;
    /// The organisation of the participant with this name, as the latest
    /// meeting listing them says (see [`said_organisation`]).
    fn organisation(&mut self, name: &Self::Name) -> Option<&'s str>;
    /// Whether anyone listed today is of this organisation.
    fn has_organisation(&mut self, org: &'s str) -> bool;
    /// Whether someone present today has this name, or is of an
    /// organisation with this name (for an owner that is a group).
    fn is_present(&mut self, name: &Self::Name) -> bool;
}

/// The rules: carried to later meetings, no owner, the owner's organisation
/// gone, the owner absent; only open actions are flagged.
pub(super) fn judge<'s, F: Facts<'s>>(action: &'s ActionItem, facts: &mut F) -> Vec<Flag> {
    if !action.status.is_open() {
        return Vec::new();
    }
    let mut flags = Vec::new();
    let id = action.id.trim();
    if !id.is_empty() {
        let copies = facts.copies(id);
        if copies > 1 {
            flags.push(Flag::Carried(copies - 1));
        }
    }
    let Some(owner) = facts.name(&action.owner) else {
        flags.push(Flag::NoOwner);
        return flags;
    };
    if !facts.has_participants() {
        return flags;
    }
    if let Some(org) = facts
        .organisation(&owner)
        .filter(|org| !facts.has_organisation(org))
    {
        flags.push(Flag::OrganisationLeft(org.to_string()));
    } else if !facts.is_present(&owner) {
        flags.push(Flag::OwnerAbsent);
    }
    flags
}

/// What a session says of a participant's organisation: the first of them
/// listed under a name speaks for that name, and says nothing when it
/// names no organisation (an earlier session's word then stands).
pub(super) fn said_organisation(participant: &Participant) -> Option<&str> {
    Some(participant.organisation.trim()).filter(|org| !org.is_empty())
}

/// The facts for one look-up, scanned from the sessions up to today.
struct Scan<'s> {
    today: &'s Session,
    upto: Vec<&'s Session>,
}

impl<'s> Facts<'s> for Scan<'s> {
    type Name = String;

    fn copies(&mut self, id: &str) -> usize {
        // Ids as followed from session to session: trimmed.
        let holds = |s: &&&Session| s.actions.iter().any(|a| a.id.trim() == id);
        self.upto.iter().filter(holds).count()
    }

    fn name(&mut self, owner: &'s str) -> Option<String> {
        Some(comparable(owner)).filter(|name| !name.is_empty())
    }

    fn has_participants(&self) -> bool {
        !self.today.participants.is_empty()
    }

    fn organisation(&mut self, name: &String) -> Option<&'s str> {
        self.upto.iter().rev().find_map(|s| {
            s.participants
                .iter()
                .find(|p| comparable_is(&p.name, name))
                .and_then(said_organisation)
        })
    }

    fn has_organisation(&mut self, org: &'s str) -> bool {
        let org = comparable(org);
        let today = &self.today.participants;
        today.iter().any(|p| comparable_is(&p.organisation, &org))
    }

    fn is_present(&mut self, name: &String) -> bool {
        self.today
            .participants
            .iter()
            .filter(|p| p.attendance == Attendance::Present)
            .any(|p| comparable_is(&p.name, name) || comparable_is(&p.organisation, name))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::ActionStatus;
    use crate::domain::history::tests::{meeting, person};

    fn action(id: &str, owner: &str) -> ActionItem {
        ActionItem {
            id: id.into(),
            text: format!("Do {id}").into(),
            owner: owner.into(),
            ..Default::default()
        }
    }

    /// Four meetings; a-1 (Ann, Aid) is carried through all of them, a-2 has
    /// no owner, a-3 belongs to Bo (Beacon), whose organisation leaves.
    fn archive() -> Vec<Session> {
        let mut july = meeting("July", "Level Ground", 7, 8);
        july.participants = vec![
            person("Ann", "Aid", Attendance::Present),
            person("Bo", "Beacon", Attendance::Present),
        ];
        july.actions = vec![action("a-1", "Ann"), action("a-2", " "), action("a-3", "Bo")];
        let now = july.created;
        let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
        let sept = july.follow_up("Sept", date(9, 16), now);
        let mut nov = sept.follow_up("Nov", date(11, 11), now);
        nov.participants[0].attendance = Attendance::Apologies;
        nov.participants.retain(|p| p.organisation != "Beacon");
        let mut dec = nov.follow_up("Dec", date(12, 16), now);
        dec.participants[0].attendance = Attendance::Apologies;
        vec![july, sept, nov, dec]
    }

    #[test]
    fn carried_actions_count_the_meetings_they_were_carried_to() {
        let sessions = archive();
        let h = History::new(&sessions);
        let a1 = &sessions[3].actions[0];
        assert_eq!(
            h.flags(&sessions[0].actions[0], 0),
            [],
            "new at its first meeting"
        );
        assert_eq!(h.flags(&sessions[1].actions[0], 1), [Flag::Carried(1)]);
        assert_eq!(h.flags(a1, 3), [Flag::Carried(3), Flag::OwnerAbsent]);
        assert_eq!(Flag::join(&h.flags(a1, 3)), "carried 3 times; owner absent today");
    }

    #[test]
    fn an_id_written_with_spaces_around_it_is_counted_as_carried_as_it_is_followed() {
        let mut sessions = archive();
        // As a hand edit might leave it in one file.
        sessions[1].actions[0].id = " a-1 ".into();
        let h = History::new(&sessions);
        assert_eq!(h.flags(&sessions[3].actions[0], 3)[0], Flag::Carried(3));
        let records = h.actions();
        let a1 = records.iter().position(|r| r.action.id == "a-1").unwrap();
        assert_eq!(h.flags_of(&records)[a1][0], Flag::Carried(3));
    }

    #[test]
    fn no_owner_and_an_organisation_that_left_are_flagged() {
        let sessions = archive();
        let h = History::new(&sessions);
        let nov = &sessions[2];
        assert_eq!(h.flags(&nov.actions[1], 2), [Flag::Carried(2), Flag::NoOwner]);
        assert_eq!(
            h.flags(&nov.actions[2], 2),
            [Flag::Carried(2), Flag::OrganisationLeft("Beacon".into())]
        );
        assert_eq!(
            Flag::OrganisationLeft("Beacon".into()).words(),
            "owner's organisation has left (Beacon)"
        );
    }

    #[test]
    fn done_actions_and_owners_present_by_organisation_are_not_flagged() {
        let mut sessions = archive();
        sessions[3].actions[0].status = ActionStatus::Done;
        sessions[3].actions[2].owner = "aid".into();
        sessions[3].participants[0].attendance = Attendance::Present;
        let h = History::new(&sessions);
        assert_eq!(h.flags(&sessions[3].actions[0], 3), []);
        assert_eq!(h.flags(&sessions[3].actions[2], 3), [Flag::Carried(3)]);
    }
}
