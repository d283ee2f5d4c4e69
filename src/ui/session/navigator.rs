//! The step navigator on the left: the six steps, then what runs through
//! them, each with how many items it holds.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::wrap::truncate;
use crate::app::session::SessionScreen;
use crate::app::session::section::Section;
use crate::ui::theme::Theme;

/// Columns the navigator takes, border included.
pub const WIDTH: u16 = 26;

fn count(screen: &SessionScreen, section: Section) -> usize {
    let s = &screen.session;
    match section {
        Section::Step(step) => s.step_item_count(step),
        Section::Participants => s.participants.len(),
        Section::Decisions => s.decisions.len() + s.actions.len(),
        Section::ParkingLot => s.parking_lot.len(),
    }
}

fn row(screen: &SessionScreen, section: Section, width: usize, theme: &Theme) -> Line<'static> {
    let selected = screen.nav.section == section;
    let name = match section {
        Section::Step(step) => format!("{} {}", step.number(), section.label()),
        _ => section.label().to_string(),
    };
    let n = count(screen, section);
    let n = if n == 0 { String::new() } else { n.to_string() };
    let marker = if selected { "▶" } else { " " };
    let room = width.saturating_sub(n.width() + 2);
    let name = truncate(&name, room);
    let pad = width.saturating_sub(1 + name.width() + n.width() + 1);
    let text = format!("{marker}{name}{}{n} ", " ".repeat(pad));
    let style = if selected {
        theme.selected()
    } else {
        Default::default()
    };
    Line::from(Span::styled(text, style))
}

pub fn draw(frame: &mut Frame, area: Rect, screen: &SessionScreen, theme: &Theme) {
    let block = Block::new().borders(Borders::RIGHT).border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = vec![Line::styled(" Steps", theme.title())];
    for section in &Section::ALL[..6] {
        lines.push(row(screen, *section, width, theme));
    }
    lines.push(Line::styled(" Throughout", theme.title()));
    for section in &Section::ALL[6..] {
        lines.push(row(screen, *section, width, theme));
    }
    let quiet: Vec<&str> = screen
        .session
        .present()
        .filter(|p| p.contributions == 0)
        .map(|p| p.name.as_str())
        .collect();
    if !quiet.is_empty() && inner.height as usize > lines.len() + 2 {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(" Not heard yet: {}", quiet.len()),
            theme.warning(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
