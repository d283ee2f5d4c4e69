//! Drawing: one file per screen or widget. Never changes state.
//! (Skeleton: the TUI work items fill this in.)
