//! The plan screen (`P`), over the session: a time box per part, changed
//! before or during the meeting. Edits go on the session's undo stack like
//! any other; marking the part that is on now is a clock change, not an edit.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::b;
use super::{Outcome, SessionScreen};
use crate::app::keys::{Binding, Key, KeyHelp, describe, help_binding, lookup};
use crate::domain::Part;

/// Where the plan screen is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanView {
    /// The selected part.
    pub row: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanAction {
    Down,
    Up,
    More,
    Less,
    OneMore,
    OneLess,
    AddBreak,
    RemoveBreak,
    MoveDown,
    MoveUp,
    Now,
    Clock,
    Extend,
    Undo,
    Save,
    Help,
    Close,
    Quit,
}

use KeyCode::*;
use PlanAction as A;

pub const KEYS: &[Binding<PlanAction>] = &[
    b(
        &[Key::plain(Down), Key::ch('j')],
        A::Down,
        "down",
        "Select the next part",
        false,
    ),
    b(
        &[Key::plain(Up), Key::ch('k')],
        A::Up,
        "up",
        "Select the previous part",
        false,
    ),
    b(
        &[Key::ch('+'), Key::ch('=')],
        A::More,
        "more",
        "Five more minutes for the selected part",
        true,
    ),
    b(
        &[Key::ch('-')],
        A::Less,
        "less",
        "Five minutes less for the selected part",
        true,
    ),
    b(
        &[Key::ch(']')],
        A::OneMore,
        "1 min more",
        "One more minute for the selected part",
        false,
    ),
    b(
        &[Key::ch('[')],
        A::OneLess,
        "1 min less",
        "One minute less for the selected part",
        false,
    ),
    b(
        &[Key::ch('b')],
        A::AddBreak,
        "add break",
        "Add a ten-minute break after the selected part",
        true,
    ),
    b(
        &[Key::ch('x'), Key::plain(Delete)],
        A::RemoveBreak,
        "remove break",
        "Remove the selected break (steps stay: give them 0 minutes instead)",
        false,
    ),
    b(
        &[Key::ch('J')],
        A::MoveDown,
        "move down",
        "Move the selected part later",
        false,
    ),
    b(
        &[Key::ch('K')],
        A::MoveUp,
        "move up",
        "Move the selected part earlier",
        false,
    ),
    b(
        &[Key::plain(Enter)],
        A::Now,
        "on now",
        "Mark the selected part as the one on now (the opening, a break, the close)",
        true,
    ),
    b(
        &[Key::ch('t')],
        A::Clock,
        "clock",
        "Start or pause the meeting clock",
        false,
    ),
    b(
        &[Key::ch('T')],
        A::Extend,
        "+5 min now",
        "Give the part on now five more minutes",
        false,
    ),
    b(
        &[Key::ch('u')],
        A::Undo,
        "undo",
        "Undo the last change to the plan (or anything else)",
        false,
    ),
    b(&[Key::ctrl('s')], A::Save, "save", "Save the session now", false),
    help_binding(&[Key::ch('?'), Key::plain(F(1))], A::Help),
    b(
        &[Key::ctrl('q'), Key::ctrl('c')],
        A::Quit,
        "quit",
        "Save and quit Roundtable",
        false,
    ),
    b(
        &[Key::plain(Esc), Key::ch('P')],
        A::Close,
        "back",
        "Back to the session",
        true,
    ),
];

impl SessionScreen {
    pub(super) fn open_plan(&mut self, now: DateTime<Utc>) {
        if self.read_only.is_none() {
            self.ensure_plan(now);
        }
        let row = self.session.plan.current.unwrap_or(0);
        self.plan_view = Some(PlanView { row });
    }

    /// The plan screen's keys, without those that change a read-only session.
    pub(super) fn plan_bindings(&self) -> Vec<KeyHelp> {
        let table: Vec<_> = KEYS
            .iter()
            .filter(|b| self.plan_available(b.action))
            .copied()
            .collect();
        describe(&table)
    }

    fn plan_available(&self, action: PlanAction) -> bool {
        let changes = !matches!(action, A::Down | A::Up | A::Help | A::Close | A::Quit);
        if changes && self.read_only.is_some() {
            return false;
        }
        let selected = self.plan_view.and_then(|v| self.session.plan.slots.get(v.row));
        match action {
            A::RemoveBreak => selected.is_some_and(|s| s.part == Part::Break),
            A::Extend => self.session.plan.current.is_some(),
            _ => true,
        }
    }

    pub(super) fn plan_key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Outcome {
        self.message = None;
        let Some(action) = lookup(KEYS, &key).filter(|a| self.plan_available(*a)) else {
            return Outcome::Stay;
        };
        let row = self.plan_view.map_or(0, |v| v.row);
        let last = self.session.plan.slots.len().saturating_sub(1);
        let select = |s: &mut Self, row: usize| s.plan_view = Some(PlanView { row: row.min(last) });
        match action {
            A::Down => select(self, row + 1),
            A::Up => select(self, row.saturating_sub(1)),
            A::More => self.edit_plan("add five minutes", now, |p| p.change_minutes(row, 5)),
            A::Less => self.edit_plan("take off five minutes", now, |p| p.change_minutes(row, -5)),
            A::OneMore => self.edit_plan("add a minute", now, |p| p.change_minutes(row, 1)),
            A::OneLess => self.edit_plan("take off a minute", now, |p| p.change_minutes(row, -1)),
            A::AddBreak => {
                self.edit_plan("add a break", now, |p| {
                    p.add_break(row, now);
                });
                select(self, row + 1);
            }
            A::RemoveBreak => {
                self.edit_plan("remove the break", now, |p| {
                    p.remove_break(row, now);
                });
                select(self, row.min(self.session.plan.slots.len().saturating_sub(1)));
            }
            A::MoveDown | A::MoveUp => {
                let delta = if action == A::MoveDown { 1 } else { -1 };
                let mut to = row;
                self.edit_plan("move a part", now, |p| {
                    to = p.move_slot(row, delta).unwrap_or(row)
                });
                select(self, to);
            }
            A::Now => {
                self.session.plan.switch_to(row, now);
                self.clock_changed(now);
                let part = self
                    .session
                    .plan
                    .slots
                    .get(row)
                    .map(|s| s.part.label())
                    .unwrap_or_default();
                let hint = if self.session.plan.is_running() {
                    ""
                } else {
                    " (t starts the clock)"
                };
                self.message = Some(format!("On now: {part}{hint}."));
            }
            A::Clock => self.toggle_clock(now),
            A::Extend => self.extend_clock(now),
            A::Undo => {
                self.undo();
                select(self, row);
            }
            A::Save => return Outcome::Save,
            A::Help => return Outcome::Help,
            A::Close => self.plan_view = None,
            A::Quit => return Outcome::Quit,
        }
        Outcome::Stay
    }

    /// Changes the plan as one undoable edit.
    fn edit_plan(&mut self, what: &str, now: DateTime<Utc>, change: impl FnOnce(&mut crate::domain::Plan)) {
        let before = self.snapshot(format!("{what} in the plan"));
        change(&mut self.session.plan);
        self.changed(before, now);
    }
}
