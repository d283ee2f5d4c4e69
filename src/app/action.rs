//! The app's messages: every `Action` that can change it, and every
//! `Effect` it asks of the terminal loop.

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::confirm::Answer;
use super::{
    actions_view, form, help, home, measures_view, merge, next_session, partnership, recovery, review,
    save_as, search, sign_off, trash_view,
};

/// Everything that can change the app, named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Home(home::Action),
    Form(form::Action),
    /// The session screen reads its own keys.
    Session(KeyEvent),
    Help(help::Action),
    Confirm(Answer),
    Paste(String),
    Search(search::Action),
    Actions(actions_view::Action),
    Measures(measures_view::Action),
    Next(next_session::Action),
    Review(review::Action),
    /// Minutes sign-off: a key on the session screen, then its form.
    SignOff(sign_off::Action),
    SignOffForm(sign_off::FormAction),
    /// `D` on the session screen: list the decisions due for review.
    ReviewDecisions,
    /// Time passing: the terminal loop sends one a few times a second, for
    /// autosave and the recovery journal.
    Tick,
    Recovery(recovery::Action),
    SaveAs(save_as::Action),
    Trash(trash_view::Action),
    Merge(merge::Action),
    Partnership(partnership::Action),
    /// A click or the scroll wheel (see `mouse`).
    Mouse(MouseEvent),
    /// What came back from $VISUAL/$EDITOR (see `editor`): the text, or
    /// why there is none.
    Edited(Result<String, String>),
}

/// What the app asks the terminal loop to do for it, as `update` touches
/// no terminal: taken by the loop after each update (`take_effects`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write this OSC 52 sequence to the terminal (`clipboard`).
    Copy(String),
    /// Suspend the screen, open this text in the person's editor, and send
    /// back `Action::Edited`.
    Edit(String),
}
