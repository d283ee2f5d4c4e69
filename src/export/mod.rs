//! Turning a session into documents people read: Markdown minutes.
//! Pure: no terminal, no file system.

use crate::domain::Session;

/// The minutes of a session as CommonMark with GFM tables.
/// (Skeleton: the export work item writes the real thing.)
pub fn minutes(session: &Session) -> String {
    format!("# {}\n", session.title)
}
