//! Each remembered session's head (see [`Brief`]) and how `search` and
//! `actions` read an entry of the extract's front, skipping what they do
//! not need unread.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

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

/// The head of a session, all the extract keeps of it besides its actions,
/// participants and search texts: what names it and places it in its
/// series (field names as in [`Session`]).
#[derive(Serialize, Deserialize)]
pub(super) struct Brief<S = String> {
    format_version: u32,
    id: S,
    title: S,
    #[serde(default)]
    partnership: S,
    date: NaiveDate,
    /// As the extract writes it, `"10:00"`.
    #[serde(default)]
    start_time: Option<S>,
    #[serde(default)]
    status: SessionStatus,
    #[serde(default)]
    previous: S,
}

impl<'a> Brief<Cow<'a, str>> {
    /// The head of `s`, borrowed from it to be written.
    pub(super) fn of(s: &'a Session) -> Self {
        Brief {
            format_version: s.format_version,
            id: s.id.as_str().into(),
            title: s.title.as_str().into(),
            partnership: s.partnership.as_str().into(),
            date: s.date,
            start_time: s
                .start_time
                .map(|t| format!("{:02}:{:02}", t.hour(), t.minute()).into()),
            status: s.status,
            previous: s.previous.as_str().into(),
        }
    }
}

/// `s` with its head alone, as [`Brief::of`] then [`Brief::session`] give
/// it back (its start time to the minute), without copying it.
pub(super) fn cut(s: Session) -> Session {
    let start_time = s
        .start_time
        .and_then(|t| NaiveTime::from_hms_opt(t.hour(), t.minute(), 0));
    let head = Brief {
        format_version: s.format_version,
        id: s.id,
        title: s.title,
        partnership: s.partnership,
        date: s.date,
        start_time: None,
        status: s.status,
        previous: s.previous,
    };
    head.with_start(start_time)
}

impl Brief {
    /// The session with this head and nothing else (its times left at
    /// their defaults); `None` for a time the extract would not have written.
    pub(super) fn session(self) -> Option<Session> {
        let start_time = match &self.start_time {
            Some(t) => Some(NaiveTime::parse_from_str(t, "%H:%M").ok()?),
            None => None,
        };
        Some(self.with_start(start_time))
    }

    /// The session with this head, starting at `start_time`.
    fn with_start(self, start_time: Option<NaiveTime>) -> Session {
        // An empty session, then the head: `Session::new` would tidy the
        // title and make the id, where the extract keeps them as written.
        let mut session = Session::new("", "", self.date, Default::default());
        session.format_version = self.format_version;
        session.id = self.id;
        session.title = self.title;
        session.partnership = self.partnership;
        session.start_time = start_time;
        session.status = self.status;
        session.previous = self.previous;
        session
    }
}
