//! Yes/no questions asked before anything typed could be thrown away.

use ratatui::crossterm::event::KeyCode;

use super::keys::{Binding, Key};

/// What a "yes" would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Leave the new-session form, dropping what was typed.
    DiscardForm,
    /// Saving failed; leave the session for the home screen anyway.
    LeaveUnsaved,
    /// Saving failed; quit anyway.
    QuitUnsaved,
    /// Make final minutes editable (recorded in the session).
    ReopenFinal,
    /// Throw away the unsaved work a recovery journal holds.
    DiscardRecovery,
    /// Move this session file to the archive's trash folder.
    RemoveSession(std::path::PathBuf),
}

impl Confirm {
    pub fn question(&self) -> &'static str {
        match self {
            Confirm::DiscardForm => "Discard this new session? What you typed will be lost.",
            Confirm::LeaveUnsaved => {
                "The session could not be saved (see the message below; press n, then Ctrl-S to save \
                 it somewhere else). Go back to the list anyway and lose the unsaved changes?"
            }
            Confirm::QuitUnsaved => {
                "The session could not be saved (see the message below; press n, then Ctrl-S to save \
                 it somewhere else). Quit anyway? Roundtable will try to keep the changes in a recovery file."
            }
            Confirm::DiscardRecovery => {
                "Throw away this unsaved work for good? The saved session stays as it is."
            }
            Confirm::RemoveSession(_) => {
                "Move the selected session to the trash? It leaves the list, search, actions and \
                 reports; T shows the trash, where Enter restores it."
            }
            Confirm::ReopenFinal => {
                "Edit the final minutes? The change will be recorded: a decision in the minutes \
                 will say they were reopened today."
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
}

pub const KEYS: &[Binding<Answer>] = &[
    Binding {
        keys: &[Key::ch('y')],
        action: Answer::Yes,
        label: "yes",
        help: "Yes, go ahead",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('n'), Key::plain(KeyCode::Esc)],
        action: Answer::No,
        label: "no",
        help: "No, take me back",
        in_footer: true,
    },
];
