//! The new-session form: title, partnership, date, start time, location and
//! facilitator, each a one-line editor.

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::confirm::Confirm;
use super::keys::{Binding, Key, KeyHelp, describe, help_binding, lookup, undo_typing_binding};
use super::line_field::LineField;
use super::message::Message;
use super::{App, Screen, session::SessionScreen};
use crate::domain::{Session, SessionStatus, parse_date, parse_time};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The next field; on the last one, create (as in every form).
    Enter,
    Next,
    Prev,
    Create,
    Undo,
    Cancel,
    Help,
    /// Any other key goes to the focused field's editor.
    Edit(KeyEvent),
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        action: Action::Enter,
        label: "next",
        help: "Go to the next field; on the last field, create the session",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Tab), Key::plain(KeyCode::Down)],
        action: Action::Next,
        label: "next field",
        help: "Go to the next field (from the last, back to the title)",
        in_footer: false,
    },
    Binding {
        keys: &[Key::plain(KeyCode::BackTab), Key::plain(KeyCode::Up)],
        action: Action::Prev,
        label: "previous field",
        help: "Go to the previous field",
        in_footer: false,
    },
    Binding {
        keys: &[Key::ctrl('s')],
        action: Action::Create,
        label: "create",
        help: "Create the session and start capturing",
        in_footer: true,
    },
    undo_typing_binding(Action::Undo),
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Cancel,
        label: "back",
        help: "Go back to the list of sessions (asks first if you typed anything)",
        in_footer: true,
    },
    help_binding(&[Key::plain(KeyCode::F(1))], Action::Help),
];

/// The form's key for `event`: a bound key, or editing the focused field.
pub fn action_for(event: &KeyEvent) -> Action {
    lookup(KEYS, event).unwrap_or(Action::Edit(*event))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Partnership,
    Date,
    StartTime,
    Location,
    Facilitator,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Partnership,
        Field::Date,
        Field::StartTime,
        Field::Location,
        Field::Facilitator,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Partnership => "Partnership",
            Field::Date => "Date",
            Field::StartTime => "Start time",
            Field::Location => "Location",
            Field::Facilitator => "Facilitator",
        }
    }

    /// Shown under the field while it has no error.
    pub fn hint(self) -> &'static str {
        match self {
            Field::Title => "Required, e.g. Spring workshop: first co-design session",
            Field::Partnership => "Optional: the partnership meeting today",
            Field::Date => "YYYY-MM-DD, or day first: 31/3/2027",
            Field::StartTime => "Optional, HH:MM, e.g. 10:00",
            Field::Location => "Optional, e.g. Community centre, Hall B",
            Field::Facilitator => "Optional: who leads the session",
        }
    }
}

#[derive(Debug, Clone)]
pub struct FormState {
    pub fields: [LineField; 6],
    pub errors: [Option<String>; 6],
    pub focus: usize,
    today: NaiveDate,
}

impl FormState {
    pub fn new(today: NaiveDate) -> FormState {
        let mut fields: [LineField; 6] = Default::default();
        fields[Field::Date as usize] = LineField::new(today.format("%Y-%m-%d").to_string());
        FormState {
            fields,
            errors: Default::default(),
            focus: 0,
            today,
        }
    }

    pub fn value(&self, field: Field) -> String {
        self.fields[field as usize].value()
    }

    pub fn focused(&self) -> Field {
        Field::ALL[self.focus]
    }

    fn on_last_field(&self) -> bool {
        self.focus + 1 == Field::ALL.len()
    }

    /// The form's keys for footer and help: Enter says "create" on the
    /// last field, where it creates.
    pub fn keys(&self) -> Vec<KeyHelp> {
        let mut keys = describe(KEYS);
        for k in &mut keys {
            if k.label == "next" && self.on_last_field() {
                k.label = "create";
            }
        }
        keys
    }

