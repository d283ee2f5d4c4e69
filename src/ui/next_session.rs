//! The "next session" form: which meeting it follows, what carries over,
//! and the title and date to set.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::fields::{self, POPUP};
use super::popup;
use super::theme::Theme;
use crate::app::message::count;
use crate::app::next_session::NextState;

const LABELS: [&str; 2] = ["Title", "Date"];
const HINTS: [&str; 2] = ["Change it as you like", "YYYY-MM-DD: the day of the next meeting"];

pub fn draw(frame: &mut Frame, area: Rect, state: &NextState, theme: &Theme) {
    let title = Line::styled(" Next session ", theme.title());
    let (block, rect) = popup::open(frame, area, 84, 12, title, theme.focus_border());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [about, title, date] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(3),
        Constraint::Length(3),
    ])
    .areas(inner);
    let p = &state.previous;
    let carried = format!(
        "Carried over: {}, {}, the agreed goals and vision, {} and the parking lot. \
         Attendance starts afresh.",
        count(p.participants.len(), "person", "people"),
        count(p.open_actions().count(), "open action", "open actions"),
        count(
            p.activities.iter().map(|a| a.measures.len()).sum(),
            "measure",
            "measures"
        ),
    );
    let text = vec![
        Line::from(vec![
            Span::styled("Follows ", theme.muted()),
            Span::styled(p.title.clone(), theme.title()),
            Span::styled(format!(" ({})", p.date.format("%-d %B %Y")), theme.muted()),
        ]),
        Line::raw(carried),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), about);
    let rows = fields::with_one_error(
        &LABELS,
        &HINTS,
        &state.fields,
        state.focus,
        state.error.as_deref(),
    );
    fields::draw(frame, &[title, date], rows, state.focus, POPUP, theme);
}
