//! Minutes sign-off on the session screen: `C` records that these minutes
//! were circulated (to whom), `M` approves the last session's minutes at
//! this one (by consent, or proposer and seconder; written to the last
//! session's file), and `A` records an amendment to approved minutes (who
//! and what), which open read-only because they are locked.
//!
//! Each opens a small form (`Form`); the domain decides whether the move is
//! possible and says why not, shown under the form's first field.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::{Binding, Key, KeyHelp, describe, describe_where, help_binding, lookup, undo_typing_binding};
use super::line_field::LineField;
use super::message::Message;
use super::session::SessionScreen;
use super::sign_off_write::{SignOffError, sign_off};
use super::{App, Screen, autosave};
use crate::domain::{Amendment, ApprovedBy, Circulation, Session, SignOff, SignOffMove, Stage};

/// Why approved minutes open read-only; also how the app recognises them.
pub const APPROVED_REASON: &str = "these minutes are approved and locked. Press A to record an amendment";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Circulate,
    ApproveLast,
    Amend,
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::ch('C')],
        action: Action::Circulate,
        label: "circulated",
        help: "Record that these minutes were circulated, and to whom",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ch('M')],
        action: Action::ApproveLast,
        label: "approve last minutes",
        help: "Approve the last session's minutes at this one: by consent, or proposer and seconder",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('A')],
        action: Action::Amend,
        label: "amend",
        help: "Record an amendment to these approved minutes: who, and what changes",
        in_footer: true,
    },
];

/// The last session's minutes, as this session's first item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastMinutes {
    pub path: PathBuf,
    pub title: String,
    pub date: NaiveDate,
    pub minutes: SignOff,
}

/// What the session screen knows of the partnership's earlier sessions:
/// looked up once when the session opens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Note {
    pub looked: bool,
    pub last: Option<LastMinutes>,
    /// Decisions of earlier sessions due for review at this one: wording
    /// and review date.
    pub due: Vec<(String, NaiveDate)>,
}

impl Note {
    pub fn from(path: PathBuf, last: &Session) -> Note {
        Note {
            looked: true,
            last: Some(LastMinutes {
                path,
                title: last.title.clone(),
                date: last.date,
                minutes: last.minutes.clone(),
            }),
            due: Vec::new(),
        }
    }
}

/// Whether the session screen shows only its sections (no editor or
/// overlay), where the sign-off keys work.
fn browsing(s: &SessionScreen) -> bool {
    s.editor.is_none()
        && s.capture.is_none()
        && s.vote.is_none()
        && s.consent.is_none()
        && s.presenter.is_none()
        && s.plan_view.is_none()
        && s.round.setup.is_none()
}

/// Held open by someone else: nothing may be written to it from here.
fn held_elsewhere(s: &SessionScreen) -> bool {
    s.read_only
        .as_deref()
        .is_some_and(|why| why != APPROVED_REASON && why != super::review::FINAL_REASON)
}

pub fn available(s: &SessionScreen, action: Action) -> bool {
    if !browsing(s) || held_elsewhere(s) {
        return false;
    }
    match action {
        Action::Circulate => s.session.minutes.stage() != Stage::Approved,
        Action::Amend => s.session.minutes.is_locked(),
        // Offered while the last minutes (found in the archive) await approval.
        Action::ApproveLast => s.sign_off.last.as_ref().is_some_and(|l| l.minutes.approved.is_none()),
    }
}

/// The sign-off action for `key` on the session screen, if it works there.
pub fn action_for(s: &SessionScreen, key: &KeyEvent) -> Option<Action> {
    lookup(KEYS, key).filter(|a| available(s, *a))
}

/// The keys that work on this screen, for footer and help.
pub fn keys(s: &SessionScreen) -> Vec<KeyHelp> {
    describe_where(KEYS, |a| available(s, *a))
}

/// The minutes' status in words for the session screen, a line each: where
/// these minutes stand, the first item when the last minutes await
/// approval, and decisions due for review.
pub fn status_lines(s: &SessionScreen) -> Vec<String> {
    let own = match s.session.minutes.stage() {
        Stage::Draft => None,
        Stage::Circulated => Some(format!("Minutes {}", s.session.minutes.summary())),
        Stage::Approved => Some(format!("Minutes locked, A to amend: {}", s.session.minutes.summary())),
    };
    let last = s.sign_off.last.as_ref().map(|l| match &l.minutes.approved {
        Some(a) if a.at == s.session.id => format!("Last minutes approved here, {}", a.how.words()),
        Some(_) => "Last minutes already approved".to_string(),
        None => format!("First item: approve the minutes of {} (M)", l.date.format("%-d %b %Y")),
    });
    let due = s.sign_off.due.first().map(|(text, on)| {
        let more = match s.sign_off.due.len() {
            1 => String::new(),
            n => format!(" (+{} more, listed in the minutes)", n - 1),
        };
        format!("Due for review since {}: {}{more}", on.format("%-d %b %Y"), text.trim())
    });
    [own, last, due].into_iter().flatten().collect()
}

/// Finds the last session's minutes once for the open session.
pub fn refresh(app: &mut App) {
    let Screen::Session(screen) = &mut app.screen else {
        return;
    };
    if screen.sign_off.looked {
        return;
    }
    screen.sign_off.looked = true;
    let loaded = super::across::Loaded::read(&app.archive);
    let history = loaded.history();
    let previous = screen.session.previous.trim();
    let last = loaded
        .sessions
        .iter()
        .position(|s| !previous.is_empty() && s.id == previous)
        .map(|i| Note::from(loaded.paths[i].clone(), &loaded.sessions[i]));
    let (then, me) = history.as_of(&screen.session);
    let due = then
        .series_of(me)
        .map(|series| then.due_for_review(series, screen.session.date))
        .unwrap_or_default()
        .iter()
        .map(|d| (d.decision.text.clone(), d.review_date()))
        .collect();
    screen.sign_off = Note {
        due,
        ..last.unwrap_or_default()
    };
    screen.sign_off.looked = true;
}

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
    Binding {
        keys: &[
            Key::plain(KeyCode::Tab),
            Key::plain(KeyCode::BackTab),
            Key::plain(KeyCode::Down),
            Key::plain(KeyCode::Up),
        ],
        action: FormAction::Next,
        label: "other field",
        help: "Move between the fields",
        in_footer: false,
    },
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
            Action::Circulate => (&["Circulated to"], &["Who the minutes were sent to, e.g. all partners"]),
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
        self.fields.get(i).map(|f| f.value().trim().to_string()).unwrap_or_default()
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        let mut keys = describe(FORM_KEYS);
        if self.focus + 1 == self.fields.len() {
            keys.iter_mut().filter(|k| k.label == "next").for_each(|k| k.label = "record");
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

/// A sign-off key on the session screen: opens its form.
pub(super) fn update(app: &mut App, action: Action) {
    app.sign_off = Some(Form::new(action));
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
        Action::Circulate => own(screen, SignOffMove::Circulate(Circulation {
            to: form.value(0),
            on: today,
        })),
        Action::Amend => own(screen, SignOffMove::Amend(Amendment {
            by: form.value(0),
            on: today,
            text: form.value(1),
        })),
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
            Some(a) => format!("Last minutes approved here, {}: recorded in the last session's file.", a.how.words()),
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
