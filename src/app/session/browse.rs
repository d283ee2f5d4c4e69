//! Keys while browsing a section: moving around, and changes that need no
//! editor (delete, move, undo, agreed, voices).

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::BrowseAction as B;
use super::section::{ListKind, Section};
use super::{Outcome, SessionScreen, items};
use crate::domain::{Attendance, RoundMove, SessionStatus, Step};

impl SessionScreen {
    /// Whether `action` means something where the facilitator is now, so
    /// help and footer only list keys that work.
    pub(crate) fn browse_available(&self, action: B) -> bool {
        let list = self.nav.list();
        let has_row = items::len(&self.session, self.nav.current()) > 0;
        let changes = matches!(
            action,
            B::Add
                | B::Edit
                | B::Delete
                | B::Undo
                | B::MoveUp
                | B::MoveDown
                | B::ToggleAgreed
                | B::DotVote
                | B::ConsentCheck
                | B::Health
                | B::Status
                | B::Spoke
                | B::Unspoke
                | B::LivedExperience
                | B::Participation
                | B::Audience
                | B::NotesAudience
                | B::QuoteByName
                | B::Round
                | B::RoundNext
                | B::RoundPass
                | B::RoundLater
                | B::Notes
                | B::Save
                | B::Capture
                | B::Clock
                | B::Extend
        );
        if changes && self.read_only.is_some() {
            return false;
        }
        match action {
            B::NextList | B::PrevList => self.nav.section.lists().len() > 1,
            B::Add => !list.is_fixed() && (list != ListKind::Measures || !self.session.activities.is_empty()),
            B::Edit => has_row,
            B::Delete | B::MoveUp | B::MoveDown => has_row && !list.is_fixed(),
            B::ToggleAgreed => list == ListKind::Goals && has_row,
            B::DotVote => self.vote_list().is_some() && has_row,
            B::ConsentCheck => self.consent_subject().is_some(),
            B::NextActivity | B::PrevActivity => list == ListKind::Measures,
            B::Spoke | B::Unspoke => list == ListKind::Participants && has_row,
            B::LivedExperience | B::Participation => list == ListKind::Participants,
            B::Audience => {
                super::audience::marking(&self.session, self.nav.current(), self.nav.row()).is_some()
            }
            B::QuoteByName => list == ListKind::Participants && has_row,
            B::RoundNext | B::RoundPass | B::RoundLater => self.round_running_with_speaker(),
            B::Notes | B::Guide | B::NotesAudience => self.nav.section.step().is_some(),
            _ => true,
        }
    }

    pub(super) fn browse(&mut self, action: B, key: KeyEvent, now: DateTime<Utc>) -> Outcome {
        match action {
            B::GoToStep => {
                if let KeyCode::Char(c) = key.code {
                    let n = c.to_digit(10).unwrap_or(1) as usize;
                    let step = Step::ALL.get(n.saturating_sub(1)).copied().unwrap_or(Step::Goals);
                    self.nav.go(Section::Step(step));
                }
            }
            B::Participants => self.nav.go(Section::Participants),
            B::Decisions => self.nav.go(Section::Decisions),
            B::ParkingLot => self.nav.go(Section::ParkingLot),
            B::NextSection => self.nav.go(self.nav.section.offset(1)),
            B::PrevSection => self.nav.go(self.nav.section.offset(-1)),
            B::Down => self.nav.step_row(1, &self.session),
            B::Up => self.nav.step_row(-1, &self.session),
            B::First => self.nav.set_row(0),
            B::NextActivity => self.nav.step_parent(1, &self.session),
            B::PrevActivity => self.nav.step_parent(-1, &self.session),
            B::Last => self.nav.step_row(isize::MAX / 2, &self.session),
            B::NextList => self.nav.switch_list(1),
            B::PrevList => self.nav.switch_list(-1),
            B::Add => self.open_new_item(now),
            B::Edit => self.open_item_editor(),
            B::Notes => self.open_notes_editor(),
            B::Delete => self.delete(now),
            B::Undo => self.undo(),
            B::MoveUp => self.move_row(-1, now),
            B::MoveDown => self.move_row(1, now),
            B::ToggleAgreed => self.toggle_agreed(now),
            B::DotVote => self.open_vote(now),
            B::ConsentCheck => self.open_consent(now),
            B::Health => self.open_health(now),
            B::Status => self.toggle_final(now),
            B::Spoke => self.count_voice(1, now),
            B::Unspoke => self.count_voice(-1, now),
            B::LivedExperience => self.toggle_lived_experience(now),
            B::Participation => self.toggle_participation(now),
            B::Audience => self.cycle_audience(now),
            B::QuoteByName => self.toggle_quote_by_name(now),
            B::NotesAudience => self.cycle_notes_audience(now),
            B::Round => self.start_or_end_round(now),
            B::RoundNext => self.move_round(RoundMove::Next, now),
            B::RoundPass => self.move_round(RoundMove::Pass, now),
            B::RoundLater => self.move_round(RoundMove::Later, now),
            B::Guide => self.show_guide = !self.show_guide,
            B::Capture => self.open_capture(),
            B::Present => self.presenter = Some(Default::default()),
            B::Clock => self.toggle_clock(now),
            B::Extend => self.extend_clock(now),
            B::Plan => self.open_plan(now),
            B::Export => return Outcome::ExportMinutes,
            B::Copy => return Outcome::CopyMinutes,
            B::Save => return Outcome::Save,
            B::Help => return Outcome::Help,
            B::Back => return Outcome::Back,
            B::Quit => return Outcome::Quit,
            B::QuitHint => {
                self.message = Some(
                    "To quit Roundtable press Ctrl-Q (it saves first); Esc goes back to the sessions.".into(),
                )
            }
        }
        Outcome::Stay
    }

