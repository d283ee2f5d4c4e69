//! The new-session form: one labelled line per field, with its hint or
//! error underneath.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::fields::{self, Look, Note, Row};
use super::popup;
use super::theme::Theme;
use crate::app::form::{Field, FormState};

/// Wide labels, and the full look: see `Look::full`.
const LOOK: Look = Look {
    label_width: 14,
    full: true,
};

pub fn draw(frame: &mut Frame, area: Rect, form: &FormState, theme: &Theme) {
    let height = 2 + 2 + Field::ALL.len() as u16 * 2;
    let title = Line::styled(" New session ", theme.title());
    let (block, rect) = popup::open(frame, area, 80, height, title, theme.focus_border());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);

    let mut rows = vec![Constraint::Length(2)];
    rows.extend(Field::ALL.iter().map(|_| Constraint::Length(2)));
    let areas = Layout::vertical(rows).split(inner);
    frame.render_widget(
        Paragraph::new("Fill in what you know now; everything except the title can wait.")
            .style(theme.muted()),
        areas[0],
    );
    let rows = Field::ALL
        .iter()
        .map(|&field| Row {
            label: field.label(),
            field: &form.fields[field as usize],
            note: match &form.errors[field as usize] {
                Some(error) => Note::Error(error),
                None => Note::Hint(field.hint()),
            },
        })
        .collect();
    fields::draw(frame, &areas[1..], rows, form.focus, LOOK, theme);
}
