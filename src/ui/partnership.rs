//! The partnership screen: a heading, a row of tabs (the one shown in
//! brackets, so it reads without colour) and the tab's own drawing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::table::fit;
use super::theme::Theme;
use super::{partnership_attendance, partnership_grid, partnership_health};
use crate::app::message::count;
use crate::app::partnership::{PartnershipState, Tab};
use crate::app::timeline::NO_PARTNERSHIP;

pub fn draw(frame: &mut Frame, area: Rect, state: &PartnershipState, theme: &Theme) {
    let f = &state.figures;
    let [head, tabs, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let name = if f.name.is_empty() {
        NO_PARTNERSHIP
    } else {
        &f.name
    };
    let heading = format!(
        " {name} · {} · {}",
        count(f.sessions, "session", "sessions"),
        count(f.engagement.organisations.len(), "organisation", "organisations")
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&heading, usize::from(area.width)),
            theme.title(),
        )),
        head,
    );
    let mut spans = vec![Span::raw(" ")];
    for (i, tab) in Tab::ALL.into_iter().enumerate() {
        let text = format!("{} {}", i + 1, tab.title());
        if tab == state.tab {
            spans.push(Span::styled(format!("[{text}]"), theme.selected()));
        } else {
            spans.push(Span::styled(format!(" {text} "), theme.muted()));
        }
        spans.push(Span::raw("  "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
    match state.tab {
        Tab::Attendance => partnership_attendance::draw(frame, body, state, theme),
        Tab::WhoDoesWhat => partnership_grid::draw(frame, body, state, theme),
        Tab::Health => partnership_health::draw(frame, body, state, theme),
    }
}

/// A note in place of a table with nothing to show.
pub(super) fn empty(frame: &mut Frame, area: Rect, text: &str, theme: &Theme) {
    let inset = Rect {
        x: area.x + 2,
        width: area.width.saturating_sub(2),
        ..area
    };
    let note = Paragraph::new(Line::styled(text.to_string(), theme.muted())).wrap(Wrap { trim: true });
    frame.render_widget(note, inset);
}
