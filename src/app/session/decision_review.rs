//! Marking decisions reviewed (`D`): the decisions of earlier sessions due
//! for review at this one are listed; choose one, say whether it was kept,
//! changed or ended, add a short note, and Enter records it in this
//! session's file (never in the earlier one, which may be approved and
//! locked). From then on it is no longer due, and the minutes list it
//! under "Decisions reviewed". One change that `u` takes back.

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::b;
use super::{Outcome, SessionScreen};
use crate::app::keys::{Binding, Key, KeyHelp, describe, help_binding, lookup, undo_typing_binding};
use crate::app::line_field::LineField;
use crate::domain::{Decision, History, ReviewOutcome, Session};

/// A decision due for review, with the session that took it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub session_id: String,
    pub title: String,
    pub date: NaiveDate,
    pub item: usize,
    pub decision: Decision,
}

/// The decisions due for review at `session`, as the archive (`history`,
/// which holds `session` as edited) stands.
pub fn due_at(history: &History, session: &Session) -> Vec<Due> {
    let (then, me) = history.as_of(session);
    let Some(series) = then.series_of(me) else {
        return Vec::new();
    };
    then.due_for_review(series, session.date)
        .iter()
        .filter_map(|d| {
            let s = then.session(d.session)?;
            Some(Due {
                session_id: s.id.clone(),
                title: s.title.trim().to_string(),
                date: s.date,
                item: d.item,
                decision: d.decision.clone(),
            })
        })
        .collect()
}

#[derive(Debug)]
pub struct ReviewScreen {
    pub due: Vec<Due>,
    pub row: usize,
    pub outcome: ReviewOutcome,
    pub note: LineField,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    Up,
    Down,
    Outcome,
    Record,
    UndoTyping,
    Cancel,
    Help,
}

use KeyCode::*;
use ReviewAction as R;

/// The key on the session screen that opens it.
pub const OPEN: &[Binding<()>] = &[Binding {
    keys: &[Key::ch('D')],
    action: (),
    label: "review decisions",
    help: "Mark a decision due for review as reviewed: kept, changed or ended, with a note",
    in_footer: false,
}];

pub const KEYS: &[Binding<ReviewAction>] = &[
    b(&[Key::plain(Up)], R::Up, "up", "The decision above", false),
    b(&[Key::plain(Down)], R::Down, "down", "The decision below", false),
    b(
        &[Key::plain(Tab), Key::plain(BackTab)],
        R::Outcome,
        "kept/changed/ended",
        "What the review decided: kept as it stands, changed, or ended",
        true,
    ),
    b(
        &[Key::plain(Enter)],
        R::Record,
        "record",
        "Record the review in this session (u takes it back)",
        true,
    ),
    undo_typing_binding(R::UndoTyping),
    b(
        &[Key::plain(Esc)],
        R::Cancel,
        "cancel",
        "Close without recording",
        true,
    ),
    help_binding(&[Key::plain(F(1))], R::Help),
];

/// Whether `key` opens the list: `D` while the session screen shows only
/// its sections and the session may be changed.
pub fn opens(s: &SessionScreen, key: &KeyEvent) -> bool {
    lookup(OPEN, key).is_some() && browsing(s) && s.read_only.is_none()
}

/// Nothing is open over the sections (no editor, form or overlay).
pub fn browsing(s: &SessionScreen) -> bool {
    s.editor.is_none()
        && s.capture.is_none()
        && s.vote.is_none()
        && s.consent.is_none()
        && s.presenter.is_none()
        && s.plan_view.is_none()
        && s.round.setup.is_none()
        && s.health.is_none()
        && s.reviewing.is_none()
}

/// `D` in the session screen's keys while it works.
pub fn keys(s: &SessionScreen) -> Vec<KeyHelp> {
    if browsing(s) && s.read_only.is_none() {
        describe(OPEN)
    } else {
        Vec::new()
    }
}

/// Opens the list for the session on screen, reading its partnership's
/// files for the decisions of earlier sessions.
pub fn open(app: &mut crate::app::App) {
    let crate::app::Screen::Session(screen) = &mut app.screen else {
        return;
    };
    let loaded = crate::app::across::read_partnership(&app.library, &screen.session.partnership);
    let due = due_at(&loaded.history(), &screen.session);
    screen.open_reviews(due);
}

