//! Minutes sign-off on the session screen: `C` records that these minutes
//! were circulated (to whom), `M` approves the last session's minutes at
//! this one (by consent, or proposer and seconder; written to the last
//! session's file), and `A` records an amendment to approved minutes (who
//! and what), which open read-only because they are locked.
//!
//! Each opens a small form (`Form`); the domain decides whether the move is
//! possible and says why not, shown under the form's first field.

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use super::keys::{Binding, Key, KeyHelp, describe_where, lookup};
use super::session::SessionScreen;
use super::session::decision_review::browsing;
use super::{App, Screen};
use crate::domain::{Session, SignOff, Stage};

pub(super) use super::sign_off_form::form_update;
pub use super::sign_off_form::{FORM_KEYS, Form, FormAction};

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
        Action::ApproveLast => s
            .sign_off
            .last
            .as_ref()
            .is_some_and(|l| l.minutes.approved.is_none()),
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
        Stage::Approved => Some(format!(
            "Minutes locked, A to amend: {}",
            s.session.minutes.summary()
        )),
    };
    let last = s.sign_off.last.as_ref().map(|l| match &l.minutes.approved {
        Some(a) if a.at == s.session.id => format!("Last minutes approved here, {}", a.how.words()),
        Some(_) => "Last minutes already approved".to_string(),
        // "(M)" only where the key works (not in the read-only examples).
        None => {
            let key = if available(s, Action::ApproveLast) {
                " (M)"
            } else {
                ""
            };
            format!(
                "First item: approve the minutes of {}{key}",
                l.date.format("%-d %b %Y")
            )
        }
    });
    let due = s.sign_off.due.first().map(|(text, on)| {
        let more = match s.sign_off.due.len() {
            1 => String::new(),
            n => format!(" (+{} more, listed in the minutes)", n - 1),
        };
        format!(
            "Due for review since {}: {}{more}",
            on.format("%-d %b %Y"),
            text.trim()
        )
    });
    [own, last, due].into_iter().flatten().collect()
}

/// Finds the last session's minutes once for the open session.
pub fn refresh(app: &mut App) {
    let Screen::Session(screen) = &mut app.screen else {
        return;
    };
    // Until the folder check is done the library may not list the earlier
    // sessions yet: look once it is (this runs after every update).
    if screen.sign_off.looked || app.library.checking.is_some() {
        return;
    }
    screen.sign_off.looked = true;
    let loaded = super::across::read_partnership(&app.library, &screen.session.partnership);
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

/// A sign-off key on the session screen: opens its form.
pub(super) fn update(app: &mut App, action: Action) {
    app.sign_off = Some(Form::new(action));
}
