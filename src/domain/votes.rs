//! Dot votes: each voter (a person, or an organisation when one
//! organisation has one voice) spreads a few dots over the options of a
//! list; the tally ranks the options and shows ties.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Session, Step};

/// Who has a voice: each person present, or each organisation present once
/// however many of its people are in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Counting {
    #[default]
    PerPerson,
    PerOrganisation,
}

impl Counting {
    pub fn label(self) -> &'static str {
        match self {
            Counting::PerPerson => "one voice per person",
            Counting::PerOrganisation => "one voice per organisation",
        }
    }

    /// "One voice per person", to start a sentence.
    pub fn title(self) -> &'static str {
        match self {
            Counting::PerPerson => "One voice per person",
            Counting::PerOrganisation => "One voice per organisation",
        }
    }

    /// "organisations" or "people", for sentences in the minutes.
    pub fn nouns(self, n: usize) -> &'static str {
        match (self, n) {
            (Counting::PerPerson, 1) => "person",
            (Counting::PerPerson, _) => "people",
            (Counting::PerOrganisation, 1) => "organisation",
            (Counting::PerOrganisation, _) => "organisations",
        }
    }

    pub fn toggled(self) -> Counting {
        match self {
            Counting::PerPerson => Counting::PerOrganisation,
            Counting::PerOrganisation => Counting::PerPerson,
        }
    }
}

/// The voices in the room under `counting`, in participant order: present
/// people's names, or their organisations once each (someone with no
/// organisation speaks for themself).
pub fn voices(session: &Session, counting: Counting) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in session.present() {
        let voice = match counting {
            Counting::PerOrganisation if !p.organisation.trim().is_empty() => p.organisation.trim(),
            _ => p.name.trim(),
        };
        if !voice.is_empty() && !out.iter().any(|v| v == voice) {
            out.push(voice.to_string());
        }
    }
    out
}

/// The list a vote was held on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum VoteList {
    #[default]
    Goals,
    VisionDrafts,
    Activities,
    ParkedPoints,
}

impl VoteList {
    pub fn label(self) -> &'static str {
        match self {
            VoteList::Goals => "goals",
            VoteList::VisionDrafts => "vision drafts",
            VoteList::Activities => "activities",
            VoteList::ParkedPoints => "parked points",
        }
    }

    /// The step whose minutes show the vote; parked points belong to none.
    pub fn step(self) -> Option<Step> {
        match self {
            VoteList::Goals => Some(Step::Goals),
            VoteList::VisionDrafts => Some(Step::Vision),
            VoteList::Activities => Some(Step::Activities),
            VoteList::ParkedPoints => None,
        }
    }

    /// The options as they read now, in list order.
    pub fn options(self, session: &Session) -> Vec<String> {
        let texts: Vec<&str> = match self {
            VoteList::Goals => session.goals.iter().map(|g| g.text.as_str()).collect(),
            VoteList::VisionDrafts => session.vision.drafts.iter().map(|d| d.text.as_str()).collect(),
            VoteList::Activities => session.activities.iter().map(|a| a.title.as_str()).collect(),
            VoteList::ParkedPoints => session.parking_lot.iter().map(|p| p.text.as_str()).collect(),
        };
        texts.into_iter().map(one_line).collect()
    }
}

/// An option as one line: a goal typed on two lines is still one option.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One voice's dots, one number per option.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Ballot {
    pub voter: String,
    pub dots: Vec<u32>,
}

impl Ballot {
    pub fn total(&self) -> u32 {
        self.dots.iter().sum()
    }
}

/// A dot vote as held in the room. The options are copied in when the vote
/// starts, so the record still reads true after the list is edited.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DotVote {
    pub list: VoteList,
    pub options: Vec<String>,
    pub counting: Counting,
    /// Dots each voice may give.
    pub dots_each: u32,
    /// One per voice, when votes are entered voice by voice.
    pub ballots: Vec<Ballot>,
    /// Dots per option counted in the room, when entered as totals.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub totals: Vec<u32>,
    /// The tally stays hidden until the facilitator reveals it.
    pub hidden: bool,
    pub revealed: bool,
    /// Whether the result was turned into a decision.
    pub decided: bool,
    pub taken: DateTime<Utc>,
}

/// One option's place in the tally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyRow {
    /// Index into the vote's options.
    pub option: usize,
    pub text: String,
    pub dots: u32,
    /// 1 for the most dots; tied options share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub tied: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Most dots first; ties keep list order.
    pub rows: Vec<TallyRow>,
    pub dots_cast: u32,
    /// Voices that gave at least one dot (none when entered as totals).
    pub voted: Vec<String>,
    /// Voices that gave no dot.
    pub abstained: Vec<String>,
}

impl Tally {
    /// The single option ranked first, when there is one with any dots.
    pub fn winner(&self) -> Option<&TallyRow> {
        let first = self.rows.first().filter(|r| r.dots > 0)?;
        (!first.tied).then_some(first)
    }

    /// The options sharing first place, when first place is tied.
    pub fn tied_first(&self) -> Vec<&TallyRow> {
        self.rows
            .iter()
            .filter(|r| r.rank == 1 && r.tied && r.dots > 0)
            .collect()
    }
}

impl DotVote {
    /// A new vote on `list`, with a ballot per voice present.
    pub fn start(session: &Session, list: VoteList, counting: Counting, now: DateTime<Utc>) -> DotVote {
        let mut vote = DotVote {
            list,
            options: list.options(session),
            counting,
            dots_each: 3,
            taken: now,
            ..DotVote::default()
        };
        vote.recount(session, counting);
        vote
    }

