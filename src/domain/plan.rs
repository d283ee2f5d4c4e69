//! A session's plan: a time box for each part of the meeting (the opening,
//! the six steps, breaks, the close), in running order, with the time
//! actually spent on each as the clock recorded it (see `clock.rs`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Step;

/// One part of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    Opening,
    Step(Step),
    Break,
    Close,
}

impl Part {
    /// The name used in plan files shipped in `assets/plans/`.
    pub fn parse(word: &str) -> Option<Part> {
        let part = match word.trim().to_lowercase().as_str() {
            "opening" => Part::Opening,
            "break" => Part::Break,
            "close" => Part::Close,
            "goals" => Part::Step(Step::Goals),
            "vision" => Part::Step(Step::Vision),
            "activities" => Part::Step(Step::Activities),
            "roles" => Part::Step(Step::Roles),
            "awareness" => Part::Step(Step::Awareness),
            "next-steps" => Part::Step(Step::NextSteps),
            _ => return None,
        };
        Some(part)
    }

    /// The shortest name, for the clock in the header: "Step 3", "Break".
    pub fn short(self) -> String {
        match self {
            Part::Step(step) => format!("Step {}", step.number()),
            other => other.label(),
        }
    }

    /// A short name for the plan screen and messages: "Opening", "3 Goals".
    pub fn label(self) -> String {
        match self {
            Part::Opening => "Opening".into(),
            Part::Step(step) => format!("{} {}", step.number(), step.short()),
            Part::Break => "Break".into(),
            Part::Close => "Close".into(),
        }
    }
}

/// A part's time box, and what the clock recorded for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub part: Part,
    /// Planned minutes.
    pub minutes: u32,
    /// Minutes added during the meeting with "extend" (kept apart from the
    /// plan so the minutes can show both).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extended: u32,
    /// Seconds the clock ran on this part, pauses excluded.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub spent: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Slot {
    pub fn new(part: Part, minutes: u32) -> Slot {
        Slot {
            part,
            minutes,
            extended: 0,
            spent: 0,
        }
    }

    /// The time box in seconds, extensions included.
    pub fn allowed(&self) -> i64 {
        i64::from(self.minutes + self.extended) * 60
    }
}

/// The plan and the clock's state. Empty (and left out of the file) for a
/// session that never had one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub slots: Vec<Slot>,
    /// The slot the clock counts for; none before it was first started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<usize>,
    /// When the clock last started counting for `current`; none while paused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub running_since: Option<DateTime<Utc>>,
}

/// The longest time box the plan screen allows, in minutes.
pub const MAX_MINUTES: u32 = 600;

impl Plan {
    pub fn is_empty(&self) -> bool {
        *self == Plan::default()
    }

