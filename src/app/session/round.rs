//! Go-rounds on the session screen: `r` opens a small chooser (order and
//! time each), then `s`, `w` and `b` move the round on while every other
//! key works as usual, so what is captured in a turn is credited to the
//! speaker.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::items::ListRef;
use super::section::ListKind;
use super::{Outcome, SessionScreen};
use crate::app::keys::{Binding, Key, lookup};
use crate::domain::{RoundMove, RoundOrder, Session, Step};

/// The time each speaker may be offered, in minutes; 0 for no limit.
const MINUTES: [u32; 6] = [0, 1, 2, 3, 4, 5];

/// What the chooser shown by `r` holds before the round starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundSetup {
    pub step: Step,
    pub order: RoundOrder,
    pub minutes: u32,
}

/// The screen's round state that is not part of the session: the chooser,
/// and the latest time the app passed in, which the countdown is drawn at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundView {
    pub setup: Option<RoundSetup>,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupAction {
    Order,
    More,
    Less,
    Start,
    Cancel,
    Help,
}

const fn b(
    keys: &'static [Key],
    action: SetupAction,
    label: &'static str,
    help: &'static str,
) -> Binding<SetupAction> {
    Binding {
        keys,
        action,
        label,
        help,
        in_footer: true,
    }
}

pub const SETUP: &[Binding<SetupAction>] = &[
    b(
        &[Key::plain(KeyCode::Enter)],
        SetupAction::Start,
        "start",
        "Start the go-round with the first speaker",
    ),
    b(
        &[Key::ch('o'), Key::ch(' '), Key::plain(KeyCode::Tab)],
        SetupAction::Order,
        "order",
        "Switch between listed order and lived experience and smaller organisations (community or voluntary sector, or the only one from theirs in the room) first",
    ),
    b(
        &[Key::ch('+'), Key::plain(KeyCode::Right)],
        SetupAction::More,
        "more time",
        "Give each speaker a minute more (up to 5)",
    ),
    b(
        &[Key::ch('-'), Key::plain(KeyCode::Left)],
        SetupAction::Less,
        "less time",
        "Give each speaker a minute less (none: no countdown)",
    ),
    b(
        &[Key::plain(KeyCode::Esc)],
        SetupAction::Cancel,
        "cancel",
        "Close without starting a round",
    ),
    b(
        &[Key::ch('?'), Key::plain(KeyCode::F(1))],
        SetupAction::Help,
        "help",
        "Show every key",
    ),
];

impl RoundView {
    pub fn new(now: DateTime<Utc>) -> RoundView {
        RoundView { setup: None, now }
    }
}

impl SessionScreen {
    /// Time passing, so the countdown is drawn at the right moment.
    pub fn tick(&mut self, now: DateTime<Utc>) {
        self.round.now = now;
    }

    /// The step a round would be about: the one shown, or the last visited.
    fn round_step(&self) -> Step {
        self.nav.section.step().unwrap_or(self.nav.last_step)
    }

    /// `r`: ends the round in progress, or opens the chooser for a new one.
    pub(super) fn start_or_end_round(&mut self, now: DateTime<Utc>) {
        if self.session.open_round().is_some() {
            let before = self.snapshot("end the go-round".into());
            self.session.end_round(now);
            self.changed(before, now);
            self.message = Some("Go-round ended and recorded. Press u to undo.".into());
            return;
        }
        if self.session.present().next().is_none() {
            self.message =
                Some("Nobody is marked present: add the participants (p) before a go-round.".into());
            return;
        }
        self.round.setup = Some(RoundSetup {
            step: self.round_step(),
            order: RoundOrder::Listed,
            minutes: 0,
        });
    }

    /// Keys while the chooser is open.
    pub(super) fn setup_key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Outcome {
        let Some(setup) = &mut self.round.setup else {
            return Outcome::Stay;
        };
        let pos = MINUTES.iter().position(|m| *m == setup.minutes).unwrap_or(0);
        match lookup(SETUP, &key) {
            Some(SetupAction::Order) => {
                setup.order = match setup.order {
                    RoundOrder::Listed => RoundOrder::VoicesFirst,
                    RoundOrder::VoicesFirst => RoundOrder::Listed,
                }
            }
            Some(SetupAction::More) => setup.minutes = MINUTES[(pos + 1).min(MINUTES.len() - 1)],
            Some(SetupAction::Less) => setup.minutes = MINUTES[pos.saturating_sub(1)],
            Some(SetupAction::Cancel) => self.round.setup = None,
            Some(SetupAction::Help) => return Outcome::Help,
            Some(SetupAction::Start) => {
                let setup = *setup;
                self.round.setup = None;
                let before = self.snapshot("start the go-round".into());
                let each = (setup.minutes > 0).then_some(setup.minutes * 60);
                self.session.start_round(setup.step, setup.order, each, now);
                self.changed(before, now);
                self.message = Some(format!(
                    "Go-round on step {} started: s when they have spoken, w to pass, b to come back later, r to end.",
                    setup.step.number()
                ));
            }
            None => {}
        }
        Outcome::Stay
    }

