//! The trash: sessions removed from the list, newest first, each ready to
//! be restored.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::table::{self, cell, fit};
use super::theme::Theme;
use crate::app::App;
use crate::app::message::count;
use crate::app::trash_view::TrashState;
use crate::storage::Entry;

const DATE: usize = 10;

pub fn draw(frame: &mut Frame, area: Rect, state: &TrashState, app: &App) {
    let theme = &app.theme;
    let [head, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let folder = TrashState::folder(app);
    let heading = match &state.problem {
        Some(problem) => Line::styled(
            format!(" ⚠ The trash could not be read: {problem}"),
            theme.error(),
        ),
        None => Line::from(vec![
            Span::styled(
                format!(
                    " {} in ",
                    count(state.entries.len(), "removed session", "removed sessions")
                ),
                theme.muted(),
            ),
            Span::raw(folder.clone()),
        ]),
    };
    frame.render_widget(Paragraph::new(heading).wrap(Wrap { trim: false }), head);
    let inner = table::boxed(frame, body, theme);
    if state.entries.is_empty() {
        let text = "  Nothing here. A session removed with d on the sessions list waits here until \
                    you restore it.";
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.muted())).wrap(Wrap { trim: false }),
            inner,
        );
        return;
    }
    let width = usize::from(inner.width);
    let rest = width.saturating_sub(DATE + 5);
    let (title_w, partnership_w) = (rest * 3 / 5, rest - rest * 3 / 5);
    let mut lines = vec![Line::styled(
        format!(
            "  {} {} {}",
            cell("Date", DATE),
            cell("Title", title_w),
            cell("Partnership", partnership_w)
        ),
        theme.title(),
    )];
    let visible = usize::from(inner.height).saturating_sub(1);
    let first = state.selected.saturating_sub(visible.saturating_sub(1));
    // For clicks: the rows under the header line.
    app.hits.list_drawn(crate::app::mouse::Drawn {
        rows: Rect::new(inner.x, inner.y + 1, inner.width, visible as u16),
        first,
        per_item: 1,
        len: state.entries.len(),
    });
    for (i, entry) in state.entries.iter().enumerate().skip(first).take(visible) {
        lines.push(row(entry, i == state.selected, [title_w, partnership_w], theme));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn row(entry: &Entry, selected: bool, [title_w, partnership_w]: [usize; 2], theme: &Theme) -> Line<'static> {
    let marker = if selected { "▶ " } else { "  " };
    let text = match &entry.session {
        Ok(s) => format!(
            "{marker}{} {} {}",
            cell(&s.date.format("%Y-%m-%d").to_string(), DATE),
            cell(&s.title, title_w),
            cell(&s.partnership, partnership_w)
        ),
        Err(_) => format!(
            "{marker}{} {} {}",
            cell("?", DATE),
            cell(&entry.file_name(), title_w),
            fit("⚠ unreadable", partnership_w)
        ),
    };
    if selected {
        Line::styled(text, theme.selected())
    } else if entry.session.is_err() {
        Line::styled(text, theme.error())
    } else {
        Line::raw(text)
    }
}
