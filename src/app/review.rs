//! Review mode: final minutes open read-only, so nothing changes by
//! accident. `E` asks before making them editable, and a yes records a
//! decision in the session saying when the agreed minutes were reopened, so
//! trustees reading the minutes can see that they changed after agreement.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::confirm::Confirm;
use super::keys::{Binding, Key};
use super::message::Message;
use super::session::section::{ListKind, Section};
use super::session::{Outcome, SessionScreen};
use super::{App, Screen};
use crate::domain::{Decision, DecisionMethod, SessionStatus, Step};
use crate::storage;

/// Why a final session is read-only; also how the app recognises it.
pub const FINAL_REASON: &str = "these minutes are final. Press E to correct them";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Reopen,
}

pub const KEYS: &[Binding<Action>] = &[Binding {
    keys: &[Key::ch('E')],
    action: Action::Reopen,
    label: "correct final minutes",
    help: "Make these final minutes editable (asks first, and records that they were reopened)",
    in_footer: true,
}];

/// Whether the screen shows final minutes read-only, so `E` may reopen them.
pub fn is_final_review(screen: &SessionScreen) -> bool {
    screen.read_only.as_deref() == Some(FINAL_REASON)
}

/// Where to put the cursor on opening: a section, a list in it and a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    pub section: Section,
    pub list: ListKind,
    pub row: usize,
}

/// Opens the session in `path`: read-only when its minutes are final.
pub fn open(app: &mut App, path: PathBuf, focus: Option<Focus>) {
    match storage::load(&path) {
        Ok(session) => {
            let is_final = session.status == SessionStatus::Final;
            // A reader wants the first thing recorded, not an empty step 1.
            let first = Step::ALL
                .into_iter()
                .find(|s| session.step_has_content(*s))
                .map_or(Section::Decisions, Section::Step);
            let locked = session.minutes.is_locked();
            let mut screen = if locked {
                SessionScreen::read_only(path, session, super::sign_off::APPROVED_REASON.to_string())
            } else if is_final {
                SessionScreen::read_only(path, session, FINAL_REASON.to_string())
            } else {
                SessionScreen::open(path, session)
            };
            match focus {
                Some(f) => screen.focus(f.section, f.list, f.row),
                None if is_final || locked => screen.focus(first, first.lists()[0], 0),
                None => {}
            }
            app.screen = Screen::Session(Box::new(screen));
            app.message = None;
        }
        Err(e) => {
            app.message = Some(Message::error(format!(
                "Could not open this session: {}. {}",
                app.shown(&e.to_string()),
                app.shown(&super::recovery::advice(&e))
            )));
        }
    }
}

pub(super) fn update(app: &mut App, action: Action) {
    match action {
        Action::Reopen => app.confirm = Some(Confirm::ReopenFinal),
    }
}

/// After a yes: the session becomes editable, gains a decision recording
/// the reopening, and is saved at once so the record cannot be lost.
pub(super) fn reopen(app: &mut App, now: DateTime<Utc>) {
    let today = app.local_date(now);
    let Screen::Session(screen) = &mut app.screen else {
        return;
    };
    if !is_final_review(screen) {
        return;
    }
    screen.read_only = None;
    screen.session.decisions.push(Decision {
        text: format!(
            "The final minutes were reopened for correction on {}; changes after this were made after the minutes were agreed.",
            today.format("%-d %B %Y")
        ),
        step: None,
        method: DecisionMethod::Consent,
        dissent: String::new(),
        ..Default::default()
    });
    screen.session.touch(now);
    screen.dirty = true;
    app.follow_session(Outcome::Save, now);
    if app
        .message
        .as_ref()
        .is_some_and(|m| m.tone != super::message::Tone::Error)
    {
        app.message = Some(Message::success(
            "The minutes can be corrected now. A decision in Decisions & actions records that they were reopened.",
        ));
    }
}
