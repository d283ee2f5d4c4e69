//! What the meeting clock says, in words (so it reads without colour and
//! from the back of a room), and what the terminal loop compares to know
//! when the screen needs drawing again.

use chrono::{DateTime, NaiveDate, Utc};

use super::message::Message;
use super::{App, Screen};
use crate::domain::{Plan, duration_words, left_words};

/// The clock as the header shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockText {
    /// "▶ Step 3 12:04 left", "paused · Break 4 min over", or, before the
    /// first start, "2 h 00 planned".
    pub part: String,
    /// "1 h 43 left in all", or the hint to start the clock.
    pub session: String,
    /// The part (or the whole plan) ran over its time.
    pub over: bool,
}

/// The clock for `plan` at `now`; none for a session without a plan.
pub fn clock_text(plan: &Plan, now: DateTime<Utc>) -> Option<ClockText> {
    if plan.slots.is_empty() {
        return None;
    }
    let Some(face) = plan.face(now) else {
        return Some(ClockText {
            part: format!("{} planned", duration_words(i64::from(plan.total_minutes()) * 60)),
            session: "t starts the clock".into(),
            over: false,
        });
    };
    let state = if face.running { "▶" } else { "paused ·" };
    let session = if face.session_left >= 0 {
        format!("{} left in all", duration_words(face.session_left))
    } else {
        format!("{} over in all", duration_words(-face.session_left))
    };
    Some(ClockText {
        part: format!("{state} {} {}", face.part.short(), left_words(face.left)),
        session,
        over: face.left <= 0 || face.session_left < 0,
    })
}

/// Everything on screen that can change without a key being pressed. The
/// terminal loop draws after each input, and after a tick only when this
/// changed: so a paused or hidden clock costs no drawing at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnScreen {
    message: Option<Message>,
    screen_message: Option<String>,
    saved_at: Option<DateTime<Utc>>,
    unsaved: bool,
    clock: Option<ClockText>,
    /// A timed go-round's seconds left for the speaker, drawn as "1:05 left".
    countdown: Option<i64>,
    today: NaiveDate,
    offers: usize,
    /// The archive's list and how far its check has got.
    library: (u64, Option<(usize, usize)>),
    /// How far the read for the screens looking across sessions has got.
    across: u64,
}

impl App {
    pub fn on_screen(&self, now: DateTime<Utc>) -> OnScreen {
        let (screen_message, clock, countdown) = match &self.screen {
            Screen::Session(s) => (
                s.message.clone(),
                clock_text(&s.session.plan, now),
                s.session.open_round().and_then(|r| r.seconds_left(now)),
            ),
            _ => (None, None, None),
        };
        OnScreen {
            message: self.message.clone(),
            screen_message,
            saved_at: self.guard.saved_at,
            unsaved: self.guard.unsaved,
            clock,
            countdown,
            today: self.today,
            offers: self.offers.len(),
            library: (self.library.generation, self.library.checking),
            across: self.library.across_news(),
        }
    }
}

/// The clock's share of a tick: notice a computer that slept.
pub(super) fn tick(app: &mut App, now: DateTime<Utc>) {
    if let Screen::Session(screen) = &mut app.screen {
        screen.look_at_clock(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap_or_default()
    }

    #[test]
    fn the_clock_reads_in_words_before_during_and_after_its_time() {
        let mut plan = Plan::parse("opening 10\ngoals 20\n").unwrap_or_default();
        assert_eq!(clock_text(&Plan::default(), t(0)), None);
        let before = clock_text(&plan, t(0)).unwrap_or_else(|| unreachable!());
        assert_eq!(before.part, "30 min planned");
        assert_eq!(before.session, "t starts the clock");
        plan.start(t(0));
        let running = clock_text(&plan, t(64)).unwrap_or_else(|| unreachable!());
        assert_eq!(running.part, "▶ Opening 8:56 left");
        assert_eq!(running.session, "29 min left in all");
        assert!(!running.over);
        plan.pause(t(14 * 60));
        let over = clock_text(&plan, t(9999)).unwrap_or_else(|| unreachable!());
        assert_eq!(over.part, "paused · Opening 4 min over");
        assert!(over.over);
    }
}
