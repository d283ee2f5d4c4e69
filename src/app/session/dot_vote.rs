//! The dot vote screen (`o` on goals, vision drafts, activities or parked
//! points): votes typed in quickly voice by voice (or as totals), hidden
//! until revealed if the facilitator wants, then a ranked tally that one
//! key turns into a decision.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::b;
use super::section::ListKind;
use super::{Outcome, SessionScreen};
use crate::app::keys::{Binding, DIGITS, Key, KeyHelp, describe_where, help_binding, lookup};
use crate::domain::{Decision, DecisionMethod, DotVote, VoteList};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Entering,
    Tally,
}

pub struct VoteScreen {
    pub vote: DotVote,
    pub stage: Stage,
    /// The voice whose dots are being typed (0 when entering totals).
    pub row: usize,
    /// The option under the cursor.
    pub col: usize,
    /// Why the last key did nothing, shown under the grid.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteAction {
    Digit,
    Clear,
    Left,
    Right,
    Up,
    Down,
    Counting,
    MoreDots,
    FewerDots,
    Totals,
    Hide,
    Reveal,
    Decide,
    Support,
    BackToEntering,
    Close,
    Help,
}

use KeyCode::*;
use VoteAction as V;

pub const KEYS: &[Binding<VoteAction>] = &[
    b(
        DIGITS,
        V::Digit,
        "dots",
        "Type the dots this voice gives the option under the cursor (totals: type the count)",
        true,
    ),
    b(
        &[Key::plain(Backspace)],
        V::Clear,
        "clear",
        "Clear the dots under the cursor",
        false,
    ),
    b(
        &[Key::plain(Left)],
        V::Left,
        "previous option",
        "Move to the previous option",
        false,
    ),
    b(
        &[Key::plain(Right), Key::plain(Tab)],
        V::Right,
        "next option",
        "Move to the next option",
        false,
    ),
    b(
        &[Key::plain(Up)],
        V::Up,
        "previous voice",
        "Move to the previous voice",
        false,
    ),
    b(
        &[Key::plain(Down), Key::plain(Enter)],
        V::Down,
        "next voice",
        "Move to the next voice",
        false,
    ),
    b(
        &[Key::ch('m')],
        V::Counting,
        "per person/org",
        "Switch between one voice per person and one per organisation (before any dots)",
        true,
    ),
    b(
        &[Key::ch('+')],
        V::MoreDots,
        "more dots",
        "Give each voice one more dot",
        false,
    ),
    b(
        &[Key::ch('-')],
        V::FewerDots,
        "fewer dots",
        "Give each voice one dot fewer",
        false,
    ),
    b(
        &[Key::ch('t')],
        V::Totals,
        "totals",
        "Enter totals counted in the room instead of voice by voice (before any dots)",
        false,
    ),
    b(
        &[Key::ch('h')],
        V::Hide,
        "hide",
        "Keep the tally hidden until it is revealed, or not",
        true,
    ),
    b(
        &[Key::ch('v')],
        V::Reveal,
        "reveal tally",
        "Reveal the ranked tally",
        true,
    ),
    b(
        &[Key::ch('d')],
        V::Decide,
        "make decision",
        "Record the vote and turn the top option into a decision (for goals, also set their support from the dots)",
        true,
    ),
    b(
        &[Key::ch('s')],
        V::Support,
        "set support",
        "Record the vote and set each goal's support from its dots",
        true,
    ),
    b(
        &[Key::ch('e')],
        V::BackToEntering,
        "enter votes",
        "Go back to entering votes",
        true,
    ),
    b(
        &[Key::plain(Esc)],
        V::Close,
        "close",
        "Close the vote, keeping it in the session when any dots were given",
        true,
    ),
    help_binding(&[Key::plain(F(1)), Key::ch('?')], V::Help),
];

impl VoteScreen {
    pub fn new(vote: DotVote) -> VoteScreen {
        VoteScreen {
            vote,
            stage: Stage::Entering,
            row: 0,
            col: 0,
            error: None,
        }
    }

    fn rows(&self) -> usize {
        if self.vote.by_totals() {
            1
        } else {
            self.vote.ballots.len().max(1)
        }
    }

    fn available(&self, action: V) -> bool {
        let entering = self.stage == Stage::Entering;
        let nothing_yet = self.vote.dots_entered() == 0;
        match action {
            V::Digit | V::Clear | V::Left | V::Right | V::Up | V::Down | V::Hide => entering,
            V::Counting | V::Totals => entering && nothing_yet,
            V::MoreDots | V::FewerDots => entering && !self.vote.by_totals(),
            V::Reveal => entering,
            // A tie or no dots: the tally says why instead.
            V::Decide => self.stage == Stage::Tally && self.vote.tally().winner().is_some(),
            V::Support => self.stage == Stage::Tally && self.vote.list == VoteList::Goals,
            V::BackToEntering => self.stage == Stage::Tally,
            V::Close | V::Help => true,
        }
    }

    pub fn bindings(&self) -> Vec<KeyHelp> {
        describe_where(KEYS, |a| self.available(*a))
    }

    /// Moves the cursor on one cell, down to the next voice after the last
    /// option, so a ballot is typed as a run of digits.
    fn advance(&mut self) {
        if self.col + 1 < self.vote.options.len() {
            self.col += 1;
        } else if self.row + 1 < self.rows() {
            self.row += 1;
            self.col = 0;
        }
    }

    fn digit(&mut self, n: u32) {
        if self.vote.by_totals() {
            // Totals can pass 9: digits build the number.
            let now = self.vote.totals.get(self.col).copied().unwrap_or(0);
            let _ = self
                .vote
                .set_dots(0, self.col, now.saturating_mul(10).saturating_add(n).min(9999));
            return;
        }
        match self.vote.set_dots(self.row, self.col, n) {
            Ok(()) => self.advance(),
            Err(e) => self.error = Some(e),
        }
    }

