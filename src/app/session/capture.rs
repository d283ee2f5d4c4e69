//! Quick capture (`i`): one line that adds an action, a decision or a parked
//! point to the step the room is on, without leaving the current section.
//! How the line is read is in `capture_line`.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::capture_line::{self, Kind, Parsed};
use super::complete::{Completion, matches};
use super::items::ListRef;
use super::keys::b;
use super::section::ListKind;
use super::{Outcome, SessionScreen};
use crate::app::keys::{Binding, Key, lookup, undo_typing_binding};
use crate::app::line_field::LineField;
use crate::domain::{ActionItem, Decision, ParkedItem, Step, new_item_id};

/// The open capture line.
#[derive(Debug, Clone, Default)]
pub struct Capture {
    pub kind: Kind,
    pub field: LineField,
    /// Names offered after `@`.
    pub names: Vec<String>,
    completion: Option<Completion>,
    /// Why Enter did not add anything, until the next key.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureAction {
    Add,
    NextKind,
    PrevKind,
    Complete,
    Undo,
    Cancel,
    Help,
}

use CaptureAction as C;

pub const KEYS: &[Binding<CaptureAction>] = &[
    b(
        &[Key::plain(KeyCode::Enter)],
        C::Add,
        "add",
        "Add the item to the step you are on",
        true,
    ),
    b(
        &[Key::plain(KeyCode::Tab)],
        C::NextKind,
        "kind",
        "Switch between action, decision and parked point (or start the line with #action, #agreed or #park)",
        true,
    ),
    b(
        &[Key::plain(KeyCode::BackTab)],
        C::PrevKind,
        "kind back",
        "Switch the kind back",
        false,
    ),
    b(
        &[Key::ctrl('n')],
        C::Complete,
        "fill name",
        "After @, fill in the next matching name (an action: text @Owner by 10/12/2026)",
        true,
    ),
    undo_typing_binding(C::Undo),
    b(
        &[Key::plain(KeyCode::Esc)],
        C::Cancel,
        "cancel",
        "Close the line without adding anything",
        true,
    ),
    b(
        &[Key::plain(KeyCode::F(1))],
        C::Help,
        "help",
        "Show every key (? types a question mark here)",
        false,
    ),
];

impl Capture {
    /// Which names match what follows the `@`, if the line has one.
    pub fn suggestions(&self) -> Vec<&str> {
        let line = self.field.value();
        if !self.kind.has_person() {
            return Vec::new();
        }
        let Some(at) = capture_line::owner_start(&line) else {
            return Vec::new();
        };
        let typed = match &self.completion {
            Some(c) => c.typed.clone(),
            None => line[at + 1..].to_string(),
        };
        matches(&self.names, &typed)
    }

    /// The line as it will be stored.
    pub fn parsed(&self) -> Parsed {
        capture_line::parse(self.kind, &self.field.value())
    }

    fn complete(&mut self) {
        let line = self.field.value();
        let Some(at) = capture_line::owner_start(&line) else {
            self.problem = Some("Type @ and the start of a name first, then Ctrl-N.".into());
            return;
        };
        let found: Vec<String> = self.suggestions().iter().map(|s| s.to_string()).collect();
        if found.is_empty() {
            let typed = line[at + 1..].trim();
            self.problem = Some(format!(
                "No participant matches \"{typed}\": keep it as typed, or add them under p first."
            ));
            return;
        }
        let typed = match &self.completion {
            Some(c) => c.typed.clone(),
            None => line[at + 1..].to_string(),
        };
        let shown = self.completion.as_ref().map_or(0, |c| c.shown + 1) % found.len();
        self.field = LineField::at_end(format!("{}@{}", &line[..at], found[shown]));
        self.completion = Some(Completion { typed, shown });
    }

    /// A `#tag ` typed at the start switches the kind and leaves the rest.
    fn take_tag(&mut self) {
        let line = self.field.value();
        if let Some((kind, rest)) = capture_line::take_tag(&line) {
            self.kind = kind;
            self.field = LineField::at_end(rest);
        }
    }
}