    /// Whether anything differs from a fresh form, so leaving would lose typing.
    pub fn is_touched(&self) -> bool {
        Field::ALL.iter().any(|&f| {
            let value = self.value(f);
            match f {
                Field::Date => value.trim() != self.today.format("%Y-%m-%d").to_string(),
                _ => !value.trim().is_empty(),
            }
        })
    }

    fn move_focus(&mut self, forward: bool) {
        self.check(self.focused());
        let n = Field::ALL.len();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        self.fields[self.focus].arrive();
    }

    fn edit(&mut self, key: KeyEvent) {
        self.fields[self.focus].input(key);
        self.recheck();
    }

    fn undo(&mut self) {
        self.fields[self.focus].undo();
        self.recheck();
    }

    pub(super) fn paste(&mut self, text: &str) {
        self.fields[self.focus].paste(text);
        self.recheck();
    }

    /// Errors clear as soon as the text is fixed, but do not appear while
    /// someone is still typing for the first time.
    fn recheck(&mut self) {
        if self.errors[self.focus].is_some() {
            self.check(self.focused());
        }
    }

    fn check(&mut self, field: Field) -> bool {
        let value = self.value(field);
        let value = value.trim();
        let error = match field {
            Field::Title if value.is_empty() => Some("A title is required: type one before creating.".into()),
            Field::Date => parse_date(value).err(),
            Field::StartTime if !value.is_empty() => parse_time(value).err(),
            _ => None,
        };
        let ok = error.is_none();
        self.errors[field as usize] = error;
        ok
    }

    /// The session the form describes, or `None` after marking every
    /// problem (and moving to the first one).
    pub fn build(&mut self, now: DateTime<Utc>) -> Option<Session> {
        let results: Vec<bool> = Field::ALL.iter().map(|&f| self.check(f)).collect();
        if let Some(first_bad) = results.iter().position(|ok| !ok) {
            self.focus = first_bad;
            return None;
        }
        let date = parse_date(&self.value(Field::Date)).ok()?;
        let mut session = Session::new(
            &self.value(Field::Title),
            &self.value(Field::Partnership),
            date,
            now,
        );
        let time = self.value(Field::StartTime);
        session.start_time = parse_time(&time).ok().filter(|_| !time.trim().is_empty());
        session.location = self.value(Field::Location).trim().to_string();
        session.facilitator = self.value(Field::Facilitator).trim().to_string();
        session.status = SessionStatus::InProgress;
        session.plan = crate::assets::plan(crate::assets::PlanKind::First);
        Some(session)
    }
}

pub(super) fn update(app: &mut App, action: Action, now: DateTime<Utc>) {
    let Screen::NewSession(form) = &mut app.screen else {
        return;
    };
    match action {
        Action::Enter if form.on_last_field() => create(app, now),
        Action::Enter | Action::Next => form.move_focus(true),
        Action::Undo => form.undo(),
        Action::Prev => form.move_focus(false),
        Action::Edit(key) => form.edit(key),
        Action::Help => app.open_help(),
        Action::Cancel if form.is_touched() => app.confirm = Some(Confirm::DiscardForm),
        Action::Cancel => app.go_home(None),
        Action::Create => create(app, now),
    }
}

fn create(app: &mut App, now: DateTime<Utc>) {
    let Screen::NewSession(form) = &mut app.screen else {
        return;
    };
    let Some(session) = form.build(now) else {
        app.message = Some(Message::error("Please fix the fields marked ⚠ first."));
        return;
    };
    match app.archive.create(&session) {
        Ok(path) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            app.screen = Screen::Session(Box::new(SessionScreen::open(path, session)));
            app.message = Some(Message::success(format!("Created the session file {name}")));
        }
        Err(e) => {
            // The form stays open with everything typed, so nothing is lost.
            app.message = Some(Message::error(format!(
                "Could not create the session file: {}",
                app.shown(&e.to_string())
            )));
        }
    }
}
