//! The owner and due date form, in a box over the actions view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::popup;
use super::theme::Theme;
use crate::app::action_edit::{ActionEdit, LABELS};

const HINTS: [&str; 2] = [
    "A participant's name, or an organisation",
    "YYYY-MM-DD, or leave empty for no date",
];

pub fn draw(frame: &mut Frame, area: Rect, form: &ActionEdit, theme: &Theme) {
    let title = Line::styled(" Change the action ", theme.title());
    let (block, rect) = popup::open(frame, area, 78, 11, title, theme.focus_border());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [about, owner, due] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
    ])
    .areas(inner);
    let text = form.text.split_whitespace().collect::<Vec<_>>().join(" ");
    frame.render_widget(
        Paragraph::new(Line::styled(text, theme.muted())).wrap(Wrap { trim: true }),
        about,
    );
    for (i, area) in [owner, due].into_iter().enumerate() {
        let focused = form.focus == i;
        let [row, note] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
        let [label, input] = Layout::horizontal([Constraint::Length(9), Constraint::Fill(1)]).areas(row);
        let marker = if focused { "▶ " } else { "  " };
        frame.render_widget(
            Paragraph::new(Line::styled(format!("{marker}{}", LABELS[i]), theme.title())),
            label,
        );
        let mut editor = form.fields[i].editor().clone();
        editor.set_cursor_line_style(Style::new());
        if focused {
            editor.set_style(Style::new().add_modifier(Modifier::UNDERLINED));
            editor.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
        } else {
            editor.set_cursor_style(Style::new());
        }
        frame.render_widget(&editor, input);
        let line = match &form.error {
            Some(e) if focused => Line::styled(format!("         ⚠ {e}"), theme.error()),
            _ => Line::styled(format!("         {}", HINTS[i]), theme.muted()),
        };
        frame.render_widget(Paragraph::new(line), note);
    }
}