    fn delete(&mut self, now: DateTime<Utc>) {
        let list = self.nav.current();
        let noun = list.kind.noun();
        let before = self.snapshot(format!("delete the {noun}"));
        if items::remove(&mut self.session, list, self.nav.row()) && self.changed(before, now) {
            self.message = Some(format!("Deleted the {noun}. Press u to bring it back."));
        }
    }

    pub(super) fn undo(&mut self) {
        match self.undo.pop() {
            Some(snapshot) => {
                // The plan may go back; time recorded since never does.
                let plan = self.session.plan.clone();
                // Sign-off is a record of what happened to the minutes, not
                // an edit: undo never takes it back.
                let minutes = std::mem::take(&mut self.session.minutes);
                self.session = snapshot.session;
                self.session.plan = plan.after_undo(std::mem::take(&mut self.session.plan));
                self.session.minutes = minutes;
                self.nav = snapshot.nav;
                self.dirty = true;
                self.message = Some(format!("Undone: {}.", snapshot.what));
            }
            None => self.message = Some("Nothing to undo.".into()),
        }
    }

    fn move_row(&mut self, delta: isize, now: DateTime<Utc>) {
        let list = self.nav.current();
        let row = self.nav.row();
        let Some(target) = row.checked_add_signed(delta) else {
            return;
        };
        let before = self.snapshot(format!("move the {}", list.kind.noun()));
        if items::swap(&mut self.session, list, row, target) && self.changed(before, now) {
            self.nav.set_row(target);
        }
    }

    fn toggle_agreed(&mut self, now: DateTime<Utc>) {
        let row = self.nav.row();
        let before = self.snapshot("mark the goal agreed".into());
        if let Some(goal) = self.session.goals.get_mut(row) {
            goal.agreed = !goal.agreed;
            let agreed = goal.agreed;
            self.changed(before, now);
            self.message = Some(
                if agreed {
                    "Goal agreed."
                } else {
                    "Goal no longer marked agreed."
                }
                .into(),
            );
        }
    }

    /// Final minutes are the record trustees receive: once marked final the
    /// session opens read-only. Marking it back in progress is the way to
    /// carry on editing before anyone else opens it.
    fn toggle_final(&mut self, now: DateTime<Utc>) {
        let before = self.snapshot("mark the minutes final".into());
        let is_final = self.session.status == SessionStatus::Final;
        self.session.status = if is_final {
            SessionStatus::InProgress
        } else {
            SessionStatus::Final
        };
        self.changed(before, now);
        self.message = Some(
            if is_final {
                "Back in progress. Press F again when the minutes are final."
            } else {
                "Minutes marked final: from now on they open read-only. Press u to undo."
            }
            .into(),
        );
    }

    /// Whether the minutes name who brings lived experience: personal data,
    /// so a choice the facilitator makes with the people concerned.
    fn toggle_lived_experience(&mut self, now: DateTime<Utc>) {
        let before = self.snapshot("change what the minutes show".into());
        let shown = &mut self.session.shown_in_minutes.lived_experience;
        *shown = !*shown;
        let message = if *shown {
            "The minutes will show \"(lived experience)\" beside names. Press L again to hide it."
        } else {
            "The minutes will not show who brings lived experience. Press L again to show it."
        };
        self.changed(before, now);
        self.message = Some(message.into());
    }

    /// Counts (or takes back) one contribution, so quiet voices stand out.
    fn count_voice(&mut self, delta: i32, now: DateTime<Utc>) {
        let row = self.nav.row();
        let before = self.snapshot("count a contribution".into());
        if let Some(p) = self.session.participants.get_mut(row) {
            p.contributions = p.contributions.saturating_add_signed(delta);
            if delta > 0 && p.attendance != Attendance::Present {
                p.attendance = Attendance::Present;
            }
            let (name, count) = (p.name.clone(), p.contributions);
            if self.changed(before, now) {
                let times = if count == 1 { "once" } else { "times" };
                let count = if count == 1 {
                    String::new()
                } else {
                    format!("{count} ")
                };
                self.message = Some(format!("{name} has spoken {count}{times}."));
            }
        }
    }
}
