//! The meeting clock on the session screen: `t` starts and pauses it, `T`
//! gives the current part five more minutes, moving to a step makes that
//! step the current part, and the app's ticks let it notice a computer
//! that slept. Clock changes are recorded but are not edits: `u` never
//! takes back time.

use chrono::{DateTime, Utc};

use super::SessionScreen;
use super::section::Section;
use crate::assets::{self, PlanKind};
use crate::domain::{EXTEND_MINUTES, Jump, duration_words};

impl SessionScreen {
    /// Gives a session without a plan (made before plans existed, or from
    /// the command line) the default one for its kind; true when it has one.
    pub(super) fn ensure_plan(&mut self, now: DateTime<Utc>) -> bool {
        if self.session.plan.slots.is_empty() {
            let kind = PlanKind::for_previous(&self.session.previous);
            self.session.plan = assets::plan(kind);
            self.clock_changed(now);
        }
        !self.session.plan.slots.is_empty()
    }

    pub(super) fn toggle_clock(&mut self, now: DateTime<Utc>) {
        if !self.ensure_plan(now) {
            return;
        }
        let running = self.session.plan.toggle(now);
        self.last_look = Some(now);
        self.clock_changed(now);
        let part = self.current_part_name();
        self.message = Some(if running {
            format!("Clock running: {part}. Moving to a step starts its time; P marks a break or the close.")
        } else {
            format!("Clock paused on {part}; t starts it again.")
        });
    }

    pub(super) fn extend_clock(&mut self, now: DateTime<Utc>) {
        if !self.session.plan.extend() {
            self.message = Some("Nothing to extend yet: t starts the clock first.".into());
            return;
        }
        self.clock_changed(now);
        let minutes = self
            .session
            .plan
            .current
            .and_then(|c| self.session.plan.slots.get(c))
            .map_or(0, |s| s.minutes + s.extended);
        self.message = Some(format!(
            "{} gets {EXTEND_MINUTES} more minutes ({minutes} min in all).",
            self.current_part_name()
        ));
    }

    /// While the clock runs, the step the facilitator moves to is the part
    /// being timed (the opening, breaks and close are chosen on the plan
    /// screen). Other sections (people, decisions) change nothing.
    pub(super) fn follow_step(&mut self, before: Section, now: DateTime<Utc>) {
        let plan = &self.session.plan;
        if self.nav.section == before || !plan.is_running() || self.read_only.is_some() {
            return;
        }
        let Some(slot) = self.nav.section.step().and_then(|s| plan.slot_of(s)) else {
            return;
        };
        if plan.current != Some(slot) {
            self.session.plan.switch_to(slot, now);
            self.clock_changed(now);
        }
    }

    /// Called on every tick (and before the first key): notices a wall
    /// clock that jumped (see `domain::clock`) and says what was done.
    /// The first look after opening stops a clock the file says is running
    /// (the app stopped without pausing it): it counts up to the last
    /// save. Done here rather than on opening, so the change is saved as
    /// a change over the file as it was read.
    pub fn look_at_clock(&mut self, now: DateTime<Utc>) {
        let last = self.last_look.replace(now);
        if self.read_only.is_some() {
            return;
        }
        let Some(last) = last else {
            if self.session.plan.running_since.is_some() {
                let saved = self.session.updated;
                self.session.plan.stop_left_running(saved);
                self.clock_changed(now);
                self.message = Some(
                    "Clock left running when Roundtable stopped: counted to the last save; t restarts it."
                        .into(),
                );
            }
            return;
        };
        match self.session.plan.look(last, now) {
            None => {}
            Some(Jump::Backwards) => {
                self.clock_changed(now);
                self.message =
                    Some("The computer's clock went back; the meeting clock counted nothing for it.".into());
            }
            Some(Jump::Asleep(gap)) => {
                self.clock_changed(now);
                self.message = Some(format!(
                    "Clock paused: the computer slept {} (not counted). t starts it again.",
                    duration_words(gap.num_seconds())
                ));
            }
        }
    }

    /// Stops a running clock, counting up to `now`: leaving the session
    /// should not leave time running that nobody sees.
    pub(super) fn pause_clock(&mut self, now: DateTime<Utc>) {
        if self.session.plan.is_running() && self.read_only.is_none() {
            self.session.plan.pause(now);
            self.clock_changed(now);
        }
    }

    fn current_part_name(&self) -> String {
        let plan = &self.session.plan;
        plan.current
            .and_then(|c| plan.slots.get(c))
            .map_or_else(|| "the plan".into(), |s| s.part.label())
    }

    /// A clock change is saved like any change but kept off the undo stack.
    pub(super) fn clock_changed(&mut self, now: DateTime<Utc>) {
        self.session.touch(now);
        self.dirty = true;
    }
}
