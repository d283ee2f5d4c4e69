//! `A` on a selected item: who may read it in the minutes (partners, then
//! trustees only, then public, then back); `N` the same for the step's
//! notes; and `Q` on a participant: whether they agreed to be quoted by
//! name. See `domain::audience`.

use chrono::{DateTime, Utc};

use super::SessionScreen;
use super::items::ListRef;
use super::section::ListKind;
use crate::domain::{Audience, Session};

/// The marking of item `row` of `list`, as `&` or `&mut` (`$get`, `$($m)?`): each
/// list item carries its own; the final wording and the two governance
/// rows are marked on the session; participants are not marked (the
/// participation summary is, through the participants list).
macro_rules! marking {
    ($s:expr, $l:expr, $row:expr, $get:ident, $($m:tt)?) => {
        match $l.kind {
            ListKind::Goals => $s.goals.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::Drafts => $s.vision.drafts.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::FinalWording => Some(& $($m)? $s.shown_to.vision),
            ListKind::Consent => $s.vision.consent.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::Activities => $s.activities.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::Measures => $s
                .activities
                .$get($l.parent)
                .and_then(|a| a.measures.$get($row))
                .map(|x| & $($m)? x.shown_to),
            ListKind::Workstreams => $s.roles.workstreams.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::Commitments => $s.roles.commitments.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::Governance => Some(& $($m)? $s.shown_to.roles),
            ListKind::Awareness => $s.awareness.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::Readings => $s.review.readings.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::Learnings => $s.review.learnings.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::NextSteps => $s.review.next_steps.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::Participants => Some(& $($m)? $s.shown_to.participation),
            ListKind::Decisions => $s.decisions.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::Actions => $s.actions.$get($row).map(|x| & $($m)? x.shown_to),
            ListKind::Parked => $s.parking_lot.$get($row).map(|x| & $($m)? x.shown_to),
        }
    };
}

/// Who may read item `row` of `list` (for participants: the participation
/// summary), or `None` when there is no such row.
pub fn marking(session: &Session, list: ListRef, row: usize) -> Option<Audience> {
    marking!(session, list, row, get,).copied()
}

fn marking_mut(session: &mut Session, list: ListRef, row: usize) -> Option<&mut Audience> {
    marking!(session, list, row, get_mut, mut)
}

/// What the item reads as: "the goal", or "the participation summary".
fn what(list: ListKind) -> String {
    match list {
        ListKind::Participants => "The participation summary".into(),
        ListKind::Governance => "The secretariat and decision-making".into(),
        ListKind::FinalWording => "The final wording (and consent to it)".into(),
        kind => format!("The {}", kind.noun()),
    }
}

/// Which minutes an item marked `mark` is in.
fn reach(mark: Audience) -> &'static str {
    match mark {
        Audience::Trustees => "kept out of partners' and public minutes",
        Audience::Public => "in every set of minutes",
        Audience::Partners => "kept out of public minutes",
    }
}

impl SessionScreen {
    pub(super) fn cycle_audience(&mut self, now: DateTime<Utc>) {
        let (list, row) = (self.nav.current(), self.nav.row());
        let before = self.snapshot("change who may read it".into());
        let Some(mark) = marking_mut(&mut self.session, list, row) else {
            return;
        };
        *mark = mark.cycled();
        let mark = *mark;
        if self.changed(before, now) {
            self.message = Some(format!(
                "{} marked {}: {}. A again: {}.",
                what(list.kind),
                mark.marking(),
                reach(mark),
                mark.cycled().marking()
            ));
        }
    }

    /// Who may read the current step's notes (kept on the session, as the
    /// notes are not a list).
    pub(super) fn cycle_notes_audience(&mut self, now: DateTime<Utc>) {
        let Some(step) = self.nav.section.step() else {
            return;
        };
        let before = self.snapshot("change who may read the notes".into());
        let mark = self.session.shown_to.note(step).cycled();
        self.session.shown_to.set_note(step, mark);
        if self.changed(before, now) {
            self.message = Some(format!(
                "The notes on step {} marked {}: {}. N again: {}.",
                step.number(),
                mark.marking(),
                reach(mark),
                mark.cycled().marking()
            ));
        }
    }

    /// Consent to be quoted by name is the person's own choice, recorded
    /// here; without it the minutes attribute what they said to their
    /// organisation when they bring lived experience, and always in public.
    pub(super) fn toggle_quote_by_name(&mut self, now: DateTime<Utc>) {
        let row = self.nav.row();
        let before = self.snapshot("record consent to be quoted".into());
        let Some(p) = self.session.participants.get_mut(row) else {
            return;
        };
        p.quote_by_name = !p.quote_by_name;
        let (name, quoted) = (p.name.clone(), p.quote_by_name);
        let instead = crate::domain::attribution(p, Audience::Public).unwrap_or_default();
        if self.changed(before, now) {
            self.message = Some(if quoted {
                format!("{name} agreed to be quoted by name in the minutes. Press Q again to take it back.")
            } else {
                format!(
                    "{name} is not quoted by name: the minutes say \"{instead}\" where needed. Press Q again if they agree."
                )
            });
        }
    }
}
