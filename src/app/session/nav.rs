//! Where the facilitator is looking: the section, the list within it and the
//! selected row of every list (kept while moving around).

use super::items::{self, ListRef};
use super::section::{ListKind, Section};
use crate::domain::{Session, Step};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nav {
    pub section: Section,
    /// The active list of each section, by section index.
    tab: [usize; 9],
    /// The selected row of each list, by list index.
    sel: [usize; ListKind::COUNT],
    /// The step most recently visited, offered for new decisions and parked
    /// points.
    pub last_step: Step,
}

impl Default for Nav {
    fn default() -> Self {
        Nav {
            section: Section::Step(Step::Goals),
            tab: [0; 9],
            sel: [0; ListKind::COUNT],
            last_step: Step::Goals,
        }
    }
}

impl Nav {
    pub fn list(&self) -> ListKind {
        let lists = self.section.lists();
        lists
            .get(self.tab[self.section.index()])
            .or(lists.first())
            .copied()
            .unwrap_or(ListKind::Goals)
    }

    pub fn tab(&self) -> usize {
        self.tab[self.section.index()]
    }

    /// `kind` in this session; measures belong to the selected activity.
    pub fn list_ref(&self, kind: ListKind) -> ListRef {
        ListRef {
            kind,
            parent: self.sel[ListKind::Activities.index()],
        }
    }

    pub fn current(&self) -> ListRef {
        self.list_ref(self.list())
    }

    pub fn selected(&self, kind: ListKind) -> usize {
        self.sel[kind.index()]
    }

    pub fn row(&self) -> usize {
        self.selected(self.list())
    }

    pub fn set_row(&mut self, row: usize) {
        self.sel[self.list().index()] = row;
    }

    pub fn go(&mut self, section: Section) {
        self.section = section;
        if let Some(step) = section.step() {
            self.last_step = step;
        }
    }

    /// Switches to the list `delta` places away within the section.
    pub fn switch_list(&mut self, delta: isize) {
        let n = self.section.lists().len() as isize;
        let i = self.section.index();
        self.tab[i] = (self.tab[i] as isize + delta).rem_euclid(n) as usize;
    }

    /// Moves the selection `delta` rows, stopping at the ends.
    pub fn step_row(&mut self, delta: isize, s: &Session) {
        let len = items::len(s, self.current());
        let row = (self.row() as isize + delta).clamp(0, len.saturating_sub(1) as isize);
        self.set_row(row as usize);
    }

    /// Shows the measures of the activity `delta` places away.
    pub fn step_parent(&mut self, delta: isize, s: &Session) {
        let last = s.activities.len().saturating_sub(1) as isize;
        let sel = &mut self.sel[ListKind::Activities.index()];
        *sel = (*sel as isize + delta).clamp(0, last) as usize;
        self.sel[ListKind::Measures.index()] = 0;
    }

    /// Keeps every selection on an existing row after the session changed.
    pub fn clamp(&mut self, s: &Session) {
        for section in Section::ALL {
            for kind in section.lists() {
                let len = items::len(s, self.list_ref(*kind));
                let sel = &mut self.sel[kind.index()];
                *sel = (*sel).min(len.saturating_sub(1));
            }
        }
    }
}
