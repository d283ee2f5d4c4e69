//! App state and what changes it (the Elm split): input becomes a screen's
//! action, `update` is the one place state changes, and `ui` draws it.
//! (Skeleton: the TUI work items fill this in.)

pub mod keys;
pub mod session;