impl ReviewScreen {
    pub fn new(due: Vec<Due>) -> ReviewScreen {
        ReviewScreen {
            due,
            row: 0,
            outcome: ReviewOutcome::Kept,
            note: LineField::default(),
        }
    }

    pub fn bindings() -> Vec<KeyHelp> {
        describe(KEYS)
    }
}

impl SessionScreen {
    /// Opens the list, or says why there is nothing to review.
    pub fn open_reviews(&mut self, due: Vec<Due>) {
        if self.read_only.is_some() {
            return;
        }
        if due.is_empty() {
            self.message = Some(
                "No decision is due for review at this session: a decision with a review date on or before today's date appears here."
                    .into(),
            );
            return;
        }
        self.reviewing = Some(ReviewScreen::new(due));
    }

    pub(super) fn review_key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Outcome {
        let Some(screen) = &mut self.reviewing else {
            return Outcome::Stay;
        };
        let Some(action) = lookup(KEYS, &key) else {
            screen.note.input(key);
            return Outcome::Stay;
        };
        match action {
            R::Up => screen.row = screen.row.saturating_sub(1),
            R::Down => screen.row = (screen.row + 1).min(screen.due.len().saturating_sub(1)),
            R::Outcome => {
                let all = ReviewOutcome::ALL;
                let at = all.iter().position(|o| *o == screen.outcome).unwrap_or(0);
                let step = if key.code == BackTab { all.len() - 1 } else { 1 };
                screen.outcome = all[(at + step) % all.len()];
            }
            R::UndoTyping => {
                screen.note.undo();
            }
            R::Cancel => {
                self.reviewing = None;
                self.message = Some("Closed: no review recorded.".into());
            }
            R::Record => self.record_review(now),
            R::Help => return Outcome::Help,
        }
        Outcome::Stay
    }

    fn record_review(&mut self, now: DateTime<Utc>) {
        let Some(screen) = self.reviewing.take() else {
            return;
        };
        let Some(due) = screen.due.get(screen.row) else {
            return;
        };
        let before = self.snapshot("record the review".into());
        self.session.record_review(
            &due.session_id,
            due.item,
            &due.decision,
            screen.outcome,
            &screen.note.value(),
        );
        self.changed(before, now);
        // The "due for review" line above the sections is looked up again.
        self.sign_off.looked = false;
        self.message = Some(format!(
            "Recorded: \"{}\" reviewed, {}. It is no longer due, and the minutes list it; u takes it back.",
            due.decision.text.trim(),
            screen.outcome.label().to_lowercase()
        ));
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyModifiers;

    use super::*;
    use crate::domain::{Decision, Session};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn a_review_is_recorded_here_once_and_the_decision_is_then_no_longer_due() {
        let mut july = Session::for_tests("Launch", "Level Ground", "2026-07-08");
        july.decisions.push(Decision {
            text: "Aid hosts the secretariat".into(),
            review_date: Some(day(11, 1)),
            ..Default::default()
        });
        let nov = Session::for_tests("November", "Level Ground", "2026-11-11");
        let mut screen = SessionScreen::open("nov.ron".into(), nov);
        let due = {
            let sessions = vec![july.clone(), screen.session.clone()];
            due_at(&History::new(&sessions), &screen.session)
        };
        assert_eq!(
            (due.len(), due[0].session_id.as_str(), due[0].item),
            (1, july.id.as_str(), 0)
        );
        screen.open_reviews(due);
        let now = screen.session.updated;
        let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
        screen.review_key(key(Tab), now);
        for c in "Rotates yearly".chars() {
            screen.review_key(key(Char(c)), now);
        }
        screen.review_key(key(Enter), now);
        assert!(screen.reviewing.is_none());
        let r = &screen.session.reviews[0];
        assert_eq!(
            (r.outcome, r.note.as_str(), r.session.as_str()),
            (ReviewOutcome::Changed, "Rotates yearly", july.id.as_str())
        );
        assert_eq!(screen.undo_depth(), 1);
        let sessions = vec![july, screen.session.clone()];
        assert!(due_at(&History::new(&sessions), &screen.session).is_empty());
        screen.open_reviews(Vec::new());
        assert!(
            screen
                .message
                .as_deref()
                .unwrap_or("")
                .starts_with("No decision is due")
        );
    }
}
