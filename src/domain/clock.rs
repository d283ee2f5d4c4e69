//! The meeting clock: time accounting on a [`Plan`], with "now" always
//! passed in so every rule is tested without waiting.
//!
//! Time is added to the current part when the clock is paused, switched to
//! another part, or looked at after a jump; while it runs, the live figure
//! is the recorded time plus the time since `running_since`. So a running
//! clock changes nothing in the file until something happens to it.
//!
//! The wall clock can jump (a laptop suspended with the lid shut, the
//! system time corrected). The rules, chosen so the minutes never claim
//! time nobody spent in the room:
//! - a jump backwards counts as zero: time counted up to the last look is
//!   kept, and counting starts again from the new "now";
//! - a jump forwards of more than [`MAX_GAP`] between two looks (the app
//!   looks every second or so) means the computer was asleep: the gap is
//!   not counted and the clock is paused, so the facilitator sees it and
//!   restarts it with one key;
//! - a session opened with its clock still running (the app stopped
//!   without pausing it) counts up to its last save, then stands paused.

use chrono::{DateTime, TimeDelta, Utc};

use super::plan::{Part, Plan};

/// A longer gap between two looks at the clock is taken for a suspended
/// computer, not for meeting time.
pub const MAX_GAP: TimeDelta = TimeDelta::minutes(2);

/// Minutes added by one "extend".
pub const EXTEND_MINUTES: u32 = 5;

/// A jump of the wall clock found by [`Plan::look`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    /// Time went backwards; nothing was counted for it.
    Backwards,
    /// Time went forwards by this much between two looks (the computer
    /// slept); none of it was counted and the clock is paused.
    Asleep(TimeDelta),
}

/// What the clock shows for the current part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Face {
    pub part: Part,
    pub running: bool,
    /// Seconds left in the part; negative once it overran.
    pub left: i64,
    /// Seconds left in the whole plan; negative once it overran.
    pub session_left: i64,
}

fn seconds(d: TimeDelta) -> u32 {
    u32::try_from(d.num_seconds().max(0)).unwrap_or(u32::MAX)
}

impl Plan {
    pub fn is_running(&self) -> bool {
        self.running_since.is_some() && self.current.is_some()
    }

    /// Adds the time since `running_since` to the current part and counts
    /// on from `now`. A `now` before `running_since` adds nothing.
    pub fn settle(&mut self, now: DateTime<Utc>) {
        self.settle_until(now, now);
    }

    /// Counts up to `until`, then on from `now`.
    fn settle_until(&mut self, until: DateTime<Utc>, now: DateTime<Utc>) {
        let (Some(since), Some(slot)) = (self.running_since, self.current) else {
            return;
        };
        if let Some(s) = self.slots.get_mut(slot) {
            s.spent = s.spent.saturating_add(seconds(until - since));
        }
        self.running_since = Some(now);
    }

