//! Go-rounds: everyone present is invited to speak in turn on a step, so
//! no voice depends on who is quickest to talk. The round in progress lives
//! in the session too, so it survives a save, a crash or a reopening.

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

use super::{Attendance, Participant, Sector, Session, Step};

/// The order people are invited in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RoundOrder {
    /// As the participants are listed.
    #[default]
    Listed,
    /// People with lived experience first, then people from smaller
    /// organisations (see `is_smaller_organisation`), then everyone else;
    /// listed order within each group.
    VoicesFirst,
}

impl RoundOrder {
    pub fn label(self) -> &'static str {
        match self {
            RoundOrder::Listed => "listed order",
            RoundOrder::VoicesFirst => "lived experience and smaller organisations first",
        }
    }
}

/// What became of one invitation to speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TurnOutcome {
    Spoke,
    Passed,
    /// Asked to come back later; a later turn of theirs follows if they did.
    Later,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    pub name: String,
    pub outcome: TurnOutcome,
}

/// One go-round on a step: the turns taken, in order, and while it runs
/// who is speaking and who is still to come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoRound {
    pub step: Step,
    #[serde(default)]
    pub order: RoundOrder,
    /// Time each speaker is offered, in seconds; none for no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds_each: Option<u32>,
    pub started: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub turns: Vec<Turn>,
    /// Who has the floor now, and since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaking: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn_started: Option<DateTime<Utc>>,
    /// Items credited to the current speaker during this turn.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub turn_items: u32,
    /// Still to be invited, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queue: Vec<String>,
    /// Asked to come back later, in the order they asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later: Vec<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A smaller organisation, for putting its voice first: one from the
/// community or voluntary sector, or one with a single person in the room.
pub fn is_smaller_organisation(p: &Participant, present: &[&Participant]) -> bool {
    let org = p.organisation.trim();
    let in_room = present.iter().filter(|q| q.organisation.trim() == org).count();
    matches!(p.sector, Sector::Community | Sector::Voluntary) || in_room <= 1
}

/// The names of the people present, in the order a round invites them.
pub fn speaking_order(participants: &[Participant], order: RoundOrder) -> Vec<String> {
    let present: Vec<&Participant> = participants
        .iter()
        .filter(|p| p.attendance == Attendance::Present && !p.name.trim().is_empty())
        .collect();
    let mut ranked: Vec<(usize, &Participant)> = present
        .iter()
        .map(|p| {
            let rank = match order {
                RoundOrder::Listed => 0,
                RoundOrder::VoicesFirst if p.lived_experience => 0,
                RoundOrder::VoicesFirst if is_smaller_organisation(p, &present) => 1,
                RoundOrder::VoicesFirst => 2,
            };
            (rank, *p)
        })
        .collect();
    // A stable sort keeps the listed order within each group.
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, p)| p.name.to_string()).collect()
}

impl GoRound {
    /// A round on `step` starting now with the first person present.
    pub fn start(
        step: Step,
        participants: &[Participant],
        order: RoundOrder,
        seconds_each: Option<u32>,
        now: DateTime<Utc>,
    ) -> GoRound {
        let mut round = GoRound {
            step,
            order,
            seconds_each,
            started: now.trunc_subsecs(0),
            ended: None,
            turns: Vec::new(),
            speaking: None,
            turn_started: None,
            turn_items: 0,
            queue: speaking_order(participants, order),
            later: Vec::new(),
        };
        round.call_next(participants, now);
        round
    }

    pub fn is_running(&self) -> bool {
        self.ended.is_none()
    }

    /// Who will be invited after the current speaker.
    pub fn next_up(&self) -> Option<&str> {
        self.queue.first().or(self.later.first()).map(String::as_str)
    }

    /// Names that passed (and did not speak later in the round).
    pub fn passed(&self) -> Vec<&str> {
        self.last_outcomes(TurnOutcome::Passed)
    }

