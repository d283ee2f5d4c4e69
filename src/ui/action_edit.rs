//! The owner and due date form, in a box over the actions view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::fields::{self, POPUP};
use super::popup;
use super::theme::Theme;
use crate::app::action_edit::{ActionEdit, LABELS};

const HINTS: [&str; 2] = [
    "A participant's name, or an organisation",
    "YYYY-MM-DD or day first (31/3/2027); empty for no date",
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
    let rows = fields::with_one_error(&LABELS, &HINTS, &form.fields, form.error.as_ref());
    fields::draw(frame, &[owner, due], rows, form.focus, POPUP, theme);
}
