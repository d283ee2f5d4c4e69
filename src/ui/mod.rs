//! Drawing: one file per screen or widget. Never changes state.

pub mod session;
pub mod theme;
