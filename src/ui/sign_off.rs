//! The minutes sign-off form: what is being recorded (circulated, the last
//! minutes approved, an amendment), and its one or two fields.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::fields::{self, Look};
use super::popup;
use crate::app::sign_off::{Action, Form};
use crate::app::{App, Screen};

pub fn draw(frame: &mut Frame, area: Rect, form: &Form, app: &App) {
    let theme = &app.theme;
    let (title, about) = words(form, app);
    let height = 7 + 3 * form.fields.len() as u16;
    let title = Line::styled(title, theme.title());
    let (block, rect) = popup::open(frame, area, 84, height, title, theme.focus_border());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut rows = vec![Constraint::Length(4)];
    rows.extend(form.fields.iter().map(|_| Constraint::Length(3)));
    let areas = Layout::vertical(rows).split(inner);
    let text = Line::from(vec![Span::raw(about)]);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), areas[0]);
    let (labels, hints) = form.labels();
    let rows = fields::with_one_error(labels, hints, &form.fields, form.error.as_ref());
    // Wider labels than other popups: "Circulated to", "What changes".
    let look = Look {
        label_width: 16,
        full: false,
    };
    fields::draw(frame, &areas[1..], rows, form.focus, look, theme);
}

/// The form's title and a sentence on what it records and where.
fn words(form: &Form, app: &App) -> (&'static str, String) {
    let Screen::Session(s) = &app.screen else {
        return (" Minutes ", String::new());
    };
    match form.kind {
        Action::Circulate => (
            " Minutes circulated ",
            format!(
                "Record that the minutes of \"{}\" were sent round today. They can be approved at the next session.",
                s.session.title.trim()
            ),
        ),
        Action::ApproveLast => {
            let last = s.sign_off.last.as_ref();
            let what = last
                .map(|l| format!("\"{}\" ({})", l.title.trim(), l.date.format("%-d %B %Y")))
                .unwrap_or_default();
            let stage = last.map(|l| l.minutes.summary()).unwrap_or_default();
            (
                " Approve the last minutes ",
                format!("Approve the minutes of {what} at this session; they are {stage}. Recorded in that session's file."),
            )
        }
        Action::Amend => (
            " Amend approved minutes ",
            "These minutes are approved and locked: a correction is recorded beside them, with who and today's date, and the minutes list it.".to_string(),
        ),
    }
}
