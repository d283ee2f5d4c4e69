//! Which key table reads an input right now, and what it lists: the open
//! question, prompt, recovery offer, help or form comes before the screen,
//! and the footer and help overlay are drawn from the same tables.

use ratatui::crossterm::event::{Event, KeyEventKind};

use super::keys::{KeyHelp, describe, lookup};
use super::{
    Action, App, Screen, confirm, form, help, home, measures_view, merge, mouse, next_session, partnership,
    recovery, review, save_as, search, session, sign_off, trash_view,
};

impl App {
    /// The named action for an input event on the current screen, if any.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        let key = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => key,
            // Pasted text goes into the open field as text, never as keys:
            // a pasted `q` must not quit.
            Event::Paste(text) => {
                if self.confirm.is_none() && (self.save_as.is_some() || self.sign_off.is_some()) {
                    return Some(Action::Paste(text.clone()));
                }
                let modal = self.confirm.is_some() || self.help_open || !self.offers.is_empty();
                let home = matches!(self.screen, Screen::Home(_));
                return (!modal && !home).then(|| Action::Paste(text.clone()));
            }
            Event::Mouse(mouse) => return mouse::action_for(self, mouse),
            _ => return None,
        };
        if self.confirm.is_some() {
            return lookup(confirm::KEYS, key).map(Action::Confirm);
        }
        if self.save_as.is_some() {
            return save_as::action_for(key).map(Action::SaveAs);
        }
        if !self.offers.is_empty() {
            return lookup(recovery::KEYS, key).map(Action::Recovery);
        }
        if self.help_open {
            return lookup(help::KEYS, key).map(Action::Help);
        }
        if self.sign_off.is_some() {
            return Some(Action::SignOffForm(sign_off::Form::action_for(key)));
        }
        match &self.screen {
            Screen::Home(_) => lookup(home::KEYS, key).map(Action::Home),
            Screen::NewSession(_) => Some(Action::Form(form::action_for(key))),
            Screen::Session(s) if review::is_final_review(s) && lookup(review::KEYS, key).is_some() => {
                lookup(review::KEYS, key).map(Action::Review)
            }
            Screen::Session(s) if sign_off::action_for(s, key).is_some() => {
                sign_off::action_for(s, key).map(Action::SignOff)
            }
            Screen::Session(s) if session::decision_review::opens(s, key) => Some(Action::ReviewDecisions),
            Screen::Session(_) => Some(Action::Session(*key)),
            Screen::Search(_) => Some(Action::Search(search::action_for(key))),
            Screen::Actions(state) => state.action_for(key).map(Action::Actions),
            Screen::Measures(_) => lookup(measures_view::KEYS, key).map(Action::Measures),
            Screen::NextSession(_) => Some(Action::Next(next_session::action_for(key))),
            Screen::Trash(_) => lookup(trash_view::KEYS, key).map(Action::Trash),
            Screen::Partnership(_) => lookup(partnership::KEYS, key).map(Action::Partnership),
            Screen::Merge(_) => lookup(merge::KEYS, key).map(Action::Merge),
        }
    }

    /// The keys that work right now, for the footer.
    pub fn active_keys(&self) -> Vec<KeyHelp> {
        if self.confirm.is_some() {
            describe(confirm::KEYS)
        } else if let Some(prompt) = &self.save_as {
            save_as::keys(prompt)
        } else if !self.offers.is_empty() {
            describe(recovery::KEYS)
        } else if self.help_open {
            describe(help::KEYS)
        } else if let Some(form) = &self.sign_off {
            form.keys()
        } else {
            self.screen_keys()
        }
    }

    /// What the help overlay lists: the screen's keys, then the help's own.
    pub fn help_sections(&self) -> Vec<help::Section> {
        vec![
            help::Section {
                title: format!("{} keys", self.screen_name()),
                keys: self.screen_keys(),
            },
            help::Section {
                title: "In this help".into(),
                keys: describe(help::KEYS),
            },
        ]
    }

    pub(super) fn open_help(&mut self) {
        self.help_open = true;
        self.help_scroll = 0;
    }
}
