//! What `search` and `actions` read of each remembered session's head: its
//! name, place in time and links, the rest skipped over unread (decoding
//! every field of a thousand sessions costs more than the command's work).

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::Stamp;
use crate::domain::{Session, SessionStatus};

/// A front entry read for `search` or `actions` (see `extract::FrontEntry`):
/// its action ids and search texts are read as `I` and `T`, lists for
/// search, [`IgnoredAny`] (skipped) for actions.
#[derive(Deserialize)]
pub(super) struct BriefEntry<I, T> {
    pub(super) name: String,
    pub(super) stamp: Stamp,
    pub(super) rest: Brief,
    pub(super) action_ids: I,
    pub(super) texts: T,
}

/// Front entries of actions: their ids and texts skipped.
pub(super) type ActionsEntry = BriefEntry<IgnoredAny, IgnoredAny>;
/// Front entries of search.
pub(super) type SearchEntry = BriefEntry<Vec<String>, Vec<u32>>;

/// The head of a session as written in the extract (field names as in
/// [`Session`]); every other field is skipped.
#[derive(Deserialize)]
pub(super) struct Brief {
    format_version: u32,
    id: String,
    title: String,
    #[serde(default)]
    partnership: String,
    date: NaiveDate,
    /// As the extract writes it, `"10:00"`.
    #[serde(default)]
    start_time: Option<String>,
    #[serde(default)]
    status: SessionStatus,
    #[serde(default)]
    previous: String,
}

impl Brief {
    /// The session with this head and nothing else (its times left at
    /// their defaults); `None` for a time the extract would not have written.
    pub(super) fn session(self) -> Option<Session> {
        let start_time = match self.start_time {
            Some(t) => Some(NaiveTime::parse_from_str(&t, "%H:%M").ok()?),
            None => None,
        };
        Some(Session {
            format_version: self.format_version,
            id: self.id,
            title: self.title,
            partnership: self.partnership,
            date: self.date,
            start_time,
            location: String::new(),
            facilitator: String::new(),
            status: self.status,
            previous: self.previous,
            shown_in_minutes: Default::default(),
            shown_to: Default::default(),
            participants: Vec::new(),
            goals: Vec::new(),
            vision: Default::default(),
            activities: Vec::new(),
            roles: Default::default(),
            awareness: Vec::new(),
            review: Default::default(),
            notes: Default::default(),
            decisions: Vec::new(),
            reviews: Vec::new(),
            actions: Vec::new(),
            parking_lot: Vec::new(),
            rounds: Vec::new(),
            votes: Vec::new(),
            consent_checks: Vec::new(),
            plan: Default::default(),
            minutes: Default::default(),
            health: Default::default(),
            created: Default::default(),
            updated: Default::default(),
        })
    }
}