    /// Reads a plan file: one part a line ("goals 20"), `#` starts a comment.
    /// Says which line is wrong, counting from 1.
    pub fn parse(text: &str) -> Result<Plan, String> {
        let mut slots = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let wrong = || {
                format!(
                    "line {}: expected a part and minutes, e.g. \"goals 20\", found \"{line}\"",
                    n + 1
                )
            };
            let (word, minutes) = line.rsplit_once(' ').ok_or_else(wrong)?;
            let part = Part::parse(word).ok_or_else(wrong)?;
            let minutes: u32 = minutes.trim().parse().map_err(|_| wrong())?;
            slots.push(Slot::new(part, minutes.min(MAX_MINUTES)));
        }
        Ok(Plan {
            slots,
            ..Plan::default()
        })
    }

    /// Planned minutes in all, extensions included.
    pub fn total_minutes(&self) -> u32 {
        self.slots.iter().map(|s| s.minutes + s.extended).sum()
    }

    /// The slot for a step, if the plan has one.
    pub fn slot_of(&self, step: Step) -> Option<usize> {
        self.slots.iter().position(|s| s.part == Part::Step(step))
    }

    /// Changes a slot's planned minutes by `delta`, within 0..=MAX_MINUTES.
    pub fn change_minutes(&mut self, slot: usize, delta: i32) {
        if let Some(s) = self.slots.get_mut(slot) {
            s.minutes = s.minutes.saturating_add_signed(delta).min(MAX_MINUTES);
        }
    }

    /// Adds a ten-minute break after `slot` (at the start when the plan is
    /// empty); returns where it went.
    pub fn add_break(&mut self, after: usize, now: DateTime<Utc>) -> usize {
        self.settle(now);
        let at = (after + 1).min(self.slots.len());
        self.slots.insert(at, Slot::new(Part::Break, 10));
        if let Some(c) = self.current.as_mut()
            && *c >= at
        {
            *c += 1;
        }
        at
    }

    /// Removes a break (the steps, opening and close stay: set them to 0
    /// minutes instead). False when `slot` is not a break.
    pub fn remove_break(&mut self, slot: usize, now: DateTime<Utc>) -> bool {
        if self.slots.get(slot).is_none_or(|s| s.part != Part::Break) {
            return false;
        }
        self.settle(now);
        if self.current == Some(slot) {
            self.current = None;
            self.running_since = None;
        }
        self.slots.remove(slot);
        if let Some(c) = self.current.as_mut()
            && *c > slot
        {
            *c -= 1;
        }
        true
    }

    /// Swaps `slot` with its neighbour `delta` (±1) away; returns the new
    /// position, or none at either end.
    pub fn move_slot(&mut self, slot: usize, delta: isize) -> Option<usize> {
        let other = slot.checked_add_signed(delta).filter(|o| *o < self.slots.len())?;
        if slot >= self.slots.len() {
            return None;
        }
        self.slots.swap(slot, other);
        self.current = self.current.map(|c| match c {
            c if c == slot => other,
            c if c == other => slot,
            c => c,
        });
        Some(other)
    }

    /// Where `part` stands among the parts of its kind (the 2nd break is 1).
    fn occurrence(&self, slot: usize) -> Option<(Part, usize)> {
        let part = self.slots.get(slot)?.part;
        Some((part, self.slots[..slot].iter().filter(|s| s.part == part).count()))
    }

    fn find(&self, (part, nth): (Part, usize)) -> Option<usize> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.part == part)
            .nth(nth)
            .map(|(i, _)| i)
    }

    /// The plan after undoing a change: `earlier` (the plan in the undone
    /// snapshot) when the change was to the plan itself, with the time
    /// recorded in `self` kept; otherwise `self` unchanged, so undoing an
    /// edit of a goal never takes back clock time or a plan made later.
    pub fn after_undo(&self, mut earlier: Plan) -> Plan {
        let layout = |p: &Plan| p.slots.iter().map(|s| (s.part, s.minutes)).collect::<Vec<_>>();
        if earlier.slots.is_empty() || layout(&earlier) == layout(self) {
            return self.clone();
        }
        earlier.keep_time_from(self);
        earlier
    }

    /// Undo restores an earlier plan but never earlier time: the time
    /// recorded in `from` (the plan before the undo) is kept, part by part.
    pub fn keep_time_from(&mut self, from: &Plan) {
        for slot in &mut self.slots {
            slot.spent = 0;
            slot.extended = 0;
        }
        for i in 0..from.slots.len() {
            if let Some(here) = from.occurrence(i).and_then(|key| self.find(key)) {
                self.slots[here].spent = from.slots[i].spent;
                self.slots[here].extended = from.slots[i].extended;
            }
        }
        self.current = from
            .current
            .and_then(|c| from.occurrence(c))
            .and_then(|key| self.find(key));
        self.running_since = self.current.and(from.running_since);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    fn plan() -> Plan {
        Plan::parse("opening 10\ngoals 20 # two\nbreak 10\nclose 5\n").unwrap()
    }

    #[test]
    fn a_plan_file_is_read_line_by_line_and_errors_name_the_line() {
        let p = plan();
        assert_eq!(p.slots.len(), 4);
        assert_eq!(p.slots[1], Slot::new(Part::Step(Step::Goals), 20));
        assert_eq!(p.total_minutes(), 45);
        let err = Plan::parse("opening 10\nlunch 30\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        assert!(Plan::parse("goals twenty").is_err());
    }

    #[test]
    fn minutes_stay_between_zero_and_the_maximum() {
        let mut p = plan();
        p.change_minutes(0, -15);
        assert_eq!(p.slots[0].minutes, 0);
        p.change_minutes(0, 5000);
        assert_eq!(p.slots[0].minutes, MAX_MINUTES);
    }

    #[test]
    fn breaks_come_and_go_and_the_current_part_stays_the_same_part() {
        let mut p = plan();
        p.current = Some(3);
        assert_eq!(p.add_break(0, t0()), 1);
        assert_eq!(p.current, Some(4));
        assert!(!p.remove_break(0, t0()), "the opening is not a break");
        assert!(p.remove_break(1, t0()));
        assert_eq!(p.current, Some(3));
        assert_eq!(p.slots[3].part, Part::Close);
    }

    #[test]
    fn moving_a_slot_carries_the_current_mark_with_it() {
        let mut p = plan();
        p.current = Some(1);
        assert_eq!(p.move_slot(1, 1), Some(2));
        assert_eq!(p.current, Some(2));
        assert_eq!(p.slots[1].part, Part::Break);
        assert_eq!(p.move_slot(0, -1), None);
        assert_eq!(p.move_slot(3, 1), None);
    }

    #[test]
    fn undoing_a_plan_edit_keeps_the_time_recorded_since() {
        let before = plan();
        let mut now = before.clone();
        now.add_break(1, t0());
        now.slots[1].spent = 300;
        now.slots[2].spent = 60; // the first break
        now.current = Some(2);
        now.running_since = Some(t0());
        let mut undone = before;
        undone.keep_time_from(&now);
        assert_eq!(undone.slots[1].spent, 300);
        assert_eq!(undone.slots[2].spent, 60, "the first break is still the first");
        assert_eq!(undone.current, Some(2));
        assert_eq!(undone.running_since, Some(t0()));
    }

    #[test]
    fn undoing_another_edit_leaves_the_plan_and_its_time_alone() {
        let mut now = plan();
        now.slots[0].spent = 120;
        now.current = Some(0);
        assert_eq!(
            now.after_undo(Plan::default()),
            now,
            "a plan made after the edit stays"
        );
        let mut same = plan();
        same.slots[0].spent = 5;
        assert_eq!(now.after_undo(same), now, "clock time is not taken back");
        let mut longer = plan();
        longer.change_minutes(1, 5);
        let undone = longer.after_undo(plan());
        assert_eq!(undone.slots[1].minutes, 20);
    }
}
