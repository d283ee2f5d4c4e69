//! The new-session form: one labelled line per field, with its hint or
//! error underneath.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph};

use super::theme::Theme;
use crate::app::form::{Field, FormState};

const LABEL_WIDTH: u16 = 14;

pub fn draw(frame: &mut Frame, area: Rect, form: &FormState, theme: &Theme) {
    let height = 2 + 2 + Field::ALL.len() as u16 * 2;
    let rect = area.centered(
        Constraint::Length(area.width.min(80)),
        Constraint::Length(height.min(area.height)),
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.focus_border())
        .padding(Padding::horizontal(1))
        .title(Line::styled(" New session ", theme.title()));
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
    for (i, field) in Field::ALL.iter().enumerate() {
        draw_field(frame, areas[i + 1], form, *field, theme);
    }
}

fn draw_field(frame: &mut Frame, area: Rect, form: &FormState, field: Field, theme: &Theme) {
    let focused = form.focused() == field;
    let [input_row, note_row] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let [label_area, input_area] =
        Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)]).areas(input_row);
    let [_, mut note_area] =
        Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)]).areas(note_row);

    let marker = if focused { "▶ " } else { "  " };
    let label_style = if focused { theme.title() } else { Style::new() };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(marker, theme.title()),
            Span::styled(field.label(), label_style),
        ])),
        label_area,
    );

    // The editor is styled here, on a copy, so drawing never changes state.
    let mut editor = form.fields[field as usize].editor().clone();
    editor.set_cursor_line_style(Style::new());
    editor.set_selection_style(theme.selected());
    if focused {
        editor.set_style(Style::new().add_modifier(Modifier::UNDERLINED));
        editor.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    } else {
        editor.set_cursor_style(Style::new());
    }
    frame.render_widget(&editor, input_area);

    let note = match &form.errors[field as usize] {
        Some(error) => Line::styled(format!("⚠ {error}"), theme.error()),
        None => Line::styled(field.hint(), theme.muted()),
    };
    // A long error borrows the label column rather than being cut off.
    if note.width() > usize::from(note_area.width) {
        note_area = note_row.inner(ratatui::layout::Margin::new(2, 0));
    }
    frame.render_widget(Paragraph::new(note), note_area);
}