    /// Starts or resumes the clock on the current part (the first one when
    /// none was started yet). False when there is no plan to time.
    pub fn start(&mut self, now: DateTime<Utc>) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        if self.current.is_none_or(|c| c >= self.slots.len()) {
            self.current = Some(0);
        }
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
        true
    }

    pub fn pause(&mut self, now: DateTime<Utc>) {
        self.settle(now);
        self.running_since = None;
    }

    /// Starts a paused clock, pauses a running one; says which it now is.
    pub fn toggle(&mut self, now: DateTime<Utc>) -> bool {
        if self.is_running() {
            self.pause(now);
            false
        } else {
            self.start(now)
        }
    }

    /// Makes `slot` the current part: the time so far goes to the part
    /// that was current, and a running clock counts for `slot` from now.
    pub fn switch_to(&mut self, slot: usize, now: DateTime<Utc>) {
        if slot >= self.slots.len() || self.current == Some(slot) {
            return;
        }
        self.settle(now);
        self.current = Some(slot);
    }

    /// Gives the current part [`EXTEND_MINUTES`] more; false when no part
    /// is current.
    pub fn extend(&mut self) -> bool {
        match self.current.and_then(|c| self.slots.get_mut(c)) {
            Some(slot) => {
                slot.extended = slot.extended.saturating_add(EXTEND_MINUTES);
                true
            }
            None => false,
        }
    }

    /// Seconds spent on `slot` as of `now`, the running stretch included.
    pub fn spent_at(&self, slot: usize, now: DateTime<Utc>) -> i64 {
        let recorded = self.slots.get(slot).map_or(0, |s| i64::from(s.spent));
        match self.running_since {
            Some(since) if self.current == Some(slot) => recorded + i64::from(seconds(now - since)),
            _ => recorded,
        }
    }

    /// What the clock shows at `now`; none before it was first started.
    pub fn face(&self, now: DateTime<Utc>) -> Option<Face> {
        let current = self.current?;
        let slot = self.slots.get(current)?;
        let spent: i64 = (0..self.slots.len()).map(|i| self.spent_at(i, now)).sum();
        Some(Face {
            part: slot.part,
            running: self.is_running(),
            left: slot.allowed() - self.spent_at(current, now),
            session_left: i64::from(self.total_minutes()) * 60 - spent,
        })
    }

    /// Looks at the clock at `now`, `last` being the previous look, and
    /// applies the rules for a clock that jumped (see the module comment).
    pub fn look(&mut self, last: DateTime<Utc>, now: DateTime<Utc>) -> Option<Jump> {
        if !self.is_running() {
            return None;
        }
        if now < last {
            self.settle_until(last, now);
            return Some(Jump::Backwards);
        }
        if now - last > MAX_GAP {
            self.settle_until(last, now);
            self.running_since = None;
            return Some(Jump::Asleep(now - last));
        }
        None
    }

    /// For a session just opened: a clock left running counts up to
    /// `saved` (its last save) and stands paused.
    pub fn stop_left_running(&mut self, saved: DateTime<Utc>) {
        if self.running_since.is_some() {
            self.settle(saved);
            self.running_since = None;
        }
    }
}

/// "12:04" for a time left, "4 min over" (or "time's up" in the first
/// minute) once it ran out: in words, so it reads without colour.
pub fn left_words(seconds: i64) -> String {
    match seconds {
        s if s > 0 => format!("{}:{:02} left", s / 60, s % 60),
        s if s > -60 => "time's up".into(),
        s => format!("{} min over", -s / 60),
    }
}

