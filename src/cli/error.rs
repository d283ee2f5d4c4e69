//! A failure the person at the keyboard can act on: a message and, when
//! there is something useful to say, a hint. Never a Rust debug dump.

use crate::storage::StorageError;

#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub hint: Option<String>,
}

impl CliError {
    pub fn new(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> CliError {
        self.hint = Some(hint.into());
        self
    }

    /// Prints `error: …` and `hint: …` to stderr. Both may quote a title or
    /// an argument, so they are cleaned like everything else printed.
    pub fn report(&self) {
        super::output::warn(&format!("error: {}", self.message));
        if let Some(hint) = &self.hint {
            super::output::warn(&format!("hint: {hint}"));
        }
    }
}

impl From<StorageError> for CliError {
    fn from(e: StorageError) -> CliError {
        CliError {
            message: e.to_string(),
            hint: e.hint(),
        }
    }
}
