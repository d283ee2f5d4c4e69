//! The mouse, as a second way to do what keys do: a click selects a row in
//! a list (sessions, search results, actions, trash) or a step on the
//! session screen, and the wheel moves through lists as ↑/↓ do. Where the
//! rows are is what the last drawing recorded in `Hits`, so a click never
//! lays out or reads anything again. Anywhere else a click does nothing.

use std::cell::Cell;

use ratatui::crossterm::event::{KeyCode, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::session::section::Section;
use super::{Action, App, Screen};

/// A list as last drawn: the rows it took on screen, the item shown in the
/// first of them, the lines each item takes, and how many items there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Drawn {
    pub rows: Rect,
    pub first: usize,
    pub per_item: u16,
    pub len: usize,
}

impl Drawn {
    /// The item at `at`, if a row of one is there.
    pub fn item_at(&self, at: Position) -> Option<usize> {
        if !self.rows.contains(at) || self.per_item == 0 {
            return None;
        }
        let i = self.first + usize::from((at.y - self.rows.y) / self.per_item);
        (i < self.len).then_some(i)
    }
}

/// What the last drawing put where. Written while drawing (hence the
/// cells: drawing only reads the app), emptied at the start of each one so
/// nothing from a screen no longer shown can be clicked.
/// The session screen keeps its own, for the step navigator (it is drawn
/// from the screen alone).
#[derive(Debug, Default)]
pub struct Hits {
    list: Cell<Option<Drawn>>,
    /// The step navigator: its area inside the border.
    steps: Cell<Option<Rect>>,
}

impl Hits {
    pub fn clear(&self) {
        self.list.set(None);
        self.steps.set(None);
    }

    pub fn list_drawn(&self, drawn: Drawn) {
        self.list.set(Some(drawn));
    }

    pub fn steps_drawn(&self, area: Rect) {
        self.steps.set(Some(area));
    }

    pub fn list(&self) -> Option<Drawn> {
        self.list.get()
    }

    pub fn steps(&self) -> Option<Rect> {
        self.steps.get()
    }
}

/// The section on line `line` of the navigator: a heading line, then the
/// six steps, another heading, then the three other sections.
pub fn section_on_line(line: u16) -> Option<Section> {
    match line {
        1..=6 => Section::ALL.get(usize::from(line - 1)).copied(),
        8..=10 => Section::ALL.get(usize::from(line - 2)).copied(),
        _ => None,
    }
}

/// A mouse event worth acting on: a left click or the wheel, on a screen
/// with nothing open over it (a question, help, a form, an editor: those
/// are answered with keys).
pub fn action_for(app: &App, event: &MouseEvent) -> Option<Action> {
    let wanted = matches!(
        event.kind,
        MouseEventKind::Down(MouseButton::Left) | MouseEventKind::ScrollUp | MouseEventKind::ScrollDown
    );
    let modal = app.confirm.is_some()
        || app.save_as.is_some()
        || !app.offers.is_empty()
        || app.help_open
        || app.sign_off.is_some();
    let busy = match &app.screen {
        Screen::Session(s) => {
            s.editor.is_some()
                || s.vote.is_some()
                || s.consent.is_some()
                || s.capture.is_some()
                || s.presenter.is_some()
                || s.plan_view.is_some()
                || s.round.setup.is_some()
        }
        Screen::Home(_) | Screen::Search(_) | Screen::Actions(_) | Screen::Trash(_) => false,
        _ => true,
    };
    (wanted && !modal && !busy).then_some(Action::Mouse(*event))
}

pub(super) fn update(app: &mut App, event: MouseEvent) {
    let at = Position::new(event.column, event.row);
    match event.kind {
        MouseEventKind::ScrollUp => scroll(app, -1),
        MouseEventKind::ScrollDown => scroll(app, 1),
        MouseEventKind::Down(MouseButton::Left) => click(app, at),
        _ => {}
    }
}

/// The wheel does what ↑ and ↓ do on the screen shown.
fn scroll(app: &mut App, delta: isize) {
    let up = delta < 0;
    let action = match &app.screen {
        Screen::Home(_) => Action::Home(if up {
            super::home::Action::Up
        } else {
            super::home::Action::Down
        }),
        Screen::Search(_) => Action::Search(if up {
            super::search::Action::Up
        } else {
            super::search::Action::Down
        }),
        Screen::Actions(_) => Action::Actions(if up {
            super::actions_view::Action::Up
        } else {
            super::actions_view::Action::Down
        }),
        Screen::Trash(_) => Action::Trash(if up {
            super::trash_view::Action::Up
        } else {
            super::trash_view::Action::Down
        }),
        Screen::Session(_) => Action::Session(if up { KeyCode::Up } else { KeyCode::Down }.into()),
        _ => return,
    };
    app.update(action, app.now);
}

/// Selects what was clicked, as the keys would.
fn click(app: &mut App, at: Position) {
    let now = app.now;
    if let Screen::Session(screen) = &mut app.screen {
        if let Some(area) = screen.hits.steps()
            && area.contains(at)
            && let Some(section) = section_on_line(at.y - area.y)
        {
            screen.click_section(section, now);
        }
        return;
    }
    let Some(i) = app.hits.list().and_then(|list| list.item_at(at)) else {
        return;
    };
    match &mut app.screen {
        Screen::Home(home) if !home.grouped => home.selected = i,
        Screen::Home(home) => {
            if let Some(entry) = grouped_entry(home, i) {
                home.selected = entry;
            }
        }
        Screen::Search(state) => state.selected = i,
        Screen::Actions(state) => state.selected = i,
        Screen::Trash(state) => state.selected = i,
        _ => {}
    }
}

/// The session on line `line` of the grouped list, where each group is a
/// heading line and then its sessions (as `ui::timeline` draws it).
fn grouped_entry(home: &super::home::HomeState, line: usize) -> Option<usize> {
    let mut at = 0;
    for group in home.groups.iter() {
        if line == at {
            return None;
        }
        if let Some(&entry) = group.entries.get(line - at - 1) {
            return Some(entry);
        }
        at += 1 + group.entries.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_found_only_inside_the_rows_drawn() {
        let drawn = Drawn {
            rows: Rect::new(2, 5, 30, 6),
            first: 10,
            per_item: 2,
            len: 12,
        };
        assert_eq!(drawn.item_at(Position::new(2, 5)), Some(10));
        assert_eq!(drawn.item_at(Position::new(31, 8)), Some(11));
        // Past the last item, outside the rows, and an empty drawing.
        assert_eq!(drawn.item_at(Position::new(5, 9)), None);
        assert_eq!(drawn.item_at(Position::new(1, 5)), None);
        assert_eq!(drawn.item_at(Position::new(5, 11)), None);
        assert_eq!(Drawn::default().item_at(Position::new(0, 0)), None);
    }

    #[test]
    fn navigator_lines_name_the_sections_and_headings_name_none() {
        assert_eq!(section_on_line(0), None);
        assert_eq!(section_on_line(1), Some(Section::ALL[0]));
        assert_eq!(section_on_line(6), Some(Section::ALL[5]));
        assert_eq!(section_on_line(7), None);
        assert_eq!(section_on_line(8), Some(Section::Participants));
        assert_eq!(section_on_line(10), Some(Section::ParkingLot));
        assert_eq!(section_on_line(11), None);
    }
}