/// Whole minutes, rounded to the nearest: "23 min", "1 h 05".
pub fn duration_words(seconds: i64) -> String {
    let minutes = (seconds.max(0) + 30) / 60;
    if minutes < 60 {
        format!("{minutes} min")
    } else {
        format!("{} h {:02}", minutes / 60, minutes % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Step;

    fn t(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    /// Opening 10 min, goals 20, break 10.
    fn plan() -> Plan {
        Plan::parse("opening 10\ngoals 20\nbreak 10\n").unwrap()
    }

    #[test]
    fn the_clock_starts_on_the_first_part_and_counts_while_running() {
        let mut p = plan();
        assert!(p.face(t(0)).is_none(), "nothing shows before the first start");
        assert!(p.toggle(t(0)));
        let face = p.face(t(90)).unwrap();
        assert_eq!(face.part, Part::Opening);
        assert!(face.running);
        assert_eq!(face.left, 600 - 90);
        assert_eq!(face.session_left, 40 * 60 - 90);
        assert_eq!(p.slots[0].spent, 0, "a running clock writes nothing yet");
    }

    #[test]
    fn a_pause_is_not_counted() {
        let mut p = plan();
        p.start(t(0));
        assert!(!p.toggle(t(60)));
        assert_eq!(p.slots[0].spent, 60);
        assert_eq!(p.face(t(600)).unwrap().left, 540, "paused: time stands still");
        assert!(p.toggle(t(600)));
        assert_eq!(p.spent_at(0, t(630)), 90);
        p.pause(t(630));
        assert_eq!(p.slots[0].spent, 90);
    }

    #[test]
    fn extending_adds_five_minutes_to_the_current_part_only() {
        let mut p = plan();
        assert!(!p.extend(), "nothing to extend before the clock started");
        p.start(t(0));
        assert!(p.extend());
        assert_eq!(p.slots[0].extended, 5);
        assert_eq!(p.slots[0].minutes, 10, "the plan itself is kept");
        assert_eq!(p.face(t(0)).unwrap().left, 15 * 60);
        assert_eq!(p.face(t(0)).unwrap().session_left, 45 * 60);
    }

    #[test]
    fn an_overrun_shows_in_words() {
        let mut p = plan();
        p.start(t(0));
        let face = p.face(t(14 * 60 + 5)).unwrap();
        assert_eq!(face.left, -(4 * 60 + 5));
        assert_eq!(left_words(face.left), "4 min over");
        assert_eq!(left_words(-20), "time's up");
        assert_eq!(left_words(0), "time's up");
        assert_eq!(left_words(724), "12:04 left");
    }

    #[test]
    fn switching_parts_gives_each_its_own_time() {
        let mut p = plan();
        p.start(t(0));
        let goals = p.slot_of(Step::Goals).unwrap();
        p.switch_to(goals, t(300));
        assert_eq!(p.slots[0].spent, 300);
        assert_eq!(p.spent_at(goals, t(420)), 120);
        p.switch_to(2, t(420));
        p.pause(t(480));
        assert_eq!(
            p.slots.iter().map(|s| s.spent).collect::<Vec<_>>(),
            [300, 120, 60]
        );
        // Switching while paused moves the mark and counts nothing.
        p.switch_to(0, t(900));
        assert_eq!(p.current, Some(0));
        assert_eq!(p.slots[2].spent, 60);
        assert!(!p.is_running());
    }

    #[test]
    fn a_clock_that_jumps_backwards_counts_zero_for_the_jump() {
        let mut p = plan();
        p.start(t(0));
        assert_eq!(p.look(t(1), t(60)), None);
        // The system time is set back ten minutes.
        assert_eq!(p.look(t(60), t(-540)), Some(Jump::Backwards));
        assert_eq!(p.slots[0].spent, 60);
        assert!(p.is_running());
        assert_eq!(p.spent_at(0, t(-530)), 70);
        // Even a clock started "in the future" never counts negative time.
        let mut q = plan();
        q.start(t(100));
        assert_eq!(q.spent_at(0, t(0)), 0);
        q.pause(t(0));
        assert_eq!(q.slots[0].spent, 0);
    }

    #[test]
    fn a_long_jump_forwards_is_sleep_not_counted_and_pauses_the_clock() {
        let mut p = plan();
        p.start(t(0));
        assert_eq!(p.look(t(0), t(100)), None, "an ordinary look");
        assert_eq!(p.look(t(100), t(100 + 120)), None, "two minutes is still counted");
        let jump = p.look(t(220), t(220 + 3600));
        assert_eq!(jump, Some(Jump::Asleep(TimeDelta::seconds(3600))));
        assert!(!p.is_running());
        assert_eq!(p.slots[0].spent, 220, "the hour asleep is not counted");
        assert_eq!(
            p.look(t(3820), t(9000)),
            None,
            "a paused clock has nothing to lose"
        );
    }

    #[test]
    fn a_clock_left_running_counts_to_the_last_save_and_stands_paused() {
        let mut p = plan();
        p.start(t(0));
        p.stop_left_running(t(300));
        assert!(!p.is_running());
        assert_eq!(p.slots[0].spent, 300);
        assert_eq!(p.current, Some(0));
    }

    #[test]
    fn durations_read_as_minutes_and_hours() {
        assert_eq!(duration_words(0), "0 min");
        assert_eq!(duration_words(29), "0 min");
        assert_eq!(duration_words(30), "1 min");
        assert_eq!(duration_words(3900), "1 h 05");
    }
}
