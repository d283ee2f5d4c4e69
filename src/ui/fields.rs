//! One-line fields as the small forms draw them: a marker and label, the
//! editor, and a note (the field's error or its hint) on the line below;
//! and a label and its field on one row, as the session's overlays ask.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::line_field::LineField;

/// How a form lays out its fields.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    /// Columns for the marker and label; the editor and note start after.
    pub label_width: u16,
    /// The new-session form's look: labels other than the focused one are
    /// plain, selected text is highlighted, and an error too long for its
    /// column borrows the label column. The popups keep every label bright.
    pub full: bool,
}

/// The look of the small forms in popups.
pub const POPUP: Look = Look {
    label_width: 9,
    full: false,
};

/// What a field shows on the line below it.
pub enum Note<'a> {
    Error(&'a str),
    Hint(&'a str),
}

/// One field of a form.
pub struct Row<'a> {
    pub label: &'a str,
    pub field: &'a LineField,
    pub note: Note<'a>,
}

/// Rows for a form with one error at a time, shown under its field.
pub fn with_one_error<'a>(
    labels: &[&'a str],
    hints: &[&'a str],
    fields: &'a [LineField],
    error: Option<&'a (usize, String)>,
) -> Vec<Row<'a>> {
    labels
        .iter()
        .zip(hints)
        .zip(fields)
        .enumerate()
        .map(|(i, ((label, hint), field))| Row {
            label,
            field,
            note: match error {
                Some((field, e)) if *field == i => Note::Error(e),
                _ => Note::Hint(hint),
            },
        })
        .collect()
}

/// Draws each row in the top two lines of its area, marking the one at `focus`.
pub fn draw(frame: &mut Frame, areas: &[Rect], rows: Vec<Row>, focus: usize, look: Look, theme: &Theme) {
    for (i, (row, area)) in rows.into_iter().zip(areas).enumerate() {
        draw_row(frame, *area, row, i == focus, look, theme);
    }
}

fn draw_row(frame: &mut Frame, area: Rect, row: Row, focused: bool, look: Look, theme: &Theme) {
    let Row { label, field, note } = row;
    let [input_row, note_row] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let columns = Layout::horizontal([Constraint::Length(look.label_width), Constraint::Fill(1)]);
    let [label_area, input_area] = columns.areas(input_row);
    let [_, mut note_area] = columns.areas(note_row);

    let marker = if focused { "▶ " } else { "  " };
    let label_style = if focused || !look.full {
        theme.title()
    } else {
        Style::new()
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(marker, theme.title()),
            Span::styled(label, label_style),
        ])),
        label_area,
    );

    // The editor is styled here, on a copy, so drawing never changes state.
    let mut editor = field.editor().clone();
    editor.set_cursor_line_style(Style::new());
    if look.full {
        editor.set_selection_style(theme.selected());
    }
    if focused {
        editor.set_style(Style::new().add_modifier(Modifier::UNDERLINED));
        editor.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    } else {
        editor.set_cursor_style(Style::new());
    }
    frame.render_widget(&editor, input_area);

    let note = match note {
        Note::Error(error) => Line::styled(format!("⚠ {error}"), theme.error()),
        Note::Hint(hint) => Line::styled(hint, theme.muted()),
    };
    if look.full && note.width() > usize::from(note_area.width) {
        note_area = note_row.inner(Margin::new(2, 0));
    }
    frame.render_widget(Paragraph::new(note), note_area);
}

/// `label` and then `field` on the one-line `row`, the label taking
/// `label_width` columns: a note or wording typed in a session's overlay.
pub fn draw_labelled(
    frame: &mut Frame,
    row: Rect,
    label: &str,
    label_width: u16,
    field: &LineField,
    theme: &Theme,
) {
    frame.render_widget(
        Paragraph::new(Line::styled(label, theme.title())),
        Rect::new(row.x, row.y, label_width, 1),
    );
    // Styled on a copy, so drawing never changes state.
    let mut editor = field.editor().clone();
    editor.set_cursor_line_style(Style::new());
    editor.set_style(Style::new().add_modifier(Modifier::UNDERLINED));
    editor.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    frame.render_widget(
        &editor,
        Rect::new(
            row.x + label_width,
            row.y,
            row.width.saturating_sub(label_width),
            1,
        ),
    );
}
