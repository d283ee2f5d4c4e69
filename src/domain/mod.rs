//! The pure domain model of a co-design session.
//!
//! Nothing here touches the terminal or the file system: "now" is always
//! passed in, so tests (and snapshot output) stay deterministic.

mod content;
mod diff;
mod fold;
mod followup;
mod history;
mod ids;
mod keys;
mod participant;
mod records;
mod search;
mod search_index;
mod session;
mod slug;
mod snippet;
mod steps;
mod text;
mod validate;
mod when;

pub use content::*;
pub use diff::differences;
pub use fold::fold;
pub use followup::ActionChange;
pub use history::{
    ActionFilter, ActionRecord, History, MeasureHistory, OnTrack, ReadingAt, Series, Shape, sparkline,
};
pub use ids::new_item_id;
pub use participant::{Attendance, Participant, Sector};
pub use records::{ActionItem, ActionStatus, Decision, DecisionMethod, ParkedItem};
pub use search::{Hit, Section, search};
pub use search_index::SearchIndex;
pub use session::{FORMAT_VERSION, Session, SessionStatus, ShownInMinutes};
pub use slug::slug;
pub use steps::*;
pub use text::{REPLACEMENT, clean_for_terminal, needs_cleaning};
pub use validate::{Problem, Severity};
pub use when::{parse_date, parse_time};