    /// Names whose last turn was a pass or "later" and not yet back.
    fn last_outcomes(&self, outcome: TurnOutcome) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for t in &self.turns {
            if !names.contains(&t.name.as_str()) {
                names.push(&t.name);
            }
        }
        names.retain(|n| self.turns.iter().rev().find(|t| t.name == *n).map(|t| t.outcome) == Some(outcome));
        names
    }

    /// Names with at least one turn in which they spoke.
    pub fn spoke(&self) -> Vec<&str> {
        self.last_outcomes(TurnOutcome::Spoke)
    }

    /// The current speaker spoke: their turn ends and the next is called.
    /// Returns the name of the one who spoke.
    pub fn next(&mut self, participants: &[Participant], now: DateTime<Utc>) -> Option<String> {
        self.end_turn(TurnOutcome::Spoke, participants, now)
    }

    /// The current speaker passes.
    pub fn pass(&mut self, participants: &[Participant], now: DateTime<Utc>) -> Option<String> {
        self.end_turn(TurnOutcome::Passed, participants, now)
    }

    /// The current speaker will come back once the others have spoken.
    pub fn come_back_later(&mut self, participants: &[Participant], now: DateTime<Utc>) -> Option<String> {
        let name = self.speaking.clone()?;
        // Asked a second time: they pass rather than go round for ever.
        if self
            .turns
            .iter()
            .any(|t| t.name == name && t.outcome == TurnOutcome::Later)
        {
            return self.pass(participants, now);
        }
        self.later.push(name);
        self.end_turn(TurnOutcome::Later, participants, now)
    }

    /// Ends the round at `now`: whoever is speaking is counted as having
    /// spoken; people still to come are left out of the record.
    pub fn finish(&mut self, now: DateTime<Utc>) -> Option<String> {
        let name = self.speaking.take();
        if let Some(name) = &name {
            self.turns.push(Turn {
                name: name.clone(),
                outcome: TurnOutcome::Spoke,
            });
        }
        self.turn_started = None;
        self.turn_items = 0;
        self.queue.clear();
        self.later.clear();
        self.ended = Some(now.trunc_subsecs(0));
        name
    }

    fn end_turn(
        &mut self,
        outcome: TurnOutcome,
        participants: &[Participant],
        now: DateTime<Utc>,
    ) -> Option<String> {
        let name = self.speaking.take()?;
        self.turns.push(Turn {
            name: name.clone(),
            outcome,
        });
        self.call_next(participants, now);
        Some(name)
    }

    /// Gives the floor to the next person still present, then to those who
    /// asked to come back; with nobody left the round waits to be ended.
    fn call_next(&mut self, participants: &[Participant], now: DateTime<Utc>) {
        self.turn_items = 0;
        self.turn_started = None;
        let here = |name: &str| {
            participants
                .iter()
                .any(|p| p.name == name && p.attendance == Attendance::Present)
        };
        while !self.queue.is_empty() || !self.later.is_empty() {
            let name = if self.queue.is_empty() {
                self.later.remove(0)
            } else {
                self.queue.remove(0)
            };
            if here(&name) {
                self.speaking = Some(name);
                // Whole seconds keep the file readable.
                self.turn_started = Some(now.trunc_subsecs(0));
                return;
            }
        }
    }

    /// Seconds left in the current turn (negative once over), when each
    /// speaker has a time.
    pub fn seconds_left(&self, now: DateTime<Utc>) -> Option<i64> {
        let each = i64::from(self.seconds_each?);
        let since = self.turn_started?;
        // A clock that jumps back never gives more than the full time.
        let used = (now - since).num_seconds().max(0);
        Some(each - used)
    }
}

/// "1:05 left" or "0:20 over": words as well as colour, for a projector.
pub fn countdown_words(seconds_left: i64) -> String {
    let n = seconds_left.unsigned_abs();
    let word = if seconds_left < 0 { "over" } else { "left" };
    format!("{}:{:02} {word}", n / 60, n % 60)
}

/// What the facilitator does with the current turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundMove {
    Next,
    Pass,
    Later,
}

impl Session {
    /// The go-round in progress, if any (only the last can be running).
    pub fn open_round(&self) -> Option<&GoRound> {
        self.rounds.last().filter(|r| r.is_running())
    }

    /// Starts a go-round on `step`, ending any still running.
    pub fn start_round(
        &mut self,
        step: Step,
        order: RoundOrder,
        seconds_each: Option<u32>,
        now: DateTime<Utc>,
    ) {
        self.end_round(now);
        let round = GoRound::start(step, &self.participants, order, seconds_each, now);
        self.rounds.push(round);
    }

    /// Ends the round in progress; whoever had the floor spoke.
    pub fn end_round(&mut self, now: DateTime<Utc>) -> bool {
        let Some(round) = self.rounds.last_mut().filter(|r| r.is_running()) else {
            return false;
        };
        let items = round.turn_items;
        if let Some(name) = round.finish(now)
            && items == 0
        {
            self.count_contribution(&name);
        }
        true
    }

    /// Ends the current turn as `how`; a turn in which someone spoke counts
    /// one contribution unless items captured during it already counted.
    /// Returns whose turn it was.
    pub fn move_round(&mut self, how: RoundMove, now: DateTime<Utc>) -> Option<String> {
        let round = self.rounds.last_mut().filter(|r| r.is_running())?;
        let items = round.turn_items;
        let people = &self.participants;
        let name = match how {
            RoundMove::Next => round.next(people, now),
            RoundMove::Pass => round.pass(people, now),
            RoundMove::Later => round.come_back_later(people, now),
        }?;
        if how == RoundMove::Next && items == 0 {
            self.count_contribution(&name);
        }
        Some(name)
    }

    /// Counts one contribution from the person now speaking in a round,
    /// as an item was captured in their turn. Returns their name.
    pub fn credit_speaker(&mut self) -> Option<String> {
        let round = self.rounds.last_mut().filter(|r| r.is_running())?;
        let name = round.speaking.clone()?;
        round.turn_items += 1;
        self.count_contribution(&name);
        Some(name)
    }

    /// A participant's new name follows them into every round.
    pub(crate) fn rename_in_rounds(&mut self, old: &str, new: &str) {
        let fix = |s: &mut String| {
            if s == old {
                *s = new.to_string();
            }
        };
        for r in &mut self.rounds {
            r.turns.iter_mut().for_each(|t| fix(&mut t.name));
            r.speaking.iter_mut().for_each(fix);
            r.queue.iter_mut().for_each(fix);
            r.later.iter_mut().for_each(fix);
        }
    }

    fn count_contribution(&mut self, name: &str) {
        if let Some(p) = self.participants.iter_mut().find(|p| p.name == name) {
            p.contributions = p.contributions.saturating_add(1);
        }
    }
}

#[cfg(test)]
#[path = "rounds_tests.rs"]
mod tests;