impl SessionScreen {
    /// `i`: opens the capture line.
    pub(super) fn open_capture(&mut self) {
        self.capture = Some(Capture {
            names: self
                .session
                .participants
                .iter()
                .map(|p| p.name.to_string())
                .collect(),
            ..Capture::default()
        });
    }

    pub(super) fn capture_key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Outcome {
        let Some(capture) = &mut self.capture else {
            return Outcome::Stay;
        };
        capture.problem = None;
        match lookup(KEYS, &key) {
            Some(C::Add) => self.add_captured(now),
            Some(C::NextKind) => capture.kind = capture.kind.cycle(1),
            Some(C::PrevKind) => capture.kind = capture.kind.cycle(-1),
            Some(C::Complete) => capture.complete(),
            Some(C::Undo) => {
                capture.field.undo();
            }
            Some(C::Cancel) => {
                self.capture = None;
                self.message = Some("Nothing captured.".into());
            }
            Some(C::Help) => return Outcome::Help,
            None => {
                capture.completion = None;
                if capture.field.input(key) {
                    capture.take_tag();
                }
            }
        }
        Outcome::Stay
    }

    pub(super) fn capture_paste(&mut self, text: &str) {
        if let Some(capture) = &mut self.capture {
            capture.field.paste(text);
            capture.take_tag();
        }
    }

    /// Enter: adds the item at the end of its list, from the step the room
    /// is on, as one change `u` takes back.
    fn add_captured(&mut self, now: DateTime<Utc>) {
        let Some(capture) = &mut self.capture else {
            return;
        };
        let kind = capture.kind;
        let parsed = capture.parsed();
        if parsed.text.is_empty() {
            capture.problem = Some(format!("Type the {} first, or Esc to close.", noun(kind)));
            return;
        }
        let step = self.nav.last_step;
        let before = self.snapshot(format!("capture the {}", noun(kind)));
        let list = add(&mut self.session, kind, parsed, step, now);
        // In a go-round, what is captured in a turn is the speaker's.
        let row = list_len(&self.session, list.kind).saturating_sub(1);
        let credit = super::round::credit(&mut self.session, list, row)
            .map(|name| format!(" Credited to {name}."))
            .unwrap_or_default();
        self.capture = None;
        if self.changed(before, now) {
            self.message = Some(format!(
                "{} added to step {} · {}.{credit} Press u to undo.",
                kind.label(),
                step.number(),
                step.short()
            ));
        }
    }
}

fn noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Action => "action",
        Kind::Decision => "decision",
        Kind::Parked => "parked point",
    }
}

fn list_len(s: &crate::domain::Session, kind: ListKind) -> usize {
    match kind {
        ListKind::Actions => s.actions.len(),
        ListKind::Decisions => s.decisions.len(),
        _ => s.parking_lot.len(),
    }
}

/// Adds the item and says which list it went into.
fn add(s: &mut crate::domain::Session, kind: Kind, p: Parsed, step: Step, now: DateTime<Utc>) -> ListRef {
    let list = |kind| ListRef { kind, parent: 0 };
    match kind {
        Kind::Action => {
            let id = new_item_id("a", now, &s.item_ids());
            s.actions.push(ActionItem {
                id: id.into(),
                text: p.text.into(),
                owner: p.person.into(),
                due: p.due,
                step: Some(step),
                ..Default::default()
            });
            list(ListKind::Actions)
        }
        Kind::Decision => {
            s.decisions.push(Decision {
                text: p.text,
                step: Some(step),
                ..Default::default()
            });
            list(ListKind::Decisions)
        }
        Kind::Parked => {
            s.parking_lot.push(ParkedItem {
                text: p.text,
                raised_by: p.person,
                step: Some(step),
                ..Default::default()
            });
            list(ListKind::Parked)
        }
    }
}
