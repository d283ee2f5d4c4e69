//! What the sessions list needs of a session, small enough to keep for
//! every file of a large archive and to remember between runs: the home
//! screen and `roundtable list` draw from cards, never from whole sessions.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{Audience, Problem, Session, SessionStatus, Severity, Stage, markings};

/// A session's summary: who, when, where it stands, what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub previous: String,
    pub title: String,
    pub partnership: String,
    pub date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub location: String,
    pub facilitator: String,
    pub status: SessionStatus,
    pub participants: usize,
    pub present: usize,
    pub decisions: usize,
    pub actions: usize,
    pub open_actions: usize,
    /// Where the minutes stand.
    pub minutes: Stage,
    /// Items marked for trustees, partners and the public.
    pub shown_to: [usize; 3],
    /// How many errors and warnings `Session::validate` found, worked out
    /// once when the file was read.
    pub errors: u32,
    pub warnings: u32,
    /// What those problems say, while the card is fresh from its file.
    /// Never remembered with the card: at 10,000 sessions the messages
    /// would outweigh everything else, and only `list --json` prints them
    /// (the cache keeps them apart for it, see `storage::cache`).
    #[serde(skip)]
    pub problems: Vec<Problem>,
}

impl Card {
    pub fn of(s: &Session) -> Card {
        Card {
            id: s.id.clone(),
            previous: s.previous.clone(),
            title: s.title.clone(),
            partnership: s.partnership.clone(),
            date: s.date,
            start_time: s.start_time,
            location: s.location.clone(),
            facilitator: s.facilitator.clone(),
            status: s.status,
            participants: s.participants.len(),
            present: s.present().count(),
            decisions: s.decisions.len(),
            actions: s.actions.len(),
            open_actions: s.open_actions().count(),
            minutes: s.minutes.stage(),
            shown_to: {
                let marks = markings(s);
                [Audience::Trustees, Audience::Partners, Audience::Public].map(|a| a.count_in(&marks))
            },
            errors: 0,
            warnings: 0,
            problems: Vec::new(),
        }
        .with_problems(s.validate())
    }

    fn with_problems(mut self, problems: Vec<Problem>) -> Card {
        let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
        self.errors = u32::try_from(errors).unwrap_or(u32::MAX);
        self.warnings = u32::try_from(problems.len() - errors).unwrap_or(u32::MAX);
        self.problems = problems;
        self
    }

    /// Whether the session cannot be used as it is (errors, not warnings).
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// Whether `validate` found anything at all.
    pub fn has_problems(&self) -> bool {
        self.errors > 0 || self.warnings > 0
    }

    /// Whether the messages of its problems are here (or there are none).
    pub fn has_messages(&self) -> bool {
        !self.has_problems() || !self.problems.is_empty()
    }
}

/// What grouping sessions into a partnership's series reads of each one, so
/// whole sessions and cards group the same way (see `history::Shape`).
pub trait Meeting {
    fn id(&self) -> &str;
    fn previous(&self) -> &str;
    fn partnership(&self) -> &str;
    fn date(&self) -> NaiveDate;
    fn start_time(&self) -> Option<NaiveTime>;
    fn title(&self) -> &str;
}

macro_rules! meeting {
    ($t:ty) => {
        impl Meeting for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn previous(&self) -> &str {
                &self.previous
            }
            fn partnership(&self) -> &str {
                &self.partnership
            }
            fn date(&self) -> NaiveDate {
                self.date
            }
            fn start_time(&self) -> Option<NaiveTime> {
                self.start_time
            }
            fn title(&self) -> &str {
                &self.title
            }
        }
    };
}
meeting!(Session);
meeting!(Card);

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::{ActionItem, ActionStatus};

    #[test]
    fn a_card_counts_what_the_list_shows_and_keeps_the_problems() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let date = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
        let mut s = Session::new("June", "Riverside", date, now);
        s.actions.push(ActionItem {
            status: ActionStatus::Done,
            ..Default::default()
        });
        s.actions.push(ActionItem::default());
        let card = Card::of(&s);
        assert_eq!((card.actions, card.open_actions), (2, 1));
        assert_eq!(card.problems, s.validate());
        assert!(!card.has_errors());
        let owned = ActionItem {
            text: "Call".into(),
            owner: "Nobody here".into(),
            ..Default::default()
        };
        s.actions.push(owned);
        let card = Card::of(&s);
        assert_eq!((card.errors, card.warnings, card.problems.len()), (0, 3, 3));
        let remembered: Card = postcard::from_bytes(&postcard::to_stdvec(&card).unwrap()).unwrap();
        assert!(remembered.problems.is_empty() && !remembered.has_messages());
        assert_eq!(
            remembered.warnings, 3,
            "the count is remembered, not the messages"
        );
        s.title.clear();
        assert!(Card::of(&s).has_errors());
    }
}
