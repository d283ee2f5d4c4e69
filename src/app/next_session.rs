//! "Next session": a short form (title and date) that starts a
//! partnership's next meeting from its latest one with `Session::follow_up`
//! (people, agreed goals and vision, open actions, measures, parking lot),
//! saves it as a new file linked to the last and opens it, offering to
//! approve the last minutes as its first item (`M`, see `sign_off`).

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::across::{Back, Loaded, go_back};
use super::keys::{
    Binding, Key, KeyHelp, describe, help_binding, lookup, other_field_binding, undo_typing_binding,
};
use super::line_field::LineField;
use super::message::{Message, count};
use super::session::SessionScreen;
use super::{App, Screen};
use crate::domain::{Session, parse_date};
use crate::storage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The date from the title; on the date, create (as in every form).
    Enter,
    Next,
    Create,
    Undo,
    Cancel,
    Help,
    Edit(KeyEvent),
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        action: Action::Enter,
        label: "next",
        help: "Go to the date; on the date, create the next session and open it",
        in_footer: true,
    },
    other_field_binding(Action::Next, "Move between the title and the date"),
    Binding {
        keys: &[Key::ctrl('s')],
        action: Action::Create,
        label: "create",
        help: "Create the next session and open it",
        in_footer: true,
    },
    undo_typing_binding(Action::Undo),
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        action: Action::Cancel,
        label: "back",
        help: "Back to the sessions without creating anything",
        in_footer: true,
    },
    help_binding(&[Key::plain(KeyCode::F(1))], Action::Help),
];

pub fn action_for(key: &KeyEvent) -> Action {
    lookup(KEYS, key).unwrap_or(Action::Edit(*key))
}

pub struct NextState {
    /// The meeting this one follows.
    pub previous: Session,
    pub previous_path: std::path::PathBuf,
    /// Title, then date.
    pub fields: [LineField; 2],
    pub focus: usize,
    /// The field that holds something unusable, and why.
    pub error: Option<(usize, String)>,
    pub back: Back,
}

impl NextState {
    pub fn new(loaded: &Loaded, latest: usize, today: NaiveDate, back: Back) -> NextState {
        let previous = loaded.sessions[latest].as_ref().clone();
        // Today, unless the last meeting is later (sessions planned ahead):
        // then four weeks after it, as most partnerships meet monthly.
        let date = if today > previous.date {
            today
        } else {
            previous.date + chrono::Days::new(28)
        };
        // "Level Ground — December check-in" names the next "Level Ground — January 2027".
        let who = match previous.title.split_once(" — ") {
            Some((head, _)) if !head.trim().is_empty() => head.trim().to_string(),
            _ if !previous.partnership.trim().is_empty() => previous.partnership.trim().to_string(),
            _ => "Next session".to_string(),
        };
        let title = format!("{who} — {}", date.format("%B %Y"));
        let fields = [LineField::at_end(title), LineField::at_end(date.to_string())];
        NextState {
            previous,
            previous_path: loaded.paths[latest].clone(),
            fields,
            focus: 0,
            error: None,
            back,
        }
    }

    pub fn value(&self, field: usize) -> String {
        self.fields[field].value().trim().to_string()
    }

    fn edit(&mut self, key: KeyEvent) {
        self.fields[self.focus].input(key);
        self.clear_error();
    }

    fn undo(&mut self) {
        self.fields[self.focus].undo();
        self.clear_error();
    }

    fn clear_error(&mut self) {
        if self.error.as_ref().is_some_and(|(field, _)| *field == self.focus) {
            self.error = None;
        }
    }

    /// Moves to the other field; a date is checked as the cursor leaves it.
    fn other_field(&mut self) {
        if self.focus == 1 {
            self.error = parse_date(&self.value(1)).err().map(|e| (1, e));
        }
        self.focus = 1 - self.focus;
        self.fields[self.focus].arrive();
    }

    /// The form's keys for footer and help: Enter says "create" on the
    /// date, where it creates.
    pub fn keys(&self) -> Vec<KeyHelp> {
        let mut keys = describe(KEYS);
        for k in &mut keys {
            if k.label == "next" && self.focus == 1 {
                k.label = "create";
            }
        }
        keys
    }

    pub(super) fn paste(&mut self, text: &str) {
        self.fields[self.focus].paste(text);
    }

    /// The new session, or why not.
    fn build(&self, now: DateTime<Utc>) -> Result<Session, (usize, String)> {
        let title = self.value(0);
        if title.is_empty() {
            return Err((0, "A title is required: type one before creating.".into()));
        }
        let date = parse_date(&self.value(1)).map_err(|e| (1, e))?;
        if date < self.previous.date {
            return Err((
                1,
                format!(
                    "The next session cannot be before the last one ({}).",
                    self.previous.date
                ),
            ));
        }
        let mut next = self.previous.follow_up(&title, date, now);
        // A follow-up gets the follow-up plan, not the last meeting's time.
        next.plan = crate::assets::plan(crate::assets::PlanKind::FollowUp);
        Ok(next)
    }
}

pub(super) fn update(app: &mut App, action: Action, now: DateTime<Utc>) {
    let Screen::NextSession(state) = &mut app.screen else {
        return;
    };
    match action {
        Action::Enter if state.focus == 0 => state.other_field(),
        Action::Next => state.other_field(),
        Action::Undo => state.undo(),
        Action::Edit(key) => state.edit(key),
        Action::Help => app.open_help(),
        Action::Cancel => {
            let back = state.back.clone();
            go_back(app, &back);
        }
        Action::Enter | Action::Create => create(app, now),
    }
}

fn create(app: &mut App, now: DateTime<Utc>) {
    let Screen::NextSession(state) = &mut app.screen else {
        return;
    };
    let session = match state.build(now) {
        Ok(session) => session,
        Err((field, error)) => {
            state.focus = field;
            state.error = Some((field, error));
            return;
        }
    };
    // Refuse if the last session's file changed since it was read, so the
    // new session never carries over stale actions.
    if storage::load(&state.previous_path).ok().as_ref() != Some(&state.previous) {
        app.message = Some(Message::error(
            "The last session's file changed since the list was read. Press Esc, then r to reload, and try again.",
        ));
        return;
    }
    match app.archive.create(&session) {
        Ok(path) => {
            let carried = count(session.actions.len(), "open action", "open actions");
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let first = if state.previous.minutes.approved.is_none() {
                " First item: approve the last minutes (M)."
            } else {
                ""
            };
            app.message = Some(Message::success(format!(
                "Created {name}, following on from “{}”; {carried} carried over.{first}",
                state.previous.title
            )));
            // The screen finds the last minutes (and decisions due for
            // review) itself after this update: see `sign_off::refresh`.
            app.screen = Screen::Session(Box::new(SessionScreen::open(path, session)));
        }
        Err(e) => {
            app.message = Some(Message::error(format!(
                "Could not create the session file: {}",
                app.shown(&e.to_string())
            )));
        }
    }
}
