//! A box centred over the screen, cleared of what is underneath.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Padding};

/// Clears a centred `width`×`height` box (clamped to `area`) and returns its
/// bordered block and outer rectangle.
pub fn open<'a>(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: Line<'a>,
    border: Style,
) -> (Block<'a>, Rect) {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
        .padding(Padding::horizontal(1))
        .title(title);
    (block, rect)
}
