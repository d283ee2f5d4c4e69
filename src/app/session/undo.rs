//! Undo by snapshots: before each change the whole session (and where the
//! facilitator was) is kept, so any change can be taken back exactly.

use super::nav::Nav;
use crate::domain::Session;

/// How many changes can be undone; older ones are forgotten.
const LIMIT: usize = 200;

pub struct Snapshot {
    pub session: Session,
    pub nav: Nav,
    /// What the change was, e.g. "delete the goal".
    pub what: String,
}

#[derive(Default)]
pub struct UndoStack {
    stack: Vec<Snapshot>,
}

impl UndoStack {
    pub fn push(&mut self, snapshot: Snapshot) {
        if self.stack.len() >= LIMIT {
            self.stack.remove(0);
        }
        self.stack.push(snapshot);
    }

    pub fn pop(&mut self) -> Option<Snapshot> {
        self.stack.pop()
    }

    pub fn len(&self) -> usize {
        self.stack.len()
    }
}
