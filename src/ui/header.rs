//! The top line: the app's name, where you are, and whether work is saved.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::table::fit;
use crate::app::{App, Screen};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let place = match &app.screen {
        Screen::Session(screen) => screen.session.title.clone(),
        _ => app.screen_name().to_string(),
    };
    let state = match &app.screen {
        Screen::Session(screen) if screen.read_only.is_some() => Span::styled("read-only ", theme.warning()),
        // Autosave writes the open editor's text without closing it, so the
        // guard knows better than the screen whether the file is behind.
        Screen::Session(screen) if app.guard.unsaved || (!app.guard.is_locked() && screen.is_dirty()) => {
            Span::styled("● unsaved ", theme.warning())
        }
        Screen::Session(_) => match app.guard.saved_at {
            Some(at) => Span::styled(format!("✓ saved {} ", app.clock(at)), theme.success()),
            None => Span::styled("✓ saved ", theme.success()),
        },
        _ => Span::raw(""),
    };
    // Whose archive this is not, on every screen while the examples are open.
    let examples = match app.examples {
        Some(_) => Span::styled(format!(" {} ", crate::app::examples::LABEL), theme.selected()),
        None => Span::raw(""),
    };
    let state = Line::from(vec![examples, Span::raw(" "), state]);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(state.width() as u16)]).areas(area);
    // A long title is cut with "…", a space clear of the saved state.
    let room = usize::from(left.width).saturating_sub(" Roundtable › ".width() + 1);
    let title = Line::from(vec![
        Span::styled(" Roundtable", theme.title()),
        Span::styled(" › ", theme.muted()),
        Span::styled(fit(&place, room), theme.title()),
    ]);
    frame.render_widget(Paragraph::new(title), left);
    frame.render_widget(Paragraph::new(state), right);
}
