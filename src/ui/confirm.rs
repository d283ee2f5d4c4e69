//! The yes/no question box.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::popup;
use super::theme::Theme;
use crate::app::confirm::Confirm;

pub fn draw(frame: &mut Frame, area: Rect, question: &Confirm, theme: &Theme) {
    let text = question.question();
    let width = 60u16;
    // Wrapped lines of the question (one spare for word wrapping), a blank
    // line, the answers and the border.
    let inner = usize::from(width.min(area.width).saturating_sub(4)).max(1);
    let lines = text.chars().count().div_ceil(inner);
    let height = (lines + usize::from(lines > 1) + 2 + 2) as u16;
    let title = Line::styled(" ⚠ Are you sure? ", theme.warning());
    let (block, rect) = popup::open(frame, area, width, height, title, theme.warning());
    let answers = Line::from(vec![
        Span::styled("y", theme.key()),
        Span::raw(" yes    "),
        Span::styled("n", theme.key()),
        Span::raw(" or "),
        Span::styled("Esc", theme.key()),
        Span::raw(" no"),
    ]);
    let body = vec![Line::raw(text), Line::raw(""), answers];
    frame.render_widget(Paragraph::new(body).wrap(Wrap { trim: true }).block(block), rect);
}