    /// Changes who has a voice; only while no dots are entered, so no
    /// one's dots are thrown away.
    pub fn recount(&mut self, session: &Session, counting: Counting) -> bool {
        if self.dots_entered() > 0 {
            return false;
        }
        self.counting = counting;
        let n = self.options.len();
        self.ballots = voices(session, counting)
            .into_iter()
            .map(|voter| Ballot {
                voter,
                dots: vec![0; n],
            })
            .collect();
        true
    }

    /// Whether the votes are entered as totals rather than voice by voice.
    pub fn by_totals(&self) -> bool {
        !self.totals.is_empty()
    }

    /// Switches to entering totals (or back); only while nothing is entered.
    pub fn set_by_totals(&mut self, totals: bool) -> bool {
        if self.dots_entered() > 0 {
            return false;
        }
        self.totals = if totals {
            vec![0; self.options.len()]
        } else {
            Vec::new()
        };
        true
    }

    pub fn dots_entered(&self) -> u32 {
        self.ballots.iter().map(Ballot::total).sum::<u32>() + self.totals.iter().sum::<u32>()
    }

    /// Gives `dots` to `option` on `voter`'s ballot; refuses (saying why)
    /// when that would give more than their dots. Totals have no limit.
    pub fn set_dots(&mut self, voter: usize, option: usize, dots: u32) -> Result<(), String> {
        if self.by_totals() {
            if let Some(cell) = self.totals.get_mut(option) {
                *cell = dots;
            }
            return Ok(());
        }
        let each = self.dots_each;
        let Some(ballot) = self.ballots.get_mut(voter) else {
            return Ok(());
        };
        ballot.dots.resize(self.options.len(), 0);
        let others = ballot.total() - ballot.dots.get(option).copied().unwrap_or(0);
        if others + dots > each {
            return Err(format!(
                "{} has {} of {each} dots left: give fewer, or take some from another option.",
                ballot.voter,
                each.saturating_sub(others)
            ));
        }
        if let Some(cell) = ballot.dots.get_mut(option) {
            *cell = dots;
        }
        Ok(())
    }

    /// The dots per option, ranked, whether revealed or not.
    pub fn tally(&self) -> Tally {
        let mut dots = vec![0u32; self.options.len()];
        for ballot in &self.ballots {
            for (i, d) in ballot.dots.iter().enumerate() {
                if let Some(cell) = dots.get_mut(i) {
                    *cell += d;
                }
            }
        }
        for (cell, d) in dots.iter_mut().zip(&self.totals) {
            *cell += d;
        }
        let mut order: Vec<usize> = (0..dots.len()).collect();
        order.sort_by_key(|i| std::cmp::Reverse(dots[*i]));
        let rows = order
            .iter()
            .map(|&i| TallyRow {
                option: i,
                text: self.options.get(i).cloned().unwrap_or_default(),
                dots: dots[i],
                rank: 1 + dots.iter().filter(|d| **d > dots[i]).count(),
                tied: dots.iter().filter(|d| **d == dots[i]).count() > 1,
            })
            .collect();
        let (voted, abstained) = if self.by_totals() {
            (Vec::new(), Vec::new())
        } else {
            let (v, a): (Vec<&Ballot>, Vec<&Ballot>) = self.ballots.iter().partition(|b| b.total() > 0);
            let names = |bs: Vec<&Ballot>| bs.into_iter().map(|b| b.voter.clone()).collect();
            (names(v), names(a))
        };
        Tally {
            rows,
            dots_cast: dots.iter().sum(),
            voted,
            abstained,
        }
    }

    /// The tally the room may see: none while hidden and not yet revealed.
    pub fn shown_tally(&self) -> Option<Tally> {
        (!self.hidden || self.revealed).then(|| self.tally())
    }

    /// "Reduce waiting times 7, Peer support 5, Transport 5 (tied)".
    pub fn tally_line(&self) -> String {
        let tally = self.tally();
        let parts: Vec<String> = tally
            .rows
            .iter()
            .map(|r| {
                let tied = if r.tied { " (tied)" } else { "" };
                format!("{} {}{tied}", r.text, r.dots)
            })
            .collect();
        parts.join(", ")
    }

    /// The wording of the decision the vote leads to, with its tally, or
    /// why there is none (no dots, or a tie at the top).
    pub fn decision_text(&self) -> Result<String, String> {
        let tally = self.tally();
        if let Some(first) = tally.winner() {
            return Ok(format!(
                "{} (chosen by dot vote, {}: {})",
                first.text,
                self.counting.label(),
                self.tally_line()
            ));
        }
        let tied = tally.tied_first();
        if tied.is_empty() {
            return Err("No dots yet: enter the votes before turning them into a decision.".into());
        }
        Err(format!(
            "{} options tied at the top (ranked =1): break the tie first, with another round or by the room deciding.",
            tied.len()
        ))
    }

    /// Sets each goal's support to the dots its text received; how many
    /// goals were updated.
    pub fn set_goal_support(&self, session: &mut Session) -> usize {
        if self.list != VoteList::Goals {
            return 0;
        }
        let tally = self.tally();
        let mut changed = 0;
        for row in &tally.rows {
            for goal in session.goals.iter_mut().filter(|g| one_line(&g.text) == row.text) {
                goal.support = row.dots;
                changed += 1;
            }
        }
        changed
    }
}

#[cfg(test)]
#[path = "votes_tests.rs"]
mod tests;
