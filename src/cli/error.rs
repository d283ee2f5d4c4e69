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

    /// Prints `error: …` and `hint: …` to stderr.
    pub fn report(&self) {
        eprintln!("error: {}", self.message);
        if let Some(hint) = &self.hint {
            eprintln!("hint: {hint}");
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
