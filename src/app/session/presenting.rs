//! Keys while the presenter view is shown from the session screen; the
//! view itself is built in `app::presenter`.

use ratatui::crossterm::event::KeyEvent;

use super::section::Section;
use super::{Outcome, SessionScreen};
use crate::app::keys::lookup;
use crate::app::presenter::{self, Action, Slide};

impl SessionScreen {
    pub(super) fn presenter_key(&mut self, key: KeyEvent) -> Outcome {
        let Some(show) = &mut self.presenter else {
            return Outcome::Stay;
        };
        match lookup(presenter::KEYS, &key) {
            Some(Action::Back) => self.presenter = None,
            Some(Action::Private) => show.private = !show.private,
            Some(Action::Step) => {
                if let Some(step) = presenter::step_for(key.code) {
                    self.nav.go(Section::Step(step));
                }
            }
            None => {}
        }
        Outcome::Stay
    }

    /// What the presenter view shows now, if it is open: the step the room
    /// is on (the last one visited).
    pub fn slide(&self) -> Option<Slide> {
        let show = self.presenter?;
        Some(presenter::slide(
            &self.session,
            self.nav.last_step,
            show,
            self.round.now,
        ))
    }
}