    fn set_dots_each(&mut self, delta: i32) {
        let most = self.vote.ballots.iter().map(|b| b.total()).max().unwrap_or(0);
        let wanted = self.vote.dots_each.saturating_add_signed(delta).clamp(1, 9);
        if wanted < most {
            self.error = Some(format!(
                "Someone already gave {most} dots: clear some before giving fewer."
            ));
        } else {
            self.vote.dots_each = wanted;
        }
    }
}

impl SessionScreen {
    /// The list a dot vote would be held on here, if any.
    pub(super) fn vote_list(&self) -> Option<VoteList> {
        match self.nav.list() {
            ListKind::Goals => Some(VoteList::Goals),
            ListKind::Drafts => Some(VoteList::VisionDrafts),
            ListKind::Activities => Some(VoteList::Activities),
            ListKind::Parked => Some(VoteList::ParkedPoints),
            _ => None,
        }
    }

    /// `o`: starts a dot vote on the current list.
    pub(super) fn open_vote(&mut self, now: DateTime<Utc>) {
        let Some(list) = self.vote_list() else {
            return;
        };
        let mut vote = DotVote::start(&self.session, list, Default::default(), now);
        if vote.options.len() < 2 {
            self.message = Some(format!(
                "A dot vote needs at least two {}: add them first.",
                list.label()
            ));
            return;
        }
        if vote.ballots.is_empty() {
            // Nobody is marked present: the room's counts are typed as totals.
            vote.set_by_totals(true);
        }
        self.vote = Some(VoteScreen::new(vote));
    }

    pub(super) fn vote_key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Outcome {
        let Some(screen) = &mut self.vote else {
            return Outcome::Stay;
        };
        screen.error = None;
        let Some(action) = lookup(KEYS, &key).filter(|a| screen.available(*a)) else {
            return Outcome::Stay;
        };
        let last_col = screen.vote.options.len().saturating_sub(1);
        match action {
            V::Digit => {
                if let KeyCode::Char(c) = key.code {
                    screen.digit(c.to_digit(10).unwrap_or(0));
                }
            }
            V::Clear => {
                let _ = screen.vote.set_dots(screen.row, screen.col, 0);
            }
            V::Left => screen.col = screen.col.saturating_sub(1),
            V::Right => screen.col = (screen.col + 1).min(last_col),
            V::Up => screen.row = screen.row.saturating_sub(1),
            V::Down => screen.row = (screen.row + 1).min(screen.rows() - 1),
            V::Counting => {
                let counting = screen.vote.counting.toggled();
                screen.vote.recount(&self.session, counting);
                screen.row = 0;
            }
            V::MoreDots => screen.set_dots_each(1),
            V::FewerDots => screen.set_dots_each(-1),
            V::Totals => {
                let totals = !screen.vote.by_totals();
                screen.vote.set_by_totals(totals);
                screen.row = 0;
            }
            V::Hide => screen.vote.hidden = !screen.vote.hidden,
            V::Reveal => {
                screen.vote.revealed = screen.vote.hidden;
                screen.stage = Stage::Tally;
            }
            V::BackToEntering => screen.stage = Stage::Entering,
            V::Decide => self.vote_decision(now),
            V::Support => self.vote_support(now),
            V::Close => self.close_vote(now),
            V::Help => return Outcome::Help,
        }
        Outcome::Stay
    }

    /// Keeps the vote in the session (when any dots were given) and closes.
    fn close_vote(&mut self, now: DateTime<Utc>) {
        let Some(screen) = self.vote.take() else {
            return;
        };
        if screen.vote.dots_entered() == 0 {
            self.message = Some("Closed the dot vote: no dots were given, so nothing was recorded.".into());
            return;
        }
        let before = self.snapshot("record the dot vote".into());
        self.session.votes.push(screen.vote);
        self.changed(before, now);
        self.message = Some("Dot vote recorded; the minutes show its tally. Press u to take it back.".into());
    }

    /// `d` on the tally: the top option becomes a decision taken by vote,
    /// with the tally in its wording; goals also get their support.
    fn vote_decision(&mut self, now: DateTime<Utc>) {
        let Some(screen) = &mut self.vote else {
            return;
        };
        let text = match screen.vote.decision_text() {
            Ok(text) => text,
            Err(why) => {
                screen.error = Some(why);
                return;
            }
        };
        let Some(mut screen) = self.vote.take() else {
            return;
        };
        let before = self.snapshot("turn the vote into a decision".into());
        screen.vote.decided = true;
        screen.vote.set_goal_support(&mut self.session);
        self.session.decisions.push(Decision {
            text,
            step: screen.vote.list.step().or(self.nav.section.step()),
            method: DecisionMethod::Vote,
            dissent: String::new(),
            ..Default::default()
        });
        self.session.votes.push(screen.vote);
        self.changed(before, now);
        self.message =
            Some("Decision recorded from the vote (see Decisions, d). Press u to take it back.".into());
    }

    /// `s` on a goals tally: records the vote and sets goal support.
    fn vote_support(&mut self, now: DateTime<Utc>) {
        let Some(screen) = self.vote.take() else {
            return;
        };
        let before = self.snapshot("set goal support from the vote".into());
        let n = screen.vote.set_goal_support(&mut self.session);
        self.session.votes.push(screen.vote);
        self.changed(before, now);
        self.message = Some(format!(
            "Vote recorded; support set on {n} goals from their dots. Press u to take it back."
        ));
    }
}

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
