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
const HINTS: [&str; 2] = [
    "Change it as you like",
    "The day of the next meeting: YYYY-MM-DD, or day first (31/3/2027)",
];

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
    let carried = carried_over(p);
    let text = vec![
        Line::from(vec![
            Span::styled("Follows ", theme.muted()),
            Span::styled(p.title.clone(), theme.title()),
            Span::styled(format!(" ({})", p.date.format("%-d %B %Y")), theme.muted()),
        ]),
        Line::raw(carried),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), about);
    let rows = fields::with_one_error(&LABELS, &HINTS, &state.fields, state.error.as_ref());
    fields::draw(frame, &[title, date], rows, state.focus, POPUP, theme);
}

/// What the next session starts with, naming only what there is.
fn carried_over(p: &crate::domain::Session) -> String {
    let agreed = p.goals.iter().filter(|g| g.agreed).count();
    let measures = p.activities.iter().map(|a| a.measures.len()).sum();
    let mut parts: Vec<String> = [
        (p.participants.len(), "person", "people"),
        (p.open_actions().count(), "open action", "open actions"),
        (agreed, "agreed goal", "agreed goals"),
        (measures, "measure", "measures"),
        (p.parking_lot.len(), "parked point", "parked points"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| count(n, one, many))
    .collect();
    if !p.vision.final_wording.trim().is_empty() {
        parts.insert(parts.len().min(3), "the agreed vision".into());
    }
    let list = match parts.split_last() {
        None => return "Nothing to carry over yet: the new session starts empty.".into(),
        Some((only, [])) => only.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    };
    format!("Carried over: {list}. Attendance starts afresh.")
}
