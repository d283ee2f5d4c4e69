//! Drawing the session screen. (Skeleton: the session-screen work item
//! fills this in; keep `draw` as the contract with the app.)

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::session::SessionScreen;

/// Draws the session screen's body into `area`; the app draws the footer,
/// messages and help overlay around it.
pub fn draw(frame: &mut Frame, area: Rect, screen: &SessionScreen, theme: &Theme) {
    frame.render_widget(
        Paragraph::new(screen.session.title.as_str()).style(theme.title()),
        area,
    );
}
