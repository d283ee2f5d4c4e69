//! `update`, the one place state changes: each action goes to the screen
//! or overlay it names, then what must hold after every change is kept.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::Event;

use super::confirm::{Answer, Confirm};
use super::{
    Action, App, Effect, Screen, across, actions_view, autosave, clock, editor, examples, form, guard, help,
    home, in_session, measures_view, merge, mouse, next_session, partnership, recovery, review, save_as,
    search, session, sharing, sign_off, trash_view,
};

impl App {
    /// The one place state changes.
    pub fn update(&mut self, action: Action, now: DateTime<Utc>) {
        self.today = self.local_date(now);
        self.now = now;
        let input = matches!(action, Action::Session(_) | Action::Paste(_) | Action::Edited(_));
        if self.examples.is_some() && examples::writes(&action) {
            return examples::refuse(self);
        }
        match action {
            Action::Home(a) => home::update(self, a, now),
            Action::Form(a) => form::update(self, a, now),
            Action::Session(key) => in_session::update(self, key, now),
            Action::Help(help::Action::Close) => self.help_open = false,
            Action::Help(help::Action::ScrollUp) => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::Help(help::Action::ScrollDown) => {
                // Never past the last line, so scrolling back up is immediate.
                let lines: usize = self.help_sections().iter().map(|s| s.keys.len() + 2).sum();
                self.help_scroll = (self.help_scroll + 1).min(lines as u16);
            }
            Action::Confirm(Answer::Yes) if self.confirm == Some(Confirm::ReopenFinal) => {
                self.confirm = None;
                review::reopen(self, now);
            }
            Action::Confirm(answer) if matches!(self.confirm, Some(Confirm::RemoveSession(_))) => {
                if let Some(Confirm::RemoveSession(path)) = self.confirm.take() {
                    trash_view::answer(self, &path, answer, now);
                }
            }
            Action::Confirm(answer) => self.answer(answer),
            Action::Search(a) => search::update(self, a),
            Action::Actions(a) => actions_view::update(self, a, now),
            Action::Measures(a) => measures_view::update(self, a),
            Action::Next(a) => next_session::update(self, a, now),
            Action::Review(a) => review::update(self, a),
            Action::SignOff(a) => sign_off::update(self, a),
            Action::SignOffForm(a) => sign_off::form_update(self, a, now),
            Action::ReviewDecisions => session::decision_review::open(self),
            Action::Paste(text) if self.save_as.is_some() => save_as::paste(self, &text),
            Action::Paste(text) if self.sign_off.is_some() => {
                if let Some(form) = &mut self.sign_off {
                    form.paste(&text);
                }
            }
            Action::Paste(text) => match &mut self.screen {
                Screen::NewSession(form) => form.paste(&text),
                Screen::Session(screen) => screen.handle_paste(&text),
                Screen::Search(state) => state.paste(&text),
                Screen::NextSession(state) => state.paste(&text),
                Screen::Actions(state) => state.paste(&text),
                Screen::Home(_)
                | Screen::Measures(_)
                | Screen::Trash(_)
                | Screen::Partnership(_)
                | Screen::Merge(_) => {}
            },
            Action::Tick => {
                if let Screen::Session(screen) = &mut self.screen {
                    screen.tick(now);
                }
                clock::tick(self, now);
                autosave::tick(self, now);
                sharing::poll(self, now);
                if self.library.poll()
                    && let Screen::Home(home) = &mut self.screen
                {
                    home.renew(&self.library);
                }
                partnership::renew(self);
                across::poll(self);
            }
            Action::Recovery(a) => recovery::update(self, a, now),
            Action::SaveAs(a) => save_as::update(self, a, now),
            Action::Trash(a) => trash_view::update(self, a),
            Action::Mouse(event) => mouse::update(self, event),
            Action::Edited(result) => editor::finish(self, result),
            Action::Partnership(a) => partnership::update(self, a),
            Action::Merge(a) => merge::update(self, a, now),
        }
        examples::keep_read_only(self);
        sign_off::refresh(self);
        guard::after(self, input, now);
    }

    /// Maps and applies one input event.
    pub fn handle_event(&mut self, event: &Event, now: DateTime<Utc>) {
        if let Some(action) = self.action_for(event) {
            self.update(action, now);
        }
    }

    /// What the terminal loop is to do now, in order.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Carries out what the session screen asked for after a key: save,
    /// export, leave or quit. (Public so tests can drive it directly.)
    pub fn follow_session(&mut self, outcome: session::Outcome, now: DateTime<Utc>) {
        self.today = self.local_date(now);
        in_session::follow(self, outcome, now);
        guard::after(self, false, now);
    }

    fn answer(&mut self, answer: Answer) {
        let Some(question) = self.confirm.take() else {
            return;
        };
        if answer == Answer::No {
            return;
        }
        match question {
            Confirm::DiscardForm | Confirm::LeaveUnsaved => {
                self.go_home(None);
                self.message = None;
            }
            Confirm::QuitUnsaved => self.quit = true,
            Confirm::ReopenFinal | Confirm::RemoveSession(_) => {}
            Confirm::DiscardRecovery => recovery::discard(self),
        }
    }
}