    /// `s`, `w`, `b`: the speaker has spoken, passes, or comes back later.
    pub(super) fn move_round(&mut self, how: RoundMove, now: DateTime<Utc>) {
        let before = self.snapshot("move the go-round on".into());
        let Some(name) = self.session.move_round(how, now) else {
            return;
        };
        let what = match how {
            RoundMove::Next => "spoke",
            RoundMove::Pass => "passed",
            RoundMove::Later => "will come back later",
        };
        let then = match self.session.open_round().and_then(|r| r.speaking.as_deref()) {
            Some(next) => format!("Now: {next}."),
            None => "Everyone has had a turn: r ends the round.".into(),
        };
        self.changed(before, now);
        self.message = Some(format!("{name} {what}. {then}"));
    }

    pub(super) fn round_running_with_speaker(&self) -> bool {
        self.session.open_round().is_some_and(|r| r.speaking.is_some())
    }

    /// `V`: the participation summary in the minutes, or not.
    pub(super) fn toggle_participation(&mut self, now: DateTime<Utc>) {
        let before = self.snapshot("change what the minutes show".into());
        let hidden = &mut self.session.shown_in_minutes.leave_out_participation;
        *hidden = !*hidden;
        let message = if *hidden {
            "The minutes will leave out the participation summary. Press V to put it back."
        } else {
            "The minutes will include the participation summary. Press V to leave it out."
        };
        self.changed(before, now);
        self.message = Some(message.into());
    }
}

/// Credits a new item captured during a turn to the speaker: their name
/// (or organisation) goes into its empty proposer, owner or lead field,
/// and it counts as a contribution. Returns the speaker's name.
pub fn credit(s: &mut Session, list: ListRef, row: usize) -> Option<String> {
    if list.kind == ListKind::Participants {
        return None;
    }
    let name = s.credit_speaker()?;
    let org = s
        .participants
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.organisation.trim().to_string())
        .unwrap_or_default();
    let fill = |field: &mut String, value: &str| {
        if field.trim().is_empty() {
            *field = value.to_string();
        }
    };
    match list.kind {
        ListKind::Goals => s.goals.get_mut(row).map(|g| fill(&mut g.proposed_by, &name)),
        ListKind::Drafts => s
            .vision
            .drafts
            .get_mut(row)
            .map(|d| fill(&mut d.proposed_by, &name)),
        ListKind::Consent => s
            .vision
            .consent
            .get_mut(row)
            .map(|c| fill(&mut c.organisation, &org)),
        ListKind::Activities => s.activities.get_mut(row).map(|a| a.lead.edit(|f| fill(f, &name))),
        ListKind::Measures => s
            .activities
            .get_mut(list.parent)
            .and_then(|a| a.measures.get_mut(row))
            .map(|m| m.owner.edit(|f| fill(f, &name))),
        ListKind::Workstreams => s.roles.workstreams.get_mut(row).map(|w| {
            if w.lead.trim().is_empty() && w.lead_organisation.trim().is_empty() {
                fill(&mut w.lead_organisation, &org);
            }
            fill(&mut w.lead, &name);
        }),
        ListKind::Commitments => s
            .roles
            .commitments
            .get_mut(row)
            .map(|c| fill(&mut c.organisation, &org)),
        ListKind::Awareness => s.awareness.get_mut(row).map(|a| fill(&mut a.owner, &name)),
        ListKind::NextSteps => s
            .review
            .next_steps
            .get_mut(row)
            .map(|n| fill(&mut n.owner, &name)),
        ListKind::Actions => s
            .actions
            .get_mut(row)
            .map(|a| a.owner.edit(|owner| fill(owner, &name))),
        ListKind::Parked => s.parking_lot.get_mut(row).map(|p| fill(&mut p.raised_by, &name)),
        // Readings, learnings and decisions name nobody: the count is all.
        _ => None,
    };
    Some(name)
}
