//! Drawing the session screen: a header line, the step navigator on the
//! left, the current section on the right and, when open, the item editor
//! over them.

mod editor;
mod guide;
mod list;
mod navigator;
mod rows;
mod section;
mod wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::session::SessionScreen;
use wrap::truncate;

/// Draws the session screen's body into `area`; the app draws the footer,
/// messages and help overlay around it.
pub fn draw(frame: &mut Frame, area: Rect, screen: &SessionScreen, theme: &Theme) {
    if area.width < 20 || area.height < 6 {
        let text = "Make the window larger to see the session.";
        frame.render_widget(Paragraph::new(text).style(theme.warning()), area);
        return;
    }
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(header(screen, head.width as usize, theme)), head);
    let nav_width = navigator::WIDTH.min(body.width / 3);
    let [nav, main] = Layout::horizontal([Constraint::Length(nav_width), Constraint::Min(1)])
        .spacing(1)
        .areas(body);
    navigator::draw(frame, nav, screen, theme);
    section::draw(frame, main, screen, theme);
    if let Some(open) = &screen.editor {
        editor::draw(frame, body, open, theme);
    }
}

/// "Title · 3 Dec 2026 · 7 of 9 present", the title cut to fit.
fn header(screen: &SessionScreen, width: usize, theme: &Theme) -> Line<'static> {
    let s = &screen.session;
    let present = s.present().count();
    let right = format!(
        " {} · {present} of {} present",
        rows::date(s.date),
        s.participants.len()
    );
    let title = truncate(&s.title, width.saturating_sub(right.width()));
    let pad = width.saturating_sub(title.width() + right.width());
    Line::from(vec![
        Span::styled(title, theme.title()),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, theme.muted()),
    ])
}
