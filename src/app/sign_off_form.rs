//! The sign-off form: one or two fields for the move being recorded, and
//! recording it (in this session's file, or for an approval in the last
//! session's). See `sign_off` for the keys that open it.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::{
    Binding, Key, KeyHelp, describe, help_binding, lookup, other_field_binding, undo_typing_binding,
};
use super::line_field::LineField;
use super::message::Message;
use super::session::SessionScreen;
use super::sign_off::{Action, Note};
use super::sign_off_write::{SignOffError, sign_off};
use super::{App, Screen, autosave};
use crate::domain::{Amendment, ApprovedBy, Circulation, SignOffMove};

/// The form for one sign-off move.
#[derive(Debug)]
pub struct Form {
    pub kind: Action,
    pub fields: Vec<LineField>,
    pub focus: usize,
    pub error: Option<(usize, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    Enter,
    Next,
    Record,
    Undo,
    Cancel,
    Help,
    Edit(KeyEvent),
}

pub const FORM_KEYS: &[Binding<FormAction>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        action: FormAction::Enter,
        label: "next",
        help: "Go to the next field; on the last, record it",
        in_footer: true,
    },
    other_field_binding(FormAction::Next, "Move between the fields"),
    Binding {
        keys: &[Key::ctrl('s')],
        action: FormAction::Record,
        label: "record",
        help: "Record it in the session file now",
        in_footer: true,
    },
    undo_typing_binding(FormAction::Undo),
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: FormAction::Cancel,
        label: "cancel",
        help: "Close without recording anything",
        in_footer: true,
    },
    help_binding(&[Key::plain(KeyCode::F(1))], FormAction::Help),
];

impl Form {
    pub fn new(kind: Action) -> Form {
        let fields = match kind {
            Action::Circulate => vec![LineField::at_end("all partners")],
            Action::ApproveLast | Action::Amend => vec![LineField::new(""), LineField::new("")],
        };
        Form {
            kind,
            fields,
            focus: 0,
            error: None,
        }
    }

    /// Labels and hints, one per field.
    pub fn labels(&self) -> (&'static [&'static str], &'static [&'static str]) {
        match self.kind {
            Action::Circulate => (
                &["Circulated to"],
                &["Who the minutes were sent to, e.g. all partners"],
            ),
            Action::ApproveLast => (
                &["Proposer", "Seconder"],
                &[
                    "Who moved approval; leave both blank to approve by consent",
                    "Who seconded it",
                ],
            ),
            Action::Amend => (
                &["Amended by", "What changes"],
                &[
                    "Who asked for the correction",
                    "The correction in full, e.g. Item 3 should read …",
                ],
            ),
        }
    }

    pub fn value(&self, i: usize) -> String {
        self.fields
            .get(i)
            .map(|f| f.value().trim().to_string())
            .unwrap_or_default()
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        let mut keys = describe(FORM_KEYS);
        if self.focus + 1 == self.fields.len() {
            keys.iter_mut()
                .filter(|k| k.label == "next")
                .for_each(|k| k.label = "record");
        }
        keys
    }

    pub fn action_for(key: &KeyEvent) -> FormAction {
        lookup(FORM_KEYS, key).unwrap_or(FormAction::Edit(*key))
    }

    pub(super) fn paste(&mut self, text: &str) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.paste(text);
        }
    }
}

pub(super) fn form_update(app: &mut App, action: FormAction, now: DateTime<Utc>) {
    let Some(form) = &mut app.sign_off else {
        return;
    };
    let last = form.fields.len().saturating_sub(1);
    match action {
        FormAction::Edit(key) => {
            if let Some(f) = form.fields.get_mut(form.focus) {
                f.input(key);
            }
            form.error = None;
        }
        FormAction::Undo => {
            if let Some(f) = form.fields.get_mut(form.focus) {
                f.undo();
            }
        }
        FormAction::Next => form.focus = (form.focus + 1) % form.fields.len().max(1),
        FormAction::Enter if form.focus < last => form.focus += 1,
        FormAction::Cancel => app.sign_off = None,
        FormAction::Help => app.open_help(),
        FormAction::Enter | FormAction::Record => record(app, now),
    }
}

/// Makes the move the form describes; on refusal the form stays open with
/// the reason under its first field.
fn record(app: &mut App, now: DateTime<Utc>) {
    let today = app.local_date(now);
    let (Some(form), Screen::Session(screen)) = (&app.sign_off, &mut app.screen) else {
        return;
    };
    let result = match form.kind {
        Action::Circulate => own(
            screen,
            SignOffMove::Circulate(Circulation {
                to: form.value(0),
                on: today,
            }),
        ),
        Action::Amend => own(
            screen,
            SignOffMove::Amend(Amendment {
                by: form.value(0),
                on: today,
                text: form.value(1),
            }),
        ),
        Action::ApproveLast => approve_last(screen, form, now).map(|()| false),
    };
    match result {
        Err(reason) => {
            if let Some(form) = &mut app.sign_off {
                form.error = Some((0, capitalised(&reason)));
            }
        }
        Ok(save_now) => {
            let kind = form.kind;
            app.sign_off = None;
            if save_now && let Err(e) = autosave::save(app, now) {
                let why = autosave::failure(app, &e);
                app.message = Some(Message::error(format!("Recorded, but not saved: {why}")));
                return;
            }
            app.message = Some(Message::success(done(app, kind)));
        }
    }
}

/// A move on the open session's own minutes: made in memory, then saved at
/// once (even when read-only: sign-off never touches what the minutes say).
fn own(screen: &mut SessionScreen, mv: SignOffMove) -> Result<bool, String> {
    screen.session.minutes.apply(mv).map_err(|r| r.to_string())?;
    screen.dirty = true;
    Ok(true)
}

/// Approval is recorded on the last session's file, saved under its lock.
fn approve_last(screen: &mut SessionScreen, form: &Form, now: DateTime<Utc>) -> Result<(), String> {
    let Some(last) = &screen.sign_off.last else {
        return Err("the last session's file was not found".into());
    };
    let how = match (form.value(0), form.value(1)) {
        (p, s) if p.is_empty() && s.is_empty() => ApprovedBy::Consent,
        (proposer, seconder) => ApprovedBy::Proposed { proposer, seconder },
    };
    let here = screen.session.clone();
    let path = last.path.clone();
    match sign_off(&path, now, |s| s.approve_minutes_at(&here, how)) {
        Ok(saved) => {
            screen.sign_off = Note::from(path, &saved);
            Ok(())
        }
        Err(SignOffError::Storage(e)) => Err(format!("{e}. {}", super::recovery::advice(&e))),
        Err(e) => Err(e.to_string()),
    }
}

fn done(app: &App, kind: Action) -> String {
    let Screen::Session(s) = &app.screen else {
        return String::new();
    };
    match kind {
        Action::ApproveLast => match &s.sign_off.last.as_ref().and_then(|l| l.minutes.approved.as_ref()) {
            Some(a) => format!(
                "Last minutes approved here, {}: recorded in the last session's file.",
                a.how.words()
            ),
            None => String::new(),
        },
        _ => format!("Minutes {}. Saved.", s.session.minutes.summary()),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
