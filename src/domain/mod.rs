//! The pure domain model of a co-design session.
//!
//! Nothing here touches the terminal or the file system: "now" is always
//! passed in, so tests (and snapshot output) stay deterministic.

mod audience;
mod card;
mod clock;
mod consent;
mod content;
mod day;
mod diff;
pub mod engagement;
mod fold;
mod followup;
pub mod grid;
mod health;
mod health_spread;
pub mod health_trend;
mod history;
mod ids;
mod keys;
mod participant;
mod participation;
mod plan;
mod records;
mod review;
mod rounds;
mod search;
mod search_build;
mod search_fields;
mod search_found;
mod search_index;
mod session;
mod shared_text;
mod signoff;
mod slug;
mod snippet;
mod steps;
mod text;
mod text_pool;
mod validate;
mod votes;
mod when;

pub use audience::{Audience, SessionShownTo, attribution, for_audience, markings};
pub use card::{Card, Meeting};
pub use clock::{EXTEND_MINUTES, Face, Jump, MAX_GAP, duration_words, left_words};
pub use consent::{
    Answer, ConsentCheck, Count as ConsentCount, Outcome as ConsentOutcome, Position, Resolution, Resolve,
    Response, Scale, Subject, vision_wording,
};
pub use content::*;
pub use diff::differences;
pub use engagement::Engagement;
pub use fold::{comparable, comparable_is, fold};
pub use followup::ActionChange;
pub use grid::Grid;
pub use health::{HealthCheck, HealthScore, Principle, SCORE_RANGE};
pub use health_spread::Spread;
pub use health_trend::HealthTrend;
pub use history::{
    ActionFilter, ActionRecord, ActionTable, Flag, History, MeasureHistory, OnTrack, ReadingAt, Series,
    Shape, TableRow, lean, sparkline,
};
pub use ids::new_item_id;
pub use participant::{Attendance, Participant, Sector};
pub use participation::{Heard, Participation, participation};
pub use plan::{MAX_MINUTES, Part, Plan, Slot};
pub use records::{ActionItem, ActionStatus, Decision, DecisionMethod, ParkedItem};
pub use review::{DecisionReview, DueReview, ReviewOutcome};
pub use rounds::{
    GoRound, RoundMove, RoundOrder, Turn, TurnOutcome, countdown_words, is_smaller_organisation,
    speaking_order,
};
pub use search::{Hit, Section, search};
pub use search_build::{IndexBuilder, Span, Texts, texts_of};
pub use search_index::{Found, Narrowing, SearchIndex};
pub use session::{FORMAT_VERSION, Session, SessionStatus, ShownInMinutes};
pub use shared_text::Text;
pub use signoff::{
    Amendment, Approval, ApprovedBy, Circulation, Move as SignOffMove, Refusal, SignOff, Stage,
};
pub use slug::slug;
pub use steps::*;
pub use text::{REPLACEMENT, clean_for_terminal, clean_lines, needs_cleaning};
pub use text_pool::TextPool;
pub use validate::{Problem, Severity};
pub use votes::{Ballot, Counting, DotVote, Tally, TallyRow, VoteList, voices};
pub use when::{parse_date, parse_time};
